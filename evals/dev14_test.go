package evals

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// summaryDevSet is the shape a dev set written for summaries was written with:
// how many labelled incidents, how many of each form, how many families shared
// by two incidents or more, and how many incidents label follow-ups.
type summaryDevSet struct {
	dir                           string
	incidents                     int
	postmortems, documents, slack int
	pairs, withFollowUps          int
}

// checkSummaryDevSet loads a dev set written for summaries and checks it against
// the shape it was written with: it loads, is all dev, holds the three forms in
// the counts given, its families come in pairs, and every incident carries root
// cause, impact and mitigation labels whose ts are messages of that incident,
// with runbook steps, a resolution and key-moment ts.
func checkSummaryDevSet(t *testing.T, want summaryDevSet) {
	t.Helper()
	c, err := LoadCorpus(want.dir)
	if err != nil {
		t.Fatalf("LoadCorpus(%s): %v", want.dir, err)
	}
	if n := len(c.Incidents); n < want.incidents {
		t.Errorf("labelled incidents: %d, want >= %d", n, want.incidents)
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
	if sources[copilot.SourcePostmortem] < want.postmortems || sources[copilot.SourceDocument] < want.documents || sources[copilot.SourceSlack] < want.slack {
		t.Errorf("incidents by source: %v, want >= %d postmortems, %d documents and %d Slack channels",
			sources, want.postmortems, want.documents, want.slack)
	}
	if pairs < want.pairs {
		t.Errorf("families shared by two incidents or more: %d, want >= %d (%v)", pairs, want.pairs, families)
	}
	if withFollowUps < want.withFollowUps {
		t.Errorf("incidents with follow-ups labelled: %d, want >= %d", withFollowUps, want.withFollowUps)
	}
}

// TestDev14Corpus checks the dev set written for summaries before tuning in
// settings the other sets lack (weather data, farm telemetry, a lottery draw, a
// museum, a newsroom, ride-hailing, a pharmacy, a ground station, cloud gaming,
// an EDI gateway), with postmortems and documents as a large share.
func TestDev14Corpus(t *testing.T) {
	checkSummaryDevSet(t, summaryDevSet{dir: "testdata/dev14", incidents: 22,
		postmortems: 8, documents: 7, slack: 7, pairs: 6, withFollowUps: 15})
}
