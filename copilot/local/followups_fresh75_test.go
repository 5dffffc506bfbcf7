package local

import (
	"fmt"
	"testing"
	"time"
)

// Readings from dev75 once dev76 was in place.

// "thats a product feature, not incident stuff. park it for the summer roadmap
// discussion" in the thread of a question turns the idea down for now; "park it"
// inside a runbook step ("find head msg, park it, resend") is a step.
func TestParkItTurnsDown(t *testing.T) {
	root := fmt.Sprintf("^%d ", len(firefight)+1)
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"sabine: could the app push a notification automatically when a lift goes on wind hold?",
		root+"felix: thats a product feature, not incident stuff. park it for the summer roadmap discussion",
		"jens: @piotr can you write runbook 'stuck message in the queue: find head msg, park it, resend'? by friday",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true)
	for _, s := range []string{"agree with sam, park it", "park it for now", "thats a redesign. park it for Q3 planning"} {
		if !rejects(s) {
			t.Errorf("%q does not turn the idea down", s)
		}
	}
	if rejects("find head msg, park it, resend") {
		t.Error("a runbook step that parks a message read as a refusal")
	}
}

// "i'll add a CI check … sqlfluff custom rule eventually, a dumb grep to start"
// promises the check now; only its later form is put off. An idea put off with
// no promise beside it ("we could shard it at some point") is none.
func TestPromiseBesideALaterForm(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"tomasz: i'll add a CI check that flags any ORDER BY ... LIMIT in our repos that doesn't end on a unique column. sqlfluff custom rule eventually, a dumb grep to start",
		"ines: we could shard the bookings table at some point",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
}

// Asking someone for the incident's figures ("can someone give me rough numbers
// on affected returns for my weekly report?", "someone give me numbers for the
// exec update pls") asks for a fact; asking for a tool that gives them is work.
func TestAskForNumbersIsAFact(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"dermot: can someone give me rough numbers on affected returns for my weekly report?",
		"rhiannon: ok. someone give me numbers for the exec update pls",
		"dermot: can someone build a dashboard of failed photo uploads per branch so we see it before the lane backs up?",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true)
}

// A "today" that tells the incident ("nothing fired for 9 hours today") or the
// way things are now ("today it goes to whichever account manager they have")
// is no deadline: the weekday closing the promise is, or none.
func TestTodayToldIsNoDeadline(t *testing.T) {
	said := time.Date(2026, 3, 7, 9, 41, 0, 0, time.UTC) // a saturday
	for _, tt := range []struct{ text, want string }{
		{"and an alert on feed age, last_updated older than 5 min pages platform on-call. nothing fired for 9 hours today. I'll add it monday", "2026-03-09"},
		{"i'll set up a shared mailbox + form for partners to report missing bookings. today it goes to whichever account manager they have and sits in an inbox", ""},
		{"i'll set up a shared mailbox for partners today", "2026-03-07"},
	} {
		if _, got := findDue(tt.text, said, true); got != tt.want {
			t.Errorf("findDue(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A one-pager, a cheat sheet or a handout is a document, not the "pager" of an
// alert: a ticket escalating an alert to a duty phone does not capture the
// promise of a one-pager for the ticket office, though both name the gate and
// lift ops.
func TestOnePagerIsADocument(t *testing.T) {
	item := "For the kassa I'll write a one-pager for my team: gate says invalid but POS says valid = dont reissue, call lift ops. will hand it out tomorrow morning"
	title := "PagerDuty: escalate gate deny-ratio alert to lift operations duty phone"
	if !deliverableDiffers(title, item) {
		t.Errorf("a one-pager read as the alert kind: deliverables(item) = %b", deliverables(item))
	}
	if deliverables("add a pager alert on deny ratio") != deliverables(title) {
		t.Error("a pager alert no longer the alert kind")
	}
}
