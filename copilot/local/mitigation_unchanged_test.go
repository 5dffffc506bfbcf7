package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/evals"
)

// A step ruled out ("5xx unchanged. not the waf"), a scale-out the errors went
// up with ("errors went UP as it scaled, not down"), then a limit capped with the
// recovery after it: the cap is the mitigation.
func TestUnchangedAndWentUpAreNoHelp(t *testing.T) {
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(
		"[TRIGGERED] outage-map-api: 5xx rate 38% over 5m",
		"the public map says 'unable to load outages' for the whole social team",
		"waf only challenging ~4% of requests. disabling the rate-limit rule anyway to rule it out",
		"rule off. 5xx unchanged. not the waf",
		"hpa took api from 6 -> 40 pods. errors went UP as it scaled, not down",
		"40 pods x pool 20 = 800 conns, max_connections 400",
		"capping hpa at 12 and pool at 25",
		"pods rolling. db conns 400 -> 290. errors dropping",
	))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 6 {
		t.Errorf("mitigated at %d, want 6 (the cap)", got)
	}
	for _, low := range []string{"rule off. 5xx unchanged. not the waf", "errors went up as it scaled, not down"} {
		if !reportsNoHelp(textTags(copilot.Message{Text: low})) {
			t.Errorf("%q: read as no report that the step did not help", low)
		}
	}
	for _, low := range []string{"config unchanged since march", "not the whole fleet, only eu"} {
		if reportsNoHelp(textTags(copilot.Message{Text: low})) {
			t.Errorf("%q: read as a step that did not help", low)
		}
	}
	if tg := textTags(copilot.Message{Text: "capping hpa at 12 and pool at 25"}); len(tg.actions) == 0 {
		t.Error("a cap set to a number names no step")
	}
}

// The monitor's "[RESOLVED]" a minute after flags were applied tells the
// recovery: in dev33's iOS purchase incident the flags (retries off, throttled
// purchases deferred) are the mitigation, not the later answer to support that
// names a step word ("no restore needed").
func TestMonitorResolvedTellsTheRecovery(t *testing.T) {
	c, err := evals.LoadCorpus("../../evals/testdata/dev33")
	if err != nil {
		t.Fatal(err)
	}
	for _, li := range c.Incidents {
		if li.Labels.ID != "zx-ios-receipt-verify-retry-storm" {
			continue
		}
		ans, err := New(nil).Summarize(context.Background(), li.Incident)
		if err != nil {
			t.Fatal(err)
		}
		m := strings.ToLower(ans.Summary.Mitigation)
		if strings.Contains(m, "restore") || !strings.Contains(m, "retry") {
			t.Errorf("mitigation = %q, want the flags that turned retries off", ans.Summary.Mitigation)
		}
		return
	}
	t.Fatal("zx-ios-receipt-verify-retry-storm not in dev33")
}
