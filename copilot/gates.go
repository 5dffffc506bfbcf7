package copilot

import "context"

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
