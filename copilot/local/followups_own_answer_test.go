package local

import (
	"slices"
	"testing"
)

// A question its asker answers at once with a promise about the same thing is
// one item, at the promise, citing the question. A promise about something else
// leaves the question standing.
func TestQuestionAnsweredByItsOwnAsker(t *testing.T) {
	inc, got := followUpsOf(t,
		"sami: could the holding line be pre-approved for this kind of thing? took us 10 min to get one",
		"sami: I'll add a pre-approved 'gate scanning issue' statement to the comms library by next friday",
	)
	if it, ok := got[ts(inc, 0)]; ok {
		t.Errorf("the question is listed apart: %+v", it)
	}
	if it, ok := got[ts(inc, 1)]; !ok || it.Owner != "sami" || !slices.Contains(it.Sources(), ts(inc, 0)) {
		t.Errorf("the promise: %+v (found %v), want sami's item citing the question", it, ok)
	}

	inc, got = followUpsOf(t,
		"sami: could the holding line be pre-approved for this kind of thing? took us 10 min to get one",
		"sami: I'll add a disk alert on the scanner gateway by next friday",
	)
	if _, ok := got[ts(inc, 0)]; !ok {
		t.Errorf("the question is gone although the promise is about other work")
	}
}
