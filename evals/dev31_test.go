package evals

import "testing"

// TestDev31Corpus checks the dev set written on 2026-12-04 (sixteenth session) by
// four helpers who had read neither the engine nor any other set: a
// university's learning platform and single sign-on both sent to a dead or
// refused target by a DNS or load-balancer change, and exam recordings refused
// by a storage bucket whose clean-up job had failed for weeks; a food delivery
// marketplace's refunds paid twice by a job whose lock expired and courier
// payouts skipped by a daylight-saving change, and delivery times wrong after a
// feature switched units; a mobile operator's SMS gateway and top-up ledger both
// brought down by a slow leak of sockets or connections that restarts had hidden,
// and ported numbers' routes deleted by a sync that loaded a truncated file; a
// parcel carrier's label API and sorting-centre scanners both broken by a
// dependency upgrade that changed a default, and delivery notifications delayed
// by a backfill flooding their queue. It was committed before the engine was run
// on it. It loads, is all dev, holds its family pairs, and every labelled ts is a
// message of its incident.
func TestDev31Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev31", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 80, lookAlikes: 151,
	})
}
