package local_test

import (
	"strings"
	"testing"
)

// An idea the report says was proposed and, in the next sentence, rejected
// ("Doubling the consumer count was proposed as a buffer. Rejected, since …")
// is no action item, wherever it is listed.
func TestProposedThenRejectedInTheNextSentence(t *testing.T) {
	md := `# Crew calls stalled

Date: 2026-05-14

## Action items

- Set every client timeout with an explicit unit and lint for bare numbers (Nadia Ortiz)
- Doubling the worker count from 32 to 64 was proposed as a buffer. Rejected, since more workers would only have taken longer to fill up.
`
	ans := reportFollowUps(t, "pm-crew.md", md)
	var texts []string
	for _, it := range ans.Items {
		texts = append(texts, it.Text)
	}
	if len(ans.Items) != 1 || !strings.Contains(texts[0], "explicit unit") {
		t.Errorf("items = %q, want only the timeout-unit item", texts)
	}
}
