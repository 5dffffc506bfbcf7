package local_test

import (
	"strings"
	"testing"
)

// A paragraph under the action items that decides against a step ("Decision: we
// will not …") is no action item; the promise beside it is.
func TestActionListRefusalIsNoItem(t *testing.T) {
	md := "# Display feed frozen\n\n## Action items\n\n" +
		"- Add an expiry warning mail for every service login, owner Marco, OPS-12\n\n" +
		"Decision: we will not switch off the domain password policy for service logins in general. Audit requires it, and managed accounts remove the need.\n\n" +
		"Decision: we will not keep the manual restart; Olu will add a health check to the publisher instead.\n"
	ans := reportFollowUps(t, "feed.md", md)
	var texts []string
	expiry, check := false, false
	for _, it := range ans.Items {
		texts = append(texts, it.Text)
		expiry = expiry || strings.HasPrefix(it.Text, "Add an expiry warning")
		check = check || strings.Contains(it.Text, "health check")
	}
	if len(texts) != 2 || !expiry || !check {
		t.Errorf("items %q, want the expiry warning and the health check", texts)
	}
}
