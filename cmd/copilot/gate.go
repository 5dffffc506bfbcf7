package main

import (
	"context"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// cliGate asks the gates about a capability before the CLI answers, as the API
// does: a capability the operator turned off does not answer, and the answer says
// whether the capability passed its evaluation.
func cliGate(ctx context.Context, cp *copilot.Copilot, capability string) (verified bool, err error) {
	st, err := cp.Capability(ctx, capability)
	if err != nil {
		return false, err
	}
	if st.Mode == copilot.ModeOff {
		return false, copilot.Errorf(copilot.EUNAVAILABLE, "Capability %q is turned off by the operator (COPILOT_CAPABILITIES).", capability)
	}
	return st.Verified, nil
}

// unverifiedNote marks text output from a capability without a passing eval run.
func unverifiedNote(verified bool) string {
	if verified {
		return ""
	}
	return " — unverified: this capability has not passed its evaluation (copilot capabilities)"
}
