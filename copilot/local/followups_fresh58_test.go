package local

import "testing"

// Readings from dev58: an idea a report says it considered and rejected, a
// reply that waits to see, a note for someone instead of the postmortem, and a
// plan said in the wrap-up with a deadline though it says "first".
func TestReadingsFresh58(t *testing.T) {
	readingTests{
		{"We considered and rejected lowering the MTU on every server NIC.", true},
		{"We discussed moving the cache to another tier and rejected it: the problem is the client.", true},
		{"We considered lowering the MTU on every server NIC.", false},
		{"We rejected the bad certificates at the gateway.", false},
	}.check(t, "fuTurnedDownRE", fuTurnedDownRE.MatchString)
	readingTests{
		{"maybe, it all goes to #lms-alerts. lets see once the new alert exists", true},
		{"we'll see after the load test", true},
		{"I'll add the alert once the exporter exists", false},
	}.check(t, "deferred", deferred)
	readingTests{
		{"thanks all. no full postmortem for this one, I'll write the short note for the registrar", true},
		{"no postmortem needed, but I'll add an alert on account expiry", false},
	}.check(t, "paperwork", paperwork)

	// Mitigated, not yet resolved: the wrap-up has begun.
	inc := chat(
		"ana: feed to the grid operator frozen since 09:55",
		"ben: restarted the collector, feed is live again, mitigated",
		"ana: I'll agree a procedure with the grid operator: when our feed is stale > 10 min we phone them first. it goes in the control room manual by EOW",
		"ben: ok, keeping the channel open until the vendor confirms the root cause",
	)
	got := followUpsBySource(t, inc)
	if _, ok := got[inc.Messages[2].TS]; !ok {
		t.Errorf("a plan with a deadline in the wrap-up is no item; items: %v", got)
	}
	if !docHasItem(t, "dev18/documents/wf-0925-scada-freeze.json", "agree a procedure with the TSO") {
		t.Errorf("dev18: the procedure promise is not an item")
	}
}

// A wrap-up held after someone declared the incident mitigated, while the
// permanent fix still rolls out before a late resolution, is past the
// bleeding: its promises are items (dev58's search chat had lost them).
func TestDeclaredMitigationEndsBleedingFresh58(t *testing.T) {
	readingTests{
		{"mitigated 18:22. keeping the sev2 open while we sort out the sanitiser", true},
		{"ok so, calling it mitigated. leaving channel open until terraform matches live", true},
		{"queue empty. p95 back to 9s. mitigated ~19:54", true},
		{"not mitigated yet, cpu still pinned", false},
		{"is it mitigated?", false},
	}.check(t, "fuDeclaredMitigatedRE", fuDeclaredMitigatedRE.MatchString)

	if !docHasItem(t, "dev58/documents/ib-search-sanitiser-cpu.json", "256") {
		t.Errorf("dev58: the length cap promised in the wrap-up is no item")
	}
}
