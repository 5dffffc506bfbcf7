package local

import "testing"

// A "next time …" said with a wince (😅) or a smile (":)") is a joke about the
// night, not a plan; "well" opening a sentence is not "we'll". The speaker's own
// "I'll …" keeps its promise when a laugh is tacked on.
func TestLaughAndWell(t *testing.T) {
	inc, got := followUpsOf(t,
		"raf: next time schedule the migration for the encore, nobody scans during the encore 😅",
		"jon: please not 10 years :) the point is nobody should have to remember",
		"raf: well at least no auditor can say our lock timeout is too lax today",
		"jon: I'll add a support macro for the door error that points to the status page, agents told people to reinstall the app 🙈",
		"raf: I'll also write a runbook 'backfill vs live traffic' so next time nobody pauses the wrong job 😂",
		"mia: we'll add an alert on lock waits over 2s for the backfill role",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true, true, true)
}
