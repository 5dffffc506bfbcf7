package local

import (
	"strings"
	"testing"
)

// An entry of a report's actions that ends by saying what it names is finished is
// listed done, not waiting for a ticket; one that says it is still to be done is
// open.
func TestEntryThatSaysItIsComplete(t *testing.T) {
	src := reportHead + "## Corrective actions\n\n" +
		"| # | Action | Owner | Ticket |\n|---|---|---|---|\n" +
		"| 1 | Add the fare-table diff to the publishing checklist | Hanna | |\n" +
		"| 2 | Cut the catalogue cache TTL from 7 days to 10 minutes | Joost | TKT-1191 |\n\n" +
		"Refunds (done 16 April) and the manual flush are not listed here; they are complete.\n\n" +
		"Moving the refund script into the admin tool is on us too; this is not done yet.\n"
	ans := reportAnswer(t, src)
	state := map[string]bool{}
	for _, it := range ans.Items {
		for _, k := range []string{"checklist", "manual flush", "admin tool"} {
			if strings.Contains(it.Text, k) {
				state[k] = it.Open()
			}
		}
	}
	for k, open := range map[string]bool{"checklist": true, "manual flush": false, "admin tool": true} {
		if got, ok := state[k]; ok && got != open || !ok && open {
			t.Errorf("%s: open %v (listed %v), want open %v", k, got, ok, open)
		}
	}
}

// An entry closed because other items cover it is no open action either.
func TestEntrySupersededByOthers(t *testing.T) {
	src := reportHead + "## Action items\n\n" +
		"1. Add a DST regression pack to the legality tests. Owner: Priya\n" +
		"2. Page dev on-call when reserve callouts spike. Owner: Tomasz\n\n" +
		"Carried over from the March review (OER-2026-009) and closed by this report: \"ask the vendor if the pairing module has the same duty period code\" — superseded by items 1 and 2.\n"
	for _, it := range reportAnswer(t, src).Items {
		if strings.Contains(it.Text, "pairing module") && it.Open() {
			t.Errorf("the superseded entry is open: %+v", it)
		}
	}
}
