package evals

import "testing"

// TestDev16Corpus checks the dev set written for follow-ups and summaries before
// tuning by a helper who had not read the engine (Slack export with incident and
// tracker bots, JSON documents with tickets exports, postmortems in six report
// styles): it loads, is all dev, holds the three forms and the family pairs it was
// written with, and every labelled follow-up, look-alike and key moment is a
// message of its incident.
func TestDev16Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev16", devSetCounts{
		incidents: 20, slack: 7, documents: 7, postmortems: 6, pairs: 5, followUps: 55, lookAlikes: 80,
	})
}
