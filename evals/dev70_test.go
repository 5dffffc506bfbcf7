package evals

import "testing"

// TestDev70Corpus checks the dev set written on 2026-12-07 (forty-second
// session, before dev69 was read) by four helpers who had read neither the
// engine nor any other set (evals/writers/README.md), so that the readings the
// session takes from dev69 are judged on writers they were not tuned on: a
// regional water utility (a liveness probe with a short timeout failing under
// load so the kubelet restarts busy pods in a cascade, in a chat and a
// postmortem; a bulk SMS campaign starving leak alerts on a shared queue), an
// online chess platform (a flapping link between zones leaving two primaries
// without fencing, ratings or pairings diverging, in a chat and a postmortem;
// a node pool's low open-file limit), a chain of veterinary clinics
// (pre-signed upload URLs expiring before large imaging or video transfers
// finish, in a chat and a postmortem; cache keys without a TTL filling Redis)
// and a farmers' grain cooperative (a load test or synthetic job pointed at
// production, in a chat and a postmortem; an expired client certificate to the
// bank). It was committed before the engine was run on it. It loads, is all
// dev, holds its four family pairs, and every labelled ts is a message of its
// incident.
func TestDev70Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev70", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 82, lookAlikes: 169,
	})
}
