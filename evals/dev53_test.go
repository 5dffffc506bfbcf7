package evals

import "testing"

// TestDev53Corpus checks the dev set written on 2026-12-06 (thirty-fourth
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), so that the rules the session takes from dev52 are
// judged on writers they were not tuned on: a city water utility (a poison
// message or an unannounced payload change stalling queue consumers while the
// producers kept writing, in a chat and a postmortem; a scheduler on local time
// firing twice on the DST fall-back), an online pharmacy (an infrastructure-as-
// code apply in the wrong workspace or over renamed resources, in a chat and a
// postmortem; a renewed client certificate nothing mounted), an airport
// ground-handling company (DNS sending clients to the wrong place or nowhere, a
// view include moved and a domain lapsed, in a chat and a postmortem; a
// consumer's stale key filling the broker's disk) and an invoicing SaaS (a
// service OOM-killed in a loop by an unbounded cache or one huge input, in a
// chat and a postmortem; a DKIM record cut at 255 characters). It was
// committed before the engine was run on it. It loads, is all dev, holds its
// four family pairs, and every labelled ts is a message of its incident.
func TestDev53Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev53", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 78, lookAlikes: 160,
	})
}
