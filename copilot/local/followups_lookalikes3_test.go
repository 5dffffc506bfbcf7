package local

import "testing"

// An action list's entries that are the response's own steps ticked off (a
// mitigation, a refund), struck from the list, narrated in the past, or a remedy
// for the customers are no follow-ups; a preventive entry ticked off stays.
func TestFollowUpActionListLookalikes(t *testing.T) {
	for _, tt := range []struct {
		name  string
		entry string
	}{
		{"a mitigation ticked off", "- [x] roll back orders-api to 3.17 (@kasia)"},
		{"a refund ticked off", "- [x] refund the missing credits to 1,240 customers (@kasia)"},
		{"a mitigate row marked done", "| Action Item | Type | Owner | Bug |\n|---|---|---|---|\n| Power the old relay back on as a forwarder | mitigate | jchen | done |"},
		{"dropped after its dash", "- Give the pool hosts bigger disks — dropped: the limits make it unnecessary."},
		{"narrated in the past", "- In the 2025-11 review we had written an item about pool alerts; that item was closed when only one pool got an alert."},
		{"decided against", "- We discussed adding a second pool proxy as a fallback; we decided against it because the failure was ours."},
		{"a remedy for customers", "- Customer success will send an apology email with a one-month premium credit to all affected customers."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := reportHead + "## Action items\n\n- Add a pool saturation alert per database (Ann Li)\n" + tt.entry + "\n"
			if tt.entry[0] == '|' {
				src = reportHead + "## Action items\n\n" + tt.entry + "\n| Add a pool saturation alert per database | detect | ann | TBD |\n"
			}
			checkReport(t, src, []string{"saturation alert"}, nil)
		})
	}
	// A preventive entry ticked off is still what the team changed.
	src := reportHead + "## Action items\n\n- Add a pool saturation alert per database (Ann Li)\n- [x] add a guard against an invalid pool size in the config loader\n"
	checkReport(t, src, []string{"saturation alert", "guard against an invalid pool size"}, nil)
}

// "What can be improved" is the reflective half of "what went well": its entries
// say what hurt, and a past counterfactual there ("we could have saved an hour
// if …") regrets. A list of orders under it is still a to-do list, and in chat
// the counterfactual still complains about a missing thing.
func TestFollowUpReflectiveSection(t *testing.T) {
	src := reportHead + "## What can be improved\n\n- Pool waits are not monitored at all.\n- We could have saved an hour if the dashboard showed the waiting queries.\n\n" +
		"## Corrective actions\n\n- Add a pool saturation alert per database (Ann Li)\n"
	checkReport(t, src, []string{"saturation alert"}, []string{"not monitored", "saved an hour"})
	src = reportHead + "## What can be improved\n\n- Add a pool saturation alert per database (Ann Li)\n- Document the pool limits in the orders runbook (Dan Ek)\n"
	checkReport(t, src, []string{"saturation alert", "orders runbook"}, nil)
	runLookalikes(t, []lookalikeCase{
		{"a counterfactual in chat complains", []string{"dan: we could have caught this a week earlier with a pool wait alert"}, []int{0}},
	})
}

// "next: …" during the response is its next step, whatever it names; after the
// fire is out it heads a to-do.
func TestFollowUpNextColon(t *testing.T) {
	inc := chat(
		"ana: checkout 500s since 09:55, pool exhausted on the orders db",
		"ben: next: grabbing the pool settings from the dashboard and putting them in the config, then restart",
		"ben: restarted with the new pool size, errors gone",
		"ana: resolved",
		"ben: next: a pool saturation alert per database",
	)
	got := followUpsBySource(t, inc)
	if _, ok := got[inc.Messages[1].TS]; ok {
		t.Errorf("the response's next step is a follow-up: %v", got)
	}
	if _, ok := got[inc.Messages[4].TS]; !ok || len(got) != 1 {
		t.Errorf("follow-ups %v, want only the alert after the resolution", got)
	}
}

// What a vendor's support wrote, quoted in the channel, is their promise, not
// the team's; the same promise in the writer's own words is one, and a short
// quoted value does not hide the promise around it.
func TestFollowUpQuotedVoice(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"a vendor quoted", []string{`dan: Quoting the pool vendor's support (ticket 77120): "We've raised your connection limit for 24h. Our engineering team will add per-tenant pool isolation in Q3."`}, nil},
		{"the same promise in our words", []string{"dan: Our platform team will add per-tenant pool isolation in Q3."}, []int{0}},
		{"a short quoted value", []string{`dan: I'll add an alert on "pool waits > 0" for every database`}, []int{0}},
	})
}

// A proposal put only as a question proposes what the question names; a lasting
// thing in the sentence beside it (the dashboard that showed the complaints) is
// no part of it. A question that names a lasting thing still proposes it.
func TestFollowUpQuestionNamesItsProposal(t *testing.T) {
	for _, tt := range []struct {
		name string
		line string
		want bool
	}{
		{"a look asked beside a dashboard", "ann: Support dashboard: checkout complaints x10 in the last 20 min. Can engineering take a look?", false},
		{"a step asked beside a contract", "ann: should we move the orders traffic to the standby? the contract allows 20% of volume", false},
		{"a lasting thing asked", "ann: could we get a pool saturation alert on every database? the dashboard showed it first", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// Said once the bleeding has stopped, so that the question's form
			// alone decides (before it, the response's phase would).
			inc := chat("ben: the pool is exhausted, rolling back the deploy", "ben: rolled back, errors gone", tt.line, "ann: resolved")
			got := followUpsBySource(t, inc)
			if _, ok := got[inc.Messages[2].TS]; ok != tt.want {
				t.Errorf("follow-up %v, want %v: %v", ok, tt.want, got)
			}
		})
	}
}

// An idea its author calls not worth it in the same breath, or puts off with
// "…, not now", is dropped; so is a question answered "…, not now". The same
// ideas without the turn are follow-ups.
func TestFollowUpPutOffOrNotWorthIt(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"not worth it, by its author", []string{"dan: we could split the orders pool per tenant instead, but with the new alert that's not worth the pain"}, nil},
		{"the same idea plainly", []string{"dan: we could split the orders pool per tenant instead"}, []int{0}},
		{"put off by its author", []string{"dan: we'd need a week to audit the pool settings of all 40 services, not now"}, nil},
		{"a question put off in the reply", []string{
			"ann: Should every service get an explicit pool limit? I don't know the other services",
			"dan: we'd need a week to audit all 40 of them, not now",
		}, nil},
		{"the question unanswered", []string{"ann: Should every service get an explicit pool limit? I don't know the other services"}, []int{0}},
	})
}

// A lasting fix labelled as such and reported in place, a sentence led by what
// went well, and the owner of the postmortem are no follow-ups; a lasting fix
// still to do is one.
func TestFollowUpFixInPlaceAndPraise(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"a past verb after the label", []string{"ben: Permanent fix: reverted PR 618 and added the pool limit back in Terraform, so the next apply does not drop it. Applied 16:27."}, nil},
		{"merged after the label", []string{"ben: permanent fix merged: the orders service reads the pool size from config, plus a contract test on it"}, nil},
		{"a state reported rolled out", []string{"ben: Permanent fix: the pool limiter keys on the tenant again, with a floor for batch jobs. Rolled out 10:40."}, nil},
		{"a fix still to do", []string{"ben: long-term fix: make the pool limiter key on the tenant, it failed twice this month"}, []int{0}},
		{"what went well", []string{"ben: What went well: the synthetic checks caught it within a minute."}, nil},
		{"the postmortem's owner", []string{"ben: Postmortem owner: Emeka."}, nil},
	})
}

// A question put to nobody in particular and answered by another's commitment
// that says the thing again in full is one follow-up, at the commitment and
// owned by its speaker; an answer that only points back leaves the item at the
// question.
func TestFollowUpQuestionAnsweredInFull(t *testing.T) {
	inc, got := followUpsOf(t,
		"ann: From the support side: can batch jobs be capped at a pool share by default?",
		"dan: good one. I'll talk to the batch team and add a default 20% pool cap in the job config",
	)
	if _, ok := got[ts(inc, 0)]; ok {
		t.Errorf("the question is a follow-up of its own: %v", got)
	}
	if it, ok := got[ts(inc, 1)]; !ok || it.Owner != "dan" || len(got) != 1 {
		t.Errorf("follow-ups %v, want one at the commitment owned by dan", got)
	}
	inc, got = followUpsOf(t,
		"ann: From the support side: can batch jobs be capped at a pool share by default?",
		"dan: yes, I'll do it",
	)
	if it, ok := got[ts(inc, 0)]; !ok || it.Owner != "dan" || len(got) != 1 {
		t.Errorf("follow-ups %v, want one at the question owned by dan", got)
	}
}

// A report that lists its actions has said there what it will do: its lessons
// state what was learnt. Without an action list, a lesson that proposes is the
// report's follow-up, and a promise among the lessons always is one.
func TestFollowUpLessonsBesideActions(t *testing.T) {
	lessons := "## Lessons learned\n\n- Pool settings need an owner, not a person's memory.\n"
	checkReport(t, reportHead+lessons+"## Action items\n\n- Add a pool saturation alert per database (Ann Li)\n",
		[]string{"saturation alert"}, []string{"need an owner"})
	checkReport(t, reportHead+lessons, []string{"need an owner"}, nil)
	checkReport(t, reportHead+lessons+"- We will add the pool limits to the service template.\n\n## Action items\n\n- Add a pool saturation alert per database (Ann Li)\n",
		[]string{"saturation alert", "service template"}, []string{"need an owner"})
}

// "in the future" as a clock's offset reports the state of things; "in the
// future" as "from now on" still says what to do differently.
func TestFollowUpFutureOffset(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"ann: iat on the tokens is 4 min in the future. batch hosts are +4m vs NTP, chronyd is inactive on all of them", false},
		{"ann: in the future the batch hosts get a clock offset alert", true},
	} {
		inc := chat("ann: batch jobs fail with 401 since 09:55", tt.line, "ben: restarted chronyd on the batch hosts, clocks in sync", "ann: resolved")
		if _, ok := followUpsBySource(t, inc)[inc.Messages[1].TS]; ok != tt.want {
			t.Errorf("%q: follow-up %v, want %v", tt.line, ok, tt.want)
		}
	}
}

// A question someone else asked, reported and answered no, proposes nothing;
// answered yes with a commitment it does.
func TestFollowUpReportedQuestionRefused(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"answered no", []string{"ann: finance asked whether we'll do a manual pool resize next time. no: next time the alert fires first"}, nil},
		{"answered with a commitment", []string{"ann: finance asked whether we'll alert on pool waits next time. yes: I'll add the alert by friday"}, []int{0}},
	})
}

// "X has to …" obliges a thing as "X must …" does: the second entry of a list,
// taken by its writer, is an item of its own and not the taking of the first.
func TestFollowUpHasTo(t *testing.T) {
	inc, got := followUpsOf(t,
		"dan: Postmortem items: (a) batch and web traffic get separate pools permanently, the shared pool is a hack. I'll take it",
		"ann: (b) the orders client has to honour Retry-After and back off exponentially on 429. mine, by thu",
	)
	if it, ok := got[ts(inc, 1)]; !ok || it.Owner != "ann" || it.Due != "2026-03-05" || len(got) != 2 {
		t.Errorf("follow-ups %v, want the (b) entry owned by ann due thursday, beside (a)", got)
	}
}

// "please" asks: closing a sentence that names something lasting it proposes
// it, and a request with "please" whose words happen to be in the past ("we were
// informed by Sentry") still has something to do. A request to leave a thing
// alone asks for nothing new.
func TestFollowUpPleaseAsks(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"a closing please", []string{"dan: also alert at 80% of the pool size please, we had zero warning"}, []int{0}},
		{"please ensure, told in the past", []string{"dan: @erin additionally, please ensure the pool proxy is alerted on by restart count; we were informed by Sentry rather than by a page."}, []int{0}},
		{"leave it alone please", []string{"dan: the pool size is pinned and the real fix isn't in. nobody unpin it pls"}, nil},
	})
}

// A heading that says what comes next ("What we do next") heads the report's
// action list, its entries noun phrases with or without a ticket.
func TestFollowUpForwardHeading(t *testing.T) {
	src := reportHead + "## What we do next\n\n- Saturation alerts on every orders pool (OPS-1411)\n- Per-tenant pool limits in the service template (OPS-1412)\n- Remote kill switch for the batch import\n"
	open, captured := checkReport(t, src, []string{"Saturation alerts", "Per-tenant pool limits", "kill switch"}, nil)
	if len(open) != 1 || len(captured) != 2 {
		t.Errorf("open %v, captured %v: want the kill switch open", open, captured)
	}
}

// After the resolution a deadline, or a day word beside a proposal, plans the
// work; "now" describing the state of things or a hedge on digging does not
// make it a step of the response, and a stopgap stays one.
func TestFollowUpPlannedForADay(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"a proposal done today", []string{"dan: also: cronchecker should page the billing on-call, not email erin. I'll change the routing today"}, []int{0}},
		{"a deadline beside now", []string{"dan: pool retention is 6h, the job takes 7h now. I'll ask the DBA team to keep snapshots 24h, by next tuesday"}, []int{0}},
		{"a hedge on digging", []string{"dan: the operator ran under a broad schema we added last year. i'll dig, not promising anything today"}, nil},
		{"a stopgap", []string{"dan: the pool limit should stay pinned at 16 for now, I'll check it today"}, nil},
	})
}

// An old review's item, quoted and told in the past, is no follow-up of this
// incident though it says "action item"; the marker before this incident's own
// item still heads one, and an apostrophe opens no quote.
func TestFollowUpOldItemRecalled(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"an old item recalled", []string{"dan: For the record, the 2019 postmortem already listed 'Monitor pool saturation of all order databases' as an action item."}, nil},
		{"this incident's item", []string{"dan: action item: monitor pool saturation of all order databases"}, []int{0}},
		{"an apostrophe", []string{"dan: action item: don't let the pool size default, it's set in the service template from now on"}, []int{0}},
	})
}

// A remedy for the customers hit (honouring their orders, an apology, a credit)
// is no follow-up in chat either, even under a marker; honouring a header is a
// change to the client.
func TestFollowUpRemedyInChat(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"honouring the orders", []string{"dan: Resolved. Follow-up: finance decides on honouring the low-price orders (owner: Raj)."}, nil},
		{"an apology with a credit", []string{"dan: customer success will send an apology email with a one-month premium credit to all affected shops"}, nil},
		{"honouring a header", []string{"dan: follow-up: the orders client honours Retry-After and backs off on 429"}, []int{0}},
	})
}
