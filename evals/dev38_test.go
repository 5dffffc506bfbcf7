package evals

import "testing"

// TestDev38Corpus checks the dev set written on 2026-12-04 (twenty-first
// session) by helpers who had read neither the engine, nor any other set, nor
// the evals README: a podcast host's upload links rejected as expired and its
// episodes released late, both from hosts whose clocks ran behind (a base image
// without time sync, VMs resumed after a hypervisor pause), and its RSS feeds
// made uncacheable by a framework upgrade; a university exam platform's grade
// export and proctoring uploads knocked over again and again by clients retrying
// without backoff, and its exam sessions evicted from a Redis filled by keys
// that never expired. A third writer (a freight rail operator) did not finish in
// the session. It was committed before the engine was run on it. It loads, is all
// dev, holds its family pairs, and every labelled ts is a message of its
// incident.
func TestDev38Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev38", devSetCounts{
		incidents: 6, documents: 4, postmortems: 2, pairs: 2, followUps: 39, lookAlikes: 75,
	})
}
