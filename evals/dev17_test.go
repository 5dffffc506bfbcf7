package evals

import "testing"

// TestDev17Corpus checks the dev set written for follow-ups and summaries before
// tuning by a helper who had not read the engine (JSON documents in new settings:
// hotel key cards, e-book lending, a crypto withdrawal queue, print-on-demand): it
// loads, is all dev, holds the family pairs it was written with, and every labelled
// follow-up, look-alike and key moment is a message of its incident.
func TestDev17Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev17", devSetCounts{
		incidents: 4, documents: 4, pairs: 2, followUps: 10, lookAlikes: 21,
	})
}
