package evals

import "testing"

// TestDev27Corpus checks the second dev set written on 2026-12-04 (fourteenth
// session) by four helpers who had read neither the engine nor any other set,
// while the engine was tuned on dev25: an electricity distributor's meter
// collection and outage texts both run twice over by a scheduled job overlapping
// its previous run, and a crew app's pods exhausting the database's connections;
// a hotel chain's rates and availability both served stale after cache
// invalidations were lost, and a booking import stalled by one message it could
// not store; an e-discovery service's OCR workers and tag sync both deadlocked
// waiting for a second connection from the pool they hold one of, and a search
// cluster's disks at flood stage; a sports streaming app's entitlements and
// renewals both written to a demoted primary after a failover, and stream URLs
// signed with a key the CDN did not trust. It was committed before the engine
// was run on it: the fair check of the rules the session wrote from dev25. It
// loads, is all dev, holds its family pairs, and every labelled ts is a message
// of its incident.
func TestDev27Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev27", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 75, lookAlikes: 144,
	})
}
