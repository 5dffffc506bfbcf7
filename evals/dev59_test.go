package evals

import "testing"

// TestDev59Corpus checks the dev set written on 2026-12-06 (thirty-seventh
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), commissioned when dev58 was read so that the
// session's later rules are judged on writers they were not tuned on: an
// insurance company (32-bit ids that ran out, a Postgres sequence used up by
// upserts that inserted nothing and a MySQL auto-increment, in a chat and a
// postmortem; a lifecycle rule that an unset variable widened to a whole
// versioned bucket), a hotel chain (a base image that dropped the local time
// zone and one that changed the locale, so keycards were stamped hours ahead
// and German amounts were read a thousand times too low, in a chat and a
// postmortem; a booking site's client certificate that expired unnoticed), a
// news publisher (a paywall test and a regional push that reached everyone
// through a flag's hold-out field and a match-everything default, in a chat and
// a postmortem; a poison message that stalled a Kafka consumer) and a bank's
// mobile backend (a removed cache and a retry loop that multiplied cloud API
// calls into throttling, in a chat and a postmortem; an expired mTLS client
// certificate to the card processor). It was committed before the engine was
// run on it. It loads, is all dev, holds its four family pairs, and every
// labelled ts is a message of its incident.
func TestDev59Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev59", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 78, lookAlikes: 144,
	})
}
