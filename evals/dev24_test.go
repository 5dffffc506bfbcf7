package evals

import "testing"

// TestDev24Corpus checks the second dev set written on 2026-12-04 (thirteenth
// session) by four helpers who had read neither the engine nor any other set,
// three incidents each: a broadcaster's CDN and origin shield caching "not found"
// for live segments (twice) and a packager mishandling a timestamp rollover; a
// mobile operator's number portability data going stale behind imports that
// reported success (twice) and an SMPP retry storm against a partner's throttle;
// a grocery's Redis locks left without expiry (twice) and stale planner
// statistics after a bulk load; a tax portal losing session affinity behind new
// load balancers or a firewall failover (twice) and a mainframe batch holding
// locks until the MQ submit queue filled. It was committed before the engine was
// run on it, as the fair check of the session's rules written from dev22 and
// dev23. It loads, is all dev, holds its family pairs, and every labelled ts is
// a message of its incident.
func TestDev24Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev24", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 63, lookAlikes: 100,
	})
}
