package evals

import "testing"

// TestDev37Corpus checks the dev set written on 2026-12-04 (twentieth session,
// third round) by helpers who had read neither the engine, nor any other set, nor
// the evals README: a library network's catalogue search and events search empty
// after a reindex moved the alias to a badly built index, and its loan kiosks
// offline when a firmware update left connections open until the SIP2 gateway
// ran out; an electricity distributor's outages dispatched twice by two active
// schedulers, meter readings counted twice by overlapping runs of a cron job, and
// its storm outage map frozen when Redis filled with keys that never expired; a
// travel agency's partner API restarting over and over from an unbounded cache,
// vouchers missing when a renderer leaked file handles, and payments stuck as
// pending behind an expired webhook certificate. It was committed before the
// engine was run on it. It loads, is all dev, holds its family pairs, and every
// labelled ts is a message of its incident.
func TestDev37Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev37", devSetCounts{
		incidents: 9, documents: 6, postmortems: 3, pairs: 3, followUps: 59, lookAlikes: 105,
	})
}
