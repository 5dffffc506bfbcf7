package local

import (
	"testing"
)

// Readings from dev77 once dev78 was in place.

// A proposal its speaker then promises to carry out ("the receipt page
// shouldn't say couldn't-confirm … I'll change it to a 'payment received'
// state by friday") is judged as the promise too: a dated promise after the
// resolution is a follow-up whichever of its sentences comes first. A proposal
// with no promise beside it is still judged as a proposal.
func TestProposalThenOwnPromise(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"kasia: the receipt page shouldn't say couldn't-confirm when the card form already told us it went through. I'll change it to a 'payment received' state by friday",
		"olu: the receipt page shouldn't say that, yeah",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
}
