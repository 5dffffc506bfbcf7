package evals

import "testing"

// TestDev46Corpus checks the dev set written on 2026-12-06 (thirty-first session,
// at its start) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), so that the rules the session takes from dev45 are
// judged on writers they were not tuned on: a public library consortium (a feature
// flag whose targeting rule was inverted or mis-scoped, in a chat and a
// postmortem; a storage lifecycle rule expiring media too early), a regional
// hospital network (clock drift after NTP stopped, failing time-bound tokens and
// signatures, in two chats; an audit log filling a database disk), a sports
// betting platform (a cache stampede at kickoff, in a chat and a postmortem; a
// payment webhook retry storm duplicating wallet credits) and a satellite imagery
// company (a consumer lagging past the topic's retention and resetting to the
// latest offset, in two chats; a scheduled job skipped at a daylight-saving
// change). It was committed before the engine was run on it. It loads, is all
// dev, holds its four family pairs, and every labelled ts is a message of its
// incident.
func TestDev46Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev46", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 77, lookAlikes: 148,
	})
}
