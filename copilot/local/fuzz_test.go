package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// FuzzLocalEngine feeds arbitrary transcript text (outside input: anyone can write in
// a channel) through every capability: no panics, and every answer still points only
// at messages of the incident.
func FuzzLocalEngine(f *testing.F) {
	for _, name := range []string{"slack_pool", "slack_dns", "postmortem_ingress"} {
		inc := loadTestIncident(f, name)
		for _, m := range inc.Messages[:min(6, len(inc.Messages))] {
			f.Add(m.Text, m.UserName, m.Kind == copilot.KindSection)
		}
	}
	f.Add("TODO(@x): by 2026-13-45 <@U1|> <!subteam^S1> ``` unterminated", "", false)
	f.Add("+1 to +1\n\n;;; ... ??? filed ABC-1 https://jira/browse/ABC-2", "a", false)
	f.Add("2025-04-03 25:99 | Reverted", "Timeline", true)

	e := New(nil)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, text, user string, section bool) {
		lines := strings.Split(text, "\n")
		texts := make([]string, 0, len(lines)+2)
		texts = append(texts, "bot> [FIRING] api errors")
		for _, l := range lines {
			texts = append(texts, user+": "+l)
		}
		texts = append(texts, "ana: resolved")
		inc := synthetic("INC-F", texts...)
		if section {
			for i := range inc.Messages {
				inc.Messages[i].Kind, inc.Messages[i].UserName = copilot.KindSection, user
			}
		}
		inc.Tickets = []copilot.Ticket{{Key: "ABC-1", Title: text}}

		sum, err := e.Summarize(ctx, inc)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range sum.Citations {
			if !copilot.ValidCitation(inc, c.SourceTS) {
				t.Fatalf("citation %q points at %v", c.Text, c.SourceTS)
			}
		}
		for _, e := range sum.Summary.Timeline {
			if !copilot.ValidCitation(inc, e.SourceTS) {
				t.Fatalf("timeline %q points at %v", e.Text, e.SourceTS)
			}
		}
		fu, err := e.FollowUps(ctx, inc)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range fu.Items {
			if inc.MessageByTS(it.SourceTS) == nil {
				t.Fatalf("follow-up %q from unknown ts %s", it.Text, it.SourceTS)
			}
		}
		rb, err := e.Runbook(ctx, synthetic("INC-G", "x"), []*copilot.Incident{inc}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range rb.Steps {
			if len(copilot.ValidStepSources(map[string]*copilot.Incident{inc.ID: inc}, s.Sources)) != len(s.Sources) {
				t.Fatalf("step %q has invalid sources", s.Text)
			}
		}
	})
}
