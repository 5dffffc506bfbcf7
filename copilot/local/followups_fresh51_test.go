package local

import (
	"context"
	"testing"
)

// From dev51 (judged on dev52): in a wrap-up thread where each reply adds an
// idea, a promise said in full that shares no word with the idea before it and
// makes another kind of thing (a checklist entry after a load test) is an item
// of its own; it does not take the idea before it, which stays unowned.
func TestOwnPromiseOfAnotherKindIsNoTake(t *testing.T) {
	inc, got := followUpsOf(t,
		"marta: what do we want so this cant happen on the next rollover?",
		"^4 kev: someone should run a load test at rollover volume before any jackpot over 15M",
		"^4 jp: I'll add 'changes to DB pool size or replica limits need a DBA review' to the release checklist, by friday",
	)
	wantFollowUpLines(t, inc, got, false, true, true)
	if it := got[ts(inc, 1)]; it.Owner != "" {
		t.Errorf("the load test is owned by %q; nobody took it", it.Owner)
	}
	if it := got[ts(inc, 2)]; it.Owner != "jp" || it.Due != "2026-03-06" {
		t.Errorf("the checklist entry: owner %q due %q, want jp 2026-03-06", it.Owner, it.Due)
	}
}

// The same on the whole chat, with its tickets: the load test and the checklist
// entry are uncaptured, and the helm check is WAG-1184 ("Helm lint: …"), which
// the checklist entry no longer wins by sharing "pool" and "replica": a lint is
// a kind of test, and a test is not a checklist.
func TestDev51WagerPoolItems(t *testing.T) {
	inc := devDocument(t, "dev51/documents/pa-wager-pool-exhaustion.json")
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		owner, key string
	}
	wants := map[string]want{
		"1779566110.005624": {"oisin", "WAG-1184"},
		"1779566410.006189": {"", ""},
		"1779566460.006302": {"jp", ""},
	}
	for _, it := range ans.Items {
		w, ok := wants[it.SourceTS]
		if !ok {
			continue
		}
		delete(wants, it.SourceTS)
		if it.Owner != w.owner || it.TicketKey != w.key || it.Captured != (w.key != "") {
			t.Errorf("%s: owner %q ticket %q captured %v, want %q %q", it.SourceTS, it.Owner, it.TicketKey, it.Captured, w.owner, w.key)
		}
	}
	for ts := range wants {
		t.Errorf("no item at %s", ts)
	}
	if deliverableDiffers("Helm lint: fail when replica ceiling x connection pool exceeds Postgres connection budget",
		"I'll add 'changes to DB pool size or replica limits need a DBA review' to the release checklist") != true {
		t.Error("a lint and a checklist entry read as the same kind of deliverable")
	}
}

// In a thread, the answer of someone whose own item was just asked about by
// name ("yes pls joao. by friday?" … "Yes, by Friday it is ok.") dates that
// item, not the idea of another said before it and turned down.
func TestThreadAnswerDatesOwnItem(t *testing.T) {
	inc, got := followUpsOf(t,
		"kwame: wrap-up here pls",
		"^4 dee: can we just not deploy graphs on mondays? move it to tuesday",
		"^4 kwame: then it breaks on tuesday morning peak instead. the day isn't the problem, the gate is",
		"^4 dee: ok ok. forget it",
		"^4 joao: I can add an alert when any otp-router pod is OOMKilled or restarts more than 2 times in 15 minutes",
		"^4 marcin: yes pls joao. by friday?",
		"^4 joao: Yes, by Friday it is ok.",
		"^4 hanna: I'll put a note in the data-onboarding checklist: any new GTFS source has to come with a graph-size estimate",
	)
	it, ok := got[ts(inc, 4)]
	if !ok {
		t.Fatalf("no item for the alert (%d items)", len(got))
	}
	if it.Owner != "joao" || it.Due != "2026-03-06" {
		t.Errorf("the alert: owner %q due %q, want joao 2026-03-06", it.Owner, it.Due)
	}
	if it, ok := got[ts(inc, 7)]; !ok || it.Owner != "hanna" {
		t.Errorf("the checklist note: item %v owner %q, want hanna's", ok, it.Owner)
	}
}

// A question to the channel whose thread opens with another's answer giving the
// work to someone is that item's question, not an item beside it.
func TestQuestionAnsweredInItsThreadByAnAssignment(t *testing.T) {
	inc, got := followUpsOf(t,
		"dana: also can ops hear about this from something other than whatsapp? we found out from couriers",
		"^4 noor: we dont have a synthetic on courier login at all. @felix can you take that",
		"^4 felix: yep, I'll add a checkly flow for login + go-online that pages and posts to #courier-ops",
	)
	if _, ok := got[ts(inc, 0)]; ok {
		t.Errorf("the question is an item of its own beside its answer (%d items)", len(got))
	}
	n := 0
	for _, it := range got {
		if it.Owner == "felix" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d items owned by felix, want the synthetic once (%d items)", n, len(got))
	}
}

// "me." answering "who owns that" takes the idea said before it: one item, the
// taker's.
func TestTakeByMeAbsorbsTheIdea(t *testing.T) {
	inc, got := followUpsOf(t,
		"grace: could we get a list of all our certs + expiry dates? bet there are more of these lurking",
		"okafor: +1. who owns that",
		"kwame: me. I'll build the cert inventory by end of month, starting from the CT logs",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
	if it := got[ts(inc, 2)]; it.Owner != "kwame" {
		t.Errorf("the inventory is owned by %q, want kwame", it.Owner)
	}
}

// A promise about the list of actions itself, and a note for an outside party
// about this incident, add no work of their own.
func TestListReviewAndOutsideNoteAreNoWork(t *testing.T) {
	readingTests{
		{"We will review these actions at the Draws Platform ops review on 7 May.", true},
		{"we will track all open action items in the weekly ops review", true},
		{"we will review all alert thresholds on the billing db", false},
		{"I'll review the retry settings of these services", false},
	}.check(t, "reportMeta", reportMeta)
	readingTests{
		{"also someone needs to write the note for the regulator liaison, they want it by 10 tomorrow", true},
		{"I'll draft a letter to affected customers explaining the double charge", true},
		{"I'll write a template for the customer notice so next time it is ready", false},
	}.check(t, "paperwork", paperwork)
}

// Only a reply that names the speaker asks them about their item: after a
// vendor's "Understood. I have registered this as enhancement request …", the
// speaker's next promise ("5. … I'll write the runbook page with mathieu by next
// wednesday") is new work, not an answer about the idea they had before.
func TestThreadAnswerNeedsTheSpeakerNamed(t *testing.T) {
	inc := devDocument(t, "dev31/documents/zp-np-routing-wipe.json")
	got := followUpsBySource(t, inc)
	it, ok := got["1778574680.000967"]
	if !ok || it.Owner != "felix" {
		t.Errorf("the runbook page: item %v owner %q, want felix's (%d items)", ok, it.Owner, len(got))
	}
}
