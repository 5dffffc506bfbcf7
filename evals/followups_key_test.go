package evals

import (
	"context"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// An item found captured under another ticket than the labelled one counts
// against the ticket key accuracy: a reader following the key reads other work.
func TestFollowUpTicketKeyAccuracy(t *testing.T) {
	for key, want := range map[string]int{"OPS-1": 1, "ops-1": 1, "OPS-2": 0} {
		c := loadMini(t)
		eng := fakeEngine{items: map[string][]copilot.FollowUp{
			"INC-1": {{SourceTS: "1772445900.000100", Captured: true, TicketKey: key}},
		}}
		r, err := FollowUpMetrics(context.Background(), eng, c)
		if err != nil {
			t.Fatal(err)
		}
		if r.KeyMatched != 1 || r.KeyCorrect != want {
			t.Errorf("key %s: %d/%d right, want %d/1", key, r.KeyCorrect, r.KeyMatched, want)
		}
		wrong := 0
		for _, inc := range r.Incidents {
			wrong += len(inc.KeyWrong)
		}
		if wrong != 1-want {
			t.Errorf("key %s: %d listed under another ticket, want %d", key, wrong, 1-want)
		}
	}
}

func TestSameTicket(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"OPS-12", "ops-12", true},
		{"OPS-12", "OPS-121", false},
		{"https://gitlab.example.com/data/infra/-/issues/1187", "data/infra#1187", true},
		{"https://gitlab.example.com/data/infra/-/issues/1187", "infra#1187", true},
		{"https://gitlab.example.com/data/reports/-/issues/1187", "data/infra#1187", false},
		{"https://github.com/acme/client/issues/4471", "client#4471", true},
		{"https://github.com/acme/client/pull/12", "client#12", true},
		{"#4412", "4412", true},
		{"AB#7731", "AB#7731", true},
		{"AB#7731", "AB#7732", false},
		{"", "", false},
	} {
		if got := sameTicket(c.a, c.b); got != c.want {
			t.Errorf("sameTicket(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
