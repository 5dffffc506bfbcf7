package local

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// mutualCase builds follow-ups from texts (a "KEY|" prefix marks one already
// captured) and weights over them and the tickets' titles.
func mutualCase(texts []string, tickets []copilot.Ticket) ([]*fuCandidate, termWeights) {
	var items []*fuCandidate
	var msgs []msgTags
	for i, s := range texts {
		c := &fuCandidate{idx: i}
		if k, rest, ok := strings.Cut(s, "|"); ok {
			c.ticket, s = k, rest
		}
		c.text, c.terms, c.msgTerms = s, contentTerms(s), contentTerms(s)
		items = append(items, c)
		msgs = append(msgs, msgTags{msg: copilot.Message{Text: s}})
	}
	return items, weightsOf(msgs, tickets)
}

func TestMatchMutual(t *testing.T) {
	tickets := []copilot.Ticket{
		{Key: "NOTIF-5", Title: "Alert on RabbitMQ unacknowledged messages per channel"},
		{Key: "NOTIF-6", Title: "Separate queue for two-factor pushes with its own workers"},
	}
	open := []string{
		"and an alert on unacked per channel, not only queue depth",
		"2fa pushes should get their own queue and workers",
	}
	tests := []struct {
		name  string
		texts []string
		th    float64
		want  []string // ticket of each item after the pass
	}{
		{"on by default (0.15)", open, 0, []string{"NOTIF-5", "NOTIF-6"}},
		{"off above 1", open, 2, []string{"", ""}},
		{"each other's closest pair up", open, 0.2, []string{"NOTIF-5", "NOTIF-6"}},
		{"a bar above their coverage keeps them apart", open, 0.95, []string{"", ""}},
		{"a ticket closer to an item already captured is that item's",
			[]string{"SRE-1|alert on unacknowledged rabbitmq messages per channel", open[0]}, 0.2, []string{"SRE-1", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, w := mutualCase(tt.texts, tickets)
			l := New(nil)
			if tt.th > 0 {
				l.TicketMutualCoverage = tt.th
			}
			l.matchMutual(items, tickets, w)
			for i, c := range items {
				if c.ticket != tt.want[i] {
					t.Errorf("item %d %q: ticket %q, want %q", i, c.text, c.ticket, tt.want[i])
				}
			}
		})
	}
}
