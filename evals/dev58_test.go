package evals

import "testing"

// TestDev58Corpus checks the dev set written on 2026-12-06 (thirty-seventh
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), commissioned before the session's first rule so
// that its rules are judged on writers they were not tuned on: a city transit
// agency (a path MTU black hole after a VPN cutover and after a carrier moved
// the fleet's APN, with ICMP "fragmentation needed" dropped, in a chat and a
// postmortem; a timetable export that silently reused a stale calendar), an
// online grocery delivery service (catastrophic regex backtracking in a search
// query sanitiser and in a log redaction pattern, in a chat and a postmortem; a
// backfill job moved into the picking peak that bypassed the connection pooler),
// a university (a noisy neighbour starving the student-records database and the
// learning platform's shared storage of IO, in a chat and a postmortem; a
// service account whose database password expired) and an online game studio
// (console-platform APIs that changed a response, a new enum value and a date
// format, and a parser that failed closed, in a chat and a postmortem; party
// tickets written without a TTL filling Redis). It was committed before the
// engine was run on it. It loads, is all dev, holds its four family pairs, and
// every labelled ts is a message of its incident.
func TestDev58Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev58", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 82, lookAlikes: 148,
	})
}
