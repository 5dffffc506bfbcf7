package evals

import "testing"

// TestDev48Corpus checks the dev set written on 2026-12-06 (thirty-second
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), so that rules the session takes from dev46 and dev47
// are judged on writers they were not tuned on: a wine importer (a scheduled job
// run twice because its lock expired or its leader lease lapsed, in a chat and a
// postmortem; an expired mTLS client certificate for the port system), a regional
// newspaper (a third-party script loaded at run time from an unpinned address
// breaking checkout and the paywall, in two chats; a print job moved to fixed UTC
// running an hour late after the clocks changed), a veterinary chain (table and
// index bloat with vacuum behind making a hot query slow until the database
// tipped over, in a chat and a postmortem; a lab partner's client certificate
// expiring) and a wind farm operator (a message broker's memory or disk alarm
// blocking publishers, in two chats; a market interface certificate expiring).
// It was committed before the engine was run on it. It loads, is all dev, holds
// its four family pairs, and every labelled ts is a message of its incident.
func TestDev48Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev48", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 75, lookAlikes: 144,
	})
}
