package evals

import "testing"

// TestDev83Corpus checks the dev set written on 2026-12-08 (forty-eighth
// session, before dev82 was read) by four helpers who had read neither the
// engine nor any other set (evals/writers/README.md), so that readings taken
// from dev82 are judged on writers they were not tuned on: an online
// photo-printing company (a filesystem out of inodes from millions of small
// files while df shows free space, in a chat and a postmortem; a poison image
// that kills every render worker before it acknowledges), a chain of coffee
// shops with an order-ahead app (an MTU mismatch after a network change that
// drops large packets silently, in a chat and a postmortem; autoscaled pods
// whose pools exceed the database's connection limit), a news publisher (a
// slow dependency called without a timeout that holds every worker or pooled
// connection, in a chat and a postmortem; an expired push certificate) and an
// operator of electric-vehicle charging stations (logging turned up until it
// fills or saturates a disk, in a chat and a postmortem; a partner's paging
// change that makes a sync revoke most tokens). It was committed before the
// engine was run on it. It loads, is all dev, holds its four family pairs,
// and every labelled ts is a message of its incident.
func TestDev83Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev83", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 80, lookAlikes: 151,
	})
}
