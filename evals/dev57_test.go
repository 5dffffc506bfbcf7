package evals

import "testing"

// TestDev57Corpus checks the dev set written on 2026-12-06 (thirty-sixth
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), commissioned when dev56 was read so that the
// session's later rules are judged on writers they were not tuned on: a
// weather service (a storage bucket policy rewrite that shut the CDN out and a
// lifecycle rule that archived live model output after 0 days, in a chat and a
// postmortem; push workers scaled out past the database's connection limit), a
// property-management platform (a slow payment provider and a slow identity
// provider turned into outages by missing timeouts and stacked retries, in a
// chat and a postmortem; a late-fee job restarted from the start and charging
// twice), a hospital network (clients left on the old primary after a planned
// switchover and an unplanned failover, in a chat and a postmortem; a session
// store filled by a release) and a logistics company (consumers that stopped
// acknowledging after a library upgrade and stopped committing offsets after a
// shared chart change, in a chat and a postmortem; scanners pinned to an
// intermediate certificate that was rotated). It was committed before the
// engine was run on it. It loads, is all dev, holds its four family pairs, and
// every labelled ts is a message of its incident.
func TestDev57Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev57", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 80, lookAlikes: 140,
	})
}
