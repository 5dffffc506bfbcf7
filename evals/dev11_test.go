package evals

import "testing"

// TestDev11Corpus checks the dev set written for summaries, with postmortems and
// incident documents as a large share, against the shape it was written with
// (see checkSummaryDevSet).
func TestDev11Corpus(t *testing.T) {
	checkSummaryDevSet(t, summaryDevSet{dir: "testdata/dev11", incidents: 22,
		postmortems: 8, documents: 7, slack: 7, pairs: 6, withFollowUps: 15})
}
