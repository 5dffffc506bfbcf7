package evals

import "testing"

// TestDev39Corpus checks the dev set written on 2026-12-05 (twenty-second
// session) by a helper who had read neither the engine, nor any other set, nor
// the evals README: a concert ticketing platform's door scanners and seat holds
// both starved by a batch job run against live traffic (a backfill locking the
// rows scans need, a cache rebuild re-run before an on-sale), and its card
// payments stopped by an expired mTLS client certificate. Two other writers of
// the round did not finish in the session. It was committed before the engine
// was run on it. It loads, is all dev, holds its family pair, and every labelled
// ts is a message of its incident.
func TestDev39Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev39", devSetCounts{
		incidents: 3, documents: 2, postmortems: 1, pairs: 1, followUps: 18, lookAlikes: 41,
	})
}
