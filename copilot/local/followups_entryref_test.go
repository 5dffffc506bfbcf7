package local

import "testing"

// A numbered entry called off by its number, messages later and in a longer
// message ("actually scratch my 3), the probe"), is withdrawn; the other entries
// stay.
func TestCallOffByEntryNumber(t *testing.T) {
	inc, got := followUpsOf(t,
		"oli: 1) alert on open fds per process above 70% of the limit. I'll add it to the exporter by friday",
		"ravi: 2) I'll add a step to the VM migration runbook: diff crontabs old host vs new before cutover",
		"oli: 3) I'll also build a synthetic OTP probe: send to a test SIM every minute, alert if nothing arrives",
		"julien: 4) the enquire_link interval must go in group_vars, I do it today",
		"ines: could we have a test that catches this kind of leak before prod?",
		"julien: yes, i add a churn test in CI that kills the session 1000 times",
		"oli: actually scratch my 3), the probe. the delivery alert fired 2 min after the first failures, a probe wouldn't have beaten it. not doing it",
	)
	if it, ok := got[ts(inc, 2)]; ok {
		t.Errorf("entry 3 was called off but is reported: %q", it.Text)
	}
	for _, i := range []int{0, 1} {
		if _, ok := got[ts(inc, i)]; !ok {
			t.Errorf("entry %d is missing; got %v", i+1, got)
		}
	}
}
