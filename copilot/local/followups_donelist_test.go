package local_test

import (
	"strings"
	"testing"
)

// Entries under a lead-in that calls them done narrate what was done; entries
// under one that calls them still to do are items.
func TestDoneListIsNoItem(t *testing.T) {
	md := "# Stale lessons after egress lockdown\n\n## Corrective actions\n\n" +
		"- Page when any pod serves flag defaults for more than 2 minutes, owner Lea\n\n" +
		"Already done during the incident, not tracked as actions:\n\n" +
		"- Excluded the 2026-05-14 cohort from the placement analysis (data team).\n" +
		"- Re-applied the egress policy with the flag host allowed, on 2026-05-15.\n\n" +
		"Still to be done after the migration:\n\n" +
		"- Lint rule: experiment flags must default to the control arm (Javier)\n"
	ans := reportFollowUps(t, "pir.md", md)
	var texts []string
	page, lint := false, false
	for _, it := range ans.Items {
		texts = append(texts, it.Text)
		page = page || strings.Contains(it.Text, "flag defaults")
		lint = lint || strings.Contains(it.Text, "Lint rule")
	}
	if len(texts) != 2 || !page || !lint {
		t.Errorf("items %q, want the page and the lint rule only", texts)
	}
}
