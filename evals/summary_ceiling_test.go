package evals

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// TestSummaryCeilings: the ceiling of a field is the best F1 a quote of the
// transcript reaches against its label, one sentence or up to three together,
// averaged over the incidents labelled with the field; sentences split at
// sentence punctuation before a space, never inside a version.
func TestSummaryCeilings(t *testing.T) {
	a := &LabeledIncident{Incident: &copilot.Incident{ID: "A", Messages: msgs(
		"root cause found. The nightly job filled the disk on db-1",
		"Rolled back to 2.30.4. Customers saw errors",
		"checkout failing",
	)}, Labels: Labels{ID: "A",
		RootCause:  &GoldStatement{Text: "The nightly job filled the disk on db-1"},
		Impact:     &GoldStatement{Text: "Customers saw errors at checkout"},
		Mitigation: &GoldStatement{Text: "Roll back to 2.30.4"},
	}}
	// B's root cause is said nowhere in its own transcript: 0, and A's words do
	// not count for it. C has no labels and counts for nothing.
	b := &LabeledIncident{Incident: &copilot.Incident{ID: "B", Messages: msgs("paging the dba")},
		Labels: Labels{ID: "B", RootCause: &GoldStatement{Text: "The nightly job filled the disk"}}}
	c := &LabeledIncident{Incident: &copilot.Incident{ID: "C", Messages: msgs("The nightly job filled the disk")}, Labels: Labels{ID: "C"}}
	got := map[string]Metric{}
	for _, m := range SummaryCeilings(&Corpus{Incidents: []*LabeledIncident{a, b, c}}) {
		got[m.Name] = m
	}
	_, _, impOne := factOverlap("Customers saw errors", "Customers saw errors at checkout")
	_, _, impTwo := factOverlap("Customers saw errors checkout failing", "Customers saw errors at checkout")
	if impTwo <= impOne {
		t.Fatalf("fixture: adding the checkout sentence should raise the F1 (%v -> %v)", impOne, impTwo)
	}
	want := map[string]float64{
		"summary.ceiling_root_cause_sentence": (1 + 0) / 2.0,
		"summary.ceiling_root_cause_three":    (1 + 0) / 2.0,
		"summary.ceiling_impact_sentence":     impOne,
		"summary.ceiling_impact_three":        impTwo,
		"summary.ceiling_mitigation_sentence": 1,
		"summary.ceiling_mitigation_three":    1,
	}
	for name, w := range want {
		m, ok := got[name]
		if !ok {
			t.Errorf("%s not reported", name)
			continue
		}
		if d := m.Value - w; d > 1e-9 || d < -1e-9 {
			t.Errorf("%s = %v, want %v (%s)", name, m.Value, w, m.Detail)
		}
		if m.Engine != "ceiling" {
			t.Errorf("%s engine %q, want ceiling", name, m.Engine)
		}
	}
	if d := got["summary.ceiling_root_cause_sentence"].Detail; !strings.Contains(d, "2 labelled incidents") {
		t.Errorf("root cause ceiling detail %q: want it over the 2 incidents labelled with a root cause", d)
	}
	if len(got) != len(want) {
		t.Errorf("reported %d ceilings, want %d", len(got), len(want))
	}
}
