package evals

import "testing"

// TestDev68Corpus checks the dev set written on 2026-12-07 (forty-first
// session, after dev67 was committed and before it was read) by four helpers
// who had read neither the engine nor any other set (evals/writers/README.md),
// so that the readings the session takes from dev67 are judged on writers they
// were not tuned on: an e-book lending platform for libraries (the pod subnets
// out of free IP addresses, new pods stuck in ContainerCreating while the
// autoscaler added nodes, in a chat and a postmortem; a replication slot left
// by a paused CDC connector holding WAL until the database disk filled), a
// parking and toll operator (a time-partitioned table with no partition for
// the new month or day because the job creating them had failed silently, in a
// chat and a postmortem; keys without expiry filling the permit cache so that
// Redis evicted permits and the gates timed out), a farm-equipment telematics
// company (64-bit ids past 2^53 rounded by a JSON parser that reads numbers as
// doubles, in a chat and a postmortem; modems reconnecting in step with no
// backoff after a carrier outage) and a subtitle company (workers killed
// before they could stop gracefully, a shell entrypoint swallowing SIGTERM or
// a grace period too short, in a chat and a postmortem; a lifecycle rule with
// an empty filter expiring a whole media bucket). It was committed before the
// engine was run on it. It loads, is all dev, holds its four family pairs, and
// every labelled ts is a message of its incident.
func TestDev68Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev68", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 81, lookAlikes: 149,
	})
}
