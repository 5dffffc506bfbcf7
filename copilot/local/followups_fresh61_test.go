package local

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Readings from dev60 and dev61 once dev62 was in place: "switch" is a change
// like "move" or "replace", and a ticket that shares with an item only its
// component and the verb of change ("erx-sender: switch to structured JSON
// logs" for "switch the portal contact to the erx-oncall@ alias") is other work.
func TestReadingsFresh61(t *testing.T) {
	inc, got := followUpsOf(t,
		"lucia: root cause for the record: the vendor client cert expired. marking resolved",
		"lucia: follow-ups, owners please",
		"mo: I'll switch the rxnet portal technical contact from carla to the erx-oncall@ alias, today",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
	// Switching something over is a change; switching between accounts while
	// investigating is using a tool (a dfds report's lesson).
	if !fuMakeRE.MatchString("i'll switch the portal contact to the alias") || fuMakeRE.MatchString("a better way to quickly switch between accounts") {
		t.Error("fuMakeRE: switch the X is a change, switch between is not")
	}

	tickets := []copilot.Ticket{
		{Key: "ERX-1165", Title: "erx-sender: switch to structured JSON logs"},
		{Key: "ERX-1180", Title: "erx-sender: publish client certificate expiry as a gauge"},
	}
	items, w := mutualCase([]string{
		"I'll switch the rxnet portal technical contact from carla to the erx-oncall@ alias, today",
		"erx-sender should switch its logs to structured json",
	}, tickets)
	New(nil).matchMutual(items, tickets, w, nil)
	if items[0].ticket != "" {
		t.Errorf("the contact switch is captured by %s, which shares only its component and its verb", items[0].ticket)
	}
	if items[1].ticket != "ERX-1165" {
		t.Errorf("the log switch is captured by %q, want ERX-1165", items[1].ticket)
	}
	if !onlyWhere(tickets[0].Title, items[0].text, items[0].terms) {
		t.Error("onlyWhere: the verb of change counts as what the ticket is")
	}
}

// A check given a later day in the wrap-up is planned work, not triage; a date
// of someone else's plan ("booked for 24 mar") gives the speaker no deadline.
func TestCheckOnALaterDayIsPlanned(t *testing.T) {
	inc, got := followUpsOf(t,
		"ana: thanks all. follow-ups?",
		"dmitri: the other Harbor-loaded tables probably have the same skew, cash_ledger and corp_action_events. I'll check their n_distinct against reality by thursday",
		"ines: I'll check the replica lag graphs now",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
	said := inc.Messages[len(firefight)+1].Time()
	for _, tt := range []struct {
		raw  string
		want bool
	}{
		{"I'll check their n_distinct against reality by thursday", true},
		{"I'll check it by tomorrow", true},
		{"I'll check it by tonight", false},
		{"perf team already has one booked for 24 mar. I'll just send them today's numbers", false},
		{"I'll check the graphs", false},
	} {
		if got := dueOnLaterDay(tt.raw, said); got != tt.want {
			t.Errorf("dueOnLaterDay(%q) = %v, want %v", tt.raw, got, tt.want)
		}
	}
}

// "2. … who wants it?" asks for a taker: the list's author, who owned entry 1,
// does not own entry 2, and "I can take 2, …" takes it rather than making a
// second item of the same work.
func TestListEntryAskingWhoWantsIt(t *testing.T) {
	inc, got := followUpsOf(t,
		"tomasz: 1. dead-letter topic for the price consumer: park a record after 5 failed attempts and move on. mine.",
		"tomasz: 2. alert on per-partition lag and on time since last offset commit, not on total lag. who wants it?",
		"kofi: I can take 2, the per-partition lag alert. sorry if thats too big for me but I'd like to try",
		"tomasz: not too big at all, thanks kofi",
	)
	wantFollowUpLines(t, inc, got, true, true, false, false)
	if it := got[ts(inc, 1)]; it.Owner != "kofi" || it.TakenTS != ts(inc, 2) {
		t.Errorf("entry 2: owner %q taken at %q, want kofi at %s", it.Owner, it.TakenTS, ts(inc, 2))
	}
	if it := got[ts(inc, 0)]; it.Owner != "tomasz" {
		t.Errorf("entry 1: owner %q, want tomasz", it.Owner)
	}
}

// "re the circuit breaker — <reasons>. dropping that one" takes back the idea
// it names, its reasons between the name and the take-back.
func TestReNamedIdeaDroppedAfterReasons(t *testing.T) {
	inc, got := followUpsOf(t,
		"tom: follow-ups. @kwame can the app show 'holdings unavailable' instead of zero when the call times out?",
		"kwame: yes, will do it this sprint, web and mobile both",
		"kwame: and I'll put a circuit breaker around GetPositionsWithLots so it fails fast instead of holding pool slots for 10s",
		"ines: I'll write a runbook page for plan flips by friday",
		"kwame: re the circuit breaker — thought about it more, with the unavailable state it doesnt buy us much. dropping that one",
	)
	if _, ok := got[ts(inc, 2)]; ok {
		t.Error("the circuit breaker, dropped after its reasons, is still a follow-up")
	}
	if _, ok := got[ts(inc, 3)]; !ok {
		t.Error("the runbook page is lost")
	}
	// The take-back may open with a filler and read as a proposal itself
	// ("lets not do a separate one"): it proposes nothing.
	inc, got = followUpsOf(t,
		"ines: and fridays load test ran with hpa pinned at 12 pods. i'll add a scenario that lets hpa scale out to max, before next friday's launch",
		"kemi: i'll set up a game day for db saturation next month",
		"marek: menu-launch runbook should say: if orders-db conns are saturated do NOT scale menu-selection up. i'll add that",
		"kemi: actually re game day - if ines' load test covers scale-out lets not do a separate one. dropping it",
	)
	wantFollowUpLines(t, inc, got, true, false, true, false)
	// One that commits to other work keeps that work.
	inc, got = followUpsOf(t,
		"kemi: i'll set up a game day for db saturation next month",
		"marek: re game day - the load test covers it. i'll add a db saturation step to the load test plan instead by friday, dropping it",
	)
	wantFollowUpLines(t, inc, got, false, true)
	for _, s := range []string{"dropping that one", "ok, dropping that idea", "dropping it"} {
		if !upRetractRE.MatchString(s) {
			t.Errorf("upRetractRE misses %q", s)
		}
	}
}

// An acronym names a CamelCase identifier whose parts it spells ("PDBs" for
// "PodDisruptionBudget"), as it names words written apart ("DLQ").
func TestAcronymOfCamelCaseIdentifier(t *testing.T) {
	for _, tt := range []struct {
		title, item string
		want        string
	}{
		{"Kyverno policy: reject prod Deployments with no matching PodDisruptionBudget", "we keep finding workloads without PDBs", "poddisruptionbudget"},
		{"Route rejected records to a dead letter queue", "add a DLQ for the consumer", "dead letter queue"},
		{"Kyverno policy: reject prod Deployments with no matching PodDisruptionBudget", "we keep finding workloads without PDQs", ""},
	} {
		got := strings.Join(spelledOut(tt.title, tt.item), " ")
		if want := strings.Join(contentTerms(tt.want), " "); got != want {
			t.Errorf("spelledOut(%q, %q) = %q, want %q", tt.title, tt.item, got, want)
		}
	}
}

// A take that folds the idea into the taker's own earlier work files it under
// that work's ticket (dev60); one that puts it into a shared document does not.
func TestFoldIntoOwnWorkSharesItsTicket(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"tomasz: nothing alerted on etcd itself. I'll add paging alerts for etcd_server_has_leader == 0 and members down. PLAT-2294",
		"kwame: could we also alert on db size vs quota? 7.4 of 8 is scary",
		"tomasz: yep will fold that into the same alerting work",
		"tomasz: and for DNS: no AAAA record without a reachability test first. I will put that in the DNS change checklist by friday",
	)...)
	inc.Tickets = append(inc.Tickets, copilot.Ticket{Key: "PLAT-2294", Title: "Page platform on leaderless etcd / member down"})
	got := followUpsBySource(t, inc)
	var folded *copilot.FollowUp
	for _, it := range got {
		if it.SourceTS == ts(inc, 1) || it.TakenTS == ts(inc, 2) || it.SourceTS == ts(inc, 2) {
			folded = &it
		}
	}
	if folded == nil {
		t.Fatalf("the db size alert is no item: %v", got)
	}
	if folded.TicketKey != "PLAT-2294" || folded.Owner != "tomasz" {
		t.Errorf("db size alert: ticket %q owner %q, want PLAT-2294 and tomasz", folded.TicketKey, folded.Owner)
	}
	if it := got[ts(inc, 3)]; it.Captured {
		t.Errorf("the checklist entry is captured by %s", it.TicketKey)
	}
	// Folded into work of the taker's own, not into another's ticket.
	inc = chat(append(append([]string{}, firefight...),
		"ines: I'll add a dashboard for etcd db size per member. PLAT-2300",
		"kwame: could we also alert on db size vs quota? 7.4 of 8 is scary",
		"tomasz: yep will fold that into the same alerting work",
	)...)
	inc.Tickets = append(inc.Tickets, copilot.Ticket{Key: "PLAT-2300", Title: "Dashboard: etcd db size per member"})
	for _, it := range followUpsBySource(t, inc) {
		if it.SourceTS != ts(inc, 0) && it.Captured {
			t.Errorf("%q is filed under %s, another's ticket", it.Text, it.TicketKey)
		}
	}
	for _, s := range []string{"yep will fold that into the same alerting work", "i'll add it to my ticket", "that's part of the same change"} {
		if !fuFoldRE.MatchString(s) {
			t.Errorf("fuFoldRE misses %q", s)
		}
	}
}

// A promise without its subject after "also" may ask a vendor or chase one as
// well as build something (dev60).
func TestSubjectlessPromiseToAskAVendor(t *testing.T) {
	inc, got := followUpsOf(t,
		"ana: follow-ups please",
		"noor: i'll write the renewal runbook by friday, csr + portal + vault + restart",
		"pete: also going to ask statsarena on the vendor call next tuesday whether they do ACME or 2 year certs, a yearly manual step will bite again",
	)
	wantFollowUpLines(t, inc, got, false, true, true)
}

// A promise its speaker made for themselves keeps its owner when a later
// request asks someone else for other work (dev36, dev18; read from dev61).
func TestOwnPromiseNotHandedOnByALaterRequest(t *testing.T) {
	inc, got := followUpsOf(t,
		"helga: errors back to baseline, closing the bridge in 10",
		"kenji: what I will do: a UI test in CI that boots the app with an empty remote config and checks a Plus user still sees Plus",
		"tomasz: I'll also write the key rotation steps into the config-edge runbook, took us 20 min to even find who's flaghub admin",
		"noor: from the community side: I'll add a rule to our escalation doc - more than 5 reviews about the same paid feature in an hour = page on-call",
		"ruth: csv received, thanks tomasz",
		"dana: thanks all. helga can you own the postmortem?",
		"helga: Yes.",
	)
	if it, ok := got[ts(inc, 3)]; !ok || it.Owner != "noor" {
		t.Errorf("noor's escalation rule: %+v, want owned by noor", it)
	}
	// The request asks for other work, which the person asked then promises.
	inc, got = followUpsOf(t,
		"dmitri: follow-ups then",
		"lukas: we should hear about this long before a sequence runs out, like at 70% used, on every prod db. i'll do the prometheus rule, postgres-exporter can read pg_sequences with a custom query",
		"ben: are there other int4 sequences about to blow? dmitri can you check all of them",
		"dmitri: quick look: wagon_movements_id_seq at 61%, train_consists 12%, rest tiny. I'll do a proper audit across all dbs by friday",
	)
	if it := got[ts(inc, 1)]; it.Owner != "lukas" || it.Due != "" {
		t.Errorf("lukas's alert rule: owner %q due %q, want lukas and no date", it.Owner, it.Due)
	}
	found := false
	for _, it := range got {
		if it.Owner == "dmitri" && (it.SourceTS == ts(inc, 3) || it.TakenTS == ts(inc, 3)) {
			found = true
		}
	}
	if !found {
		t.Errorf("dmitri's audit is no item of his: %v", got)
	}
}

// The incident held open until something is done: what it waits for is the
// repair of this incident, not work for after it (dev61).
func TestHeldOpenUntilRepaired(t *testing.T) {
	inc, got := followUpsOf(t,
		"tomasz: mitigated 14:29. NOT closing yet - forced closed means zero protection if shadow actually falls over. probe needs fixing first",
		"priya: nothing alerted on the breaker itself. i'll add a page for any breaker stuck non-closed > 5 min",
	)
	wantFollowUpLines(t, inc, got, false, true)
	if !stopTheBleeding("not closing yet - the probe needs fixing first") || stopTheBleeding("not closing yet. next time the probe should do a real read") {
		t.Error("stopTheBleeding: a hold until repaired is the response; a recurrence guard is not")
	}
}
