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

// A reviewer's verdict and the conditions that come with it are the review of a
// change, not a follow-up; a promise of lasting work after the verdict's sentence is.
func TestReviewVerdictIsNoFollowUp(t *testing.T) {
	inc, got := followUpsOf(t,
		"hanna: resolved, trips start again",
		"tobi: PR #881 widens the reconciler's id column to bigint, pls review",
		"hanna: Approved. Run it once against staging with a negative id seeded before you ship, please.",
		"hanna: and I'll add an alert on the sequence reaching 80% of its range, by friday",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true)
	for s, want := range map[string]bool{
		"lgtm. ship it after lunch":                              true,
		"reviewed + approved, ship it after lunch":               true,
		"approved changes to the runbook need a second reviewer": false,
	} {
		if got := reviewVerdict(s); got != want {
			t.Errorf("reviewVerdict(%q) = %v, want %v", s, got, want)
		}
	}
}
