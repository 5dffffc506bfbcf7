package local

import "testing"

// A reply that argues and closes on a bare "no." turns the proposal down, as one
// that opens with "no" does.
func TestReplyEndingInNoRejects(t *testing.T) {
	inc, got := followUpsOf(t,
		"jens: maybe we move the recordings to the cloud object storage, then there is no quota problem at all",
		"rachel: not during exam season, and the data protection review for recordings took eight months last time. no.",
		"oonagh: I'll add an alert on bucket usage above 85% by friday",
	)
	if it, ok := got[ts(inc, 0)]; ok {
		t.Errorf("turned-down proposal reported: %q", it.Text)
	}
	if _, ok := got[ts(inc, 2)]; !ok {
		t.Errorf("the alert is missing; got %v", got)
	}
}
