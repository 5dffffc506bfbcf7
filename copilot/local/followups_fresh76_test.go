package local

import (
	"fmt"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Readings from dev76 once dev77 was in place.

// A quoted name ("a zendesk macro for 'speaking temporarily unavailable'") says
// what the thing will say, not when its writer acts: the promise stands. The
// same word said of the writer's own step keeps it a stopgap.
func TestQuotedNameIsNoTiming(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"dana: i'll add a zendesk macro for 'speaking temporarily unavailable' so we're not writing it live next time",
		"rafa: i'll temporarily pin the scoring pods to the old node pool",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
	// Said while the incident still runs.
	inc = chat(
		"ana: speaking exercises failing since 09:55",
		"rafa: scoring vendor cert expired, renewing",
		"rafa: renewed, scores flowing",
		"kofi: watching error rate",
		"dana: i'll add a zendesk macro for 'speaking temporarily unavailable' so we're not writing it live next time",
		"rafa: i'll temporarily pin the scoring pods to the old node pool",
		"ana: resolved",
	)
	wantFollowUpLines(t, inc, followUpsBySource(t, inc), true, false)
	if got := withoutNames(`a macro for 'speaking temporarily unavailable', don't "for now" it`); got != `a macro for  don't   it` {
		t.Errorf("withoutNames = %q", got)
	}
}

// What support staff paste or read out (a help-desk macro, a KB article) is a
// deliverable of its own kind: a ticket that makes one change (refund a batch,
// hold the auto-return) is not the promise to write about it, even where the
// item names the change ("the 'charged twice' macro + refund timeline").
func TestSupportContentIsNotTheChange(t *testing.T) {
	for _, s := range []string{"a care macro for duplicate charges", "a KB article for the contact centre", "into the agent knowledge base"} {
		if deliverables(s) != kindSupport {
			t.Errorf("deliverables(%q) = %b, want the support kind %b", s, deliverables(s), kindSupport)
		}
	}
	for _, tt := range []struct {
		title, item string
		want        bool
	}{
		{"Refund batch for duplicate captures of 2026-04-22 charge run", "i'll put the 'charged twice' macro + refund timeline into the cx playbook this week", true},
		{"missed-bin-verifier: hold auto-return when truck telematics stale > 15 min", "i'll write a KB article for the contact centre on 'tracker says truck didn't come but bin is empty'", true},
		{"Raise fd limit on snapshot hosts", "alert when fd usage passes 70% of the limit, and raise it", false},
		{"Add a KB article on stale tracker positions", "i'll write a KB article on stale tracker positions", false},
	} {
		if got := actionDiffers(tt.title, tt.item); got != tt.want {
			t.Errorf("actionDiffers(%q, %q) = %v, want %v", tt.title, tt.item, got, tt.want)
		}
	}
	inc := chat(append(append([]string{}, firefight...),
		"grace: I'll make a care macro for duplicate charges so we're not writing it from scratch at 7am next time",
	)...)
	inc.Tickets = []copilot.Ticket{{Key: "BILL-613", Title: "Refund duplicate charges from 2026-W24 billing run", Status: "done"}}
	it, ok := followUpsBySource(t, inc)[ts(inc, 0)]
	if !ok || it.Captured {
		t.Errorf("the macro: item %v, captured %v by %q, want uncaptured", ok, it.Captured, it.TicketKey)
	}
}

// "👍 adding 'please reload' to the macro" edits a reply macro while the
// incident runs; a dropped-subject "adding" to a runbook still commits.
func TestAddingToTheMacroIsDone(t *testing.T) {
	inc := chat(
		"ana: editor shows media errors since 09:55",
		"mei: batch restore running",
		"mei: top 20 accounts restored by hand",
		"jon: editor cache: anyone who had the page open still sees the error, a reload fixes it. sasha fyi for replies",
		"sasha: 👍 adding 'please reload' to the macro",
		"tomek: also adding 'check gw clock' as step 1 in the telemetry-gap runbook",
		"mei: batch job complete, 0 failed",
		"ana: resolved",
	)
	wantFollowUpLines(t, inc, followUpsBySource(t, inc), false, true, false)
}

// A check someone writes or adds ("i'll write a small parity check that runs
// nightly") is a thing made, not the look of "i'll check"; a sign-off is a
// process gate, so a line added to it is lasting work, whatever verb the line
// itself opens with.
func TestMadeCheckIsLasting(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"tomasz: i'll also write a small parity check (class, param group, extensions, storage) that runs nightly and moans in #collections-platform if primary and replica drift",
		"gwen: I'll add a line to our monthly payroll sign-off: check gov.uk for newly announced bank holidays before the file is cut",
		"priya: i'll check the replica's instance class",
	)
	wantFollowUpLines(t, inc, got, false, true, true, false)
}

// A take-back with its reason beside it: "fair, dropping that one. oskar's
// linter covers it better" in the thread of its speaker's own promise, and
// "thinking about the ansible check again: … dropping that one, the checklist
// covers it" naming the promise made earlier.
func TestTakeBackWithReason(t *testing.T) {
	root := fmt.Sprintf("^%d ", len(firefight)+1)
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"kenji: I'll also add a pre-deploy alert that looks in pg_stat_statements for the dropped column, to catch readers we don't know about",
		root+"hollis: 0 right now, and it would also have said 0 yesterday for the monthly report job. false confidence",
		root+"kenji: fair, dropping that one. oskar's linter covers it better",
		"oonagh: and I'll add a check to the learn ansible deploy that the name resolves the same from inside and outside",
		"jens: I'll write the TTL step into the cutover checklist by friday",
		"oonagh: thinking about the ansible check again: the learn deploy never touches DNS so it's the wrong place. dropping that one, the checklist covers it.",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false, false, true, false)
}
