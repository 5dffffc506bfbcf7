package evals

import "testing"

// TestDev84Corpus checks the dev set written on 2026-12-08 (forty-ninth
// session, before dev83 was read) by four helpers who had read neither the
// engine nor any other set (evals/writers/README.md), so that readings taken
// from dev83 are judged on writers they were not tuned on: a florist and
// same-day delivery network (date arithmetic that breaks at the end of a month,
// a renewal job stopped by "April 31" and a payout window that silently clamps
// to March 31, in a chat and a postmortem; a Redis filled by keys without
// expiry), a language-learning app (a certificate chain or CA bundle change
// that old Android devices or one partner no longer trust, in a chat and a
// postmortem; a push fan-out exhausting the connection pooler), a city's online
// services (a health check that marks every healthy backend down, a readiness
// probe calling a slow dependency and a moved health path answering 302, in a
// chat and a postmortem; a bulk mailing using up the shared sender's quota) and
// a pharmacy chain's refill platform (disk space held by deleted files still
// open, after a log rotation change and a tmpfiles cleanup, in a chat and a
// postmortem; store client certificates expiring behind a renewal job that
// failed silently). It was committed before the engine was run on it. It loads,
// is all dev, holds its four family pairs, and every labelled ts is a message
// of its incident.
func TestDev84Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev84", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 75, lookAlikes: 149,
	})
}
