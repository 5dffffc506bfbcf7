package evals

import "testing"

// TestDev78Corpus checks the dev set written on 2026-12-07 (forty-fifth
// session, before dev77 was read) by four helpers who had read neither the
// engine nor any other set (evals/writers/README.md), so that readings taken
// from dev77 are judged on writers they were not tuned on: a public library
// consortium (the same text stored in composed and decomposed Unicode forms no
// longer comparing equal after a collation or a rewrite changed, in a chat and
// a postmortem; a message broker's disk alarm blocking every publisher), a
// chain of veterinary clinics (a date-only value turned into a midnight
// timestamp in one time zone and read back in another, a day early, in a chat
// and a postmortem; an insurer's mutual-TLS client certificate expiring), an
// airport car-parking operator (a secret or key stored with an invisible
// trailing newline or byte-order mark, in a chat and a postmortem; database
// connections exhausted by an autoscaler multiplying pools) and a farmers'
// grain cooperative (money and quantities carried as binary floating point and
// rounded at the wrong step, in a chat and a postmortem; a lab feed's client
// certificate expiring). It was committed before the engine was run on it.
// It loads, is all dev, holds its four family pairs, and every labelled ts is a
// message of its incident.
func TestDev78Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev78", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 76, lookAlikes: 146,
	})
}
