package evals

import "testing"

// TestDev29Corpus checks the dev set written on 2026-12-04 (fifteenth session) by
// four helpers who had read neither the engine nor any other set, while the
// engine was tuned on dev23-dev28: a ferry operator's boarding passes and customs
// manifests both refused by a host whose clock had drifted or jumped, and vessel
// positions frozen behind one malformed AIS message; a meal-kit company's
// shipping labels and delivery routes both sent to a carrier's or maps vendor's
// sandbox from production, and a billing database's disk filled by a replication
// slot nobody used; a university's exam proctoring and learning platform both
// tied up by a slow vendor called without a timeout, and an enrolment database
// stopped by write-ahead logs a stale replication slot kept; a satellite imagery
// company's ground-station recorder and archive catalog both stopped by a disk
// that stopped being cleaned up, and images off target after a silent orbit-data
// fetch failure. It was committed before the engine was run on it. It loads, is
// all dev, holds its family pairs, and every labelled ts is a message of its
// incident.
func TestDev29Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev29", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 78, lookAlikes: 149,
	})
}
