package local

import "testing"

// Readings from dev62 once dev63 was in place.

// "I'll set that up": a take whose particle follows its pronoun takes the idea
// before it, like "I'll set up that" or "I'll do that".
func TestTakeWithParticleAfterPronoun(t *testing.T) {
	inc, got := followUpsOf(t,
		"ana: thanks all. follow-ups?",
		"leon: what would have helped is something outside hitting search like a user. can we get a synthetic probe that searches a few known shows every minute?",
		"priya: I'll set that up in checkly after the alert",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
	if it := got[ts(inc, 1)]; it.Owner != "priya" || it.TakenTS != ts(inc, 2) {
		t.Errorf("probe: owner %q taken at %q, want priya at the take", it.Owner, it.TakenTS)
	}
	for _, s := range []string{"i'll set that up in checkly", "i'll hook it up", "we'll sort this out"} {
		if !doesIt(s) || !opensTaking(s) {
			t.Errorf("%q: doesIt %v, opensTaking %v, want both", s, doesIt(s), opensTaking(s))
		}
	}
	if doesIt("i'll set it") {
		t.Error(`doesIt("i'll set it"): a bare "set" makes nothing`)
	}
}

// "priya let me know": asking to be told what happens is no promise of the
// speaker's ("let me") and asks the one named for no work.
func TestLetMeKnowAsksNoWork(t *testing.T) {
	inc, got := followUpsOf(t,
		"ana: thanks all. follow-ups?",
		"hank: hope the bank doesn't charge us for the late file. priya let me know",
		"ravi: I'll add an alert when the nightly file is not sent by 06:00",
		"dana: keep me posted on the refund, ravi",
	)
	wantFollowUpLines(t, inc, got, false, false, true, false)
}

// "yeah fair, withdrawing the second run": a speaker withdrawing their own
// idea by naming it calls it off.
func TestWithdrawingNamedIdea(t *testing.T) {
	inc, got := followUpsOf(t,
		"ana: thanks all. follow-ups?",
		"owen: I'll also add a second originate run at 14:00 as a safety net for anything the early run misses",
		"owen: and I'll fix the routing on the gap alert so it pages",
		"marisol: @owen re the 14:00 second run: until the window fix lands a second run would double-originate. please don't",
		"owen: yeah fair, withdrawing the second run. the window fix makes it moot anyway",
	)
	wantFollowUpLines(t, inc, got, false, false, true, false, false)
}
