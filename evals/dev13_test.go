package evals

import "testing"

// TestDev13Corpus checks the dev set written for follow-ups and summaries before
// tuning by a helper who had not read the engine (settings and voices unlike the other
// sets: public sector, retail, airline crew, radio, LMS, hospital lab, card
// authorisation, transit, payroll, open-source infrastructure, matchmaking; postmortems
// in 5-whys, checklist, memo, wiki-table, preventative/detection and customer-facing
// styles): it loads, is all dev, holds the three forms and the family pairs it was
// written with, and every labelled follow-up, look-alike and key moment is a message of
// its incident.
func TestDev13Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev13", devSetCounts{
		incidents: 20, slack: 7, documents: 7, postmortems: 6, pairs: 5, followUps: 60, lookAlikes: 95,
	})
}
