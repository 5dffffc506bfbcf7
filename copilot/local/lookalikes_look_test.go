package local

import "testing"

// Going to look is triage: a question the speaker closes with "looking", and a
// promise to check whose other sentence only expects no effect.
func TestLookingIsNoFollowUp(t *testing.T) {
	inc, got := followUpsOf(t,
		"priya: resolved, billing-db has disk again",
		"kenji: and why didn't the disk alert fire at 80%? looking",
		"ana: lifecycle rules only touch objects older than 180d, shouldn't affect PUTs. I'll check the bucket policy to be sure",
		"ana: the disk alert should page at 80%, not email. I'll change the route today",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true)
}
