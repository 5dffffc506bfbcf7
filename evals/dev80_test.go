package evals

import "testing"

// TestDev80Corpus checks the dev set written on 2026-12-07 (forty-seventh
// session, before dev79 was read) by four helpers who had read neither the
// engine nor any other set (evals/writers/README.md), so that readings taken
// from dev79 are judged on writers they were not tuned on: a chain of
// veterinary clinics (a four-byte character in a free-text field refused by a
// column whose character set stores three bytes at most, so whole batches roll
// back, in a chat and a postmortem; a wildcard certificate that expired after
// its renewal credential was revoked), a city bike-share operator (jobs or
// devices all set to fire at the same second, so their burst overloads a
// shared backend, in a chat and a postmortem; keys written with no expiry
// filling a cache that never evicts), a public aquarium and zoo (an alert that
// matched a log line or a metric by name going blind after the format or the
// name changed, in a chat and a postmortem; autoscaling pods whose pools used
// up the database's connections) and a freight rail yard (a timeout entered in
// the wrong unit, so calls give up at once or hang for an hour, in a chat and
// a postmortem; a poison record crash-looping a consumer). It was committed
// before the engine was run on it. It loads, is all dev, holds its four family
// pairs, and every labelled ts is a message of its incident.
func TestDev80Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev80", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 77, lookAlikes: 143,
	})
}
