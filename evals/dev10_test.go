package evals

import "testing"

// TestDev10Corpus checks the dev set written for follow-ups and summaries before
// tuning by a helper who had not read the engine (8 Slack channels, 8 documents, 6
// postmortems in other companies' styles) against the numbers it was written with,
// by the checks of checkFollowUpSummaryDevSet.
func TestDev10Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev10", devSetCounts{
		incidents: 22, slack: 8, documents: 8, postmortems: 6, pairs: 5, followUps: 70, lookAlikes: 90,
	})
}
