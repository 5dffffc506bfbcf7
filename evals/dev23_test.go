package evals

import "testing"

// TestDev23Corpus checks the dev set written on 2026-12-04 (the thirteenth
// session) by four helpers who had read neither the engine nor any other set,
// three incidents each in settings of their own: an airport's baggage sort
// service and its flight displays, both stopped by a service account's expired
// password, and a baggage message queue blocked by one bad message; a water
// utility's pumping-station telemetry and its portal's card payments, both cut by
// a middlebox dropping idle connections, and a billing cycle a thousand times too
// high after a vendor changed a file's unit; a card issuer's PIN checks and wallet
// provisioning, both failing on an HSM that lacked a key, and authorisations
// falling to stand-in behind a clearing batch's row locks; a robot fleet stopped
// twice by access points moving to channels the robots may not use, and label
// printers lost when a DHCP migration dropped their reservations. It was committed
// before the engine was run on it. It loads, is all dev, holds its family pairs,
// and every labelled ts is a message of its incident.
func TestDev23Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev23", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 62, lookAlikes: 97,
	})
}
