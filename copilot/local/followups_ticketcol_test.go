package local

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// A report's ticket column names the item's own ticket. A key in the item's words
// names other work it builds on ("extend OPS-412 alerting", "the alert from
// OPS-2293"): the row is filed under its column's key, not under the key its text
// mentions.
func TestTicketColumnWinsOverKeyInText(t *testing.T) {
	src := reportHead + "## Corrective actions\n\n" +
		"| # | Action | Owner | Ticket | Due |\n|---|---|---|---|---|\n" +
		"| 1 | Page on stock-db replication delay over 60 s (extend OPS-412 alerting to every cluster) | Kwame | OPS-2301 | 2026-04-29 |\n" +
		"| 2 | Roll out the clock-offset alert from OPS-2293 to every VM, not just Kubernetes nodes | Joost | OPS-2703 | |\n" +
		"| 3 | Follow up on OPS-518 with the vendor | Ana | | |\n"
	ans := reportAnswer(t, src)
	got := map[string]string{}
	for _, it := range ans.Items {
		for _, k := range []string{"replication delay", "clock-offset", "vendor"} {
			if strings.Contains(it.Text, k) {
				got[k] = it.TicketKey
			}
		}
	}
	want := map[string]string{"replication delay": "OPS-2301", "clock-offset": "OPS-2703", "vendor": "OPS-518"}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s row: ticket %q, want %q (all: %v)", k, got[k], w, got)
		}
	}
}

func TestActionItemTicketField(t *testing.T) {
	for in, want := range map[string]string{
		"Page on lag (extend OPS-412)\nOwner: kwame\nTicket: OPS-2301":  "OPS-2301",
		"Fix it\nTicket: OPS-9 (https://jira.example.com/browse/OPS-9)": "OPS-9",
		"Fix it\nOwner: ana":  "",
		"Ticket: OPS-1":       "",
		"Fix OPS-3 next week": "",
	} {
		if got := copilot.ActionItemTicket(in); got != want {
			t.Errorf("ActionItemTicket(%q) = %q, want %q", in, got, want)
		}
	}
}
