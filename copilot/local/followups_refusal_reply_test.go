package local

import "testing"

// A promise its speaker drops once told it exists already ("ah ok, dropping
// that one then"), and a "No." that turns a question down with its reasons,
// are no follow-ups; the promises around them still are.
func TestDroppedPromiseAndRefusalReply(t *testing.T) {
	inc, got := followUpsOf(t,
		"tobi: I'll make StartTrip return a real error code by wednesday",
		"tobi: also I'll add a rule to the migration linter so nobody creates a new SERIAL",
		"hanna: That rule has existed since 2023, new tables get bigint identity by default. It's the old ones that bite.",
		"tobi: ah ok, dropping that one then",
		"tobi: should we also switch off retries for every outbound http client? seems safer",
		"hanna: No. Most of them are GETs and idempotent, and the retries saved us last month. Only the payment paths need the stable-key rule.",
		"sanne: I'll add the kill switch and the refund script to the billing runbook today",
	)
	for i, want := range []bool{true, false, false, false, false, false, true} {
		if _, ok := got[ts(inc, i)]; ok != want {
			t.Errorf("line %d: follow-up %v, want %v", i, ok, want)
		}
	}
	// A no that promises something of its own is still a follow-up.
	inc, got = followUpsOf(t,
		"ana: should we page on every 5xx?",
		"bo: no, too noisy. I'll add an alert on the 5xx ratio over 5 minutes instead",
	)
	if _, ok := got[ts(inc, 1)]; !ok {
		t.Error("a no with its own promise read as no follow-up")
	}
}
