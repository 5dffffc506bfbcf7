package evals

import "testing"

// TestDev73Corpus checks the dev set written on 2026-12-07 (forty-second
// session, after dev72 was committed and before it was read) by four helpers
// who had read neither the engine nor any other set (evals/writers/README.md),
// so that the readings the session takes from dev72 are judged on writers they
// were not tuned on: a housing association (request headers grown past a
// proxy's or server's limit by cookies or a token's group claims, in a chat and
// a postmortem; a payment import failing silently for four nights), a clinical
// laboratory network (a certificate revocation list not refreshed, so valid
// certificates were rejected, in a chat and a postmortem; a rejected result
// blocking an ordered channel), a wind-farm operator (messages grown past a
// broker's or queue's size limit, dropped for some sites only, in a chat and
// a postmortem; a replication slot filling a database disk) and a sports
// league (a hot key or partition saturating one node while the others idled,
// in a chat and a postmortem; a revoked push-notification signing key). One
// writer started `head` on evals/writers/listts/main.go with the output sent to
// /dev/null. It was committed before the engine was run on it. It loads, is
// all dev, holds its four family pairs, and every labelled ts is a message of
// its incident.
func TestDev73Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev73", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 75, lookAlikes: 154,
	})
}
