package local

import "testing"

// A promise its speaker takes back after an objection, giving a reason first
// ("looked again, with ttls back we sit at 12% at peak. not resizing, dropping
// that") or naming what goes ("ok ok, no redis then"), is dropped; the
// promise before it stands.
func TestConcededWithReasonOrByName(t *testing.T) {
	for _, takeBack := range []string{
		"looked again, with ttls back we sit at 12% at peak. not resizing, dropping that",
		"ok ok, no redis then",
	} {
		inc, got := followUpsOf(t,
			"gkerr: i'll put pgbouncer in front of gis-db so scaling the pods can't eat the database",
			"lars: also i will put a redis cache inside map-api next sprint so even without cdn we survive",
			"marta: i'd skip that. if the cdn caches properly origin sees 30 rps. redis is one more thing to run",
			"lars: "+takeBack,
		)
		for i, want := range []bool{true, false, false, false} {
			if _, ok := got[ts(inc, i)]; ok != want {
				t.Errorf("%q: line %d (%s): follow-up %v, want %v", takeBack, i, inc.Messages[len(firefight)+i].Text, ok, want)
			}
		}
	}
}

// "today's openssl commands" names what today's work was, "would page today"
// what would happen, and "on the friday before" a day counted from an event:
// none is a deadline. "by friday before lunch" and a bare "today" still are.
func TestDueNotFromPossessiveConditionalOrEventDay(t *testing.T) {
	wantDueDates(t, []dueCase{
		{"I'll write a short runbook page for vendor TLS handshake failures with today's openssl commands", ""},
		{"i'll write a headroom check for every int4 key and sequence, alert at 70%. ledger_entries would page today", ""},
		{"and I'll put both DST weekends in the change calendar with a pre-check of the nightly jobs on the friday before", ""},
		{"I'll write the resubmit procedure into the runbook, today's was improvised. by friday", "2026-03-13"},
		{"I'll fix the alert by friday before lunch", "2026-03-13"},
		{"i'll add it to the runbook today", "2026-03-10"},
	})
}

// Whoever says they are filing the work ("… alert on clock offset … filing
// now") owns it; "… from now on. rik file it" hands it to rik.
func TestFilingItOwnsAndNameFileItHandsOver(t *testing.T) {
	inc, got := followUpsOf(t,
		"tomasz: quick wrap-up before we lose everyone: what do we change",
		"gkerr: infra side first: alert on clock offset. node_timex_offset_seconds > 1s for 5m on every linux host. we had nothing, this would have paged at 05:55. filing now",
		"maren: base image changes go through platform review from now on, not just a PR approval. rik file it",
		"rik: ok",
	)
	for i, want := range map[int]string{1: "gkerr", 2: "rik"} {
		it, ok := got[ts(inc, i)]
		if !ok || it.Owner != want {
			t.Errorf("line %d (%s): found %v owner %q, want owner %q", i, inc.Messages[len(firefight)+i].Text, ok, it.Owner, want)
		}
	}
}

// A tracker bot's "created OPS-2292: item_instances.id int4 -> int8 online
// migration (assignee: birgit)" right after birgit's "i'll do the proper fix:
// shadow bigint column, backfill in batches, swap under a short lock" files
// that promise, though they share no word; the ticket's later "transitioned
// to Done" hands it to nobody else. Assigned to someone else, it files nothing
// of birgit's, and its transition still files nothing.
func TestAssigneeAnnouncementFilesTheOwnersPromiseBeforeIt(t *testing.T) {
	for _, tt := range []struct{ assignee, want string }{{"birgit", "OPS-2292"}, {"tamsin", ""}} {
		inc := chatOf(
			said{"hal", "store purchases failing, integer out of range on item_instances", false},
			said{"birgit", "restarted the sequence at -2147483648, grants work again", false},
			said{"hal", "resolved", false},
			said{"birgit", "i'll do the proper fix: shadow bigint column, backfill in batches, swap under a short lock. done by thursday", false},
			said{"jira", "created OPS-2292: item_instances.id int4 -> int8 online migration (assignee: " + tt.assignee + ")", true},
			said{"jonas", "i want a runbook page: how to pause rm purchases, who decides, the comms template. i'll write it by tuesday", false},
			said{"jira", "OPS-2292 transitioned to Done by birgit", true},
		)
		got := followUpsBySource(t, inc)
		fix, ok := got[inc.Messages[3].TS]
		if !ok || fix.TicketKey != tt.want {
			t.Errorf("assignee %s: the bigint fix found %v ticket %q, want %q", tt.assignee, ok, fix.TicketKey, tt.want)
		}
		if page, ok := got[inc.Messages[5].TS]; !ok || page.Captured {
			t.Errorf("assignee %s: the runbook page found %v captured %v (%s), want uncaptured", tt.assignee, ok, page.Captured, page.TicketKey)
		}
	}
}

// "theo also add 'watch ingress 5xx during the rollout' to the deploy
// runbook. today pls" in a wrap-up thread asks theo by name, as "theo, add …"
// does: his follow-up, due the day it was asked.
func TestNameAlsoImperativeAsks(t *testing.T) {
	inc, got := followUpsOf(t,
		"maren: resolving. thanks all. follow-ups in thread 👇",
		"^4 rik: I'll put deploy markers on the ingress 5xx dashboard so next time nobody has to line up deploys by eye. PLAT-412",
		"^4 rik: was going to audit the other 14 deployments for missing preStop by hand but the conftest rule will flag them anyway. scratch that",
		"^4 maren: theo also add 'watch ingress 5xx during the rollout' to the deploy runbook. today pls",
		"^4 theo: will do, adding it this afternoon",
	)
	it, ok := got[ts(inc, 3)]
	if !ok || it.Owner != "theo" || it.Due != "2026-03-03" {
		t.Errorf("the runbook line: found %v owner %q due %q, want theo's, due 2026-03-03", ok, it.Owner, it.Due)
	}
}
