package evals

import "testing"

// TestDev12Corpus checks the dev set written for follow-ups and summaries before
// tuning by a helper who had not read the engine (Slack export with incident bots,
// JSON documents with tickets exports, postmortems in other companies' styles): it
// loads, is all dev, holds the three forms and the family pairs it was written with,
// and every labelled follow-up, look-alike and key moment is a message of its incident.
func TestDev12Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev12", devSetCounts{
		incidents: 20, slack: 8, documents: 7, postmortems: 5, pairs: 5, followUps: 50, lookAlikes: 75,
	})
}
