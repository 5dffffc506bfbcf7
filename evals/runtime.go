package evals

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// RuntimeGates decide, per capability, what the running process may do: the latest
// recorded eval run on its configuration must pass the targets for a capability to
// act; anything else (no run, a run on another configuration, a failed or too small
// run) leaves it suggest-only, and the operator can turn any capability down.
type RuntimeGates struct {
	Runs copilot.EvalRuns
	// Config is the running process's configuration; runs on another one do not
	// count (the dataset fields are not compared).
	Config copilot.EvalConfig
	// Targets are the thresholds (TargetGates when nil).
	Targets *GateSet
	// Operator holds modes set by configuration (COPILOT_CAPABILITIES). ModeOff and
	// ModeSuggest win over any eval; ModeAct only allows what the gate allows.
	Operator map[string]string
	// Feedback, when set, demotes a capability that passed its gate to suggest-only
	// when people's verdicts on its answers since that run say it is wrong too often
	// (FeedbackDemotion: the 👎 share of Slack's 👍/👎).
	Feedback Feedback
}

// Feedback is the hook for demotion by what people say of the answers.
type Feedback interface {
	// Demote reports whether the capability should only suggest, judging the
	// verdicts given since the eval run that opened its gate, and why.
	Demote(ctx context.Context, capability string, since time.Time) (demote bool, reason string, err error)
}

// Votes counts the verdicts on a capability's answers.
type Votes interface {
	// CapabilityVotes counts 👍 and 👎 on the capability's answers given after since,
	// over the last `last` verdicts at most. Errors: EUNAVAILABLE.
	CapabilityVotes(ctx context.Context, capability string, since time.Time, last int) (up, down int, err error)
}

// FeedbackDemotion demotes a capability whose 👎 share over its last Window verdicts
// (at least MinVotes of them, given after the run that opened its gate) is above
// MaxDown. A new eval run starts the count again.
type FeedbackDemotion struct {
	Votes    Votes
	Window   int     // verdicts looked at; 0 means 50
	MinVotes int     // fewer verdicts decide nothing; 0 means 5
	MaxDown  float64 // 👎 share above which the capability only suggests; 0 means 0.3
}

// Demote implements Feedback.
func (d FeedbackDemotion) Demote(ctx context.Context, capability string, since time.Time) (bool, string, error) {
	window, minVotes, maxDown := d.Window, d.MinVotes, d.MaxDown
	if window <= 0 {
		window = 50
	}
	if minVotes <= 0 {
		minVotes = 5
	}
	if maxDown <= 0 {
		maxDown = 0.3
	}
	up, down, err := d.Votes.CapabilityVotes(ctx, capability, since, window)
	if err != nil {
		return false, "", err
	}
	n := up + down
	if n < minVotes {
		return false, "", nil
	}
	share := float64(down) / float64(n)
	if share <= maxDown {
		return false, "", nil
	}
	return true, fmt.Sprintf("%d of the last %d verdicts were 👎 (%.0f%% > %.0f%%) since the eval run of %s; a new eval run clears it",
		down, n, 100*share, 100*maxDown, since.UTC().Format("2006-01-02 15:04")), nil
}

var _ copilot.Gates = (*RuntimeGates)(nil)

// runsToScan bounds how far back a run on the current configuration is looked for.
const runsToScan = 50

// Capability implements copilot.Gates.
//
// Errors: EINVALID for an unknown capability, EUNAVAILABLE.
func (g *RuntimeGates) Capability(ctx context.Context, name string) (copilot.CapabilityStatus, error) {
	if !slices.Contains(copilot.Capabilities, name) {
		return copilot.CapabilityStatus{}, copilot.Errorf(copilot.EINVALID, "capability %q is not one of %s", name, strings.Join(copilot.Capabilities, ", "))
	}
	st := copilot.CapabilityStatus{Capability: name, Mode: copilot.ModeSuggest, Gate: copilot.GateUnknown}
	runs, err := g.Runs.EvalRuns(ctx, name, runsToScan)
	if err != nil {
		return st, err
	}
	var run *copilot.EvalRun
	for i := range runs {
		if len(g.Config.Differences(runs[i].Config)) == 0 {
			run = &runs[i]
			break
		}
	}
	switch {
	case run == nil && len(runs) == 0:
		st.Reason = "unknown: no eval run recorded; run 'copilot eval'"
	case run == nil:
		st.Reason = "unknown: no eval run on this configuration (latest run differs: " + strings.Join(g.Config.Differences(runs[0].Config), "; ") + "); run 'copilot eval'"
	default:
		g.decide(&st, run)
	}
	if g.Feedback != nil && st.Mode == copilot.ModeAct && run != nil {
		demote, why, err := g.Feedback.Demote(ctx, name, run.CreatedAt)
		if err != nil {
			return st, err
		}
		if demote {
			st.Mode, st.Reason = copilot.ModeSuggest, "demoted by feedback: "+why
		}
	}
	switch g.Operator[name] {
	case copilot.ModeOff:
		st.Mode, st.Reason = copilot.ModeOff, "turned off by the operator (COPILOT_CAPABILITIES); gate: "+st.Gate
	case copilot.ModeSuggest:
		if st.Mode == copilot.ModeAct {
			st.Mode, st.Reason = copilot.ModeSuggest, "suggest-only by the operator (COPILOT_CAPABILITIES); gate passed"
		}
	}
	return st, nil
}

// decide checks a run on the current configuration against the targets.
func (g *RuntimeGates) decide(st *copilot.CapabilityStatus, run *copilot.EvalRun) {
	targets := g.Targets
	if targets == nil {
		targets = TargetGates()
	}
	r := &Report{}
	if err := json.Unmarshal(run.Metrics, &r.Metrics); err != nil {
		st.Reason = fmt.Sprintf("unknown: eval run %d has unreadable metrics", run.ID)
		return
	}
	gates := targets.CapabilityGates(st.Capability)
	passed := len(gates) > 0 && r.Check(gates)
	gr := &copilot.GateRun{ID: run.ID, CreatedAt: run.CreatedAt, Engine: run.Engine, Config: run.Config}
	for _, res := range r.Gates {
		min := res.Min
		if res.Baseline != "" {
			min = res.Want
		}
		gr.Checks = append(gr.Checks, copilot.GateCheck{Metric: res.Metric, Split: res.Split, Value: res.Value, Measured: res.Measured, Min: min, Baseline: res.Baseline, Pass: res.Pass})
	}
	st.Run = gr
	day := run.CreatedAt.UTC().Format("2006-01-02")
	if !passed {
		st.Gate = copilot.GateFail
		failed := r.Failed()
		if len(gates) == 0 {
			failed = []string{"no target gates for this capability"}
		}
		st.Reason = fmt.Sprintf("failed on %s (run %d): %s", day, run.ID, strings.Join(failed, "; "))
		return
	}
	st.Gate, st.Verified, st.Mode = copilot.GatePass, true, copilot.ModeAct
	var ok []string
	for _, c := range gr.Checks {
		ok = append(ok, fmt.Sprintf("%s/%s %s >= %s", c.Split, c.Metric, formatValue(c.Value), formatValue(c.Min)))
	}
	st.Reason = fmt.Sprintf("passed on %s (run %d): %s", day, run.ID, strings.Join(ok, ", "))
}

// ParseModes reads operator modes: "similar:act,runbook:off,summary:suggest_only".
//
// Errors: EINVALID naming the bad entry.
func ParseModes(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, mode, ok := strings.Cut(part, ":")
		name, mode = strings.TrimSpace(name), strings.TrimSpace(mode)
		if !ok || !slices.Contains(copilot.Capabilities, name) {
			return nil, copilot.Errorf(copilot.EINVALID, "COPILOT_CAPABILITIES: %q: want CAPABILITY:MODE with CAPABILITY one of %s", part, strings.Join(copilot.Capabilities, ", "))
		}
		switch mode {
		case copilot.ModeAct, copilot.ModeSuggest, copilot.ModeOff:
		default:
			return nil, copilot.Errorf(copilot.EINVALID, "COPILOT_CAPABILITIES: %q: mode must be %s, %s or %s", part, copilot.ModeAct, copilot.ModeSuggest, copilot.ModeOff)
		}
		out[name] = mode
	}
	return out, nil
}
