package evals

import "testing"

// TestDev18Corpus checks the dev set written on 2026-12-03 for follow-ups and
// summaries by a helper who had read neither the engine nor any other set (a zoo,
// a brewery, a sports odds feed, a concert queue, ski-lift gates, a radio
// station's playout, bakery tablets, rail telemetry, exam proctoring, a vaccine
// cold chain, a tax helpline, a wind farm, and four postmortems): it loads, is all
// dev, holds the three forms and the family pairs it was written with, and every
// labelled follow-up, look-alike and key moment is a message of its incident.
func TestDev18Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev18", devSetCounts{
		incidents: 16, slack: 6, documents: 6, postmortems: 4, pairs: 4, followUps: 55, lookAlikes: 97,
	})
}
