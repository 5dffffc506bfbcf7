package local

import (
	"fmt"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Readings from dev77 once dev78 was in place.

// A proposal its speaker then promises to carry out ("the receipt page
// shouldn't say couldn't-confirm … I'll change it to a 'payment received'
// state by friday") is judged as the promise too: a dated promise after the
// resolution is a follow-up whichever of its sentences comes first. A proposal
// with no promise beside it is still judged as a proposal.
func TestProposalThenOwnPromise(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"kasia: the receipt page shouldn't say couldn't-confirm when the card form already told us it went through. I'll change it to a 'payment received' state by friday",
		"olu: the receipt page shouldn't say that, yeah",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
}

// What a message asks a system to do by design ("the rotator should restart
// one service at a time, smoke check it, and roll the secret back itself") or
// what a change makes it do ("change the rotator to restart services one at a
// time") is the improvement, not a step of the response: the restart and the
// check in it do not make the promise firefighting. Said of or by a person, the
// same verbs stay the response, and a thing that "should restart in a minute"
// is a prediction.
func TestDesignedStepsAreNoResponse(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"dmitri: also the rotator should restart one service at a time, smoke check it, and roll the secret back itself if errors jump. I'll spec that one, not this sprint though",
		"olu: I'll change the deploy job to restart the consumers one at a time",
		"kasia: someone should restart the thank-you workers",
		"bev: the workers should restart in a minute",
	)
	wantFollowUpLines(t, inc, got, false, true, true, false, false)
	for _, tt := range []struct{ in, want string }{
		{"the rotator should restart one service at a time. i'll spec it", strings.Repeat(" ", len("the rotator should restart one service at a time")) + ". i'll spec it"},
		{"i'll change the rotator to restart services", "i'll change the rotator"},
		{"the on-call should restart the workers", "the on-call should restart the workers"},
		{"we must restart it", "we must restart it"},
	} {
		if got := withoutDesignedSteps(tt.in); got != tt.want {
			t.Errorf("withoutDesignedSteps(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// "then no need, I am dropping the cron" in the thread of its speaker's own
// promise, after someone said other work covers it, takes the promise back.
func TestDroppingTheNamedThingAfterNoNeed(t *testing.T) {
	n := len(firefight)
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"kofi: cap the report logs with logrotate, size based, 5G max. i'll do it tomorrow",
		"pranav: I will also write a weekly cron to purge trace logs older than 7 days on the report host.",
		fmt.Sprintf("^%d kofi: logrotate covers that tbh", n+2),
		fmt.Sprintf("^%d pranav: Ok, then no need, I am dropping the cron.", n+2),
	)
	wantFollowUpLines(t, inc, got, false, true, false, false, false)
}

// A request opened by its addressee's name and an order ("and dana, put the
// mass-unsuspend script in the membership runbook … by friday pls") gives the
// work to that participant; a name that is no participant's gives it to nobody.
func TestAddressedOrderNamesItsOwner(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"dana: I'll make the strike job idempotent per member and cycle",
		"helen: and dana, put the mass-unsuspend script in the membership runbook so on-call doesnt have to write it at 5am again. by friday pls",
	)
	wantFollowUpLines(t, inc, got, false, true, true)
	if it := got[ts(inc, 2)]; it.Owner != "dana" {
		t.Errorf("owner %q, want dana", it.Owner)
	}
	names := userNames(inc.Messages)
	if o := namedOwner("and zed, put the script in the runbook", "helen", names); o != "" {
		t.Errorf("namedOwner gave the work to %q, who is no participant", o)
	}
}

// The owner of an item who later cites a ticket for other work ("re-tasks for
// all 11 orders are in the plan, tracked in TASK-1736") does not file the item
// under it: one word shared by chance ("tracked", "tracker") is no fit. Two
// shared words, said by the owner, still are.
func TestOwnersLaterTicketNeedsTheWords(t *testing.T) {
	tickets := []copilot.Ticket{{Key: "TASK-1736", Title: "Re-acquire 11 off-target SAT-4 orders at priority, no charge"}}
	inc, got := followUpsWithTickets(t, tickets,
		"maya: follow-ups?",
		"sigrid: Last one. Shared service accounts with expiring passwords. tomas, put the space-track account on the credential expiry tracker with a 14 day warning, end of next week.",
		"tomas: 👍",
		"tomas: re-tasks for all 11 orders are in the plan, tracked in TASK-1736",
	)
	wantTicket(t, got, ts(inc, 1), "")
	inc, got = followUpsWithTickets(t, []copilot.Ticket{{Key: "OPS-88", Title: "Space-track account on the credential expiry tracker"}},
		"maya: follow-ups?",
		"sigrid: Last one. Shared service accounts with expiring passwords. tomas, put the space-track account on the credential expiry tracker with a 14 day warning, end of next week.",
		"tomas: 👍",
		"tomas: space-track account is on the expiry tracker now, OPS-88",
	)
	wantTicket(t, got, ts(inc, 1), "OPS-88")
}

// Keeping the incident's channel open or archiving it is the incident's own
// housekeeping, however far off the day it names; a lasting promise beside it
// stays one.
func TestChannelHousekeepingIsPaperwork(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"olu: I'll leave the channel open till PLAT-242 refunds are done tomorrow, then archive",
		"kasia: I'll archive the channel on friday",
		"dmitri: I'll archive the channel tomorrow. and I'll add an alert on webhook signature failures by friday",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true)
}

// "what stops this next time" asks for the improvement rather than naming one:
// the complaint before it is answered by the item that follows, and is no item
// itself. A sentence that names what next time brings still proposes it.
func TestWhatStopsThisNextTimeAsks(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"helen: ok wrap up. a schedule change nobody noticed locked 1.2k people out of our clubs. what stops this next time",
		"priya.cs: holding macro stays live till monday",
		"dana: the job should never hand out more than one strike per billing cycle. I'll make it idempotent on (member, cycle)",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true)
	if got := withoutWhQuestions("nobody noticed. what stops this next time"); got != "nobody noticed." {
		t.Errorf("withoutWhQuestions = %q", got)
	}
	if got := withoutWhQuestions("next time we page on suspensions per day"); got != "next time we page on suspensions per day" {
		t.Errorf("withoutWhQuestions = %q", got)
	}
}

// The certificate authority's name opens like a proposal ("lets encrypt
// validates from outside the UK") and proposes nothing; "let's" before a verb
// still does.
func TestLetsEncryptIsAName(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"sam: 403 on the acme challenge is the geo rule we put on the public ingress after the scraping thing. lets encrypt validates from outside the UK",
		"ola: let's add an alert when a certificate sits not-ready for a day",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}

// A reply that says the very action proposed cannot be done ("can we just
// reindex 03" … "cant REINDEX a standby - its read only") turns the proposal
// down by its reason; "can't believe …" names no action of the proposal.
func TestCannotTheVerbRefuses(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"gareth: thanks. permanent fix? can we just reindex replica 03 and move on",
		"ines: cant REINDEX a standby - its read only and its index pages come from the primary's WAL",
		"tom: can we add a parity canary that runs the same lookups against every replica and alerts when they disagree?",
		"ines: can't wait for the jammy move honestly",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true, false)
	if !deniesTheVerb("cant reindex a standby", "can we just reindex 03") || deniesTheVerb("can't believe it", "can we just reindex 03") {
		t.Error("deniesTheVerb")
	}
}

// Exposing or surfacing a field in a tool ("I'll expose suspended_reason +
// suspended_by in the zendesk sidebar app") builds something, like adding it.
func TestExposingAFieldIsMaking(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"dana: yep, I'll expose suspended_reason + suspended_by in the zendesk sidebar app",
	)
	wantFollowUpLines(t, inc, got, false, true)
}

// "doable, I'll put it on the donate page backlog" after another's proposal
// accepts it and takes it on, as "sure, I'll …" does: one item, the proposal
// taken, not a second item beside it.
func TestDoableTakesTheProposal(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"priya: could the donate form warn when someone gives the same amount again within 10 min? 'did you mean to donate again?'",
		"kasia: doable, I'll put it on the donate page backlog",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
	if it := got[ts(inc, 1)]; it.Owner != "kasia" {
		t.Errorf("owner %q, want kasia", it.Owner)
	}
}
