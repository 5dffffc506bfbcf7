package evals

import "testing"

// TestDev81Corpus checks the dev set written on 2026-12-07 (forty-seventh
// session, before dev80 was read) by four helpers who had read neither the
// engine nor any other set (evals/writers/README.md), so that readings taken
// from dev80 are judged on writers they were not tuned on: a hospital
// pharmacy (a queue consumer that acknowledges before it processes, so what
// it held when it died is lost, in a chat and a postmortem; an interface's
// client certificate that expired), an online grocer (a dependency's address
// hard-coded where DNS is bypassed, so calls reach a retired or frozen host
// after it moved, in a chat and a postmortem; keys with no expiry filling a
// cache that never evicts), a library consortium (a validation rule that
// rejects valid values, such as a check digit X or a plus sign in an address,
// in a chat and a postmortem; a search cluster gone read-only at its disk
// watermark) and a group of radio stations (DNS lookups multiplied by the
// search path under a high ndots, in a chat and a postmortem; a single-replica
// pod evicted by a node upgrade whose disk was tied to one zone). It was
// committed before the engine was run on it. It loads, is all dev, holds its
// four family pairs, and every labelled ts is a message of its incident.
func TestDev81Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev81", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 75, lookAlikes: 150,
	})
}
