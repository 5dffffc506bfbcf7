package evals

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// TestDev9Corpus checks the dev set of messy incident channels written for
// summaries before tuning: it loads, is all dev, holds both forms in the counts it
// was written with, its families come in pairs, and every incident carries root
// cause, impact and mitigation labels whose ts are messages of that incident, with
// runbook steps and a resolution.
func TestDev9Corpus(t *testing.T) {
	c, err := LoadCorpus("testdata/dev9")
	if err != nil {
		t.Fatalf("LoadCorpus: %v", err)
	}
	if n := len(c.Incidents); n < 20 {
		t.Errorf("labelled incidents: %d, want >= 20", n)
	}
	sources := map[string]int{}
	families := map[string]int{}
	multiDay, pairs := 0, 0
	for _, li := range c.Incidents {
		l := li.Labels
		sources[li.Incident.Source]++
		if families[l.Family]++; families[l.Family] == 2 {
			pairs++
		}
		if l.SplitOf() != SplitDev {
			t.Errorf("%s: split %q, want dev", l.ID, l.Split)
		}
		days := map[string]bool{}
		for _, m := range li.Incident.Messages {
			days[m.Time().Format("2006-01-02")] = true
		}
		if len(days) > 1 {
			multiDay++
		}
		checkSummaryLabels(t, li)
	}
	if sources[copilot.SourceSlack] < 12 || sources[copilot.SourceDocument] < 8 {
		t.Errorf("incidents by source: %v, want >= 12 Slack channels and >= 8 documents", sources)
	}
	if pairs < 5 {
		t.Errorf("families shared by two incidents or more: %d, want >= 5 (%v)", pairs, families)
	}
	if multiDay < 2 {
		t.Errorf("incidents spanning midnight: %d, want >= 2", multiDay)
	}
}
