package evals

import "testing"

// TestDev25Corpus checks the third dev set written on 2026-12-04 (thirteenth
// session) by helpers who had read neither the engine nor any other set: an
// airline's crew legality engine and pairing optimiser both computing duty length
// from local wall-clock times across a clock change, and a revenue re-optimisation
// flooding the seat-availability link; a ride-hailing platform's Kafka consumers
// stuck in rebalances (driver positions, surge prices) and an expired mTLS client
// certificate for the payment provider; a game studio's version-control journal
// and cook-cache share filling up behind cleanup jobs that failed silently, and a
// patch manifest published before its content; a library consortium's member login
// and self-checkout kiosks both stopped by a service account's expired password, and
// an e-book vendor's new egress addresses missing from an allowlist (the fourth
// writer, committed after the first nine). It was committed before the engine
// was run on it, as the fair check of the rules the session wrote from dev24. It
// loads, is all dev, holds its family pairs, and every labelled ts is a message of
// its incident.
func TestDev25Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev25", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 62, lookAlikes: 99,
	})
}
