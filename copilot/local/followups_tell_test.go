package local

import "testing"

// Passing the word on is the incident's communication, not lasting work: "I'll
// tell Tomasz", "noor tell them not to re-buy", "bea pls tell them" are no
// follow-ups. A message that names lasting work beside the telling, or commits
// to something else, still is one.
func TestTellingIsNoFollowUp(t *testing.T) {
	inc, got := followUpsOf(t,
		"raf: thanks! so the cert build is still on track for tomorrow. I'll tell Tomasz",
		"mia: 👍 yes noor tell them not to re-buy",
		"jon: approving a flat €15 voucher for every courier who was online with no order. bea pls tell them",
		"raf: I'll tell support how to spot the duplicates and put it in the support runbook",
		"jon: I'll let the vendor know, and I'll add an alert on their cert expiry at 21 days",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true, true)
}
