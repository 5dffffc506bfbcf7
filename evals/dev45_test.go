package evals

import "testing"

// TestDev45Corpus checks the dev set written on 2026-12-06 (thirtieth session, at
// its start) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), so that the rules the session takes from dev44 are
// judged on a writer they were not tuned on: a chain of veterinary clinics (a
// schema migration holding a lock on a hot table, in a chat and a postmortem; a
// singleton scheduler run on two replicas), a music streaming service (an
// unbounded JVM cache driving GC pauses until the load balancer pulls instances,
// in a chat and a review; a consumer group rebalancing because a batch outlasts
// the poll interval), a city's parking-payment operator (a deploy moving the load
// balancer's health-check path or port, in a chat and a postmortem; a shared
// Redis evicting session keys) and an agritech company (a base image lowering the
// open-file limit, in a chat and a review; a renewed certificate from an
// intermediate old firmware does not trust). It was committed before the engine
// was run on it. It loads, is all dev, holds its four family pairs, and every
// labelled ts is a message of its incident.
func TestDev45Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev45", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 77, lookAlikes: 152,
	})
}
