package local_test

import (
	"strings"
	"testing"
)

// Notes under a report's action items that say a stop-gap is already in
// production, or that another item covers an idea and no item of its own was
// opened, list no work.
func TestReportNotesOfWorkInPlaceOrCovered(t *testing.T) {
	md := `# Roster published twice on the fall-back night

Date: 2026-10-25

## Action items

| # | Action | Owner | Ticket |
|---|---|---|---|
| 1 | Run the roster publisher on UTC schedules with an explicit service date | Lena Holm | CREW-318 |
| 2 | Alert when a roster is published more than once per service date | Tomasz Wolak | |

The stop-gap from 10:40 (crewplan 7.3.1) is already in production and is not tracked as a separate action item.

Oskar suggested adding a mandatory schema check to the hotfix process. We agreed item 1 covers it and did not open a separate item.
`
	ans := reportFollowUps(t, "pm-roster.md", md)
	var texts []string
	for _, it := range ans.Items {
		texts = append(texts, it.Text)
	}
	joined := strings.Join(texts, "|")
	if len(ans.Items) != 2 || strings.Contains(joined, "stop-gap") || strings.Contains(joined, "schema check") {
		t.Errorf("items = %q, want the two table rows only", texts)
	}
}
