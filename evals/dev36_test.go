package evals

import "testing"

// TestDev36Corpus checks the dev set written on 2026-12-04 (twentieth session,
// second round) by helpers who had read neither the engine, nor any other set,
// nor the evals README: a blood service's donor slots booked twice and hospital
// stock shown as available when reads went to a replica minutes behind the
// primary, and urgent courier dispatch refused after the courier's certificate
// moved to a CA the service had not pinned; a language app's paid features gone,
// and old lessons back, when its clients could not reach the flag service and fell
// back to built-in defaults, and streak reminders lost when Redis evicted their
// schedules; a flower trader's invoices and order confirmations rejected after a
// DKIM key was published to a DNS provider no longer in use and an SPF record lost
// its mail provider, and auction clocks frozen when oversized messages overflowed
// a subscriber's output buffer. It was committed before the engine was run on it.
// It loads, is all dev, holds its family pairs, and every labelled ts is a message
// of its incident.
func TestDev36Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev36", devSetCounts{
		incidents: 9, documents: 6, postmortems: 3, pairs: 3, followUps: 59, lookAlikes: 90,
	})
}
