package evals

import "testing"

// TestDev61Corpus checks the dev set written on 2026-12-06 (thirty-eighth
// session, at its end) by four helpers who had read neither the engine nor any
// other set (evals/writers/README.md), commissioned after dev59 was read and
// before dev60 was, so that the readings the next session takes from dev60 are
// judged on writers they were not tuned on: a freight railway (node drains with
// no PodDisruptionBudget that evicted every booking-api replica and broke a
// RabbitMQ quorum, in a chat and a postmortem; an int4 sequence that ran out),
// a meal-kit company (an edge cache that served logged-in pages and slot
// bookings to other customers, in a chat and a postmortem; a connection pool
// raised until the database ran out of connections), a brokerage app (a query
// plan that turned to a full scan after a skewed bulk load and a dropped index,
// in a chat and a postmortem; a reconnect storm without jitter) and a
// smart-home company (a circuit breaker and a load shedder that latched open
// on healthy dependencies, in a chat and a postmortem; a migration's lock that
// queued behind an export). It was committed before the engine was run on it.
// It loads, is all dev, holds its four family pairs, and every labelled ts is a
// message of its incident.
func TestDev61Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev61", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 80, lookAlikes: 136,
	})
}
