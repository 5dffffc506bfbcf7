package local

import (
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Readings from dev78 once dev79 was in place.

// Agreeing with a complaint that proposed nothing ("the registration alert
// fired an hour and a half after we started" … "+1, I'll tighten the anomaly
// alert, 1.5x over 30 min") and promising the fix in full is the follow-up: the
// promise is not folded into the complaint, which the promise answers.
func TestAgreeingWithAComplaintThenPromising(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"raj: I'll add a nightly query counting non-NFC name_search rows and alert if >0",
		"dolores: honestly we found out from patrons. the registration alert fired an hour and a half after we started making dupes",
		"raj: +1, I'll tighten the anomaly alert, 1.5x over 30 min instead of 3x over 2h",
		"dolores: also could we get a front desk checklist for 'patron not found': phone, email, dob, card no, THEN new card",
	)
	wantFollowUpLines(t, inc, got, false, true, false, true, true)
	if it := got[ts(inc, 3)]; it.Owner != "raj" {
		t.Errorf("owner of the tightened alert = %q, want raj", it.Owner)
	}
}

// "I'll take that to the pay station vendor, no promises on a date tho"
// commits to the work and declines only to name its time; a bare "no promise"
// still commits nobody.
func TestNoPromiseOnTheDateStillCommits(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"sinead: gary's team needs a manual override for the member discount on the pay stations for when the partner is down. I'll take that to the pay station vendor, no promises on a date tho",
		"kim: next contract period maybe I can look at moving segments to object storage, but no promise",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
}

// "scratch that, the analyzer is on ntp … not going" in the thread of its
// speaker's own "I'll drive out tomorrow and check the analyzer clock", a look
// that was never an item, takes that look back, not the inventory its speaker
// promised just before. An idea said in that thread before the take-back is
// still what it takes back.
func TestTakeBackInTheThreadOfALook(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"maya: follow-ups?",
		"bram: i'll do an inventory of every cert out at the sites, analyzers, scale indicators, ticket printers, with expiry dates in one sheet. by end of week",
		"bram: I'll drive out to dunmore tomorrow and check the analyzer clock, its log timestamps looked off",
		"bram: scratch that, dunmore analyzer is on ntp, offset 3ms. not going",
	)...)
	inc.Messages[len(firefight)+3].ThreadTS = inc.Messages[len(firefight)+2].TS
	got := followUpsBySource(t, inc)
	wantFollowUpLines(t, inc, got, false, true, false, false)

	inc = chat(append(append([]string{}, firefight...),
		"teo: RESOLVED 11:25. wrap-up in thread",
		"teo: also i'll add a pre-commit lint for flag rules that blocks NOT ONE OF on patron-facing flags",
		"nkem: flag rules don't live in git, they're edited in the flag UI, so there's nothing to pre-commit on",
		"teo: right. scratch that",
	)...)
	for _, i := range []int{1, 2, 3} {
		inc.Messages[len(firefight)+i].ThreadTS = inc.Messages[len(firefight)].TS
	}
	got = followUpsBySource(t, inc)
	wantFollowUpLines(t, inc, got, false, false, false, false)
}

// "lol ok ignore me then" under someone's "search already reads from the
// replica" concedes the point and takes its speaker's idea back, as "right,
// ignore me" does.
func TestLaughingConcessionTakesTheIdeaBack(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"maya: follow-ups?",
		"tomasz: I'll also set up a read replica for search/quote to take load off the primary",
		"marek: search already reads from the replica, since november fwiw",
		"tomasz: lol ok ignore me then",
	)...)
	for _, i := range []int{2, 3} {
		inc.Messages[len(firefight)+i].ThreadTS = inc.Messages[len(firefight)+1].TS
	}
	got := followUpsBySource(t, inc)
	wantFollowUpLines(t, inc, got, false, false, false, false)
}

// A quoted passage names a thing by what it says: the "today" in 'add "client
// says they booked online for today" to the escalation list' is no deadline,
// while a deadline after a quoted name still is.
func TestQuotedDaysAreNoDeadline(t *testing.T) {
	said := time.Date(2026, 4, 21, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ in, words, date string }{
		{`Add "client says they booked online for today but is not in the diary" to the daily huddle escalation list`, "", ""},
		{`I'll add “booked for tomorrow, not in the diary” to the huddle list`, "", ""},
		{"also we should have a runbook page for 'CI not starting'. I'll write it this week", "this week", "2026-04-24"},
		{`I'll add "not in the diary" to the huddle list by friday`, "by friday", "2026-04-24"},
	} {
		words, date := findDue(tt.in, said, true)
		if words != tt.words || date != tt.date {
			t.Errorf("findDue(%q) = %q, %q; want %q, %q", tt.in, words, date, tt.words, tt.date)
		}
	}
}

// "wrap-up, follow-ups please, ticket them if you can" asks for the
// follow-ups to come and to be ticketed, whatever they will be: no item.
func TestAskingToTicketTheFollowUpsIsNoItem(t *testing.T) {
	inc, got := followUpsOf(t,
		"ines: wrap-up, follow-ups please, ticket them if you can",
		"kaspar: I'll find the other two feeds with the same float parsing and ticket them by friday",
	)
	wantFollowUpLines(t, inc, got, false, true)
}

// A request its taker carries out as they answer ("tomasz can we drop the pool
// to 8 per pod and allow 20 pods?" … "yep, changing hikari maximumPoolSize 15
// -> 8 and hpa max to 20. deploying") is a step of the response; one taken on
// for later is the follow-up.
func TestRequestCarriedOutAsAnsweredIsAStep(t *testing.T) {
	inc, got := followUpsOf(t,
		"marek: 10 pods is running hot, ~80% cpu. i'd hold the 2nd wave until we've got headroom",
		"marek: tomasz can we drop the pool to 8 per pod and allow 20 pods? 160 conns max. latency is fine with 8, most queries are sub 10ms",
		"tomasz: yep, changing hikari maximumPoolSize 15 -> 8 and hpa max to 20. deploying",
		"marek: priya can we get a CI check that maxReplicas x pool size stays under max_connections?",
		"priya: yep, I'll add it this week",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true, false)
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"yep, changing hikari maximumPoolSize 15 -> 8 and hpa max to 20. deploying", true},
		{"ok, bumping it now", true},
		{"sure, applying now", true},
		{"yep, I'll add it this week", false},
		{"changing the pool size needs a review first", false},
	} {
		if got := upUnderWayRE.MatchString(tt.in); got != tt.want {
			t.Errorf("upUnderWayRE(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// A ticket whose title names the incident's days ("Reinstate holds expired
// unclaimed 16-18 May (notices outage)") is one-off work on them: it captures
// no lasting item by its words ("could the holds expiry job just not expire a
// hold if no pickup notice was ever sent?").
func TestDatedTicketCapturesNothingByWords(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"marcus: could the holds expiry job just not expire a hold if no pickup notice was ever sent?",
		"priya: good one. that's kestrel config + a small check, I'll spec it with kwame",
	)...)
	inc.Tickets = append(inc.Tickets,
		copilot.Ticket{Key: "CLS-520", Title: "Reinstate holds expired unclaimed 16-18 May (notices outage)", Status: "done"},
		copilot.Ticket{Key: "CLS-524", Title: "PagerDuty routing for broker resource alarms and zero notice volume"},
	)
	got := followUpsBySource(t, inc)
	var proposal copilot.FollowUp
	for _, it := range got {
		if it.SourceTS == ts(inc, 0) || it.SourceTS == ts(inc, 1) {
			proposal = it
		}
	}
	if proposal.Text == "" || proposal.Captured {
		t.Errorf("holds-expiry guard: %q captured %v by %q, want an uncaptured follow-up", proposal.Text, proposal.Captured, proposal.TicketKey)
	}
	for title, want := range map[string]bool{
		"Reinstate holds expired unclaimed 16-18 May (notices outage)": true,
		"Refund duplicate collections of 2026-06-01":                   true,
		"Check 380 duplicate VAT returns of 29 April with back office": true,
		"NordAir short-shipped bags Apr 19 - rush forwarding list":     true,
		"Game day: simulate in-play transition of 50 markets":          false,
		"Alert when the retry queue may 2x in an hour":                 false,
		"Page on RabbitMQ resource alarms and consumerless queues":     false,
	} {
		if got := datedRecord(title); got != want {
			t.Errorf("datedRecord(%q) = %v, want %v", title, got, want)
		}
	}
}

// A remedy stays one even when it names the rule it keeps to: "we must refund
// all 11,940 duplicate collections today to remain within our customer
// policy" refunds; the policy is in place already, no work to come. A remedy
// beside a new policy of its own is still a proposal.
func TestRemedyKeepingToAPolicyIsNoFollowUp(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"we must refund all 11,940 duplicate collections today to remain within our customer policy. pieter, please prepare the refund file.", true},
		{"refund all affected customers as per the sla", true},
		{"refund all affected customers and write a refund policy for duplicate collections", false},
	} {
		if got := remedy(tt.in); got != tt.want {
			t.Errorf("remedy(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
