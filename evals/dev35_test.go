package evals

import "testing"

// TestDev35Corpus checks the dev set written on 2026-12-04 (twentieth session) by
// helpers who had read neither the engine nor any other set: a farmers'
// cooperative's weighbridge tickets hanging behind an ALTER TABLE that waited on
// a long advance-payment transaction, its webshop checkouts hanging behind an
// index build that waited on an ERP sync left idle in transaction, and its
// agronomy app down on a certificate whose renewals had failed since port 80 was
// closed; a car-sharing company's trip starts failing when a 32-bit id sequence
// ran out, its crew tablets getting no tasks when a 32-bit field of a message
// overflowed, and customers charged several times by retries that each took a
// new idempotency key; a ferry operator's port kiosks and plate cameras timing
// out when leaked connections filled the gateway's conntrack table, a partner's
// idle sessions filling a firewall's session table, and onboard card payments
// refused after a secret was rotated without reaching the ship. It was committed
// before the engine was run on it. It loads, is all dev, holds its family pairs,
// and every labelled ts is a message of its incident.
func TestDev35Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev35", devSetCounts{
		incidents: 9, documents: 6, postmortems: 3, pairs: 3, followUps: 59, lookAlikes: 105,
	})
}
