package evals

import "testing"

// TestDev66Corpus checks the dev set written on 2026-12-07 (fortieth session,
// after dev65 was committed and before it was read) by four helpers who had
// read neither the engine nor any other set (evals/writers/README.md), so that
// the readings the session takes from dev65 are judged on writers they were
// not tuned on: a neobank for freelancers (refresh-token rotation where two
// concurrent refreshes looked like reuse and revoked the session family, in a
// chat and a postmortem; a non-concurrent index build locking the ledger), a
// ride-hailing dispatcher (an application blocking on a slow or dead
// telemetry exporter, a log sidecar or a tracing collector, in a chat and a
// postmortem; a migration queued behind a long query locking the fares table),
// a sports streaming broadcaster (a GeoIP update that put a carrier's or a
// satellite provider's addresses in the wrong country, in a chat and a
// postmortem; a release leaking Redis connections up to maxclients) and a
// claims processor on serverless functions (one function using up the
// account's concurrency limit and throttling the others, in a chat and a
// postmortem; a bucket notification silently replaced by another team's
// Terraform). The two lock incidents, by two writers, share a family. It was
// committed before the engine was run on it. It loads, is all dev, holds its
// five family pairs, and every labelled ts is a message of its incident.
func TestDev66Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev66", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 5, followUps: 78, lookAlikes: 133,
	})
}
