package evals

import "testing"

// TestDev79Corpus checks the dev set written on 2026-12-07 (forty-sixth
// session, before dev78 was read) by four helpers who had read neither the
// engine nor any other set (evals/writers/README.md), so that readings taken
// from dev78 are judged on writers they were not tuned on: a regional ferry
// operator (a value longer than a column or a partner field silently cut to
// the limit, so cut keys collide or stop matching, in a chat and a postmortem;
// an inactive replication slot holding write-ahead log until the disk filled),
// a university admissions office (a delimited export with an unescaped
// delimiter, quote or line break in a field, so columns shift or the file is
// rejected, in a chat and a postmortem; a temp volume filled by files a timed
// out renderer left behind), a municipal water utility (a cross-origin policy
// missing the front-end's origin, so browsers block the calls while server-side
// checks stay green, in a chat and a postmortem; again a stale replication slot
// filling the WAL disk, labelled under its own family name) and a podcast
// hosting platform (deletes leaving tombstones until partition reads time out,
// in a chat and a postmortem; a cache at its memory limit with no eviction
// after keys lost their expiry). It was committed before the engine was run on
// it. It loads, is all dev, holds its four family pairs, and every labelled ts
// is a message of its incident.
func TestDev79Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev79", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 78, lookAlikes: 167,
	})
}
