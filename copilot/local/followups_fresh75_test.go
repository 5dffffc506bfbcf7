package local

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot/text"
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

// A key-shaped code the report speaks of as an error ("HLD-400 errors stop")
// names the failure: the action "Add HLD-400 to the branch troubleshooting
// sheet" has no ticket, while a row citing a ticket key keeps it.
func TestErrorCodeIsNoTicket(t *testing.T) {
	ans := reportAnswer(t, "# Holds failing at the desk\n\nDate: 2026-04-21.\n\n## Summary\n\nLibrarians got HLD-400 when placing holds.\n\n"+
		"## Timeline\n\n| Time | Event |\n|---|---|\n| 09:05 | Westmoor desk reports HLD-400 |\n| 11:56 | HLD-400 errors stop |\n\n"+
		"## Actions\n\n| # | Action | Owner | Ticket | Due |\n|---|---|---|---|---|\n"+
		"| 1 | Add HLD-400 to the branch troubleshooting sheet as a system issue | Margit Lind | | 2026-05-01 |\n"+
		"| 2 | Add a pre-check to the node upgrade runbook for workloads not pinned by digest (OPS-4525) | Tomasz Kowal | | |\n")
	found := 0
	for _, it := range ans.Items {
		switch {
		case strings.Contains(it.Text, "troubleshooting sheet"):
			found++
			if it.Captured || it.TicketKey != "" {
				t.Errorf("the sheet row is captured by %q: the error code is no ticket", it.TicketKey)
			}
		case strings.Contains(it.Text, "node upgrade runbook"):
			found++
			if it.TicketKey != "OPS-4525" {
				t.Errorf("the runbook row's ticket is %q, want OPS-4525", it.TicketKey)
			}
		}
	}
	if found != 2 {
		t.Errorf("found %d of the two rows: %+v", found, ans.Items)
	}
	if got := text.ErrorCodes("HLD-400 errors stop; stuck on error LS-29; filed OPS-12"); len(got) != 2 || got[0] != "HLD-400" || got[1] != "LS-29" {
		t.Errorf("ErrorCodes = %v, want [HLD-400 LS-29]", got)
	}
}
