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
	said := time.Date(2026, 3, 10, 10, 0, 0, 0, time.UTC) // a tuesday
	for _, tt := range []struct{ text, want string }{
		{"before any validator change ships we should replay last week's feeds in staging. I'll put that in the release checklist by friday", "2026-03-13"},
		{"I'll build an hourly journal vs ledger count check that pages us. should have it by friday", "2026-03-13"},
		{"I'll have a draft by the 24th, should have that reviewed by friday too", "2026-03-24"},
		{"an hourly count check should have caught this on the 13th", ""},
		{"we should have had the alert by friday", ""},
	} {
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
