package evals

import "testing"

// TestDev72Corpus checks the dev set written on 2026-12-07 (forty-second
// session, after dev71 was committed and before it was read) by four helpers
// who had read neither the engine nor any other set (evals/writers/README.md),
// so that the readings the session takes from dev71 are judged on writers they
// were not tuned on: a regional newspaper group (a KMS key disabled or
// scheduled for deletion while older data still needed it, in a chat and a
// postmortem; a queue's visibility timeout shorter than a slow batch, so
// breaking-news pushes went out several times), a grocery delivery company
// (a power dip or generator test the UPS or transfer switch did not carry, and
// systems back in the wrong order, in a chat and a postmortem; a Wi-Fi
// authentication server's certificate expiring), a podcast service (a node or
// base image update changing the GPU driver or CUDA version, in a chat and a
// postmortem; a certificate renewal failing for a month behind a rotated API
// token) and a regional airline (a launch or instance template naming a
// deleted or obsolete image, so scale-out failed at a peak, in a chat and a
// postmortem; an expired client certificate on a baggage feed). It was
// committed before the engine was run on it. It loads, is all dev, holds its
// four family pairs, and every labelled ts is a message of its incident.
func TestDev72Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev72", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 78, lookAlikes: 147,
	})
}
