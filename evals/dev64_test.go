package evals

import "testing"

// TestDev64Corpus checks the dev set written on 2026-12-07 (fortieth session,
// after dev63 was committed and before it was read) by four helpers who had
// read neither the engine nor any other set (evals/writers/README.md), so that
// the readings the session takes from dev63 are judged on writers they were
// not tuned on: a regional electricity retailer (a metrics cardinality
// explosion that ran the monitoring out of memory or over its series limit, so
// alerts went silent while a real failure went unnoticed, in a chat and a
// postmortem; a replication slot left by a retired connector filling the WAL
// disk), an airline crew-scheduling platform (image pulls failing on a registry
// rate limit or a mirror that was down, so new pods sat in ImagePullBackOff
// while old ones drained, in a chat and a postmortem; a column-type migration
// whose table lock queued every query), a museum ticketing platform (a cookie
// attribute change that broke sessions in embedded checkouts and member
// logins, in a chat and a postmortem; an on-sale whose pod count times pool
// size passed the database's connection limit) and a medical imaging upload
// portal (a request body limit lowered at the ingress or the edge proxy, so
// large uploads failed while small ones worked, in a chat and a postmortem; a
// poison message stalling a Kafka partition). It was committed before the
// engine was run on it. It loads, is all dev, holds its four family pairs, and
// every labelled ts is a message of its incident.
func TestDev64Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev64", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 78, lookAlikes: 149,
	})
}
