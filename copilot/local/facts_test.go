package local_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// corpusIncidents reads the dev corpus's JSON documents, masked as the memory masks.
func corpusIncidents(tb testing.TB) map[string]*copilot.Incident {
	tb.Helper()
	incs, err := transcript.Read([]string{filepath.Join("..", "..", "evals", "testdata", "corpus", "documents")}, transcript.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]*copilot.Incident{}
	for _, inc := range incs {
		copilot.MaskIncident(inc, redact.String)
		out[inc.ID] = inc
	}
	return out
}

// summaryFactTests state what a responder would paste for two dev incidents: the
// key facts each field must carry and the message it must cite, not whole strings.
var summaryFactTests = []struct {
	id                          string
	causeHas, causeTS           string
	impactHas                   string
	mitigationHas, mitigationTS string
	causeNot                    string
}{
	{
		id:       "INC-1012",
		causeHas: "dns module refactor", causeTS: "1744206360.228835",
		causeNot:      "tf fix",
		impactHas:     "4,108 payouts",
		mitigationHas: "association done", mitigationTS: "1744206660.864006",
	},
	{
		id:       "INC-2041",
		causeHas: "DB_POOL_MAX", causeTS: "1772446740.938709",
		impactHas:     "1.9k failed order",
		mitigationHas: "rolling back to 2.30.4", mitigationTS: "1772446812.824430",
	},
}

func TestSummaryFacts(t *testing.T) {
	incs := corpusIncidents(t)
	e := local.New(nil)
	for _, tt := range summaryFactTests {
		t.Run(tt.id, func(t *testing.T) {
			ans, err := e.Summarize(context.Background(), incs[tt.id])
			if err != nil {
				t.Fatal(err)
			}
			s := ans.Summary
			citedBy := func(field, has, ts string) {
				t.Helper()
				if !strings.Contains(strings.ToLower(field), strings.ToLower(has)) {
					t.Errorf("%q does not mention %q", field, has)
				}
				if ts == "" {
					return
				}
				for _, c := range ans.Citations {
					if strings.Contains(field, c.Text) && c.SourceTS[0] == ts {
						return
					}
				}
				t.Errorf("%q does not cite %s", field, ts)
			}
			citedBy(s.RootCause, tt.causeHas, tt.causeTS)
			citedBy(s.Impact, tt.impactHas, "")
			citedBy(s.Mitigation, tt.mitigationHas, tt.mitigationTS)
			if tt.causeNot != "" && strings.Contains(strings.ToLower(s.RootCause), tt.causeNot) {
				t.Errorf("root cause %q names the fix", s.RootCause)
			}
			for _, e := range s.Timeline {
				if strings.HasPrefix(e.Text, "Cause found") && e.SourceTS[0] != tt.causeTS {
					t.Errorf("timeline %q is not the cause message", e.Text)
				}
			}
		})
	}
}

// runbookStepTests: for a DB pool exhausted after a config change, the steps come
// from other connection-limit incidents, and none is a reaction to a pasted secret.
func TestRunbookStepsForPoolExhaustion(t *testing.T) {
	incs := corpusIncidents(t)
	var similar []*copilot.Incident
	for _, id := range []string{"INC-1019", "INC-1053", "INC-1012", "INC-3004", "INC-1036"} {
		similar = append(similar, incs[id])
	}
	ans, err := local.New(nil).Runbook(context.Background(), incs["INC-2041"], similar, nil)
	if err != nil {
		t.Fatal(err)
	}
	pool := map[string]bool{"INC-1019": true, "INC-1053": true}
	for _, s := range ans.Steps {
		for _, src := range s.Sources {
			if !pool[src.IncidentID] {
				t.Errorf("step %q from %s, not a connection-limit incident", s.Text, src.IncidentID)
			}
		}
		if low := strings.ToLower(s.Text); strings.Contains(low, "rotated") || strings.Contains(low, "revoked") {
			t.Errorf("secret hygiene suggested as a step: %q", s.Text)
		}
	}
	if len(ans.Steps) == 0 {
		t.Error("no steps from the two connection-limit incidents")
	}
}

// BenchmarkRunbook drafts the runbook of INC-2041 from five similar dev incidents:
// the engine's share of the runbook route.
func BenchmarkRunbook(b *testing.B) {
	incs := corpusIncidents(b)
	var similar []*copilot.Incident
	for _, id := range []string{"INC-1019", "INC-1053", "INC-1012", "INC-3004", "INC-1036"} {
		similar = append(similar, incs[id])
	}
	e := local.New(nil)
	ctx := context.Background()
	for b.Loop() {
		if _, err := e.Runbook(ctx, incs["INC-2041"], similar, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFollowUps lists the follow-ups of INC-2041 (a 30-message channel): the
// engine's share of the follow-ups route, which reads the channel's phases
// (where the bleeding stopped) before it keeps an item.
func BenchmarkFollowUps(b *testing.B) {
	inc := corpusIncidents(b)["INC-2041"]
	e := local.New(nil)
	ctx := context.Background()
	for b.Loop() {
		if _, err := e.FollowUps(ctx, inc); err != nil {
			b.Fatal(err)
		}
	}
}
