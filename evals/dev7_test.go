package evals

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// TestDev7Corpus checks the dev set of postmortems and incident reports written
// before tuning: it loads, is all dev, holds both forms, and every incident carries
// the summary and runbook labels the set was written for.
func TestDev7Corpus(t *testing.T) {
	c, err := LoadCorpus("testdata/dev7")
	if err != nil {
		t.Fatalf("LoadCorpus: %v", err)
	}
	if n := len(c.Incidents); n < 12 {
		t.Errorf("labelled incidents: %d, want >= 12", n)
	}
	sources := map[string]int{}
	followUps := 0
	for _, li := range c.Incidents {
		l := li.Labels
		sources[li.Incident.Source]++
		followUps += len(l.FollowUps)
		if l.SplitOf() != SplitDev {
			t.Errorf("%s: split %q, want dev", l.ID, l.Split)
		}
		for name, g := range map[string]*GoldStatement{"root_cause": l.RootCause, "impact": l.Impact, "mitigation": l.Mitigation} {
			if g == nil || g.Text == "" {
				t.Errorf("%s: no %s label", l.ID, name)
			}
		}
		if len(l.RunbookSteps) == 0 {
			t.Errorf("%s: no runbook steps", l.ID)
		}
	}
	if sources[copilot.SourcePostmortem] < 6 || sources[copilot.SourceDocument] < 4 {
		t.Errorf("incidents by source: %v, want >= 6 postmortems and >= 4 documents", sources)
	}
	if followUps < 20 {
		t.Errorf("follow-ups: %d, want >= 20", followUps)
	}
}
