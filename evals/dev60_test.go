package evals

import "testing"

// TestDev60Corpus checks the dev set written on 2026-12-06 (thirty-eighth
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), commissioned before dev59 was read so that the
// session's rules are judged on writers they were not tuned on: a ride-hailing
// company (connections no longer reused, so a NAT gateway's source ports and a
// pod's local ports ran out, in a chat and a postmortem; a surge multiplier
// written in basis points and read as a factor), an airline (a mutable image tag
// and a stale artifact proxy that left some hosts on an old build after a deploy
// that looked done, in a chat and a postmortem; a wallet pass signing
// certificate that expired), a telehealth provider (an etcd cluster without a
// leader after restarts on a timer and an Elasticsearch cluster with two
// masters, in a chat and a postmortem; an e-prescribing client certificate that
// expired) and a betting exchange (a CPU limit and a heap size that no longer
// suited the JVM's collector, so stop-the-world pauses failed health checks and
// a consumer group's sessions, in a chat and a postmortem; an expired mTLS
// client certificate to a score feed). It was committed before the engine was
// run on it. It loads, is all dev, holds its four family pairs, and every
// labelled ts is a message of its incident.
func TestDev60Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev60", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 77, lookAlikes: 139,
	})
}
