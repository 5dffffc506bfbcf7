package evals

import "testing"

// TestDev75Corpus checks the dev set written on 2026-12-07 (start of the
// forty-third session, before dev74 was read) by four helpers who had read
// neither the engine nor any other set (evals/writers/README.md), so that
// readings taken from dev74 are judged on writers they were not tuned on: a ski
// resort (a connection pooler in transaction mode losing session state,
// prepared statements, search_path, advisory locks, time zone, in a chat and a
// postmortem; a hand-issued broker certificate expiring behind a stale status
// feed), a public library consortium (a mutable image tag pulled again on
// rescheduled pods, so some pods ran a newer build, in a chat and a postmortem;
// an orphaned replication slot filling the database disk with WAL), a blood
// donation service (a browser security header changed, CORS origins in a
// gateway, a Content-Security-Policy from a middleware upgrade, in a chat and a
// postmortem; an expired mTLS client certificate to a courier) and a car rental
// company (paging on a sort key that is not unique, so records were skipped
// and sent twice, in a chat and a postmortem; a renewed server certificate on
// a new intermediate that pinned tablet apps reject). It was committed before
// the engine was run on it. It loads, is all dev, holds its four family pairs,
// and every labelled ts is a message of its incident.
func TestDev75Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev75", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 79, lookAlikes: 150,
	})
}
