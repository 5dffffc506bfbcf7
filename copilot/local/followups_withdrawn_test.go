package local_test

import (
	"strings"
	"testing"
)

// An action-item row struck through, or with a status saying nobody will do it,
// is no open follow-up; the rows beside it are.
func TestWithdrawnRowsAreNotOpen(t *testing.T) {
	md := "# Chat redaction outage\n\n## Action items\n\n" +
		"| # | Action | Owner | Ticket | Status |\n|---|---|---|---|---|\n" +
		"| 1 | Page the chat on-call when send failures exceed 5% for 5 minutes | Gia Ferri | | Open |\n" +
		"| 2 | ~~Replace the regex engine in chat-gateway with an RE2 binding~~ | Owen Park | | Withdrawn, covered by #1 |\n" +
		"| 3 | Add a rollback command to the config CLI | Dmitri Volkov | | Superseded |\n"
	ans := reportFollowUps(t, "redaction.md", md)
	var open []string
	for _, it := range ans.Items {
		if it.Open() {
			open = append(open, it.Text)
		}
	}
	if len(open) != 1 || !strings.HasPrefix(open[0], "Page the chat on-call") {
		t.Errorf("open items %q, want only the paging row", open)
	}
}
