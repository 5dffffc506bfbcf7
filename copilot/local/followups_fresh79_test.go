package local

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// A promise whose work is a pronoun ("I'll do it in tuesday's window") takes
// its work from the sentences before it in the same message ("lower it:
// idle_in_transaction_session_timeout = 5min on orders-db …"): the item quotes
// them, so the ticket that says the same thing in other words captures it. A
// pronoun followed by where the work goes ("I'll get it into the base image")
// names its own work and keeps its own sentence.
func TestPronounPromiseTakesItsWorkFromTheMessage(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"ana: lower it: idle_in_transaction_session_timeout = 5min on orders-db and the other billing clusters. an idle session gets cut instead of holding a connection forever. I'll do it in tuesday's window",
		"ben: also the ulimit change was by hand, a redeploy loses it. i'll get it into the worker base image",
	)...)
	inc.Tickets = append(inc.Tickets,
		copilot.Ticket{Key: "DB-41", Title: "Billing clusters: set idle_in_transaction_session_timeout so idle sessions cannot hold connections"},
	)
	got := followUpsBySource(t, inc)
	first, ok := got[ts(inc, 0)]
	if !ok {
		t.Fatalf("line 0: no follow-up")
	}
	if !strings.Contains(first.Text, "idle_in_transaction_session_timeout") || first.TicketKey != "DB-41" || !first.Captured {
		t.Errorf("line 0: %q ticket %q captured %v, want the timeout quoted and captured by DB-41", first.Text, first.TicketKey, first.Captured)
	}
	second, ok := got[ts(inc, 1)]
	if !ok {
		t.Fatalf("line 1: no follow-up")
	}
	if !strings.Contains(second.Text, "base image") || strings.Contains(second.Text, "redeploy") || second.Captured {
		t.Errorf("line 1: %q captured %v, want only its own sentence, uncaptured", second.Text, second.Captured)
	}
}
