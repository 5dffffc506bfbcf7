package local

import "testing"

// "OPS-4521 covers it" in reply to an idea files the idea under that ticket, even
// when the ticket was filed for an item before it; a speaker who calls off an idea
// of their own because a ticket covers it files nothing of anyone else's.
func TestTicketThatCoversTheIdea(t *testing.T) {
	inc, got := followUpsOf(t,
		"kenji: I'll add an alert when a replication slot retains more than 10 GB, filed OPS-4521",
		"rafael: maybe we can also do a weekly report of all the replication slots in all the databases, sent by email?",
		"kenji: OPS-4521 covers it, an alert beats a report nobody reads",
	)
	if it, ok := got[ts(inc, 1)]; ok && (!it.Captured || it.TicketKey != "OPS-4521") {
		t.Errorf("the report idea: %+v, want captured by OPS-4521 or no item", it)
	}
	if it, ok := got[ts(inc, 0)]; !ok || it.TicketKey != "OPS-4521" {
		t.Errorf("the alert item: %+v (found %v), want OPS-4521", it, ok)
	}

	inc, got = followUpsOf(t,
		"shawna: I'll write a short agent script for 'bad bill batch' days and put it in the KB",
		"kyle: scratch my control total idea, BILL-2231 covers it",
	)
	if it, ok := got[ts(inc, 0)]; !ok || it.Captured {
		t.Errorf("shawna's script: %+v (found %v), want an uncaptured item", it, ok)
	}
}
