package evals

import "testing"

// TestDev22Corpus checks the dev set written on 2026-12-04 by helpers who had read
// neither the engine nor any other set, four writers with three incidents each in
// settings of their own: a hospital's HL7 results feed and a ski shop's keycard
// queue each blocked by one bad message; three certificate expiries (lift gates, a
// city GIS server whose renewal a firewall change broke, a payout partner's client
// certificate); a video relay cut off by a security-group change; a podcast
// platform's and a freight railway's tables out of 32-bit ids; ad insertion with
// no read timeout; duplicate item grants and a direct-debit file sent twice by
// retries without an idempotency key; a shared Redis evicting matchmaking tickets.
// It loads, is all dev, holds its family pairs, and every labelled ts is a message
// of its incident.
func TestDev22Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev22", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 60, lookAlikes: 102,
	})
}
