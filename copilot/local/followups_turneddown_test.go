package local_test

import (
	"strings"
	"testing"
)

// From dev42 (judged on dev43): in a report's action section, a paragraph that
// says an idea was proposed and turned down is no action item; the entries above
// it and one that still awaits an answer are.
func TestTurnedDownIdeaInActionsIsNoItem(t *testing.T) {
	md := `# Relay stopped forwarding alarms

## Action items

| # | Action | Owner | Due |
|---|--------|-------|-----|
| 1 | Alarm relay resubscribes on every reconnect | Eirik | 2026-06-01 |
| 2 | Ask the vendor whether the broker can warn on expired sessions (asked, waiting for their answer) | Hannah | |

Moving the alarm feed to another broker was discussed and decided against it: the client is the problem.

Raising the session expiry on the broker to 7 days was also proposed and rejected; it only moves the cliff.
`
	ans := reportFollowUps(t, "pm-relay.md", md)
	var texts []string
	for _, it := range ans.Items {
		texts = append(texts, it.Text)
		if strings.Contains(it.Text, "session expiry") || strings.Contains(it.Text, "another broker") {
			t.Errorf("a turned-down idea is an item: %q", it.Text)
		}
	}
	for _, want := range []string{"resubscribes", "vendor"} {
		found := false
		for _, s := range texts {
			found = found || strings.Contains(s, want)
		}
		if !found {
			t.Errorf("no item about %q in %q", want, texts)
		}
	}
}
