package local_test

import (
	"strings"
	"testing"
)

// A report's own word that some work is no action item ("they are not tracked
// as action items", "is not an action item") keeps that paragraph off the
// list; the rows of the table around it stay items.
func TestReportSaysNotAnActionItem(t *testing.T) {
	md := `# Grower payment run paid cents short

## Action items

| # | Action | Owner | Ticket |
|---|--------|-------|--------|
| 1 | Property test: every statement total equals the sum of its printed lines | Rhys Okafor | |

The top-up payments and the write-off journal were one-off corrections and are complete; they are not tracked as action items.

A one-off points boost for everyone who queued was delivered on 12 September and is not an action item.
`
	ans := reportFollowUps(t, "pm-cents.md", md)
	var texts []string
	for _, it := range ans.Items {
		texts = append(texts, it.Text)
	}
	if len(ans.Items) != 1 || !strings.Contains(ans.Items[0].Text, "Property test") {
		t.Errorf("items = %q, want only the property test", texts)
	}
}
