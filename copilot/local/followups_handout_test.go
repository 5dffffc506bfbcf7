package local

import "testing"

// An agreement that hands the ideas just said out to people is no idea of its
// own: each named person owns the idea named beside them, and a deadline said for
// "both" dates each.
func TestAgreementHandsOutIdeas(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: followups before people scatter",
		"ola: ratelimit config goes straight to prod on merge. we should have a CI check that fails when the default descriptor drops below a floor",
		"jules: and a shadow mode: push the new config, log what it WOULD reject for 10 min, then enforce",
		"maya: +1 all. @ola owns the CI check, jules the shadow mode, both by end of next sprint pls",
	)
	wantFollowUpLines(t, inc, got, false, true, true, false)
	for line, owner := range map[int]string{1: "ola", 2: "jules"} {
		it := got[ts(inc, line)]
		if it.Owner != owner || it.DueText != "by end of next sprint" {
			t.Errorf("line %d: owner %q due %q, want %s by the end of next sprint", line, it.Owner, it.DueText, owner)
		}
	}
}

// A hand-out that names something no earlier item says keeps its own item.
func TestHandOutOfSomethingNew(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: followups before people scatter",
		"ola: we should have a CI check that fails when the default descriptor drops below a floor",
		"maya: +1. @ola owns the CI check, jules a load test of the gateway at 3x peak before the sale",
	)
	wantFollowUpLines(t, inc, got, false, true, true)
}
