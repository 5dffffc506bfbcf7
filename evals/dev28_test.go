package evals

import "testing"

// TestDev28Corpus checks the third dev set written on 2026-12-04 (fourteenth
// session) by four helpers who had read neither the engine nor any other set,
// while the engine was tuned on dev26: a bike-share's dock configuration and map
// tiles both made unreadable by a storage bucket's policy or lifecycle rule, and
// duplicate payment holds from retries without a stable idempotency key; a bank's
// open-banking API and device-bound logins both failing on reused connections a
// backend had already closed (keep-alive timeouts that disagree), and a fraud
// feature store's Redis refusing writes at maxmemory; a hospital's image router
// and CT indexer both stuck behind one item at the head of an ordered queue, and
// an expired certificate on the radiology system's HL7 listener; a translator
// marketplace's payouts and quotes both priced from a bad exchange rate accepted
// without a sanity check, and an ingress upgrade that dropped the upload size
// limit. It was committed before the engine was run on it: the fair check of
// the rules the session wrote from dev26. It loads, is all dev, holds its family
// pairs, and every labelled ts is a message of its incident.
func TestDev28Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev28", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 77, lookAlikes: 153,
	})
}
