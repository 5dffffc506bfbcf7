package local

import (
	"testing"
	"time"
)

// A deadline after an event that names no day ("I'll put that in the release
// checklist by friday") is the day; "should have it by friday" looks ahead,
// unlike "should have caught this on the 13th", which tells what would have
// been.
func TestDueAfterAnUndatedEventAndShouldHaveIt(t *testing.T) {
	wantDueDates(t, []dueCase{
		{"before any validator change ships we should replay last week's feeds in staging. I'll put that in the release checklist by friday", "2026-03-13"},
		{"I'll build an hourly journal vs ledger count check that pages us. should have it by friday", "2026-03-13"},
		{"I'll have a draft by the 24th, should have that reviewed by friday too", "2026-03-24"},
		{"an hourly count check should have caught this on the 13th", ""},
		{"we should have had the alert by friday", ""},
	})
}

// dueCase is a promise's text and the deadline findDue should read in it, said
// on a tuesday, 2026-03-10.
type dueCase struct{ text, want string }

// wantDueDates checks findDue on each case, said as a commitment.
func wantDueDates(t *testing.T, cases []dueCase) {
	t.Helper()
	said := time.Date(2026, 3, 10, 10, 0, 0, 0, time.UTC) // a tuesday
	for _, tt := range cases {
		if _, got := findDue(tt.text, said, true); got != tt.want {
			t.Errorf("findDue(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A tracker bot's "created OPS-4472: … (assignee: kofi)" for an item nobody
// took ("playout pod not Ready > 60s should page us directly") makes the
// assignee its owner when the name is someone in the channel; a full name
// nobody writes with leaves it unowned.
func TestTrackerAssigneeOwnsAnUntakenItem(t *testing.T) {
	for _, tt := range []struct{ assignee, want string }{{"kofi", "kofi"}, {"Marta Kowalczyk", ""}} {
		inc := chatOf(
			said{"ruth", "playout pod evicted by the node upgrade, station silent for 40s", false},
			said{"kofi", "force-detached the volume, pod rescheduled in zone b, audio back", false},
			said{"halvard", "resolved", false},
			said{"kofi", "also: playout pod not Ready > 60s should page us directly. tonight the silence alarm at the transmitter beat our own alerting", false},
			said{"jira", "created OPS-4472: Alert when playout-automation pod NotReady > 60s (assignee: " + tt.assignee + ")", true},
		)
		got := followUpsBySource(t, inc)
		it, ok := got[inc.Messages[3].TS]
		if !ok {
			t.Fatalf("assignee %q: the alert is no follow-up", tt.assignee)
		}
		if it.TicketKey != "OPS-4472" || it.Owner != tt.want {
			t.Errorf("assignee %q: ticket %q owner %q, want OPS-4472 owner %q", tt.assignee, it.TicketKey, it.Owner, tt.want)
		}
	}
}

// A stopgap asked of someone ("@joon_cc can we keep the 12G for now?") stays
// one when they agree and promise to note it: the agreement does not make it
// work to outlive the incident. The alert promised after it is a follow-up.
func TestStopgapTakenUpIsNoFollowUp(t *testing.T) {
	inc, got := followUpsOf(t,
		"lena: @joon_cc can we keep the 12G for now?",
		"joon_cc: yes, billed hourly, scale down whenever you like. I'll note it on the ticket",
		"sanne: I'll add an alert on redis used_memory above 80% of maxmemory",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}

// "We cannot do that, Bronwyn. Blocking removals would stop emergency doses"
// in answer to a proposal turns it down, like "we can't, …".
func TestWeCannotDoThatTurnsDown(t *testing.T) {
	inc, got := followUpsOf(t,
		"bron: can we make the cabinets refuse CD removals when the ledger is behind?? then this can't happen to my nurses again",
		"^4 hkaur: We cannot do that, Bronwyn. Blocking removals would stop emergency doses on the wards, which is a far greater risk than a ledger gap we can recover from.",
		"hkaur: I will ask the vendor to raise the journal retention to 30 days.",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}

// An entry numbered "(4)" is called off by "scratch (4)" like "scratch 4)",
// and the reason given with it ("500ms is a broadcast budget … we shouldn't
// need more") is no item of its own.
func TestScratchParenthesisedEntry(t *testing.T) {
	inc, got := followUpsOf(t,
		"hal: (3) I'll write up NodeLocal DNSCache for every node and own the rollout.",
		"hal: (4) and I'll raise the stitcher VAST timeout from 500 to 800ms so a single DNS retry doesn't cost us a whole break.",
		"^5 ruth: on (4): 800ms doesn't work for us. the cue arrives ~700ms before the break starts, if the stitcher waits 800 the first spot is already late",
		"^5 hal: Fair, scratch (4). 500ms is a broadcast budget, not an arbitrary number, and with DNS fixed we shouldn't need more.",
	)
	wantFollowUpLines(t, inc, got, true, false, false, false)
}

// "I'm glad to draft the wording myself by Friday" offers the work: its
// speaker owns the request it closes.
func TestGladToOffersTheWork(t *testing.T) {
	inc, got := followUpsOf(t,
		"ingrid: One request from the library side, if I may: could the runbook say what branch staff should tell patrons when availability is stale? Today I improvised. I'm glad to draft the wording myself by Friday.",
	)
	it, ok := got[ts(inc, 0)]
	if !ok || it.Owner != "ingrid" {
		t.Errorf("the runbook wording: found %v owner %q, want owner ingrid", ok, it.Owner)
	}
}
