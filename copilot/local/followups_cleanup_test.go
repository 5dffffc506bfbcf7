package local

import "testing"

// Between the step that stopped the bleeding and the resolution, an ask nobody
// owns that names nothing lasting is the clean-up; an owned item or one naming a
// lasting thing stays, and after the resolution a proposal needs no owner.
func TestCleanupAsksAreNoFollowUps(t *testing.T) {
	inc := chat(
		"ana: billing exceptions at 4x the cycle average, meter reads with a decimal comma",
		"ben: rolled back the importer to 3.2, new reads parse again",
		"ana: good, errors gone for new files",
		"carl: kyle please put a hold on the print transfer for cycle 14 and suppress the bills in the portal",
		"dina: can we just fix the file ourselves, replace the commas with dots and reload?",
		"ben: I'll add an alert on the exception count per cycle by friday",
		"carl: we should add a contract test for the meter file format",
		"ana: resolved, thanks all",
		"dina: we should make the importer reject files with a different decimal separator",
	)
	got := followUpsBySource(t, inc)
	for _, i := range []int{3, 4} {
		if it, ok := got[inc.Messages[i].TS]; ok {
			t.Errorf("clean-up ask %q reported as a follow-up: %+v", inc.Messages[i].Text, it)
		}
	}
	for _, i := range []int{5, 6, 8} {
		if _, ok := got[inc.Messages[i].TS]; !ok {
			t.Errorf("follow-up %q not found; got %v", inc.Messages[i].Text, got)
		}
	}
}
