package local

import "testing"

// Readings from dev65 once dev66 was in place.

// "i had the cdn PR in my review queue last week and rubber stamped it. on
// me": a bare "on me" closing the speaker's account of what they did takes a
// share of the blame, not work; after someone's idea it still takes the work.
func TestOnMeClosingOwnAccount(t *testing.T) {
	if !blameOnMe("i had the cdn PR in my review queue last week and rubber stamped it. on me") {
		t.Error("blameOnMe: a bare 'on me' after the speaker's own account is blame")
	}
	if blameOnMe("i had a look at the alert rules, we need a lag alert. on me") {
		t.Error("blameOnMe: 'on me' after a proposal takes the work")
	}
	inc, got := followUpsOf(t,
		"kai: thanks all. follow-ups?",
		"priya: i had the cdn PR in my review queue last week and rubber stamped it. on me",
		"kai: I'll add a CI check that fails when an unversioned path gets an immutable cache header",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}

// "fair, dropping the 04:00 idea" concedes the idea whatever its name holds.
func TestConcedeNamedWithTime(t *testing.T) {
	inc, got := followUpsOf(t,
		"kai: thanks all. follow-ups?",
		"noor: and i'll move the charge run to 04:00 so we're off the psp morning peak",
		"felix: psp degradation was a regional incident on their side, not peak load. 04:00 wouldn't have changed anything",
		"noor: fair, dropping the 04:00 idea",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false)
}
