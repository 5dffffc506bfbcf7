package evals

import "testing"

// TestDev51Corpus checks the dev set written on 2026-12-06 (thirty-third
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), so that the rule the session takes from dev50 is
// judged on writers it was not tuned on: a national lottery (a network change
// silently dropping traffic a service needed: a security group rule removed, a
// static route lost in a transit gateway move, in a chat and a postmortem;
// autoscaling past the database's connection limit), a food delivery platform
// (a consumer falling behind a slowed dependency until orders timed out, in a
// chat and a postmortem; a certificate whose renewal failed silently), a
// university (a scheduled job deleting or disabling live records from an empty
// input or a dropped filter, in a chat and a postmortem; a WAF rule blocking the
// certificate challenge) and a shipping line (a partner feed changing a field's
// format or meaning without notice, in a chat and a postmortem; an orphaned
// replication slot filling the disk). It was committed before the engine was run
// on it. It loads, is all dev, holds its four family pairs, and every labelled ts
// is a message of its incident.
func TestDev51Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev51", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 73, lookAlikes: 151,
	})
}
