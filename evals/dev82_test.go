package evals

import "testing"

// TestDev82Corpus checks the dev set written on 2026-12-07 (forty-eighth
// session, before dev81 was read) by four helpers who had read neither the
// engine nor any other set (evals/writers/README.md), so that readings taken
// from dev81 are judged on writers they were not tuned on: a ferry operator (a
// daylight-saving change that skips a job scheduled in the missing hour or
// runs one twice in the repeated hour, in a chat and a postmortem; a vendor's
// new intermediate certificate refused by a pinned trust store), a software
// company serving dental practices (rolling deploys that stop instances
// without draining them, cutting uploads and claim files mid-request, in a
// chat and a postmortem; a base image without timezone data that falls back
// to UTC), a municipal water utility (a host clock left behind by a snapshot
// restore or a blocked time-sync port, so tokens are judged not yet valid and
// updates sort out of order, in a chat and a postmortem; a middleware header
// that stops the CDN caching the outage map) and a game studio (a 32-bit id or
// score that reaches its maximum, in a chat and a postmortem; cache keys left
// without an expiry filling a Redis that never evicts). It was committed
// before the engine was run on it. It loads, is all dev, holds its four family
// pairs, and every labelled ts is a message of its incident.
func TestDev82Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev82", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 73, lookAlikes: 149,
	})
}
