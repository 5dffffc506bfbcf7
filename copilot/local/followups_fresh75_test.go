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

// "i'll add a CI check … sqlfluff custom rule eventually, a dumb grep to start"
// promises the check now; only its later form is put off. An idea put off with
// no promise beside it ("we could shard it at some point") is none.
func TestPromiseBesideALaterForm(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"tomasz: i'll add a CI check that flags any ORDER BY ... LIMIT in our repos that doesn't end on a unique column. sqlfluff custom rule eventually, a dumb grep to start",
		"ines: we could shard the bookings table at some point",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
}
