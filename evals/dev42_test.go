package evals

import "testing"

// TestDev42Corpus checks the dev set written on 2026-12-05 (twenty-eighth
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), while rules were being taken from dev41, so that
// those rules are judged on it: a regional bus operator (a GPS week rollover
// putting device clocks 1024 weeks off, in a chat and a review; an orphaned
// replication slot filling the WAL disk), a law firm's document and billing
// platform (a search cluster's flood-stage watermark turning indices
// read-only, in a chat and a postmortem; a webhook certificate whose renewal
// credential was revoked), a wind-farm operator (an MQTT session expired and never
// resubscribed, so stale values were acted on, in a chat and a postmortem; an
// orphaned replication slot filling the historian's disk) and a meal-kit company
// (an index dropped or not used after a migration, in a chat and a review; a
// Redis lock evicted so two workers charged customers twice). It was committed
// before the engine was run on it. It loads, is all dev, holds its four family
// pairs, and every labelled ts is a message of its incident.
func TestDev42Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev42", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 80, lookAlikes: 151,
	})
}
