package local

import (
	"strings"
	"testing"
)

// A timeline row narrates, but a note its writer labels in it ("Follow-up: …") is
// an item of the report, with the owner and the date the note gives; a note marked
// done, one that says there is nothing to do, and the row's own narration are not.
func TestFollowUpTimelineRowNotes(t *testing.T) {
	src := "# Certificate expired on the shop\n\nDate: 2026-02-10.\n\n## Timeline (UTC)\n\n" +
		"- 07:42 — Ben checks the certbot logs: every renewal since 11 January failed.\n" +
		"- 07:50 — Cause found: the firewall only allows 443. Follow-up: Carla adds a test to the firewall change script that fails when port 80 is closed, by 2026-02-17.\n" +
		"- 07:55 — Ben opens port 80 in the firewall again.\n" +
		"- 08:30 — Follow-up (done): the deploy hook now restarts nginx on both VMs.\n" +
		"- 08:45 — Follow-up: nothing from engineering here, support sends the credit note.\n" +
		"- 09:00 — Follow-up: switch to DNS-01 challenges so the firewall cannot break renewals at all. Carla, some time next quarter, no ticket yet.\n"
	ans := reportAnswer(t, src)
	got := map[string]string{}
	var all []string
	for _, it := range ans.Items {
		all = append(all, it.Text)
		switch {
		case strings.Contains(it.Text, "firewall change script"):
			got["test"] = it.Owner + " " + it.Due
		case strings.Contains(it.Text, "DNS-01"):
			got["dns"] = it.Owner + " captured=" + map[bool]string{true: "yes", false: "no"}[it.Captured]
		}
	}
	if len(ans.Items) != 2 {
		t.Fatalf("%d items, want 2: %q", len(ans.Items), all)
	}
	if got["test"] != "Carla 2026-02-17" {
		t.Errorf("port-80 test: owner and due %q, want \"Carla 2026-02-17\"", got["test"])
	}
	// "DNS-01" names a challenge type, not a ticket.
	if got["dns"] != "Carla captured=no" {
		t.Errorf("DNS-01 item: %q, want owner Carla and no ticket", got["dns"])
	}
}

// A heading in the first person future holds the to-do list whatever its verb
// ("Things we will try"); one in the negative ("What we won't change") does not.
// An entry's owner may be a person outside every channel, named before "will", or
// a team the entry says owns it.
func TestFollowUpFutureHeadingAndEntryOwners(t *testing.T) {
	list := "- The variant caller writes to a temporary name and renames at the end, so a reader never sees a half-written file. Inês will do it before the end of the month.\n" +
		"- A dashboard panel comparing the p95 run time per stage with the lease, owned by the pipeline team.\n" +
		"- Tomás will check the two other queues for the same lease defaults by Thursday.\n"
	for heading, want := range map[string]map[string]string{
		"Things we will try":     {"temporary name": "Inês", "dashboard panel": "pipeline team", "two other queues": "Tomás"},
		"What we won't change":   {},
		"Things we plan to test": {"temporary name": "Inês", "dashboard panel": "pipeline team", "two other queues": "Tomás"},
	} {
		ans := reportAnswer(t, reportHead+"## "+heading+"\n\n"+list)
		got := map[string]string{}
		for _, it := range ans.Items {
			for k := range map[string]bool{"temporary name": true, "dashboard panel": true, "two other queues": true} {
				if strings.Contains(it.Text, k) {
					got[k] = it.Owner
				}
			}
		}
		if len(got) != len(want) {
			t.Errorf("%q: items %v, want %v", heading, got, want)
			continue
		}
		for k, o := range want {
			if got[k] != o {
				t.Errorf("%q: %q owned by %q, want %q", heading, k, got[k], o)
			}
		}
	}
}

// A decision after a numbered list turns entries down by their number
// ("Recommendation 4 is rejected"): those entries are no follow-ups, the accepted
// ones are.
func TestFollowUpRecommendationsRejectedByNumber(t *testing.T) {
	recs := "## Recommendations\n\n" +
		"1. Alert on client crash rate per SDK version, paging the on-call during tournaments. Owner: Kwame.\n" +
		"2. Freeze all third-party updates 48 hours before tournaments. Owner: Hannah.\n" +
		"3. Build our own anti-cheat to replace the vendor.\n" +
		"4. Keep a tested tournament mode that disables the kernel driver for LAN matches.\n"
	all := []string{"crash rate", "Freeze all third-party", "own anti-cheat", "tournament mode"}
	checkReport(t, reportHead+recs, all, nil)
	decision := "\n## Decision\n\nRecommendations 1 and 2 are accepted as written. Recommendation 3 is rejected: it is years of work. Recommendation 4 is rejected for online matches.\n"
	checkReport(t, reportHead+recs+decision, all[:2], all[2:])
}

// A named team that takes the work owns it, whoever says so; "the team" names
// none. A report's entry led by a name and a colon ("Lucía: …") is that person's,
// one led by a label ("Status: …") is nobody's.
func TestFollowUpTeamAndNameLeadOwners(t *testing.T) {
	inc, got := followUpsOf(t,
		"ann: resolved",
		"dan: Platform team will add read-your-writes to the wallet api after the incident, I'll make sure it's in the release notes.",
		"dan: The team will separate transactional and marketing mail onto two relays.",
	)
	if o := got[ts(inc, 1)].Owner; o != "Platform team" {
		t.Errorf("team item owner %q, want Platform team", o)
	}
	if o := got[ts(inc, 2)].Owner; o == "The team" {
		t.Errorf("\"the team\" taken for a team's name")
	}
	for entry, want := range map[string]string{
		"- Lucía: every week a drift detection job that posts the plan to #infra-drift.": "Lucía",
		"- Status: add a drift detection job that posts the plan to #infra-drift.":       "",
	} {
		ans := reportAnswer(t, reportHead+"## Actions\n\n"+entry+"\n")
		if len(ans.Items) != 1 || ans.Items[0].Owner != want {
			t.Errorf("%q: items %+v, want one owned by %q", entry, ans.Items, want)
		}
	}
}

// A name in the parentheses that close a report's entry, alone or before its
// ticket or date, is the entry's owner; a state or a priority there is not.
func TestFollowUpParenthesisedEntryOwner(t *testing.T) {
	for entry, want := range map[string]string{
		"- Alert on consumer group state, not only on lag (Jonas, DP-772).":                 "Jonas",
		"- Document the re-signing procedure in the OTA runbook (Eva Kraus, next quarter).": "Eva Kraus",
		"- Alert on consumer group state, not only on lag (Olga).":                          "Olga",
		"- Alert on consumer group state, not only on lag (High, DP-772).":                  "",
		"- Alert on consumer group state, not only on lag (Open).":                          "",
	} {
		ans := reportAnswer(t, reportHead+"## Actions\n\n"+entry+"\n")
		if len(ans.Items) != 1 || ans.Items[0].Owner != want {
			t.Errorf("%q: items %+v, want one owned by %q", entry, ans.Items, want)
		}
	}
}

// A request addressed by a name with its accents ("Tomás, would you please …?")
// goes to the user whose handle is written without them (tomas.r).
func TestFollowUpVocativeWithAccents(t *testing.T) {
	inc, got := followUpsOf(t,
		"ann: resolved",
		"tomas.r: I will look at the pager noise later",
		"dan: Tomás, would you please move the reminder schedule to UTC so it cannot fall into a missing or repeated hour?",
	)
	if o := got[ts(inc, 2)].Owner; o != "tomas.r" {
		t.Errorf("owner %q, want tomas.r", o)
	}
}
