package evals

import "testing"

// TestDev19Corpus checks the small dev set written on 2026-12-03 for follow-ups by
// a helper who had read neither the engine nor any other set (eight JSON chats:
// a planetarium, a box office, milking robots, a rescue radio gateway, car-wash
// kiosks, museum sensors, school-bus trackers, a blood bank): it loads, is all
// dev, holds its family pairs, and every labelled ts is a message of its incident.
func TestDev19Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev19", devSetCounts{
		incidents: 8, documents: 8, pairs: 3, followUps: 24, lookAlikes: 40,
	})
}
