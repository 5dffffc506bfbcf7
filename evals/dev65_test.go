package evals

import "testing"

// TestDev65Corpus checks the dev set written on 2026-12-07 (fortieth session,
// after dev64 was committed and before it was read) by four helpers who had
// read neither the engine nor any other set (evals/writers/README.md), so that
// the readings the session takes from dev64 are judged on writers they were
// not tuned on: a bike-share operator (rollouts and node consolidation killing
// pods the load balancer still sent requests to, with no preStop delay and a
// deregistration delay shorter than the calls, in a chat and a postmortem; a
// poison message stalling the consumer that ends rides), a veterinary insurer
// (PostgreSQL transaction ID wraparound because an orphaned prepared
// transaction or an idle-in-transaction session held back freezing, in a chat
// and a postmortem; a payout file retried under a new name and paid twice), a
// meal-kit app (a minimum-version setting that locked users behind an update
// screen, raised before the build was live or compared as strings, in a chat
// and a postmortem; a client upgrade that dropped the payment provider's
// idempotency key) and a web analytics SaaS (a broken script or service worker
// cached long after the rollback, in a chat and a postmortem; ClickHouse
// refusing inserts with too many parts after a shorter flush interval). It was
// committed before the engine was run on it. It loads, is all dev, holds its
// four family pairs, and every labelled ts is a message of its incident.
func TestDev65Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev65", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 78, lookAlikes: 156,
	})
}
