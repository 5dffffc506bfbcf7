package local

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// reportOf makes a report of sections, one message a section paragraph, given as
// heading and text pairs, a second apart.
func reportOf(pairs ...string) *copilot.Incident {
	inc := &copilot.Incident{ID: "PM-9"}
	for i := 0; i+1 < len(pairs); i += 2 {
		inc.Messages = append(inc.Messages, copilot.Message{TS: fmt.Sprintf("%d.000000", 1700000000+i/2), User: "doc",
			UserName: pairs[i], Kind: copilot.KindSection, Text: pairs[i+1]})
	}
	return inc
}

func summarize(t *testing.T, inc *copilot.Incident) copilot.Summary {
	t.Helper()
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	return ans.Summary
}

// A paragraph that tells the step, the recovery it brought and then the permanent
// fix done later is quoted for the step, not for the later fix.
func TestMitigationIsTheStepBeforeTheRecoveryNotTheLaterFix(t *testing.T) {
	inc := reportOf(
		"Summary", "The billing API returned errors for 30 minutes after its signing key expired.",
		"Resolution", "The on-call engineer issued a key by hand in the vault console and loaded it on every billing node; "+
			"errors stopped at 10:40. The next day the rotation job's role was restored and an automatic rotation was verified.",
	)
	got := summarize(t, inc).Mitigation
	if !strings.Contains(got, "issued a key by hand") || strings.Contains(got, "restored") {
		t.Errorf("mitigation %q, want the key loaded by hand, not the later repair", got)
	}
	for _, tt := range []struct {
		low  string
		k    int
		want bool
	}{
		{"errors back to normal at 10:40.", 1, true},
		{"errors back to normal at 10:40.", 0, false}, // nothing told before it
		{"we reloaded the config on every node; errors back to normal.", 0, true},
		{"the restart did not help, errors back to normal only later?", 1, false},
	} {
		if got := recoveryAfterStep(tt.low, tt.k); got != tt.want {
			t.Errorf("recoveryAfterStep(%q, %d) = %v, want %v", tt.low, tt.k, got, tt.want)
		}
	}
}
