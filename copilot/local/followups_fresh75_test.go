package local

import (
	"fmt"
	"testing"
)

// Readings from dev75 once dev76 was in place.

// "thats a product feature, not incident stuff. park it for the summer roadmap
// discussion" in the thread of a question turns the idea down for now; "park it"
// inside a runbook step ("find head msg, park it, resend") is a step.
func TestParkItTurnsDown(t *testing.T) {
	root := fmt.Sprintf("^%d ", len(firefight)+1)
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"sabine: could the app push a notification automatically when a lift goes on wind hold?",
		root+"felix: thats a product feature, not incident stuff. park it for the summer roadmap discussion",
		"jens: @piotr can you write runbook 'stuck message in the queue: find head msg, park it, resend'? by friday",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true)
	for _, s := range []string{"agree with sam, park it", "park it for now", "thats a redesign. park it for Q3 planning"} {
		if !rejects(s) {
			t.Errorf("%q does not turn the idea down", s)
		}
	}
	if rejects("find head msg, park it, resend") {
		t.Error("a runbook step that parks a message read as a refusal")
	}
}
