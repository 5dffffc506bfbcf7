package evals

import "testing"

// TestDev63Corpus checks the dev set written on 2026-12-07 (fortieth session,
// at its start) by four helpers who had read neither the engine nor any other
// set (evals/writers/README.md), commissioned before dev62 was read so that the
// readings the session takes from dev62 are judged on writers they were not
// tuned on: a chain of veterinary clinics (a lowered CPU limit that left
// containers CFS-throttled, health checks timing out while average CPU looked
// low, in a chat and a postmortem; a retired connector's replication slot
// filling the WAL disk), an online chess platform (a fail-closed admission
// webhook that could not be reached, so no pod could be created, in a chat and
// a postmortem; a pairing lock that expired before the run finished), an
// accounting SaaS for dental practices (a restore after a mistaken delete that
// found the backups empty or missing a volume, in a chat and a postmortem; a
// batch worker raised to 64 workers starving a shared connection pool) and a
// weather data API (the cluster DNS resolver overloaded by search-domain
// expansion once a cache was gone, in a chat and a postmortem; a path rule
// that marked every map tile uncacheable). It was committed before the engine
// was run on it. It loads, is all dev, holds its four family pairs, and every
// labelled ts is a message of its incident.
func TestDev63Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev63", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 76, lookAlikes: 140,
	})
}
