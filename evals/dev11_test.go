package evals

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// TestDev11Corpus checks the dev set written for summaries before tuning, with
// postmortems and incident documents as a large share: it loads, is all dev, holds
// the three forms in the counts it was written with, its families come in pairs,
// and every incident carries root cause, impact and mitigation labels whose ts are
// messages of that incident, with runbook steps, a resolution and key-moment ts.
func TestDev11Corpus(t *testing.T) {
	c, err := LoadCorpus("testdata/dev11")
	if err != nil {
		t.Fatalf("LoadCorpus: %v", err)
	}
	if n := len(c.Incidents); n < 22 {
		t.Errorf("labelled incidents: %d, want >= 22", n)
	}
	sources := map[string]int{}
	families := map[string]int{}
	pairs, withFollowUps := 0, 0
	for _, li := range c.Incidents {
		l := li.Labels
		sources[li.Incident.Source]++
		if families[l.Family]++; families[l.Family] == 2 {
			pairs++
		}
		if len(l.FollowUps) > 0 {
			withFollowUps++
		}
		if l.SplitOf() != SplitDev {
			t.Errorf("%s: split %q, want dev", l.ID, l.Split)
		}
		checkSummaryLabels(t, li)
	}
	if sources[copilot.SourcePostmortem] < 8 || sources[copilot.SourceDocument] < 7 || sources[copilot.SourceSlack] < 7 {
		t.Errorf("incidents by source: %v, want >= 8 postmortems, 7 documents and 7 Slack channels", sources)
	}
	if pairs < 6 {
		t.Errorf("families shared by two incidents or more: %d, want >= 6 (%v)", pairs, families)
	}
	if withFollowUps < 15 {
		t.Errorf("incidents with follow-ups labelled: %d, want >= 15", withFollowUps)
	}
}
