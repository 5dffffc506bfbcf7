package evals

import "testing"

// TestDev49Corpus checks the dev set written on 2026-12-06 (thirty-third
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), so that rules the session takes from dev48 are
// judged on writers they were not tuned on: a regional airline (a config value
// pushed to every node at once with no canary: kiosks reading a bare idle timeout
// as milliseconds, in a chat, and a typo in a crew legality rules file, in a
// postmortem; an autoscaler taking the crew app past the database's connection
// limit), a mortgage lender (a gateway or mesh rate limit set far too low by a
// config migration, with a batch client retrying into it, in a chat and a
// postmortem; an inactive replication slot filling the disk with WAL), a public
// aquarium (a permission removed in a clean-up making a bucket or a file share
// unreadable to its service, in a chat and a postmortem; a hand-issued internal
// certificate expiring on the gate scanners' server) and a parcel locker network
// (an API route or endpoint retired while old app builds or firmware still called
// it, in a chat and a postmortem; an index built without CONCURRENTLY locking a
// hot table). It was committed before the engine was run on it. It loads, is all
// dev, holds its four family pairs, and every labelled ts is a message of its
// incident.
func TestDev49Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev49", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 78, lookAlikes: 144,
	})
}
