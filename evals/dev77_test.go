package evals

import "testing"

// TestDev77Corpus checks the dev set written on 2026-12-07 (forty-fourth
// session, before dev76 was read) by four helpers who had read neither the
// engine nor any other set (evals/writers/README.md), so that readings taken
// from dev76 are judged on writers they were not tuned on: a school district's
// services (identifiers kept as text losing their leading zeros in a type-
// guessing CSV reader or a spreadsheet save, in a chat and a postmortem; a TLS
// certificate whose renewal a firewall rule had blocked), a conveyancing and
// land-search platform (an operating-system or ICU upgrade changing text
// collation under existing indexes, in a chat and a postmortem; a consumer
// group rebalancing without end on oversized messages), a chain of gyms (a
// schedule expression read otherwise than meant, day-of-month OR day-of-week
// or a seconds field lost, in a chat and a postmortem; a database's connections
// taken by a service scaled out without a pooler) and a charity fundraising
// platform (a message template rendered with missing merge fields and sent at
// scale, in a chat and a postmortem; a secret rotation replacing a provider's
// webhook signing secret). It was committed before the engine was run on it.
// It loads, is all dev, holds its four family pairs, and every labelled ts is a
// message of its incident.
func TestDev77Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev77", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 77, lookAlikes: 162,
	})
}
