package transcript

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// An after-action report's "Improvement Plan" is its action table, and a "POC"
// (point of contact) column names the person who owns each row where a
// "Responsible" column names their organisation: the later owner column wins.
func TestImprovementPlanTableWithPointOfContact(t *testing.T) {
	src := strings.Join([]string{
		"# After-Action Report: Portal Unavailable Overnight",
		"",
		"## 1. Executive Summary",
		"",
		"The portal was down for twelve hours after a vendor release moved the health endpoint.",
		"",
		"## 8. Improvement Plan",
		"",
		"| # | Corrective action | Capability | Responsible | POC | Ticket | Completion date |",
		"|---|---|---|---|---|---|---|",
		"| 1 | Alert when any backend has zero servers up for 2 minutes | Monitoring | Platform Services | Dana Whitfield | CITY-2390 | 2026-05-08 |",
		"| 2 | Route overnight voicemails about the website to the on-call pager | Service desk | Service Desk | Marisol Reyes | — | 2026-05-29 |",
		"",
	}, "\n")
	inc, err := ReadPostmortem("pir-portal.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"Alert when any backend":     {"Dana Whitfield", "2026-05-08"},
		"Route overnight voicemails": {"Marisol Reyes", "2026-05-29"},
	}
	found := 0
	for _, m := range inc.Messages {
		for prefix, w := range want {
			if !strings.HasPrefix(m.Text, prefix) {
				continue
			}
			found++
			_, owner, due := copilot.ActionItemFields(m.Text)
			if owner != w[0] || due != w[1] {
				t.Errorf("%q: owner %q due %q, want %q and %q", prefix, owner, due, w[0], w[1])
			}
		}
	}
	if found != len(want) {
		t.Errorf("found %d of the %d plan rows as action items: %v", found, len(want), inc.Messages)
	}
}
