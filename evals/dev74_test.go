package evals

import "testing"

// TestDev74Corpus checks the dev set written on 2026-12-07 (end of the
// forty-second session, after dev73 was committed and before it was read) by
// four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), so that readings taken from dev73 are judged on
// writers they were not tuned on: a council parking service (a service-mesh
// policy or default changed, so calls between healthy services failed, in a
// chat and a postmortem; a payment webhook secret rotated without the vault),
// an insurer (an auto-reply or acknowledgement loop with another automatic
// sender, in a chat and a postmortem; a vendor's new certificate chain missing
// from a built-in trust list), a veterinary pharmaceutical wholesaler (a thread
// or worker pool exhausted by calls to one slow dependency without a timeout,
// in a chat and a postmortem; an expired client certificate to a sensor
// vendor) and a bus and tram operator (an overlapping IP range announced by a
// new VPN or VPC capturing traffic for an existing network, in a chat and a
// postmortem; a timetable feed published despite its checker's errors). It was
// committed before the engine was run on it. It loads, is all dev, holds its
// four family pairs, and every labelled ts is a message of its incident.
func TestDev74Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev74", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 79, lookAlikes: 151,
	})
}
