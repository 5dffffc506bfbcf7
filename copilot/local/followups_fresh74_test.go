package local

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Readings from dev74 once dev75 was in place.

// "dropping the mark-as-paid button, reconciliation covers it …" opens by
// dropping an idea its speaker promised a few messages before, outside any
// thread: that promise is taken back. Dropping a thing the speaker never
// promised takes nothing back, nor does a thing sharing one word of
// several with the speaker's promise.
func TestDroppingANamedPromiseTakesItBack(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"priya: i'll also add a 'mark as paid' button to the CS admin so rhys's team can issue manually next time",
		"rhys: i'll make a standing banner + call script for 'paid but permit not issued' so we're not writing one from scratch next time",
		"kofi: I'll write a replay script for the dropped webhooks",
		"priya: dropping the mark-as-paid button, reconciliation covers it and audit would hate a manual override",
		"omar: dropping the banner idea, nobody reads banners",
		"kofi: dropping the status page webhook widget, nobody looks at it",
	)
	wantFollowUpLines(t, inc, got, false, false, true, true, false, false, false)
}

// A subject-dropped "also putting X in the service catalogue … by the 20th"
// sets itself a deadline: work still to do, though a catalogue entry is none of
// the deliverable kinds. Without the deadline it reads as done now.
func TestDroppedSubjectWithADeadlineCommits(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"priya: also putting handheld-gateway in the service catalogue as a non-mesh caller of permit-lookup so the next person knows. by the 20th",
		"priya: also putting handheld-gateway in the service catalogue as a non-mesh caller of permit-lookup",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
}

// "oh good, nothing to do there then" after being told the other adapter is
// already fine takes its speaker's promise back.
func TestNothingToDoThenTakesBack(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"lena: I'll do the same truststore cleanup on the dvla adapter while I'm in there",
		"kofi: dvla adapter already uses default cacerts, checked it earlier",
		"lena: oh good, nothing to do there then",
		"omar: I'll add a synthetic probe for the vehidata endpoint",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false, true)
}

// A ticket named after a component's identifier ("vehicle-lookup-adapter: cache
// VRM lookups for 24h") that says a part of the name again says where, not
// what: a banner for when vehicle lookup is degraded is other work, the cache
// is the ticket's.
func TestComponentWordSaidAgainIsWhere(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"maya: follow-ups?",
		"tobias: could the portal show a banner when vehicle lookup is degraded? brokers found out from a generic error and rang us",
		"lena: good shout. I'll take it to the portal team at their planning on monday",
		"kofi: I'll make the adapter cache vehicle lookups for a day so a vendor blip does not reach brokers",
	)...)
	inc.Tickets = []copilot.Ticket{{Key: "QTE-760", Title: "vehicle-lookup-adapter: cache VRM lookups for 24h", Status: "open"}}
	got := followUpsBySource(t, inc)
	banner, ok := got[ts(inc, 1)]
	if !ok || banner.Captured {
		t.Errorf("the banner: found %v, captured %v (%s); want an uncaptured follow-up", ok, banner.Captured, banner.TicketKey)
	}
	if cache := got[ts(inc, 3)]; !cache.Captured || cache.TicketKey != "QTE-760" {
		t.Errorf("the cache: captured %v by %q, want QTE-760", cache.Captured, cache.TicketKey)
	}
	title := inc.Tickets[0].Title
	for _, tt := range []struct {
		item  string
		where bool
	}{
		{"could the portal show a banner when vehicle lookup is degraded? brokers found out from a generic error and rang us", true},
		{"I'll make the adapter cache vehicle lookups for a day so a vendor blip does not reach brokers", false},
	} {
		if got := onlyWhere(title, tt.item, contentTerms(tt.item)); got != tt.where {
			t.Errorf("onlyWhere(%q, %q) = %v, want %v", title, tt.item, got, tt.where)
		}
	}
}

// A question answered by the next person with "they do, …" asks for what is so
// already; a question answered otherwise stands.
func TestQuestionAnsweredTheyDo(t *testing.T) {
	root := fmt.Sprintf("^%d ", len(firefight)+1)
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"kwame: can't thermotrace just email us before our certs expire?",
		root+"ines: they do, to the account owner. which is Arne",
		"kwame: could the tracking page show a 'data delayed' banner when the last reading is older than 15 min?",
		"ines: good idea, I'll add it next sprint",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true)
}

// "@sam can the app drop the badge when position age > 2 min?" after two
// sentences that tell why is the ask: the item quotes it. (Where the first
// entry's item is kept, the entry or tomasz's take, is not this test's.)
func TestAddressedAskIsTheItemsText(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"priya: 1) nothing told us the vendor range overlapped. netbox has 10.20.48.0/22 down as northgate, nobody looked",
		"tomasz: +1. ill add a prefix overlap check against netbox to the vpn/peering change template, scripted off the api so its not just a checkbox. end of month",
		"priya: 2) the app kept the live badge while rtpi was serving timetable. thats why gwen and the public trusted wrong times. @sam can the app drop the badge when position age > 2 min?",
		"sam: yeah thats easy, ill put it on our board",
	)
	if _, ok := got[ts(inc, 4)]; ok {
		t.Error("sam's take is an item of its own, want it on the ask")
	}
	if f, ok := got[ts(inc, 3)]; !ok || !strings.Contains(f.Text, "drop the badge") || strings.Contains(f.Text, "kept the live badge") {
		t.Errorf("the item quotes %q, want the ask", f.Text)
	}
}

// "fair. cancelling the order then" after being told the box was never the
// cause takes back its speaker's "ill order a replacement moxa".
func TestCancellingTheNamedThingTakesItBack(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"ray: ill order a replacement moxa anyway while were at it, that one is from 2014",
		"tomasz: it was never the box though",
		"ray: fair. cancelling the order then",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false)
}

// Pulling or ripping a thing out is removing it, a change to make ("ill pull
// the static out once NET-812 is in"); pulling the logs is a look.
func TestPullingAThingOutIsAChange(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"tomasz: ill pull the static out once NET-812 is in, dont want two ways to northgate",
		"dana: and I'll rip out the old cert-based apns code path from notifier so nobody can flip back to it",
		"tomasz: ill pull the logs for the postmortem",
	)
	wantFollowUpLines(t, inc, got, false, true, true, false)
}

// A deadline may name an event and give its date in brackets ("before the june
// change (13 june)"), or be the event of a weekday a promise is for ("ill raise
// at thursdays planning meeting", "at thursday's sync"); "on thursdays" is a
// habit, and a weekday event in a sentence that commits to nothing is no
// deadline.
func TestDeadlineOfANamedEvent(t *testing.T) {
	said := time.Date(2026, 4, 18, 9, 7, 0, 0, time.UTC) // a saturday
	for _, tt := range []struct {
		text    string
		commits bool
		want    string
	}{
		{"ill put it in the change-day checklist before the june change (13 june)", true, "2026-06-13"},
		{"ill put it in the change-day checklist before the june change", true, ""},
		{"ill raise at thursdays planning meeting that changes to export profiles need a second person to sign off", true, "2026-04-23"},
		{"good point, I'll take that to the dashboard team at thursday's sync", true, "2026-04-23"},
		{"we deploy on thursdays", true, ""},
		{"at thursday's sync we looked at it", false, ""},
	} {
		if _, got := findDue(tt.text, said, tt.commits); got != tt.want {
			t.Errorf("findDue(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// An action row whose item is struck through and then labelled in brackets
// ("~~Move customerservice@ to its own tenant~~ (dropped: limits are per
// mailbox)") was considered and dropped; a bracket that only adds detail leaves
// the row an item.
func TestBracketedDroppedLabel(t *testing.T) {
	ans := reportAnswer(t, reportHead+"## Actions\n\n| # | Action | Owner | Ticket | Due |\n|---|---|---|---|---|\n"+
		"| 1 | ~~Move customerservice@ to its own Exchange tenant with higher limits~~ (dropped: limits are per mailbox, not per tenant, so this would not help) | Gwen Parry | | |\n"+
		"| 2 | Alert on case creation rate per sender domain (more than 100 an hour) | Marcus Lindqvist | | |\n")
	var texts []string
	for _, it := range ans.Items {
		texts = append(texts, it.Text)
	}
	all := strings.Join(texts, " | ")
	if strings.Contains(all, "Exchange tenant") {
		t.Errorf("the dropped row is reported: %s", all)
	}
	if !strings.Contains(all, "case creation rate") {
		t.Errorf("the alert row is missing: %s", all)
	}
}

// "was going to write one now but im fried, ill do it monday": the intention
// told in the past turns, after "but", into a promise for monday, and its "now"
// is no time of that promise. Without a promise after the "but" the intention
// stays abandoned.
func TestWasGoingToButWillLater(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		`ollie: and can i have a pre-written "planner wrong, services running" message. was going to write one now but im fried, ill do it monday`,
		"ben: I was going to write a script that checks all cronjobs, but the alerting covers that right?",
		"dana: I was going to update the failover runbook tonight but its late, I'll finish it tuesday",
	)
	wantFollowUpLines(t, inc, got, false, true, false, true)
}

// An intention told in the past, its subject dropped ("was going to script the
// renewal against the bank api but they don't have one … dropping that"), is no
// idea for the next promise to take up ("postmortem monday, I'll draft it").
func TestPastIntentionIsNoIdeaToTake(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"dave: should we move to a bank that does auto renewal? 🙃",
		"hal: not switching banks over a cert, dave",
		"kofi: was going to script the renewal against the bank api but they don't have one for cert requests. dropping that",
		"tomasz: postmortem monday, I'll draft it",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false, false)
	if !abandonedIntent("was going to script the renewal against the bank api but they don't have one for cert requests") {
		t.Error("a subject-dropped past intention not read as one")
	}
}
