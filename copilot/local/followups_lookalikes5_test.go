package local

import (
	"context"
	"strings"
	"testing"
)

// An old list's item quoted and said never to have been done, an inquiry, a plan
// told as it stood before, a thing said to be in place already and a question
// someone else asked are no follow-ups; each turns into one when the writer takes
// the work on or names something to build.
func TestFollowUpLookalikesOfOldPlansAndInquiries(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"an old item never done", []string{"dan: we wrote 'check the pool size' in the action items last year and nobody did it."}, nil},
		{"an old item never done, taken on", []string{"dan: we wrote 'check the pool size' in the action items last year and nobody did it, I'll add the pool size check to CI this week."}, []int{0}},
		{"an old item, double quotes", []string{"dan: From the 2024 postmortem, action item \"add pool smoke tests\" was never done. let's not repeat that."}, nil},
		{"an inquiry", []string{"dan: We could maybe ask the switch vendor why the upgrade resets the pool config."}, nil},
		{"an inquiry that names a build", []string{"dan: We could ask the switch vendor why the upgrade resets the pool config, and add an alert on pool resets."}, []int{0}},
		{"a plan as it stood", []string{"dan: The old pool hosts were going to be replaced with the new ones this quarter anyway."}, nil},
		{"already in place, in a list", []string{"dan: followups: 1/ add a pool saturation alert per database -> me", "dan: 2/ pool size check in CI — already exists, it ran today"}, []int{0}},
		{"a question someone else asked", []string{"dan: Someone asked if we should move to a different pool library."}, nil},
		{"whether someone must be told", []string{"dan: Do we have to notify the regulator about the pool outage?"}, nil},
		{"a proposal put off", []string{"dan: Would a second pool vendor make sense? Not deciding that today."}, nil},
		{"a proposal left for next time", []string{"dan: Maybe we could make the pool failover faster, but no owner for now, we look at it again if it happens."}, nil},
		{"a proposal", []string{"dan: Would a second pool vendor make sense? I can write up the comparison by friday."}, []int{0}},
	})
}

// A reply that takes an idea on without committing to it ("we will raise it, no
// promise") does not adopt the question it answers; unanswered, the same question
// proposes.
func TestFollowUpQuestionAnsweredWithoutPromise(t *testing.T) {
	q := "ann: Could we not just open the pool to batch jobs only after the nightly window?"
	runLookalikes(t, []lookalikeCase{
		{"answered without a promise", []string{q, "dan: that is a product decision, we will raise it, no promise."}, nil},
		{"unanswered", []string{q}, []int{0}},
		{"nobody took it", []string{q + " nobody took that in the call, just writing it down"}, nil},
	})
}

// A labelled remediation is a follow-up, and an entry that closes with "-> me" or
// ". me." is owned by its writer.
func TestFollowUpRemediationLabelAndTrailingMe(t *testing.T) {
	inc, got := followUpsOf(t,
		"dan: remediation 2: worker parks a job in dead-letter after 3 failures instead of blocking the queue. me, by thursday.",
		"ann: parser must reject a pool config whose rows have different column counts -> me, by monday",
		"dan: remediation 3: alert on the age of the queue head, separate from total age.",
	)
	for i, owner := range []string{"dan", "ann", ""} {
		it, ok := got[ts(inc, i)]
		if !ok {
			t.Fatalf("line %d: no follow-up in %v", i, got)
		}
		if it.Owner != owner {
			t.Errorf("line %d: owner %q, want %q", i, it.Owner, owner)
		}
	}
}

// In a report, a promise in quotation marks is another voice's ("The vendor's
// account manager wrote: \"We will …\""); an action list's entry that tells a plan
// as it stood before, and a note about the entries by number, are not entries.
func TestFollowUpReportQuotedPromiseAndNotes(t *testing.T) {
	src := reportHead + "## Discussion\n\nThe vendor's account manager wrote: \"We will publish a report and add the pool driver to our test matrix.\"\n\n" +
		"## Action items\n\n1. Add a pool saturation alert per database (Ann Li)\n\n" +
		"2. The remaining old pool hosts were going to be replaced this quarter anyway; that plan is owned by IT.\n\n" +
		"**Verification.** Items 1 and 2 are verified by a load test in staging.\n"
	open, captured := checkReport(t, src, []string{"saturation alert"}, []string{"test matrix", "going to be replaced", "verified"})
	if len(open)+len(captured) != 1 || !strings.Contains(strings.Join(open, " "), "saturation") {
		t.Errorf("open %v captured %v", open, captured)
	}
}

// An entry of a list said to be done already ("— already done in 2.14.1, listing
// it so nobody redoes it") is no follow-up.
func TestFollowUpListEntryAlreadyDone(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"already done", []string{"dan: followups: 1/ add a pool saturation alert per database -> me", "dan: 2/ revert the pool timeout to 30s — already done in 2.14.1 by bea, listing it so nobody redoes it"}, []int{0}},
	})
}

// A vendor's answer pasted as a Slack blockquote is the vendor's promise, a
// decision left to another team is passed on, and a message opened by a summary
// field's label ("Impact: …") states a fact; the writer's own promise beside the
// quote still counts.
func TestFollowUpBlockquoteDecisionAndFieldLead(t *testing.T) {
	quote := "dan: the vendor answered, pasting:\n> Our rules team will add the major clients to the verified bots list in the next release. We will also notify you before future changes.\nso that is on them"
	runLookalikes(t, []lookalikeCase{
		{"a pasted vendor answer", []string{quote}, nil},
		{"a pasted answer and our own promise", []string{quote + ". I'll add an alert on 403s per client meanwhile."}, []int{0}},
		{"their call", []string{"dan: the platform should expose the NAT idle timeout somewhere visible. I will raise it with the platform team in our sync; their call."}, nil},
		{"their call in a list", []string{"dan: followups: a) add a pool saturation alert per database -> me", "dan: b) the platform should expose the NAT idle timeout. I will raise it in our sync; their call."}, []int{0}},
		{"an impact field", []string{"ann: backfill done, resolved", "dan: Recap and next steps below, please claim.", "dan: Impact: 32 hours without live tyre-pressure data for 61 trucks; 8 hours would have been permanently lost without the on-board loggers; no safety event."}, nil},
	})
}

// A forecast of the response ("lag should be 0 by 18:45"), a support case opened
// with a vendor, a customer email drafted, and an idea put to a later discussion
// are no follow-ups; the lasting work beside them is.
func TestFollowUpForecastsCasesCommsAndDiscussion(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"a forecast", []string{"ann: group stable, lag dropping", "tom: what's the impact so far and when will we be fully back?", "dan: @tom 17:51-18:33: ~18,000 requests delayed. other cities normal. lag should be 0 by 18:45"}, nil},
		{"a forecast beside an alert", []string{"ann: consumer restarted", "dan: Lag should be 0 by 18:45. We need an alert on consumer lag above 10k."}, []int{1}},
		{"a vendor support case", []string{"dan: Maybe their outage, I open ticket with them."}, nil},
		{"a customer email", []string{"ann: resolved", "dan: should we tell the 18k members the points will be removed? I'll draft an email for legal to review."}, nil},
		{"to discuss", []string{"ann: resolved", "dan: Perhaps we also need a bucket policy that denies lifecycle changes except from the pipeline role? To discuss with security."}, nil},
	})
}

// A notification rule ("an email when the close data is late") and a change of
// how errors are classed ("classify 429 as retryable") last; a joke in one
// sentence does not unsay the commitment in the next.
func TestFollowUpNotificationRulesAndJokesBeside(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"a notification rule asked for", []string{"ann: resolved, all green", "dan: could finance get an email when the close data is late?"}, []int{1}},
		{"errors classed", []string{"ann: resolved, all green", "dan: and throttle declines must never feed dunning. I'll classify 429 as retryable in the adapter"}, []int{1}},
		{"a joke beside a commitment", []string{"ann: resolved, all green", "dan: fwiw the renewal reminder went to an ex-employee's mailbox 🙃 . need the apple account contact changed to the on-call alias, I'll do it monday"}, []int{1}},
		{"a joke alone", []string{"ann: resolved, all green", "dan: next time we just blame the intern and get pizza lol"}, nil},
	})
}

// Words marked as pasted from another party ("(pasted from ticket #551203) Hi
// team, … We will raise it to 60 TPS") are that party's promise.
func TestFollowUpPastedWords(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"pasted", []string{"ann: resolved, all green", "dan: (pasted from ticket #551203) Hi team, your account is limited to 25 TPS. We will raise the limit to 60 TPS from the next billing cycle."}, nil},
	})
}

// An idea called off by name ("scratch the SDK cache TTL idea") is the earlier idea
// that shares the most of the named words, not the latest one that shares one.
func TestFollowUpCalledOffByMostWords(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"called off", []string{
			"ops: resolved. flags serving again",
			"ops: I'll also bump the SDK cache TTL to 1h so a short flag outage doesn't matter",
			"pm: can we get a dashboard of SDK fallback usage? I'd like to see when we run on defaults",
			"ops: actually scratch the SDK cache TTL idea, the problem was a cold pod",
		}, []int{2}},
	})
}

// A +1 that adds an idea of its own with its own taker ("+1, and all billing crons
// to UTC. I take that one") is a follow-up beside the one it agrees with; a bare
// "+1, I'll take it" is not.
func TestFollowUpAgreementWithATakenIdea(t *testing.T) {
	first := "dana: follow up: I add a unique constraint (customer, period) on invoices so a second run cannot create duplicates. by 6 november"
	runLookalikes(t, []lookalikeCase{
		{"an idea of its own, taken", []string{"dana: resolved", first, "pieter: +1, and all billing crons to UTC. I take that one"}, []int{1, 2}},
		{"a bare +1", []string{"dana: resolved", first, "pieter: +1, I'll take it"}, []int{1}},
	})
}

// A wish that closes by asking who takes it ("…, with backoff on 429. @tomas
// yours?") is a wish; the thumbs-up from the person asked takes it, with the date
// the reply gives.
func TestFollowUpWishAskedAndThumbsUp(t *testing.T) {
	lines := []string{"kwame: resolved, routes planning again",
		"ana: and a client-side rate limiter in geo-client below the vendor quota, with backoff on 429. @tomas yours?",
		"tomas: 👍 by end of next week"}
	inc, got := followUpsOf(t, lines...)
	it, ok := got[ts(inc, 1)]
	if !ok {
		t.Fatalf("no follow-up for the wish: %v", got)
	}
	if it.Owner != "tomas" || it.Due == "" {
		t.Errorf("owner %q due %q, want tomas and the end of next week", it.Owner, it.Due)
	}
}

// An entry of a report's list left for another party to judge ("store operations
// will decide whether this is feasible") is an idea passed on, not an item.
func TestFollowUpReportEntryLeftToOthers(t *testing.T) {
	src := reportHead + "## Detection improvements\n\n" +
		"- Alert when more than 1% of a store's prices drop to zero in one import. Owner: Ann Li.\n" +
		"- A daily spot check of 20 shelf labels per store by store staff; store operations will decide whether this is feasible.\n"
	open, captured := checkReport(t, src, []string{"drop to zero"}, []string{"spot check"})
	if len(open)+len(captured) != 1 {
		t.Errorf("open %v captured %v", open, captured)
	}
}

// A call to contain the damage now is the response's next step, not an item; a
// need to keep it from coming back is one.
func TestFollowUpStopTheBleeding(t *testing.T) {
	lead := "ann: consumer commits failing, the same batches are reprocessed 2-5 times"
	runLookalikes(t, []lookalikeCase{
		{"contain now", []string{lead, "ada: ok so nobody panic, points aren't cash, but we do need to stop the bleeding.", "jw: pausing the consumer"}, nil},
		{"keep it from recurring", []string{lead, "jw: paused, no new credits", "ada: resolved", "ada: we need to stop the damage from recurring: I'll make the credit handler idempotent by friday."}, []int{3}},
	})
}

// A list sent one entry per message may count its entries in words ("Second: …",
// "Third: …"); an entry that names no owner is its author's when the author took an
// earlier one.
func TestFollowUpOrdinalListEntries(t *testing.T) {
	inc, got := followUpsOf(t,
		"dan: Action items from my side: I will put an alert on pool usage above 80% by tomorrow EOD.",
		"dan: Second: the pool must persist its state to the database every 10 seconds. @ann your team owns it, can you take this?",
		"ann: honestly the best thing I read all day",
		"dan: Third: a capacity review of the pool against the exam calendar, before the finals start.",
	)
	it, ok := got[ts(inc, 3)]
	if !ok {
		t.Fatalf("no follow-up for the third entry in %v", got)
	}
	if it.Owner != "dan" {
		t.Errorf("owner %q, want dan", it.Owner)
	}
	if _, ok := got[ts(inc, 2)]; ok {
		t.Error("the joke is no entry")
	}
}

// A promise of one's own, said in full after someone else's on related work, is a
// second item with its own owner, not an answer taking the first over.
func TestFollowUpRelatedPromiseOfAnother(t *testing.T) {
	inc, got := followUpsOf(t,
		"sanjay: I add a TLS version breakdown to the edge dashboard so we see who would break before we change a policy. By friday.",
		"thomas: And changes to edge policies need a look at client TLS versions in the last 30 days as part of the change template. I will update the CAB template, next week.",
	)
	for i, owner := range []string{"sanjay", "thomas"} {
		it, ok := got[ts(inc, i)]
		if !ok {
			t.Fatalf("line %d: no follow-up in %v", i, got)
		}
		if it.Owner != owner {
			t.Errorf("line %d: owner %q, want %q", i, it.Owner, owner)
		}
	}
}

// After the resolution, putting back a setting that was lost ("i'll restore the
// 85/95 disk thresholds") is lasting work, and an item its speaker assigns to
// themselves ("…, assigning to myself, end of sprint") is taken whatever its words.
func TestFollowUpRestoreAndSelfAssigned(t *testing.T) {
	lead := []string{"ann: resolved", "bob: what still bugs me is icinga only alerted at 100%. where was the 85% warning",
		"lena: The warning threshold on /var was commented out. I will put all the slurm hosts under config management."}
	runLookalikes(t, []lookalikeCase{
		{"restore a lost setting", append(append([]string{}, lead...), "bob: i'll restore the 85/95 disk thresholds on the slurm hosts today"), []int{2, 3}},
		{"assigned to oneself", append(append([]string{}, lead...), "kim: and request coalescing on cache miss for bracket reads. assigning to myself, end of sprint"), []int{2, 3}},
	})
}

// A duty to report the outage to someone ("outages longer than 4 hours must be
// reported to member libraries") is the incident's paperwork, not an improvement.
func TestFollowUpReportingDuty(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"a reporting duty", []string{"ann: resolved", "dan: Under the consortium agreement outages longer than 4 hours must be reported to member libraries."}, nil},
		{"a lasting change beside it", []string{"ann: resolved", "dan: Outages must be reported to member libraries, so I'll add an alert that pages when the lending api is down for 30 minutes."}, []int{1}},
	})
}

// Entries numbered inside one chat message are items of their own: each is quoted
// by its words (never by the bare "mine." that closes it) and owned as it says,
// the writer for "mine", the person asked for "@x yours?" once they take it.
func TestFollowUpInlineNumberedEntries(t *testing.T) {
	inc := chat("ann: resolved",
		"sven: follow-ups. 1/ apps refetch jwks on unknown kid, not only on expiry. mine. 2/ ops mailbox subscribed to vendor maintenance notices. @hanna yours?",
		"hanna: Yes, I take the notices subscription, by Friday.",
	)
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"jwks": "sven", "mailbox": "hanna"}
	if len(ans.Items) != 2 {
		t.Fatalf("items %+v, want 2", ans.Items)
	}
	for _, it := range ans.Items {
		found := false
		for word, owner := range want {
			if strings.Contains(it.Text, word) {
				found = true
				if it.Owner != owner {
					t.Errorf("%q: owner %q, want %q", it.Text, it.Owner, owner)
				}
			}
		}
		if !found {
			t.Errorf("item %q quotes neither entry", it.Text)
		}
	}
	if got := inlineEntries("plan: 1) grow the pvcs to 400Gi 3) add size-based retention"); got != nil {
		t.Errorf("entries out of sequence split: %q", got)
	}
}

// A report without headings ends on its to-do list; an entry there may name the
// wanted improvement as a noun phrase ("Better monitoring of OOM in pods."), while
// the contributing factors listed before it state what was wrong.
func TestFollowUpWishEntriesWithoutHeadings(t *testing.T) {
	src := "Pool exhausted\n\nOn 2026-03-02 the orders pool ran out of connections for 40 minutes and checkouts failed.\n\n" +
		"We restarted the orders service at 10:20 and checkouts recovered.\n\n" +
		"- No limits on pool size for new services.\n- Memory leak in the proxy.\n\n" +
		"- Better monitoring of pool usage per service.\n- Automate the pool limits for new services.\n"
	checkReport(t, src, []string{"Better monitoring of pool usage", "Automate the pool limits"}, []string{"Memory leak", "No limits"})
}

// "…, rest are real declines. closing" declares the end like "resolved": the
// promises after it are the wrap-up's, and the breaker that is closing is no end.
func TestResolvedByClosing(t *testing.T) {
	for s, want := range map[string]bool{
		"retries done, 21,870 succeeded, rest are real declines. closing": true,
		"closing this out":                             true,
		"closing the incident":                         true,
		"the breaker is closing":                       false,
		"at least the 3 songs were good ones haha":     false,
		"ok were good, closing the bridge":             true,
		"we're good":                                   true,
		"closing connections on the old pool now, 40%": false,
	} {
		if got := resolvedRE.MatchString(s); got != want {
			t.Errorf("resolvedRE(%q) = %v, want %v", s, got, want)
		}
	}
	inc := chat("kasia: numbers: 22,014 of 61,300 charges declined with throttle error 06:00-07:05. none double charged",
		"arjun: re-queueing the 22k throttled charges now",
		"arjun: retries done, 21,870 succeeded, rest are real declines. closing",
		"kasia: I will make the collector pace itself with a token bucket at 80% of the contracted TPS, config per processor, by 15th")
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil || len(ans.Items) != 1 {
		t.Errorf("items %+v (%v), want the token bucket", ans.Items, err)
	}
}

// A ticket filed after a message of two numbered entries covers both when its
// title names each ("add guard for mass moves and test NULL end_date").
func TestFollowUpOneTicketForTheEntriesOfAMessage(t *testing.T) {
	inc := chat("ann: recurring gifts gone for donors on the new plan", "tom: disabled the archive cron", "tom: restored 13,918 rows", "ann: ok, resolved",
		"felipe: Follow-ups from me: (1) a unit test for the archive query with NULL end_date, and (2) the archive job must refuse to run when it would move more than 2% of active gifts.",
		"github: givewell-app/donations#2291 opened: Archive job: add guard for mass moves and test NULL end_date",
		"tom: also an alert on active gift count dropping >5% in an hour, I'll do it",
	)
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	captured := 0
	for _, it := range ans.Items {
		if it.Captured {
			captured++
		} else if !strings.Contains(it.Text, "alert") {
			t.Errorf("%q: open, want captured by #2291", it.Text)
		}
	}
	if captured != 2 {
		t.Errorf("items %+v: want both entries captured", ans.Items)
	}
}

// A proposal its speaker takes back in a short reply ("ok scratch that", in the
// thread or right after) is no follow-up; one taken back by someone else stands
// until its speaker agrees.
func TestFollowUpTakenBackInAThread(t *testing.T) {
	lead := []string{"ann: errors everywhere", "bob: restarted it, fixed", "ann: resolved"}
	runLookalikes(t, []lookalikeCase{
		{"taken back in the thread", append(append([]string{}, lead...),
			"kofi: proposal: double the pool to 40 connections",
			"^3 dmitri: primary has max 50 conn for everything, no",
			"^3 kofi: right, actually scratch that"), nil},
		{"taken back right after", append(append([]string{}, lead...),
			"ahmed: I'll raise the offline limit to 50 EUR permanently",
			"ahmed: ok scratch that"), nil},
		{"someone else's no", append(append([]string{}, lead...),
			"kofi: I'll add an alert on pool usage above 80% by friday",
			"^3 dmitri: scratch that"), []int{3}},
	})
}

// A vendor said to have promised, a step kept only until something else, a
// sentence about the report or an update asked for, and "nobody needs to do
// anything" are no follow-ups; a lasting change beside a stopgap still is.
func TestFollowUpPromisedStopgapsAndMeta(t *testing.T) {
	lead := []string{"ann: errors everywhere", "bob: restarted it, fixed", "ann: resolved"}
	one := func(s string, want []int) lookalikeCase {
		return lookalikeCase{s, append(append([]string{}, lead...), s), want}
	}
	runLookalikes(t, []lookalikeCase{
		one("dan: Vendor promised to send release notes earlier next time.", nil),
		one("dan: We will continue to accept filings by email for the affected cases until Friday, March 6.", nil),
		one("dan: We will keep the manual check at the desk this weekend, until the constraint is live.", nil),
		one("dan: I need an update for the gate staff.", nil),
		one("dan: We want to explain what went wrong, and what we will change.", nil),
		one("dan: Affected users do not need to do anything: the order applies automatically.", nil),
		one("dan: I'll add a unique constraint on berth and date to the bookings table by friday.", []int{3}),
	})
	src := reportHead + "## What we will change\n\n" +
		"We will continue to accept filings by email until Friday, March 6, for anyone who still has trouble.\n\n" +
		"We will test every library upgrade with real documents from our users before it ships.\n"
	checkReport(t, src, []string{"real documents"}, []string{"by email"})
}

// A report's list of next steps may also hold a question asked on someone's
// behalf, an idea put to a later discussion and a regret: none is an item.
func TestFollowUpNextStepsLookAlikes(t *testing.T) {
	src := reportHead + "## Next steps\n\n" +
		"- Add a unique constraint on berth and date to the bookings table (Ann Li).\n" +
		"- Sofia asked if the app can offer a waiting list when a berth is taken.\n" +
		"- Maybe move to a new booking platform next year, to be discussed at the board.\n" +
		"- Looking back, we should have tested the import with real bookings.\n"
	checkReport(t, src, []string{"unique constraint"}, []string{"waiting list", "booking platform", "Looking back"})
}

// Raising a cap is a step that mitigates; after it, a plan given a span ("in 2
// weeks") or made "for good" is a follow-up like one given a day.
func TestFollowUpCapSpanAndForGood(t *testing.T) {
	lead := []string{"ann: SBC shows 120/120 channels in use, rejecting new calls", "bob: carrier raised the cap to 400 until 6 May. busy tones gone"}
	if lc := analyzeLifecycle(sortedMessages(chat(lead...))); lc.mitigated != 1 {
		t.Errorf("mitigated at %d, want 1 (the cap raised)", lc.mitigated)
	}
	runLookalikes(t, []lookalikeCase{
		{"a span", append(append([]string{}, lead...), "agnieszka: I will do the IVR menu review with the comms team, in 2 weeks"), []int{2}},
		{"for good", append(append([]string{}, lead...), "agnieszka: I take the IVR menu review with the comms team, shorter menu for good."), []int{2}},
	})
}

// Asking for the numbers for the report or the management is the incident's
// paperwork, not an improvement.
func TestFollowUpNumbersForTheReport(t *testing.T) {
	lead := []string{"ann: errors everywhere", "bob: restarted it, fixed", "ann: resolved"}
	runLookalikes(t, []lookalikeCase{
		{"impact for the report", append(append([]string{}, lead...), "ruth: backfill done, no gap left in the history", "amelie: good. impact for the report?",
			"dmitri: East live telemetry blind 05:10-09:04 (3h54m) for 212 units, no safety impact"), nil},
		{"impact for the management", append(append([]string{}, lead...), "dan: impact for the management please"), nil},
	})
}

// A file renamed by hand and the automation back is the step that ended the
// harm, though nobody says "resolved" until the end: what people promise after it
// is the wrap-up. Redoing once what was missed ("the 14 spots must be
// rescheduled") is a remedy, not an improvement.
func TestRenamedByHandStartsTheWrapUp(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"promises after the step, closed at the end", []string{
			"bot> SILENCE on main output > 30s",
			"ines: dead air, playout shows an empty list",
			"tom: the log is named 03.02.2026.log instead of 2026-02-03.log since the locale change",
			"tom: renamed the file by hand and loaded it, automation is back from 05:40",
			"ines: 14 ad spots not played overnight, must be rescheduled.",
			"tom: I'll extend the fallback playlist to 3h of music, mine, EOW",
			"ines: incident closed.",
		}, []int{5}},
	})
	if tags := tagMessage(3, incidentOf("tom: renamed the file by hand and loaded it, automation is back from 05:40").Messages[0]); !tags.taken || !tags.verify {
		t.Errorf("renamed by hand, automation back: taken %v, recovery %v", tags.taken, tags.verify)
	}
}

// Said in hindsight, what should have been is a regret whatever follows
// "should"; the same proposal without the hindsight stands.
func TestHindsightMakesARegret(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"this was avoidable", []string{"bot> [FIRING] sessions lost on cache-2", "ana: keys had no TTL, memory full, evictions. flushed, resolved", "ana: We should have TTL on every key, this was avoidable."}, nil},
		{"in hindsight", []string{"bot> [FIRING] sessions lost on cache-2", "ana: keys had no TTL, memory full, evictions. flushed, resolved", "ana: in hindsight the chart review should have caught the missing TTL"}, nil},
		{"a proposal", []string{"bot> [FIRING] sessions lost on cache-2", "ana: keys had no TTL, memory full, evictions. flushed, resolved", "ana: We should have a TTL on every key, I'll add a lint for it by friday."}, []int{2}},
	})
}
