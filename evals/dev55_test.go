package evals

import "testing"

// TestDev55Corpus checks the dev set written on 2026-12-06 (end of the
// thirty-fifth session) by four helpers who had read neither the engine nor any
// other set (evals/writers/README.md), so that the next session's rules are
// judged on writers they were not tuned on: a regional bus operator (a load
// balancer health check that marked healthy backends down or kept dead ones
// in, in a chat and a postmortem; a time-series database whose retention jobs
// failed silently until its disk filled), an online grocer (a feature flag or
// remote config reaching everyone at once down an untested path, in a chat and
// a postmortem; a hand-made TLS certificate expiring on the driver routing
// host), a university (a SAML signing key switch and an expired OIDC client
// secret locking users out, in a chat and a postmortem; a service pointed past
// its connection pooler running the database out of connections) and an
// insurance broker (a goroutine leak and an unbounded cache map growing over
// hours or days until the service fell over, in a chat and a postmortem; an
// expired mTLS client certificate for a partner insurer). It was committed
// before the engine was run on it. It loads, is all dev, holds its four family
// pairs, and every labelled ts is a message of its incident.
func TestDev55Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev55", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 76, lookAlikes: 147,
	})
}
