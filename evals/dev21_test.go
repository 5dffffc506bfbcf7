package evals

import "testing"

// TestDev21Corpus checks the dev set written on a fresh branch by a helper who had
// read neither the engine nor any other set: eight JSON chats (an expired gateway
// certificate, a pool default raised by a library upgrade, a consumer rebalance loop,
// a payout cron run twice at the DST fall-back, a flag rule that lost its country
// clause, a cold cache after a key-prefix bump, an OOM-killed PDF worker, a leaked
// cloud key) and six Markdown postmortems in other companies' styles (an SRE-style
// action table, corrective actions with issue links for some, a note without
// headings, went well / went wrong with done items, non-native English, a customer
// blog post). It loads, is all dev, holds its family pairs, and every labelled ts
// is a message of its incident.
func TestDev21Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev21", devSetCounts{
		incidents: 14, documents: 8, postmortems: 6, pairs: 3, followUps: 56, lookAlikes: 92,
	})
}
