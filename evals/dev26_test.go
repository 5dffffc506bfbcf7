package evals

import "testing"

// TestDev26Corpus checks the dev set written on 2026-12-04 (fourteenth session)
// by four helpers who had read neither the engine nor any other set, three
// incidents each in a setting of its own: a semiconductor fab's equipment hosts
// and lot tracking both stalled by a message broker's disk or memory alarm
// blocking publishers, and recipe downloads refused on an expired intermediate
// certificate; a used-car marketplace's dealer feeds and loan pre-approval both
// broken by a column dropped before the code stopped using it, and photo resizers
// killed for memory by oversized originals; a container terminal's gate and
// customs release both stalled by a coordination store (ZooKeeper, etcd) losing
// quorum during maintenance, and crane confirmations blocked by a telemetry
// database's full disk; a telehealth platform's video rooms and e-prescriptions
// both taken out of rotation by health checks that depend on a downstream, and
// push notifications stopped by an expired APNs certificate. It was committed
// before the engine was run on it: the fair check of the session's rules. It
// loads, is all dev, holds its family pairs, and every labelled ts is a message
// of its incident.
func TestDev26Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev26", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 84, lookAlikes: 153,
	})
}
