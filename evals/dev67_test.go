package evals

import "testing"

// TestDev67Corpus checks the dev set written on 2026-12-07 (fortieth session,
// after dev66 was committed and before it was read) by four helpers who had
// read neither the engine nor any other set (evals/writers/README.md), so that
// the readings the session takes from dev66 are judged on writers they were
// not tuned on: a freight tracking platform (gRPC keepalive pings or a
// connection-age cap answered with GOAWAY, dropping long-lived streams in
// bursts, in a chat and a postmortem; a slow synchronous call per record that
// kept a Kafka consumer group rebalancing), a school-management system (a
// block-storage volume out of burst credits, disk latency jumping while CPU
// looked idle, in a chat and a postmortem; an ack timeout that redelivered
// messages already sent), a photobook printer (object keys moved under one
// prefix, so object storage answered SlowDown, in a chat and a postmortem; an
// autosave payload past the gateway's body limit) and an email platform for
// small shops (a shared sending pool or signing domain losing its reputation,
// delaying receipts with the campaigns, in a chat and a postmortem; a lock
// lost on a Redis failover sending campaigns twice). It was committed before
// the engine was run on it. It loads, is all dev, holds its four family pairs,
// and every labelled ts is a message of its incident.
func TestDev67Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev67", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 78, lookAlikes: 164,
	})
}
