package local

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Readings from dev60 once dev62 was in place: "switch" is a change like
// "move" or "replace", and a ticket that shares with an item only its
// component and the verb of change ("erx-sender: switch to structured JSON
// logs" for "switch the portal contact to the erx-oncall@ alias") is other work.
func TestReadingsFresh61(t *testing.T) {
	inc, got := followUpsOf(t,
		"lucia: root cause for the record: the vendor client cert expired. marking resolved",
		"lucia: follow-ups, owners please",
		"mo: I'll switch the rxnet portal technical contact from carla to the erx-oncall@ alias, today",
	)
	wantFollowUpLines(t, inc, got, false, false, true)

	tickets := []copilot.Ticket{
		{Key: "ERX-1165", Title: "erx-sender: switch to structured JSON logs"},
		{Key: "ERX-1180", Title: "erx-sender: publish client certificate expiry as a gauge"},
	}
	items, w := mutualCase([]string{
		"I'll switch the rxnet portal technical contact from carla to the erx-oncall@ alias, today",
		"erx-sender should switch its logs to structured json",
	}, tickets)
	New(nil).matchMutual(items, tickets, w, nil)
	if items[0].ticket != "" {
		t.Errorf("the contact switch is captured by %s, which shares only its component and its verb", items[0].ticket)
	}
	if items[1].ticket != "ERX-1165" {
		t.Errorf("the log switch is captured by %q, want ERX-1165", items[1].ticket)
	}
	if !onlyWhere(tickets[0].Title, items[0].text, items[0].terms) {
		t.Error("onlyWhere: the verb of change counts as what the ticket is")
	}
}
