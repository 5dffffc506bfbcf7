package evals

import "testing"

// TestDev43Corpus checks the dev set written on 2026-12-05 (twenty-ninth
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), while rules were being taken from dev42, so that
// those rules are judged on it: a university library platform (a consumer group
// rebalancing forever because each batch outlasts the poll interval, in a chat
// and a report; a proxy's IP blocked by a publisher after a bulk download), a
// grocery delivery company (a config-service schema change making a boolean
// flag fall back to its default, in a chat and a postmortem; a Redis full of
// slot holds written without expiry), a hospital's clinical messaging (a log
// volume out of inodes while df shows free space, in a chat and a review; an
// on-call roster converted with a fixed UTC offset across a clock change) and a
// mobile game studio (a CDN cache key missing a header so one player's or one
// locale's responses reached others, in a chat and a review; a leaderboard
// Redis full of keys without expiry). It was committed before the engine was
// run on it. It loads, is all dev, holds its four family pairs, and every
// labelled ts is a message of its incident.
func TestDev43Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev43", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 74, lookAlikes: 144,
	})
}
