package local_test

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// A report that labels its parts inline, as cloud providers' status histories do:
// "Summary of impact:", "Root cause:", "Mitigation:", then "Next steps:" announcing a
// list. The labels are its structure: impact from its label (not a number in a next
// step), and the list entries and the later promise are the follow-ups, the apology
// that announces them is not.
func TestInlineLabelledReport(t *testing.T) {
	src := `# Storage latency in West Europe

Summary of impact: Between 14:10 and 16:45 UTC, a subset of customers using blob storage saw elevated latency and timeouts when reading data.

Root cause: A routine firmware update on the storage front-end servers introduced a memory leak in the request routing service.

Mitigation: Engineers stopped the firmware rollout at 15:20 and rolled the affected front-ends back to the previous firmware version.

Next steps: We apologise for the impact to affected customers. The following steps are underway:
- Add memory growth checks to the firmware deployment health gates, so a leak halts the rollout automatically.
- Update the health probes to exercise the request path rather than only the process liveness.
- We will shorten the rollout stages for front-end firmware from 25% to 5% of a region.
`
	inc, err := transcript.ReadPostmortem("storage-latency.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e := local.New(nil)
	ctx := context.Background()
	sum, err := e.Summarize(ctx, inc)
	if err != nil {
		t.Fatal(err)
	}
	s := sum.Summary
	if !strings.Contains(s.Impact, "subset of customers using blob storage saw elevated latency") || strings.Contains(s.Impact, "rollout stages") {
		t.Errorf("impact %q: want the labelled impact", s.Impact)
	}
	if !strings.HasPrefix(s.RootCause, "A routine firmware update") {
		t.Errorf("root cause %q", s.RootCause)
	}
	if !strings.HasPrefix(s.Mitigation, "Engineers stopped the firmware rollout") {
		t.Errorf("mitigation %q", s.Mitigation)
	}
	fu, err := e.FollowUps(ctx, inc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range fu.Items {
		got = append(got, it.Text)
		if it.Captured {
			t.Errorf("%q is captured: no ticket names it", it.Text)
		}
	}
	want := []string{"Add memory growth checks", "Update the health probes", "We will shorten the rollout stages"}
	if len(got) != len(want) {
		t.Fatalf("follow-ups %q, want %d starting %q", got, len(want), want)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("follow-up %d is %q, want it to start %q", i, got[i], w)
		}
	}
}
