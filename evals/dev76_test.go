package evals

import "testing"

// TestDev76Corpus checks the dev set written on 2026-12-07 (forty-third
// session, after dev75 was committed and before it was read) by four helpers
// who had read neither the engine nor any other set (evals/writers/README.md),
// so that readings taken from dev75 are judged on writers they were not tuned
// on: a meal-kit company (a crawler or scraper spread over thousands of
// addresses hitting uncached pages, in a chat and a postmortem; a billing
// retry sending a new idempotency key each time), a pension fund administrator
// (a business-day calendar table that ran out or missed a new bank holiday, in
// a chat and a postmortem; a statements batch taking the database's
// connections), a municipal waste collection service (a failover onto a target
// never configured like the primary, in a chat and a postmortem; a hand-renewed
// certificate expiring on the GPS ingest) and a language-learning app (an
// experiment's traffic split or targeting rule sending far more users than
// meant to an unfinished variant, in a chat and a postmortem; an internal
// certificate whose automatic renewal had been failing). It was committed
// before the engine was run on it. It loads, is all dev, holds its four family
// pairs, and every labelled ts is a message of its incident.
func TestDev76Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev76", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 76, lookAlikes: 163,
	})
}
