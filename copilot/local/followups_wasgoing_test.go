package local

import "testing"

// An intention told in the past ("I was going to …") was not carried through; a
// promise beside it in another sentence still is one.
func TestIntentionToldInThePast(t *testing.T) {
	inc, got := followUpsOf(t,
		"tobi: i was going to write a script that checks all cronjobs for failures every morning and posts in here, but the alerting covers that right?",
		"oonagh: I was going to add a canary stage too. I'll add an alert on cronjob failures by friday instead.",
	)
	if it, ok := got[ts(inc, 0)]; ok {
		t.Errorf("abandoned intention reported: %q", it.Text)
	}
	if _, ok := got[ts(inc, 1)]; !ok {
		t.Errorf("the promise beside an abandoned intention is missing; got %v", got)
	}
}
