package local

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// A promise whose work is a pronoun ("I'll do it in tuesday's window") takes
// its work from the sentences before it in the same message ("lower it:
// idle_in_transaction_session_timeout = 5min on orders-db …"): the item quotes
// them, so the ticket that says the same thing in other words captures it. A
// pronoun followed by where the work goes ("I'll get it into the base image")
// names its own work and keeps its own sentence.
func TestPronounPromiseTakesItsWorkFromTheMessage(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"ana: lower it: idle_in_transaction_session_timeout = 5min on orders-db and the other billing clusters. an idle session gets cut instead of holding a connection forever. I'll do it in tuesday's window",
		"ben: also the ulimit change was by hand, a redeploy loses it. i'll get it into the worker base image",
	)...)
	inc.Tickets = append(inc.Tickets,
		copilot.Ticket{Key: "DB-41", Title: "Billing clusters: set idle_in_transaction_session_timeout so idle sessions cannot hold connections"},
	)
	got := followUpsBySource(t, inc)
	first, ok := got[ts(inc, 0)]
	if !ok {
		t.Fatalf("line 0: no follow-up")
	}
	if !strings.Contains(first.Text, "idle_in_transaction_session_timeout") || first.TicketKey != "DB-41" || !first.Captured {
		t.Errorf("line 0: %q ticket %q captured %v, want the timeout quoted and captured by DB-41", first.Text, first.TicketKey, first.Captured)
	}
	second, ok := got[ts(inc, 1)]
	if !ok {
		t.Fatalf("line 1: no follow-up")
	}
	if !strings.Contains(second.Text, "base image") || strings.Contains(second.Text, "redeploy") || second.Captured {
		t.Errorf("line 1: %q captured %v, want only its own sentence, uncaptured", second.Text, second.Captured)
	}
}

// Advice against the work ("I would suggest we do not produce one") proposes
// nothing: with the advice taken out the message neither promises nor asks.
func TestAdviceAgainstProposesNothing(t *testing.T) {
	inc, got := followUpsOf(t,
		"ruth: i can write a customer-facing template for 'status page not updated' for next time",
		"hb: Ruth, the vendor owns customer messages about their status page; a template from us risks contradicting theirs. I would suggest we do not produce one.",
		"ruth: fair, dropping the template then",
		"kai: I'll add a probe that alerts when the vendor status feed is older than 10 minutes",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true)
}

// "I don't think that works for us" and "yeah no wildcard" turn an idea down;
// "yeah no worries" waves a thanks away.
func TestRejectsDontThinkItWorksAndYeahNo(t *testing.T) {
	for low, want := range map[string]bool{
		"i don't think that works for us, the app sends cookies and browsers reject * with credentials": true,
		"yeah no wildcard":                      true,
		"yeah, no. keep the allowlist explicit": true,
		"yeah no worries, thanks for the help":  false,
		"yeah no problem, I'll take it":         false,
		"i think that works, ship it":           false,
	} {
		if got := rejects(low); got != want {
			t.Errorf("rejects(%q) = %v, want %v", low, got, want)
		}
	}
}

// An idea turned down in its thread ("should we just allow * as the origin?"
// … "I don't think that works for us") is not the idea a later bare "+1,
// I'll take it to the product sync" in the channel takes on: that one agrees
// with the request just before it, which it takes.
func TestPlusOneSkipsAnIdeaItsThreadTurnedDown(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"oskar: honestly, should we just allow * as the origin on the public api and never deal with this again?",
		"dana: I don't think that works for us, the portal sends cookies and browsers refuse * with credentials",
		"lorraine: could we get a banner on the portal we can switch on ourselves when something's broken?",
		"marcus: +1. I'll take it to the product sync monday and get it prioritised",
	)...)
	root := ts(inc, 0)
	inc.Messages[len(firefight)+1].ThreadTS = root
	got := followUpsBySource(t, inc)
	if it, ok := got[root]; ok {
		t.Errorf("the wildcard idea its thread turned down is an item (owner %q)", it.Owner)
	}
	banner, ok := got[ts(inc, 2)]
	if !ok || banner.Owner != "marcus" || banner.TakenTS != ts(inc, 3) {
		t.Errorf("banner item = %+v (found %v), want it taken by marcus", banner, ok)
	}
}

// A thing to make named without a verb and taken in a sentence of its own
// ("queue depth and oldest job age on the billing dashboard. mine") is its
// speaker's follow-up after the resolution; a dashboard told about, not
// taken, stays none.
func TestNamedDeliverableTakenWithMine(t *testing.T) {
	inc, got := followUpsOf(t,
		"kenji: compactions-per-hour panel per table on the cassandra dashboard. mine",
		"lee: the sync worker lag graph on the ops dashboard showed it first",
	)
	wantFollowUpLines(t, inc, got, true, false)
	if it := got[ts(inc, 0)]; it.Owner != "kenji" {
		t.Errorf("owner %q, want kenji", it.Owner)
	}
}

// A name with "'s" after it speaks about its person's things ("fiona's team
// clicked publish 20 times"), and addresses nobody; "joao yours" from the lead
// gives the idea to joao.
func TestPossessiveNameAddressesNobodyAndYoursAssigns(t *testing.T) {
	inc, got := followUpsOf(t,
		"joao: also maybe the app should say clearly 'not saved' when the api gives 500? fiona's team clicked publish like 20 times because it was just spinning",
		"fiona: yes please, we honestly thought it was our wifi",
		"ana: joao yours",
	)
	it, ok := got[ts(inc, 0)]
	if !ok {
		t.Fatalf("no follow-up for the 'not saved' message")
	}
	if it.Owner != "joao" {
		t.Errorf("owner %q, want joao", it.Owner)
	}
	if p := (participants{"fiona": "fiona", "joao": "joao"}); p.addressee("can we fix it? fiona's team clicked publish 20 times", nil, "joao") != "" {
		t.Errorf("a possessive name is read as the addressee")
	}
}
