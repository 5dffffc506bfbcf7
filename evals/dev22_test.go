package evals

import "testing"

// TestDev22Corpus checks the dev set written on 2026-12-04 by helpers who had read
// neither the engine nor any other set, each a few incidents in a setting of its
// own: a hospital's HL7 results feed blocked by one malformed message, ski-lift
// gates rejecting tickets after the access server's certificate expired, a ticket
// shop's keycard activations blocked by one order requeued forever (a report), a
// city GIS server whose certificate renewal a firewall change had broken, a
// tutoring platform's video relay cut off by a security-group change, and tutor
// payouts stopped by an expired client certificate (a report). It loads, is all
// dev, holds its family pairs, and every labelled ts is a message of its incident.
func TestDev22Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev22", devSetCounts{
		incidents: 6, documents: 4, postmortems: 2, pairs: 2, followUps: 28, lookAlikes: 49,
	})
}
