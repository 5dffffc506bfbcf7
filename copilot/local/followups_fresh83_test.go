package local

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// A tracker title whose prefix names the kind of work ("Alerting: …",
// "Monitoring: …") titles that deliverable; what follows is the condition it
// watches for, not a defect filed on its own, so it captures the promise of
// that alert by the mutual pass. The same words under a component's prefix are
// still a defect report.
func TestDeliverablePrefixIsNoDefectReport(t *testing.T) {
	for title, want := range map[string]bool{
		"Alerting: paid orders waiting too long for a print-ready render": false,
		"Monitoring: replica lag too high during the nightly batch":       false,
		"render-queue: paid orders waiting too long for a print-ready":    true,
		"TURN credential TTL too short for visits longer than 60 min":     true,
		"policy-docs: PDF render times out for multi-vehicle policies":    true,
	} {
		if got := defectReport(title); got != want {
			t.Errorf("defectReport(%q) = %v, want %v", title, got, want)
		}
	}
	inc := chat(append(append([]string{}, firefight...),
		"ana: from the stores: we saw the empty queue long before any alert. can something tell us when paid orders stop arriving?",
		"ben: good point. I'll add an alert on time from payment to packing, page if the p95 goes over 15 min in opening hours",
	)...)
	inc.Tickets = []copilot.Ticket{
		{Key: "OPS-2309", Title: "Alerting: paid orders waiting too long for packing during opening hours"},
		{Key: "OPS-2290", Title: "packer: bump base image to debian 12.11"},
	}
	got := followUpsBySource(t, inc)
	var keys []string
	for _, it := range got {
		keys = append(keys, it.TicketKey)
	}
	if len(got) != 1 || keys[0] != "OPS-2309" {
		t.Errorf("items %v, want one under OPS-2309", got)
	}
}

// "that one's mine, I'll put it on the CMS roadmap for Q3" after someone's
// "- the composer needs a resend to one platform only" claims that idea, and
// what follows says how: one item, the claimer's.
func TestOpeningClaimTakesTheIdeaBefore(t *testing.T) {
	inc, got := followUpsOf(t,
		"ana: - the exporter needs a retry per region, tonight one bad region blocked all of them",
		"ben: that one's mine, I'll put it on the platform roadmap for Q3",
	)
	it, ok := got[ts(inc, 0)]
	if len(got) != 1 || !ok || it.Owner != "ben" || it.TakenTS != ts(inc, 1) {
		t.Errorf("items %v, want one at the idea, owned and taken by ben", got)
	}
}

// "doable, offline redemption with a daily cap … filing LOY-347, mine" right
// after a request put to nobody agrees first and ends by claiming the work: it
// takes the request, under the key it files, rather than adding an idea.
func TestAgreeingReplyEndingInAClaimTakesTheRequest(t *testing.T) {
	inc, got := followUpsOf(t,
		"ana: I would also like the kiosks to keep working when the loyalty system is down. Could they accept a reward and reconcile it later?",
		"ben: doable, offline redemption with a daily cap per kiosk, needs finance sign-off. filing LOY-347, mine",
	)
	it, ok := got[ts(inc, 0)]
	if len(got) != 1 || !ok || it.Owner != "ben" || it.TicketKey != "LOY-347" || it.TakenTS != ts(inc, 1) {
		t.Errorf("items %v, want one at the request, ben's, under LOY-347", got)
	}
}

// A person's note that they filed a ticket ("filed ROAM-321 for the runbook
// work") files one of their own items however long ago it was said, as a
// tracker bot's "<filer> created …" does: here the runbook promise nine
// messages back, not the nearer idea they only agreed to see looked at.
func TestOwnFilingNoteReachesTheirEarlierItem(t *testing.T) {
	inc, _ := followUpsOf(t,
		"ingrid: the mass token restore + local list re-push in batches lived in teo's head today. I'll write it into the runbook with teo by Friday.",
		"kofi: from the field: i could not look up a card on site. if the tech app showed a tag's status and issuer i'd have known in 2 min. i'll write it up for the field tooling backlog",
		"^1 ingrid: +1, I'll make sure it gets looked at.",
		"ren: i'll also add a canary: a fake token we authorize every 10 min",
		"^3 teo: the canary wouldn't have caught this, the revocation alert covers it",
		"^3 ren: fair, dropping the canary",
		"hana: could the driver app show a banner when RFID is degraded?",
		"^6 ingrid: I'd rather not, a banner about cards confuses everyone else",
		"teo: also token-sync should snapshot auth_tokens before every full run. i'll do that next sprint",
		"ingrid: filed ROAM-321 for the runbook work",
	)
	inc.Tickets = []copilot.Ticket{{Key: "ROAM-321", Title: "Runbook: bulk tag restore from snapshot and staged local list re-push"}}
	got := followUpsBySource(t, inc)
	if it := got[ts(inc, 0)]; it.TicketKey != "ROAM-321" {
		t.Errorf("runbook promise under %q, want ROAM-321", it.TicketKey)
	}
	if it := got[ts(inc, 1)]; it.TicketKey != "" {
		t.Errorf("tooling idea under %q, want none", it.TicketKey)
	}
}

// Making a product show something ("tablet side i'll show 'order delayed -
// check customer's phone' after 60s instead of spinning forever") is building
// it: after the resolution it is a promise like "i'll add a banner", and the
// bare key its speaker gives when asked ("jules ticket?" … "TAB-233") files it.
func TestShowingSomethingIsWork(t *testing.T) {
	inc, _ := followUpsOf(t,
		"jules: tablet side i'll show 'order delayed - check customer's phone' after 60s instead of spinning forever, and log ack timeouts w store id",
		"mara: jules ticket?",
		"jules: TAB-233",
	)
	got := followUpsBySource(t, inc)
	if it, ok := got[ts(inc, 0)]; !ok || it.Owner != "jules" || it.TicketKey != "TAB-233" {
		t.Errorf("items %v, want jules's banner under TAB-233", got)
	}
}

// An item that cites its own key but names no owner ("moving us to delta
// sync … ROAM-318") takes the assignee the tracker bot then announces for that
// key ("created ROAM-318: … (assignee: teo)").
func TestBotAssigneeOwnsAnItemCitingTheKey(t *testing.T) {
	inc := chatOf(
		said{"ren", "token sync revoked 80% of partner cards overnight", false},
		said{"teo", "restored from the snapshot, cards authorize again", false},
		said{"ren", "resolved", false},
		said{"teo", "big one: a full sync must never revoke on absence. moving us to delta sync and only revoking on an explicit invalidation. ROAM-318", false},
		said{"jira", "created ROAM-318: token-sync: delta-based sync, revoke only on explicit invalidation (assignee: teo)", true},
	)
	got := followUpsBySource(t, inc)
	if it, ok := got[inc.Messages[3].TS]; !ok || it.TicketKey != "ROAM-318" || it.Owner != "teo" {
		t.Errorf("items %v, want teo's delta sync under ROAM-318", got)
	}
}
