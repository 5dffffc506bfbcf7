package evals

import "testing"

// TestDev15Corpus checks the dev set written for follow-ups and summaries before
// tuning by a helper who had not read the engine (settings and report styles the
// other sets lack: a Slack export with incident, alerting and tracker bots, JSON
// documents with tickets exports, postmortems as a PIR actions table, a Notion
// export, a corrective action plan, pasted Jira comments, follow-ups inside
// timeline rows and a bilingual report): it loads, is all dev, holds the three
// forms and the family pairs it was written with, and every labelled follow-up,
// look-alike and key moment is a message of its incident.
func TestDev15Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev15", devSetCounts{
		incidents: 20, slack: 7, documents: 7, postmortems: 6, pairs: 5, followUps: 50, lookAlikes: 95,
	})
}
