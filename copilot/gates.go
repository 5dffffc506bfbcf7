package copilot

import (
	"context"
	"encoding/json"
	"time"
)

// Capabilities the eval harness measures and the gates open or close.
const (
	CapSimilar   = "similar"
	CapSummary   = "summary"
	CapFollowUps = "followups"
	CapRunbook   = "runbook"
)

// Capabilities lists them in the order reports show them.
var Capabilities = []string{CapSimilar, CapSummary, CapFollowUps, CapRunbook}

// Gate modes. A capability acts on its own (posts unasked in a live incident) only
// with ModeAct; ModeSuggest answers when a person asks, labelled unverified; ModeOff
// does not answer at all.
const (
	ModeAct     = "act"
	ModeSuggest = "suggest_only"
	ModeOff     = "off"
)

// CapabilityStatus is what the gates say of one capability now.
type CapabilityStatus struct {
	Capability string `json:"capability"`
	Mode       string `json:"mode"`
	// Verified is set when the latest eval run on the current configuration passed
	// its gate; answers carry it so people can tell measured from unmeasured.
	Verified bool `json:"verified"`
	// Reason says why in words ("no eval run on this configuration", "off by
	// configuration", "passed on 2026-12-01: f1 0.86 >= 0.80").
	Reason string `json:"reason"`
	// Gate is what the eval runs say, whatever the operator set: GatePass,
	// GateFail or GateUnknown ("" without gates).
	Gate string `json:"gate,omitempty"`
	// Run is the run the gate was decided on, with its thresholds.
	Run *GateRun `json:"run,omitempty"`
}

// Gates decide, from stored eval runs and the operator's configuration, what each
// capability may do. A nil Gates means nothing is verified: every capability is
// suggest-only.
type Gates interface {
	// Capability returns the status of one capability. Errors: EINVALID for an
	// unknown capability, EUNAVAILABLE.
	Capability(ctx context.Context, name string) (CapabilityStatus, error)
}

// Capability asks the configured gates, or answers suggest-only without them.
func (c *Copilot) Capability(ctx context.Context, name string) (CapabilityStatus, error) {
	if c.Gates == nil {
		return CapabilityStatus{Capability: name, Mode: ModeSuggest, Reason: "no gates configured"}, nil
	}
	return c.Gates.Capability(ctx, name)
}

// Gate states, as CapabilityStatus.Gate says them.
const (
	GatePass    = "pass"
	GateFail    = "fail"
	GateUnknown = "unknown" // no eval run on the current configuration
)

// EvalConfig is everything an eval run's figures depend on. A gate opened by a run
// stays open only while the running process has the same configuration (the dataset
// fields excepted: any big enough labelled dataset may open it).
type EvalConfig struct {
	DatasetHash string `json:"dataset_hash"`
	// DatasetSize is the number of labelled incidents in the split the gates read;
	// a run on too few cannot open a gate.
	DatasetSize   int    `json:"dataset_size"`
	Embedder      string `json:"embedder"`
	Lexicon       string `json:"lexicon"`
	Redaction     string `json:"redaction"`
	Engine        string `json:"engine"`
	EngineVersion string `json:"engine_version"`
	Prompts       string `json:"prompts"`
	Model         string `json:"model,omitempty"`
	// Search is how similar-incident search ranks (fusion, vector share, lexical
	// normalisation): the figures of a run with other search settings say nothing of
	// this process's answers.
	Search string `json:"search,omitempty"`
	Commit string `json:"commit"`
}

// Differences lists, as "embedder local-384 → local-256", the fields other than the
// dataset in which o differs from c; none means a run on o counts for c.
func (c EvalConfig) Differences(o EvalConfig) []string {
	var out []string
	for _, f := range []struct{ name, a, b string }{
		{"embedder", c.Embedder, o.Embedder}, {"lexicon", c.Lexicon, o.Lexicon},
		{"redaction", c.Redaction, o.Redaction}, {"engine", c.Engine, o.Engine},
		{"engine version", c.EngineVersion, o.EngineVersion}, {"prompts", c.Prompts, o.Prompts},
		{"model", c.Model, o.Model}, {"search", c.Search, o.Search}, {"commit", c.Commit, o.Commit},
	} {
		if f.a != f.b {
			out = append(out, f.name+" "+orNone(f.b)+" → "+orNone(f.a))
		}
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// EvalRun is one capability's stored eval outcome.
type EvalRun struct {
	ID         int64  `json:"id"`
	Capability string `json:"capability"`
	// Engine is the engine that answered most of the run's items.
	Engine string     `json:"engine"`
	Config EvalConfig `json:"config"`
	// Metrics is the capability's metrics as the eval harness wrote them.
	Metrics   json.RawMessage `json:"metrics"`
	Passed    bool            `json:"passed"`
	CreatedAt time.Time       `json:"created_at"`
}

// EvalRuns keeps eval runs so gates can be decided from them.
type EvalRuns interface {
	// RecordEvalRun stores a run and sets its ID and CreatedAt. Errors: EUNAVAILABLE.
	RecordEvalRun(ctx context.Context, run *EvalRun) error
	// EvalRuns lists a capability's runs, newest first, at most limit.
	// Errors: EUNAVAILABLE.
	EvalRuns(ctx context.Context, capability string, limit int) ([]EvalRun, error)
}

// GateCheck is one threshold of a capability checked against its run.
type GateCheck struct {
	Metric   string  `json:"metric"`
	Split    string  `json:"split"`
	Value    float64 `json:"value"`
	Measured bool    `json:"measured"`
	Min      float64 `json:"min"`
	Baseline string  `json:"baseline,omitempty"` // Min is this baseline's value
	Pass     bool    `json:"pass"`
}

// GateRun is the run a capability's status rests on.
type GateRun struct {
	ID        int64       `json:"id"`
	CreatedAt time.Time   `json:"created_at"`
	Engine    string      `json:"engine"`
	Config    EvalConfig  `json:"config"`
	Checks    []GateCheck `json:"checks"`
}
