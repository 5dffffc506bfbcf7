package local

import "testing"

// Readings from dev78 once dev79 was in place.

// Agreeing with a complaint that proposed nothing ("the registration alert
// fired an hour and a half after we started" … "+1, I'll tighten the anomaly
// alert, 1.5x over 30 min") and promising the fix in full is the follow-up: the
// promise is not folded into the complaint, which the promise answers.
func TestAgreeingWithAComplaintThenPromising(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"raj: I'll add a nightly query counting non-NFC name_search rows and alert if >0",
		"dolores: honestly we found out from patrons. the registration alert fired an hour and a half after we started making dupes",
		"raj: +1, I'll tighten the anomaly alert, 1.5x over 30 min instead of 3x over 2h",
		"dolores: also could we get a front desk checklist for 'patron not found': phone, email, dob, card no, THEN new card",
	)
	wantFollowUpLines(t, inc, got, false, true, false, true, true)
	if it := got[ts(inc, 3)]; it.Owner != "raj" {
		t.Errorf("owner of the tightened alert = %q, want raj", it.Owner)
	}
}

// "I'll take that to the pay station vendor, no promises on a date tho"
// commits to the work and declines only to name its time; a bare "no promise"
// still commits nobody.
func TestNoPromiseOnTheDateStillCommits(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"sinead: gary's team needs a manual override for the member discount on the pay stations for when the partner is down. I'll take that to the pay station vendor, no promises on a date tho",
		"kim: next contract period maybe I can look at moving segments to object storage, but no promise",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
}
