package evals

import "testing"

// TestDev85Corpus checks the dev set written on 2026-12-08 (forty-ninth
// session, while dev84 was read) by four helpers who had read neither the
// engine nor any other set (evals/writers/README.md), so that readings taken
// from dev83 and dev84 are judged on writers they were not tuned on: an
// outdoor-gear web shop (a cache key missing a dimension, the country cookie of
// a CDN key and the customer id of a Redis key, in a chat and a postmortem;
// search indices left behind until Elasticsearch made them read-only), a
// veterinary telemedicine service (consumers so far behind that retention or a
// message TTL deletes what they never read, in a chat and a postmortem; a
// security-group tidy-up that removed the TURN relay ports), a public radio
// broadcaster (an encoding or Unicode normalisation mismatch, cp1252 against
// UTF-8 and NFD against NFC, in a chat and a postmortem; a certificate that
// expired after a DNS cleanup broke its renewal) and a container terminal (a
// backup job saturating shared storage I/O so a database or a broker stalls,
// in a chat and a postmortem; a manually uploaded load-balancer certificate
// that expired). The writers had 40 minutes each, so the chats are shorter than
// in earlier sets. It was committed before the engine was run on it. It loads,
// is all dev, holds its four family pairs, and every labelled ts is a message
// of its incident.
func TestDev85Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev85", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 68, lookAlikes: 133,
	})
}
