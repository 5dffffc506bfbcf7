package evals

import "testing"

// TestDev56Corpus checks the dev set written on 2026-12-06 (start of the
// thirty-sixth session) by four helpers who had read neither the engine nor
// any other set (evals/writers/README.md), so that the session's rules are
// judged on writers they were not tuned on: a water utility (a broker volume
// filled by a topic with unlimited retention and a database's WAL kept by a
// paused connector's replication slot, in a chat and a postmortem; an expired
// hand-renewed certificate on the field crews' dispatch app), a ticketing site
// (an autoscaler stuck at its maximum during on-sales, in a chat and a
// postmortem; an expired wallet-pass signing certificate), an airline (a
// release that broke on production-only data, a long passenger name and a
// local duty code, in a chat and a postmortem; a fleet of kiosk client
// certificates expiring in the same minute) and a payroll company (a
// local-time job that ran twice when the clocks went back and skipped when
// they went forward, in a chat and a postmortem; a renderer release leaking
// memory until its pods were killed). It was committed before the engine was
// run on it. It loads, is all dev, holds its four family pairs, and every
// labelled ts is a message of its incident.
func TestDev56Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev56", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 74, lookAlikes: 142,
	})
}
