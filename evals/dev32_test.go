package evals

import "testing"

// TestDev32Corpus checks the dev set written on 2026-12-04 (seventeenth session) by
// four helpers who had read neither the engine nor any other set: a regional
// airline's crew legality checks and baggage messages both broken by a rotated
// credential or certificate that one consumer kept using the old way, and
// boarding passes rejected after a barcode library upgrade; a grocery chain's
// shelf-label prices and app coupons both stuck behind one poison message, and
// click-and-collect picking out of database connections; an insurer's claims
// table and payout lookups both blocked by a schema migration that locked or
// dropped an index, and a fraud model scoring on a missing feature; a weather
// service's forecasts and warning maps both served stale by a CDN cache change,
// and the radar broker's certificate expiring at night. It was committed before
// the engine was run on it. It loads, is all dev, holds its family pairs, and
// every labelled ts is a message of its incident.
func TestDev32Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev32", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 79, lookAlikes: 139,
	})
}
