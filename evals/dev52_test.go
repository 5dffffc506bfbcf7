package evals

import "testing"

// TestDev52Corpus checks the dev set written on 2026-12-06 (thirty-fourth
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), so that the rules the session takes from dev51 are
// judged on writers they were not tuned on: a ski resort (a cache serving stale
// or wrong data after its keys or lifetimes changed, in a chat and a
// postmortem; a hand-installed certificate expiring on a webhook host), a
// wind-farm operator (clock trouble: a gateway's clock slow after a power loss,
// a job at a local time that did not exist on the DST change, in a chat and a
// postmortem; a forgotten replication slot filling the disk), a dental-clinic
// chain (a schema change or backfill locking a hot table in business hours, in
// a chat and a postmortem; a rotated token the workers had read at startup) and
// a stock-photo marketplace (retries exhausting a provider's rate limit or
// credits, in a chat and a postmortem; a search cluster past its disk
// flood stage). It was committed before the engine was run on it. It loads, is
// all dev, holds its four family pairs, and every labelled ts is a message of
// its incident.
func TestDev52Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev52", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 77, lookAlikes: 151,
	})
}
