package local

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Readings from dev67 once dev68 was in place.

// In a wrap-up thread, "and I'll …" from someone who has just spoken adds an
// idea of their own to their list; it does not take the idea of another before
// it, which shares no word with it.
func TestAndIllInThreadAddsOwnIdea(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"^4 lee: we should page when queue depth doubles within ten minutes, depth alone told us nothing",
		"^4 omar: the importer gets a hard 5s timeout on geo lookups before the flag goes back on",
		"^4 omar: and I'll move the importer to batched commits so one slow row doesn't stall the partition",
	)
	wantFollowUpLines(t, inc, got, false, true, false, true)
	if it := got[ts(inc, 3)]; it.Owner != "omar" {
		t.Errorf("the batched commits: owner %q, want omar", it.Owner)
	}
	if it := got[ts(inc, 1)]; it.Owner == "omar" {
		t.Errorf("lee's paging idea was given to omar, who took nothing of it")
	}
}

// "actually drop the geo-lookup replicas, … not doing that" takes back the
// idea it names, not the speaker's latest one that merely shares a service
// name.
func TestNamedTakeBackPicksTheNamedIdea(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"^4 omar: I'll also raise geo-lookup replicas to 8 for good",
		"^4 omar: before the flag goes back on I'll add a soak test for the importer against a slow geo-lookup, by friday",
		"^4 omar: actually drop the geo-lookup replicas, with the cache in front 8 is overkill. not doing that",
	)
	wantFollowUpLines(t, inc, got, false, false, true, false)
}

// A promise whose words only point back ("i'll add them") is about what its
// message said before it: the tracker bot's announcement right after, in those
// words, files it (the ticket is not in the export, so only the announcement
// can).
//
// An assignee named in full ("Assignee: Lucía Martín") is no handle of anyone
// who spoke, and leaves the item to the words.
func TestBotFilesAPronounPromise(t *testing.T) {
	for _, tail := range []string{"", " (Assignee: Lucía Martín)"} {
		inc := chat(append(append([]string{}, firefight...),
			"maya: follow-ups?",
			"ola: the failover runbook needs the drain + ledger dedupe steps, took us half an hour to work them out. i'll add them",
			"jira: created OPS-77: Failover runbook: drain and ledger dedupe procedure"+tail,
		)...)
		botSays(inc, 2)
		got := followUpsBySource(t, inc)
		if it, ok := got[ts(inc, 1)]; !ok || it.TicketKey != "OPS-77" {
			t.Errorf("announced%s: the runbook steps found %v, captured by %q; want OPS-77", tail, ok, it.TicketKey)
		}
	}
}

// A tracker bot that names the assignee ("(assignee: teo)") files an item of
// theirs, not another's item said just before that shares more of the words.
func TestBotNamesTheAssignee(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"maya: follow-ups?",
		"nkem: the allocator shouldn't trust the flag alone, it should refuse the new path for any branch outside its own pilot allowlist. I'll do that this sprint",
		"teo: i'll add an alert on allocator mix",
		"jira: created LIB-93: allocator: page on new-path allocations for branches outside the pilot (assignee: teo)",
	)...)
	botSays(inc, 3)
	inc.Tickets = []copilot.Ticket{{Key: "LIB-93", Title: "allocator: page on new-path allocations for branches outside the pilot"}}
	got := followUpsBySource(t, inc)
	if it := got[ts(inc, 2)]; it.TicketKey != "LIB-93" {
		t.Errorf("teo's alert: captured by %q, want LIB-93", it.TicketKey)
	}
	if it := got[ts(inc, 1)]; it.Captured {
		t.Errorf("nkem's allowlist: captured by %q, want uncaptured", it.TicketKey)
	}
}

// A message that ends by calling for the list ("thanks all. action items
// before we scatter?", "before people drop, follow-ups:") names no item.
func TestCallForItemsIsNoItem(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: thanks all. action items before we scatter?",
		"lee: I'll add an alert on queue depth doubling within ten minutes",
		"omar: before people drop, follow-ups:",
		"omar: I'll move the importer to batched commits",
	)
	wantFollowUpLines(t, inc, got, false, true, false, true)
	if callsForItems("todo: add the alert on queue depth:") {
		t.Error("callsForItems: a to-do that names its work is an item")
	}
	for _, s := range []string{"?", ":", " ?! "} {
		if callsForItems(s) {
			t.Errorf("callsForItems(%q): punctuation alone calls for nothing", s)
		}
	}
}

// "FWD-916 merged: …" reports the work of that ticket done; the speaker's
// promise that shares its words but cites no such key stays open.
func TestFulfilledReportNamesItsTicket(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"omar: geo lookups go async with a cache and a hard timeout before the flag goes back on, FWD-16",
		"omar: before turning the flag back on I'll add a load test for the importer with geo lookups at prod latency",
		"omar: FWD-16 merged: geo lookups async with a cache, flag back on",
	)
	wantFollowUpLines(t, inc, got, false, false, true, false)
}

// "postmortem thursday, I'll send the invite" is the review's paperwork: the
// day it is held names nothing lasting.
func TestReviewInviteIsPaperwork(t *testing.T) {
	if !paperwork("still clean through the peak. resolving. thanks all — postmortem thursday, i'll send the invite") {
		t.Error("sending the review's invite is its paperwork")
	}
	if paperwork("postmortem thursday. i'll add the invite-code check to the signup alert") {
		t.Error("an alert beside the review's day is lasting work")
	}
}

// "that'd make it worse" argues against the question it answers.
func TestWorseArguesAgainst(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"lee: could we schedule the pdf job overnight?",
		"^5 omar: overnight is when backups and vacuum run, that'd make it worse. replica plus a throttle is the better fix",
	)
	wantFollowUpLines(t, inc, got, false, false, false)
}

// "end of month" alone dates a promise as "by end of month" does: the answer
// to a wrap-up question that promises admin-tool work for then is an item.
func TestBareEndOfMonthDates(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"dana: could support see failed saves per customer somewhere?",
		"^5 piotr: I'll expose last successful save + failed save count in the admin tool, end of month",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
	if it := got[ts(inc, 2)]; it.Due != "2026-03-31" {
		t.Errorf("due %q, want 2026-03-31", it.Due)
	}
}

// "+1. @nadia can you also put the delist steps into the runbook" asks for
// more work: it is an item of its own, not a hand-out of the idea before it.
func TestAlsoAskIsNoHandOut(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"nadia: i'll set up blocklist monitoring for every sending ip with a slack alert",
		"kofi: +1. @nadia can you also put the pull-ips-from-pool + delist steps into the deliverability runbook",
		"^6 nadia: yep will do",
	)
	wantFollowUpLines(t, inc, got, false, true, true, false)
	if it := got[ts(inc, 2)]; it.Owner != "nadia" {
		t.Errorf("the runbook steps: owner %q, want nadia", it.Owner)
	}
}

// In the wrap-up, a promise dated to a later day is no step of the response,
// whatever action word it names ("auto-pause a send …").
func TestWrapUpPromiseForLaterDayIsNoStep(t *testing.T) {
	inc := chat(
		"ana: receipts delayed for starter accounts since 09:10",
		"ben: paused the campaign sends from the listed ips, deferrals dropping",
		"ana: mitigated. wrap-up while we wait for the delists: follow-ups?",
		"jess: T&S side: auto-pause a send when trap hits in the first 10 min of a campaign cross a threshold. i'll spec it with nadia by friday",
		"ana: calling it resolved",
	)
	got := followUpsBySource(t, inc)
	if _, ok := got[inc.Messages[3].TS]; !ok {
		t.Error("the auto-pause spec, promised for friday, is a follow-up")
	}
}

// A check hedged as a precaution ("… I'll check the save audit table for
// half-written batches to be sure") verifies this incident; a lasting check
// added "to make sure" it never recurs is an item.
func TestHedgedCheckIsTriage(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: did we lose any grades?",
		"^4 lee: shouldn't have, failed saves returned an error. I'll check the save audit table for half-written batches to be sure",
		"omar: I'll add a nightly job that compares grade entries against the save audit, to make sure a half-written batch pages us",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}

// "I'll take care of the note to schools" is the incident's communication.
func TestTakeCareOfTheNoteIsPaperwork(t *testing.T) {
	if !paperwork("ok. i'll take care of the note to schools with jo") {
		t.Error("taking care of the note to schools is the incident's communication")
	}
}
