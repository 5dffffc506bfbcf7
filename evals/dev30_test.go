package evals

import "testing"

// TestDev30Corpus checks the second dev set written on 2026-12-04 (fifteenth
// session) by four helpers who had read neither the engine nor any other set,
// while the engine was tuned on dev29: a bus and tram operator's stop displays
// and app fares both served stale from a cache or CDN after the source was
// fixed, and a vehicle-location broker's expired certificate; an online
// pharmacy's prescription strengths and chat redaction both broken by a change
// rolled out to every instance at once without a canary, and a claims database's
// connections held by a batch running into the morning peak; a game's login and
// match allocation both throttled by an external rate limit during a traffic
// spike, and players banned by a new anti-cheat rule; a water utility's billing
// and lab sample import both mangling records after a file's number format or
// encoding changed, and a SCADA historian stopped by an expired OPC UA
// certificate. It was committed before the engine was run on it. It loads, is
// all dev, holds its family pairs, and every labelled ts is a message of its
// incident.
func TestDev30Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev30", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 77, lookAlikes: 171,
	})
}
