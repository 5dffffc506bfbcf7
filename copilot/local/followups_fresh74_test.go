package local

import (
	"testing"

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
