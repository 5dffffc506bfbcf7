package evals

import "testing"

// TestDev54Corpus checks the dev set written on 2026-12-06 (thirty-fifth
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), so that the rules the session takes from dev53 are
// judged on writers they were not tuned on: a city public library (a cache
// stampede after a cache node reboot or a shared TTL expiry, in a chat and a
// postmortem; a poison message crash-looping the hold-notice workers), a
// freight railway operator (clock skew from a VM restored from an old snapshot
// or NTP blocked at a yard, in a chat and a postmortem; a forgotten
// replication slot filling the planner database's disk), a hospital group's
// lab results (a schema migration holding a table lock, an ALTER TYPE and an
// index built without CONCURRENTLY, in a chat and a postmortem; a hand-issued
// client certificate that expired) and a podcast host (a third-party API's
// quota exhausted by retries without backoff, transcription and CDN purges, in
// a chat and a postmortem; transcode temp files filling the node disks). It was
// committed before the engine was run on it. It loads, is all dev, holds its
// four family pairs, and every labelled ts is a message of its incident.
func TestDev54Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev54", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 76, lookAlikes: 157,
	})
}
