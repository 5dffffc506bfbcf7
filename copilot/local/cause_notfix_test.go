package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/evals"
)

// TestRootCauseIsNotTheFixMessage: the chat message that took the step that
// stopped the bleeding tells the fix; it does not complete the cause told just
// before it. In dev15's HPC-OPS-77 "so jumbo frames get dropped silently at the
// ToR" is the finding and "I am draining rack C in slurm so no new jobs start
// there, now", the next message, the step.
func TestRootCauseIsNotTheFixMessage(t *testing.T) {
	c, err := evals.LoadCorpus("../../evals/testdata/dev15")
	if err != nil {
		t.Fatal(err)
	}
	for _, li := range c.Incidents {
		if li.Labels.ID != "HPC-OPS-77" {
			continue
		}
		ans, err := New(nil).Summarize(context.Background(), li.Incident)
		if err != nil {
			t.Fatal(err)
		}
		rc := strings.ToLower(ans.Summary.RootCause)
		if strings.Contains(rc, "draining") || !strings.Contains(rc, "jumbo frames") {
			t.Errorf("root cause = %q, want the finding without the step taken", ans.Summary.RootCause)
		}
		return
	}
	t.Fatal("HPC-OPS-77 not in dev15")
}
