package local

import "testing"

// A speaker takes an idea back in a longer message that gives the reason first
// and ends with the retraction, or that names the item as "my …".
func TestRetractionWithItsReason(t *testing.T) {
	inc, got := followUpsOf(t,
		"sanne: I'll make a list of all our certs with who renews them, by end of next week",
		"femke: I'll also add an outage banner in the app",
		"femke: actually the banner comes from the same api, if the api is unreachable the banner is too. dropping that",
		"pieter: I will also add an alert on the InResponseTo mismatch rate, >2% of posts over 5 min, by friday",
		"mo: and I will add an IdP-side alert for logins that never arrive at the SP",
		"ana: I will add a duty-manager sign-off for front end changes to the change checklist",
		"mo: about my IdP alert: scratch that, from the IdP we cannot see if the post arrived, Pieter's metric covers it",
		"jonas: I add a platform alert rule for any cronjob that runs twice in parallel",
		"jonas: about the 30 min schedule: forget it, rafa is right and with Forbid we don't need it",
	)
	wantFollowUpLines(t, inc, got, true, false, false, true, false, true, false, true, false)
}
