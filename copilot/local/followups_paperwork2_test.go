package local

import "testing"

// The incident's own report is no improvement, whatever adjective or acronym it
// comes with ("a short postmortem", "an RFO"), and so is what is asked of it ("I
// need the PM by the 20th").
func TestOwnReportIsNoFollowUp(t *testing.T) {
	inc, got := followUpsOf(t,
		"ben: I write a short postmortem by friday, ping me if I miss something",
		"ana: We'll publish an RFO within 5 business days.",
		"carl: I'll add an alert on pool saturation by friday",
		"dina: I need the PM by the 20th for the final report please.",
	)
	for _, i := range []int{0, 1, 3} {
		if it, ok := got[ts(inc, i)]; ok {
			t.Errorf("the incident's report %q reported as a follow-up: %q", inc.Messages[len(firefight)+i].Text, it.Text)
		}
	}
	if _, ok := got[ts(inc, 2)]; !ok {
		t.Errorf("the alert is missing; got %v", got)
	}
}
