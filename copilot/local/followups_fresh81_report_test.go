package local_test

import (
	"strings"
	"testing"
)

// A note under the action items that reports a change as done ("Kofi has
// already added the temporary dnsConfig … That change is done and is not
// tracked here.") lists no work to come.
func TestReportNoteOfDoneChangeIsNoItem(t *testing.T) {
	md := `# Stream starts failing during the cup final

Date: 2026-05-08

## Action items

| # | Action | Owner | Ticket | Due |
|---|---|---|---|---|
| 1 | Roll out a node-local DNS cache on every node | Halvard | OPS-4413 | |
| 2 | Load-test stream starts at 8x evening peak before the next live sports broadcast | Priya Raman | | 2026-08-01 |

Kofi has already added the temporary ` + "`dnsConfig`" + ` to the podcast fetcher as a precaution. That change is done and is not tracked here.
`
	ans := reportFollowUps(t, "pm-stream.md", md)
	var texts []string
	for _, it := range ans.Items {
		texts = append(texts, it.Text)
	}
	if len(ans.Items) != 2 || strings.Contains(strings.Join(texts, "|"), "dnsConfig") {
		t.Errorf("items = %q, want the two table rows only", texts)
	}
}
