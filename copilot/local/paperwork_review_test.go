package local

import "testing"

// The incident's write-up, a note of it in a periodic report and the review's slot
// in the calendar are its paperwork, not improvements.
func TestReviewPaperwork(t *testing.T) {
	for low, want := range map[string]bool{
		"thanks all. short writeup on monday":                       true,
		"compliance will note it in the monthly":                    true,
		"we note it in the monthly report as recovered from logs":   true,
		"review on thursday 2pm? kim could you put it in the diary": true,
		"kim, calendar invite for the review pls":                   true,
		"i'll add a cert expiry panel to the dashboard":             false,
		"we need a write-up template check in the pr pipeline":      false, // a pipeline check is lasting
		// A lasting word in a sentence that proposes nothing leaves the note paperwork.
		"great, then no monitoring violation. i'll note it in the mor":                    true,
		"if it works we note it in the mor as recovered. if not we have a report to file": true,
		"i'll note it in the mor. we also need an alert on the collector":                 false,
		// The weekly review's document is where the write-up goes, not a runbook.
		"thanks all. ill put the writeup in the mes weekly review doc": true,
		"i'll add the restart steps to the ops runbook doc":            false,
	} {
		if got := paperwork(low); got != want {
			t.Errorf("paperwork(%q) = %v, want %v", low, got, want)
		}
	}
	inc, got := followUpsOf(t,
		"helen: thanks all. Could we avoid swapping indexes at 2am when nobody is watching? run it in office hours",
		"helen: Review on Thursday 2pm? Kim could you put it in the diary",
		"kim: done, invite sent",
	)
	if _, ok := got[ts(inc, 1)]; ok {
		t.Errorf("the review's calendar slot is listed as a follow-up")
	}
}
