package local

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Readings from dev71 once dev72 was being written.

// "lena created GEO-418: …" files lena's own idea said a dozen messages back,
// not sanne's remediation just above it that shares a word.
func TestBotFilerPrefersTheirOwnIdea(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"oskar: follow-ups?",
		"lena: and a dumb sanity check on top: reject any zone bigger than the city service area. would've caught this regardless of winding. ticket incoming",
		"radek: +1 on the size check",
		"radek: also the cap slamming from 25 to 6 km/h mid-ride is on firmware. I'll make slow-zone entry ramp down over ~3s instead of a hard cut, next firmware train",
		"oskar: could we canary zone sets? publish to 50 vehicles, watch end-ride rejects for 10 min, then everyone",
		"lena: zones are one blob per city rn, canarying means a new sync protocol. not this quarter",
		"oskar: ok parking it",
		"sanne: I'll add 'preview on map + second person approves' to the zone change checklist, by friday",
		"oskar: and I'll put zone publishes as annotations on the rides dashboard so the next reject spike points straight at the publish",
		"hugo: I'll ask the city to send their geojson in one fixed format from now on",
		"lena: don't bother tbh, once we rewind on import it doesnt matter what they send",
		"hugo: ok, not asking then",
		"sanne: I'll redo the market zone with the right winding and have lena check it before friday",
		"jira: lena created GEO-418: Zone importer: reject zones larger than city service area",
	)...)
	botSays(inc, 13)
	inc.Tickets = []copilot.Ticket{{Key: "GEO-418", Title: "Zone importer: reject zones larger than city service area"}}
	got := followUpsBySource(t, inc)
	if it, ok := got[ts(inc, 1)]; !ok || it.TicketKey != "GEO-418" {
		t.Errorf("lena's size check: found %v, ticket %q; want GEO-418", ok, it.TicketKey)
	}
	if it := got[ts(inc, 12)]; it.TicketKey == "GEO-418" {
		t.Errorf("sanne's redo took GEO-418")
	}
}

// "…, no manual purge" names the step the change spares: no step taken, so
// the proposal is not read as firefighting.
func TestSparedStepIsNoAction(t *testing.T) {
	inc, got := followUpsOf(t,
		"ines: follow-ups?",
		"tomasz: also the static map urls should carry a hash of the coords so a location change busts the cdn cache by itself, no manual purge. I'll do that one",
		"ola: purging the cdn cache for the map tiles now",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
}

// "… adding that to the platform upgrade checklist" after the clause that says
// what commits as "adding X to the checklist" does.
func TestAddingThatToTheChecklist(t *testing.T) {
	inc, got := followUpsOf(t,
		"ines: follow-ups?",
		"sanne: and cert-manager upgrades get a release notes review for changed defaults, the change was right there in the 1.18 notes. adding that to the platform upgrade checklist",
		"kenji: the pods are back, adding that to the timeline",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
}
