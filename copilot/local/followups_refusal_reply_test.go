package local

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

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

// In a wrap-up thread, "the purge job needs to delete in small batches … I'll
// take that one" takes its own idea, not the alert promised just before it.
func TestTakingOwnIdeaLeavesThePreviousOwner(t *testing.T) {
	inc := &copilot.Incident{ID: "T-9"}
	add := func(ts, who, text, th string) {
		inc.Messages = append(inc.Messages, copilot.Message{TS: ts, UserName: who, Text: text, ThreadTS: th})
	}
	add("1700000000.000100", "pagerduty", "[TRIGGERED] double bookings", "")
	add("1700000060.000100", "tomasz", "setting DB_READ_ENDPOINT=primary, rolling", "")
	add("1700000120.000100", "priya", "calling it resolved. reads stay on primary for now", "")
	add("1700000180.000100", "priya", "wrap-up in thread, shout if I've missed anything", "")
	add("1700000240.000100", "kwame", "I'll add a replica lag alert: warn at 30s and page at 2 minutes on replay_lag, for every standby we run. Filed as DD-412.", "1700000180.000100")
	add("1700000300.000100", "priya", "the purge job needs to delete in small batches and back off when the replica is behind. I'll take that one", "1700000180.000100")
	got := followUpsBySource(t, inc)
	if it, ok := got["1700000240.000100"]; !ok || it.Owner != "kwame" {
		t.Errorf("replica lag alert: %+v, want owner kwame", it)
	}
}

// "no need, streak-service has /admin/streaks/repair … i run it" after "I'll
// write a script to restore those streaks in bulk": what the promise would build
// exists. "no need for a ticket" said by the promiser is no such reply.
func TestPromiseNotNeeded(t *testing.T) {
	inc, got := followUpsOf(t,
		"tomasz: I'll write a script to restore those streaks in bulk",
		"javi: no need, streak-service has /admin/streaks/repair with a user list. i run it",
		"kenji: I'll add an alert on redis evictions for the reminders instance",
	)
	for i, want := range []bool{false, false, true} {
		if _, ok := got[ts(inc, i)]; ok != want {
			t.Errorf("line %d: follow-up %v, want %v", i, ok, want)
		}
	}
}
