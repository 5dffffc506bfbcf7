package evals

import "testing"

// TestDev40Corpus checks the dev set written on 2026-12-05 (twenty-eighth
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md): a city's parking app and car-park payment kiosks
// (the connection-tracking table full on a NAT gateway and a load balancer; a
// migration queued behind a report's lock), an online pharmacy (a job that read
// only the first page of 1000 results, in a chat and a review; an expired mTLS
// client certificate), a small game studio (a rotated log still held open
// filling the disk, in a chat and a postmortem; a certificate renewal that failed
// silently) and an energy retailer's smart-meter platform (an AAAA record whose
// IPv6 path was blocked, with no fallback; a stale replication slot filling the
// WAL disk). It was committed before the engine was run on it. It loads, is all
// dev, holds its four family pairs, and every labelled ts is a message of its
// incident.
func TestDev40Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev40", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 72, lookAlikes: 149,
	})
}
