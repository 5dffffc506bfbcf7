package evals

import "testing"

// TestDev41Corpus checks the dev set written on 2026-12-05 (twenty-eighth
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), while rules were being written from dev40, so that
// those rules are judged on it: a dental clinic chain (an NFS share hung or stale
// after a storage takeover, in a chat and a review; SMS reminders sent twice on
// the DST night), a dark-kitchen chain (a supplier API's field changing type and
// read silently as zero, in a chat and a postmortem; a RabbitMQ disk alarm
// blocking publishers), an air-cargo system (a blocking call starving an event
// loop or a thread pool so health checks killed the pods, in a chat and a
// postmortem; a certificate served without its intermediate) and a car-sharing
// company (a stuck consumer with unlimited prefetch holding the queue, in a chat
// and a postmortem; a broker certificate without its intermediate, the family
// two writers share). It was committed before the engine was run on it. It
// loads, is all dev, holds its five family pairs, and every labelled ts is a
// message of its incident.
func TestDev41Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev41", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 5, followUps: 77, lookAlikes: 145,
	})
}
