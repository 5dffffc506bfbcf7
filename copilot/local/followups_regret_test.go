package local

import "testing"

// "We should have had an alert on X" looks back at what was missing: a regret,
// as the labelling guide and all but one writer of the dev sets read it. "We
// should have an alert on X" proposes it, and a promise in the same message is
// the follow-up whatever the regret before it.
func TestShouldHaveHadIsARegret(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"should have had", []string{"dan: we really should have had an alert on evictions, this is kind of embarrassing tbh."}, nil},
		{"should've had", []string{"dan: should've had an alert on provider errors"}, nil},
		{"should have had, and a promise", []string{"dan: we should have had an alert on evictions. I'll add one on evicted_keys > 0 by friday."}, []int{0}},
		{"should have, a proposal", []string{"dan: we should have an alert on evictions for every redis cluster."}, []int{0}},
	})
}

// Looking back, asking for numbers for a call, telling a party of the incident,
// crediting the customers and a note about the note are the incident's own
// business, not improvements; each becomes one when the writer puts lasting work
// on a list.
func TestLookalikesOfHindsightCommsAndRemedy(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"hindsight", []string{"dan: In hindsight we shouldn't deploy at 6:40 right before the rush."}, nil},
		{"hindsight, taken on", []string{"dan: In hindsight we shouldn't deploy before the rush, I'll add a deploy freeze 06:00-09:00 to the pipeline by friday."}, []int{0}},
		{"numbers for a call", []string{"dan: I need a number for the publisher call at 19:30, how many players got 429s?"}, nil},
		{"notify of the outage", []string{"dan: We'll notify the affected merchants about the outage tomorrow morning."}, nil},
		{"notify, and an alert", []string{"dan: We'll notify the affected merchants about the outage and I'll add an alert on settlement lag."}, []int{0}},
		{"credit the fees", []string{"dan: Credit the May fees of the 61 affected customers."}, nil},
		{"the note explains", []string{"dan: This note explains what happened and what we are changing."}, nil},
	})
}

// In a report, a note about the note and a credit for the customers listed among
// the next steps are no follow-ups; the alert beside them is.
func TestReportMetaAndCreditsAreNoFollowUps(t *testing.T) {
	src := "# Rates at zero\n\nDate: 2026-03-02.\n\nThis note explains what happened and what we are changing.\n\n" +
		"## Summary\n\nThe orders pool ran out of connections for 40 minutes.\n\n" +
		"## Next steps\n\n- Credit the May fees of the 61 affected customers.\n\n" +
		"- Alert on pool saturation above 80% of max_connections (Dan Ek).\n"
	checkReport(t, src, []string{"Alert on pool saturation"}, []string{"Credit the May fees", "This note explains"})
}

// Asking what will be done so it does not come back proposes nothing; the answer
// that names the work is the follow-up.
func TestAskingForThePlanIsNoFollowUp(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"will it not happen", []string{"ann: so this will not happen on the 27th? biggest day of the year", "bob: the chunking stays in the sync job now, so no"}, nil},
		{"what do we do", []string{"ann: ok. what do we do so it does not repeat"}, nil},
		{"what do we do, and an alert", []string{"ann: what do we do so it does not repeat? I'd say an alert on pass list age, I'll add it by friday"}, []int{0}},
	})
}

// A request for something to be done now about the incident's own victims is a
// step of the response; the same person asked for lasting work is a follow-up.
func TestImmediateAskIsNoFollowUp(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"the last 30 min", []string{"ann: @bob can you give priority to the tokens that got rejected in the last 30 min?"}, nil},
		{"lasting", []string{"ann: @bob can you add an alert on the token_expired ratio?"}, []int{0}},
	})
}

// A note to the people hit, asked for and taken up ("I do it today"), is the
// incident's communication, not an improvement.
func TestATakenUpNoteToTheAffectedIsPaperwork(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"a note taken up", []string{"ann: can somebody write an official note to the 340 students?", "bob: I do it today"}, nil},
		{"a runbook taken up", []string{"ann: can somebody write a runbook for the exam token refresh?", "bob: I do it today"}, []int{0}},
	})
}
