package evals

import "testing"

// TestDev34Corpus checks the dev set written on 2026-12-04 (nineteenth session) by
// helpers who had read neither the engine nor any other set: a ski resort's lift
// gates refusing passes bought online behind one renewal whose birth date the gate
// feed could not parse, retried forever at the head of its topic, and rental
// bookings stuck behind a booking requeued to the front of its queue, and the lift
// status feed frozen by an expired gateway certificate; a stock media marketplace's
// previews and checkout down after a purge of its whole CDN sent every request to
// the origin, search timing out after a deploy changed the cache key prefix, and
// contributor uploads stalled by one looping TIFF that crashed every consumer; a
// dating app's chat writing to the old primary after a failover because the JVM
// cached DNS forever, photo moderation stalled by a hostname deleted in a DNS
// cleanup, and subscribers shown the paywall when an unindexed query saturated the
// database. Three writers finished (9 incidents); the fourth returned nothing. It was
// committed before the engine was run on it. It loads, is all dev, holds its family
// pairs, and every labelled ts is a message of its incident.
func TestDev34Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev34", devSetCounts{
		incidents: 9, documents: 6, postmortems: 3, pairs: 3, followUps: 62, lookAlikes: 125,
	})
}
