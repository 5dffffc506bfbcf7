package local

import (
	"strings"
	"testing"
)

// From dev52 (judged on dev53): "0 auth errors in the last 2 min. dlq stopped
// growing" tells the recovery after the restart, which is then the step that
// worked.
func TestZeroOfAKindAndStoppedGrowing(t *testing.T) {
	readingTests{
		{"new pods sending fine, 201s from twilio, 0 auth errors in the last 2 min. dlq stopped growing", true},
		{"0 auth errors", true},
		{"disk stopped filling after the purge", true},
		{"the job stopped growing the table", false},
		{"0 new signups today", false},
	}.check(t, "recoveryRE", recoveryRE.MatchString)
	got := mitigationOfDoc(t, "dev52/documents/oc-twilio-token-rotation.json")
	if !strings.Contains(strings.ToLower(got), "rollout restart") {
		t.Errorf("mitigation %q, want the rollout restart", got)
	}
}
