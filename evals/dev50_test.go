package evals

import "testing"

// TestDev50Corpus checks the dev set written on 2026-12-06 (thirty-third
// session) by four helpers who had read neither the engine nor any other set
// (evals/writers/README.md), so that rules the session takes from dev48 and
// dev49 are judged on writers they were not tuned on: a city's parking service
// (a cache emptied by a failover or a key prefix change sending every lookup to
// the database at once, in a chat and a postmortem; a handheld firmware update
// resetting devices to UTC), a music streaming service (a unit or rounding error
// in a money batch: yen and won paid out 100 times over, statement lines cut to
// two decimals, in a chat and a postmortem; a consumer group rebalancing in a
// loop), a bike and scooter fleet (a resolver or split-horizon zone wrong after a
// network change, in a chat and a postmortem; autoscaling past the database's
// connection limit) and a hospital radiology archive (a memory leak getting a
// service killed again and again, in a chat and a postmortem; an expired client
// certificate emptying the scanners' worklists). It was committed before the
// engine was run on it. It loads, is all dev, holds its four family pairs, and
// every labelled ts is a message of its incident.
func TestDev50Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev50", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 77, lookAlikes: 145,
	})
}
