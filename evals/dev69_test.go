package evals

import "testing"

// TestDev69Corpus checks the dev set written on 2026-12-07 (forty-first
// session, after dev68 was committed and before it was read) by four helpers
// who had read neither the engine nor any other set (evals/writers/README.md),
// so that the readings the session takes from dev68 are judged on writers they
// were not tuned on: a ferry operator (a certificate authority's OCSP
// responder down while a client checked revocation with hard-fail or a server
// needed a fresh staple, so handshakes hung, in a chat and a postmortem; a
// replication slot left by a paused connector filling the database disk with
// WAL), a TV programme guide (a country's daylight-saving change missing from
// an old time-zone database in images or set-top boxes, so times were an hour
// off, in a chat and a postmortem; a query without an index saturating the
// entitlements database at peak), a blood donation service (a hand-run data
// fix with the wrong scope changing far more rows than meant, in a chat and a
// postmortem; retries without an idempotency key sending reminders many
// times) and a car rental company (a legacy host or consumer still running
// after a migration and doing the new system's work twice, in a chat and a
// postmortem; pool size times replicas past the database's connection limit).
// It was committed before the engine was run on it. It loads, is all dev,
// holds its four family pairs, and every labelled ts is a message of its
// incident.
func TestDev69Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev69", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 73, lookAlikes: 146,
	})
}
