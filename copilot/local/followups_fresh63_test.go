package local

import "testing"

// Readings from dev63 once dev64 was in place.

// "a bad-image test pod got denied as it should" compares with what was
// expected; its "should" proposes nothing. "A label like this should never
// reach a printer" still does.
func TestShouldOfExpectation(t *testing.T) {
	for _, tt := range []struct {
		low  string
		want bool
	}{
		{"back on fail. test deploy in the sandbox ns admitted fine, and a bad-image test pod got denied as it should", false},
		{"the alert fired like it should have", false},
		{"a label like this should never reach a printer", true},
	} {
		if got := proposalForm(tt.low, true); got != tt.want {
			t.Errorf("proposalForm(%q) = %v, want %v", tt.low, got, tt.want)
		}
	}
}

// "re game day: actually let's fold that into the Q2 chaos plan …, dropping it
// from my list" calls off the game day its speaker promised.
func TestDroppingItFromMyList(t *testing.T) {
	inc, got := followUpsOf(t,
		"kofi: thanks all. what do we change?",
		"tomek: I'll also run a game day next week where we kill gk in staging and see what else breaks",
		"rhea: I'll add 'check rs events for FailedCreate' to the hpa-mismatch runbook tomorrow",
		"tomek: re game day: actually let's fold that into the Q2 chaos plan rather than me doing a one-off, dropping it from my list",
	)
	wantFollowUpLines(t, inc, got, false, false, true, false)
}

// The incident's comms: "can someone give me a line for the status page?"
// and a customer's demand for an RCA are its paperwork, whoever takes them.
func TestStatusPageLineAndRCADemandArePaperwork(t *testing.T) {
	inc, got := followUpsOf(t,
		"kofi: thanks all. what do we change?",
		"mina: can someone give me a line for the status page?",
		"kofi: I'll write the status page update tonight, mina I'll send it to you first",
		"devin: customers notified. one wants an RCA by monday",
		"^7 helen: I'll send them the summary once the postmortem is reviewed",
		"tomek: I'll add an alert on gatekeeper ready replicas < 2 by wednesday",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false, false, true)
}

// A refusal right after someone else's idea turns that idea down, even when it
// names its speaker's own idea as the reason ("with PITR it buys nothing");
// agreeing with the refusal ("agree with hana, no delayed replica") proposes
// nothing.
func TestRefusalOfAnothersIdeaAndAgreeingWithIt(t *testing.T) {
	inc, got := followUpsOf(t,
		"tomasz: thanks all. what do we change?",
		"hana: i'll set up wal archiving to s3 with pgbackrest so we have PITR back",
		"priya: what about a delayed replica as well, 4h apply delay? would have saved us yesterday",
		"hana: with PITR it buys nothing and it's one more box to patch and watch. i'd rather not",
		"devraj: agree with hana, no delayed replica",
	)
	wantFollowUpLines(t, inc, got, false, true, false, false, false)
}

// "not an action item but thanks …" says it is none; "next time I'll just not
// touch regexes on a tuesday" promises to abstain, which makes nothing.
func TestDisclaimedItemAndAbstention(t *testing.T) {
	inc, got := followUpsOf(t,
		"grace: thanks all. follow-ups?",
		"bea: the VCL override we used today should go in the tiles runbook as the first move. I'll write that up this week",
		"ines: not an action item but thanks for the fast turnaround, the newsroom customer is happy-ish",
		"otto: next time I'll just not touch regexes on a tuesday",
	)
	wantFollowUpLines(t, inc, got, false, true, false, false)
}
