package local_test

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// A report that tells an idea and, in the next sentence, that it was turned down
// ("We also discussed adding more workers. We decided against it: …") lists no
// item for it; the action item beside it stays.
func TestReportIdeaDecidedAgainst(t *testing.T) {
	md := `# Surge pricing frozen

## Summary

On 2026-04-17 surge prices froze for 40 minutes because consumers could not finish a batch in time.

## Action items

| # | Action | Owner | Ticket | Due |
|---|---|---|---|---|
| 1 | Alert on the age of the newest surge price, page at 5 minutes | Yusuf Demir | | 2026-04-24 |

We also discussed adding more surge-engine workers for known big events. We decided against it: more members in an eager group means more churn, and it treats the symptom.

## Lessons

Freshness of the output is the signal that matters.
`
	inc, err := transcript.ReadPostmortem("pm-surge.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	ans, err := local.New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	var alert bool
	for _, it := range ans.Items {
		if strings.Contains(it.Text, "workers") {
			t.Errorf("the idea turned down is an item: %q", it.Text)
		}
		alert = alert || strings.Contains(it.Text, "newest surge price")
	}
	if !alert {
		t.Errorf("the action item is missing: %+v", ans.Items)
	}
}
