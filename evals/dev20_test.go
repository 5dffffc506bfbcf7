package evals

import "testing"

// TestDev20Corpus checks the dev set written on 2026-12-04 for follow-ups and
// summaries by a helper who had read neither the engine nor any other set: six
// Slack channels in one export (an e-commerce checkout, a B2B invoicing API, a
// mobile game's live event, a parcel-tracking indexer, a news site's image CDN,
// restaurant order tablets), five JSON documents with a `tickets` export (hospital
// scheduling, a fintech KYC pipeline, a university LMS, fitness class booking,
// dental SMS reminders) and three Markdown postmortems (a payroll export with an
// Owner/Ticket/Due table, a travel site's "We will…" prose, a data platform's
// "Lessons learned" and "Next steps"). It loads, is all dev, holds its family
// pairs, and every labelled ts is a message of its incident.
func TestDev20Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev20", devSetCounts{
		incidents: 14, slack: 6, documents: 5, postmortems: 3, pairs: 3, followUps: 45, lookAlikes: 87,
	})
}
