package evals

import "testing"

// TestDev33Corpus checks the dev set written on 2026-12-04 (eighteenth session) by
// four helpers who had read neither the engine nor any other set: a hospital
// laboratory's results rejected as future-dated by a drifting interface clock and
// specimens held at the autumn clock change, and pathology reports stuck behind a
// disk filled by vendor trace logging; a transit agency's arrival times frozen by
// leaked temp files exhausting inodes and fare taps dropped by a WAL volume a
// forgotten replication slot filled, and a journey planner out of heap after its
// graph grew; a mobile game's store purchases and event pushes both lost to a
// third-party quota reported as something else, and matchmaking broken by a moved
// message field; a utility's bills 1000x too high from a unit default pushed to
// every region and repair jobs routed to one depot by a flag whose empty region
// list came to mean all, and an outage map out of database connections. It was
// committed before the engine was run on it. It loads, is all dev, holds its
// family pairs, and every labelled ts is a message of its incident.
func TestDev33Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev33", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 82, lookAlikes: 155,
	})
}
