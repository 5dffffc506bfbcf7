package local

import "testing"

// From dev52 (judged on dev53): an agreement that goes on to ask someone by
// name to take the idea ("agree. @jon can you write that down …") takes nothing
// itself; the one asked takes it.
func TestAgreementThatAsksSomeoneTakesNothing(t *testing.T) {
	_, got := followUpsOf(t,
		"dana: I'll set statement_timeout=60s on the migrator role by friday",
		"priya: +1. also migrations on big tables shouldn't ride a PreSync hook at 11am at all",
		"ravi: agree. @jon can you write that down as an actual rule somewhere people will see it",
		"jon: yep, I'll put 'migrations touching tables >1M rows go in the evening change window' in the eng handbook",
	)
	owners := map[string]int{}
	for _, it := range got {
		owners[it.Owner]++
	}
	if owners["ravi"] != 0 || owners["jon"] != 1 || len(got) != 2 {
		t.Errorf("owners %v in %d items, want dana's and jon's only", owners, len(got))
	}
}

// Refusals: "ha, maybe one day" and "nice idea but …" turn the idea down; the
// idea is no item.
func TestSoftRefusals(t *testing.T) {
	for _, reply := range []string{
		"^4 priya: ha, maybe one day. the timeout does 90% of that for free",
		"^4 hanna: nice idea but the dashboard gets rebuilt in Q3, not bolting things onto it now",
	} {
		inc, got := followUpsOf(t,
			"ravi: could we show 'indexing delayed' on the contributor dashboard when lag is high?",
			reply,
		)
		wantFollowUpLines(t, inc, got, false, false)
	}
}

// In the idea's thread, "I'll scope it for next sprint" takes it: one item, the
// taker's.
func TestThreadPronounTake(t *testing.T) {
	_, got := followUpsOf(t,
		"mia: from T&S: takedowns shouldn't be stuck behind the bulk indexer. could delists go through a separate priority path we can monitor?",
		"^4 hanna: agree. ravi/noor can one of you scope that? not this sprint",
		"^4 noor: I'll scope it for next sprint",
	)
	if len(got) != 1 {
		t.Fatalf("%d items, want the priority path once", len(got))
	}
	for _, it := range got {
		if it.Owner != "noor" {
			t.Errorf("the priority path is owned by %q, want noor", it.Owner)
		}
	}
}

// A quoted label ("a macro for 'charged but no pass'") turns nothing down, and
// "also adding … to the runbook", its subject dropped, commits.
func TestQuotedLabelAndDroppedSubject(t *testing.T) {
	inc, got := followUpsOf(t,
		"dana: we need a macro for 'charged but no pass'. i'll write it into the customer care kb by thursday",
		"ines: also adding 'check gw clock (chronyc tracking)' as step 1 in the telemetry-gap runbook, would have saved us 20 min",
	)
	wantFollowUpLines(t, inc, got, true, true)
	readingTests{
		{"also adding 'check gw clock' as step 1 in the telemetry-gap runbook", true},
		{"adding broker cert to night checklist till the probe exists.", true},
		{"writing the parser fix meanwhile: if ts > 1e11 treat as ms", false},
		{"adding a node to the pool now", false},
	}.check(t, "presentCommits", presentCommits)
}

// Turned down in a report, asked for a plan, and asked for by a clock time
// today: none is an item.
func TestReportTurnDownPlanAskAndClockAsk(t *testing.T) {
	readingTests{
		{`we also discussed a gate-side "allow on cache miss" mode. it was not accepted, because it fails open on fraud.`, true},
		{"the proposal was not taken forward", true},
		{"we accepted the vendor's fix", false},
	}.check(t, "fuTurnedDownRE", fuTurnedDownRE.MatchString)
	readingTests{
		{"blameless, we'll go through it monday. but what has to change so a config push can't do this again?", true},
		{"What do we want so this cant happen on the next rollover?", true},
		{"what has to change is the alert threshold, I'll lower it to 70%", false},
	}.check(t, "planAsked", planAsked)
	readingTests{
		{"can someone send me the lot list for the 212 before 8am, planning wants to resequence", true},
		{"can someone add an alert by 9am tomorrow on the lot queue", false},
	}.check(t, "immediateAsk", immediateAsk)
}

// The same on the whole chats: in dev52's migration chat priya's idea is jon's
// item and nobody's is ravi's; an agreement that says an idea of its own
// ("Agreed. And the manoeuvre procedure: … jules, can you add that", dev29) is
// read as before, and so is "+1 on the reconciler. helga can you own it?"
// (dev36).
func TestAgreementThatAsksOnWholeChats(t *testing.T) {
	got := followUpsBySource(t, devDocument(t, "dev52/documents/oc-booking-fk-migration-lock.json"))
	for ts, it := range got {
		if it.Owner == "ravi" {
			t.Errorf("%s owned by ravi, who only asked: %q", ts, it.Text)
		}
	}
	if it, ok := got["1773157036.000665"]; !ok || it.Owner != "jon" {
		t.Errorf("the evening window rule: item %v owner %q, want jon's", ok, it.Owner)
	}
	if it, ok := followUpsBySource(t, devDocument(t, "dev29/documents/zh-tasking-stale-tle-offtarget.json"))["1778066560.004565"]; !ok {
		t.Errorf("sigrid's manoeuvre procedure is no item (owner %q)", it.Owner)
	}
	if it := followUpsBySource(t, devDocument(t, "dev36/documents/xi-streak-reminders-evicted.json"))["1776890530.349874"]; it.Owner != "helga" || it.TicketKey != "OPS-2306" {
		t.Errorf("the reconciler: owner %q ticket %q, want helga's OPS-2306", it.Owner, it.TicketKey)
	}
}

// A request taken on for the next hour ("yes I'll pull it after this, give me
// an hour") is a step of the response when it names nothing lasting; an alert
// taken on the same way is an item.
func TestRequestTakenForTheNextHour(t *testing.T) {
	inc, got := followUpsOf(t,
		"keisha: can we get the list of the portal ones so call center can reach out?",
		"^4 tomasz: yes I'll pull it after this, give me an hour",
	)
	if len(got) != 0 {
		t.Errorf("%d items for the call list taken for the next hour (%v)", len(got), inc.Messages[len(firefight)].Text)
	}
	_, got = followUpsOf(t,
		"keisha: can we get an alert on failed portal bookings?",
		"^4 tomasz: yes I'll add it after this, give me an hour",
	)
	if len(got) != 1 {
		t.Errorf("%d items for the alert, want 1", len(got))
	}
}
