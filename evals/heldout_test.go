package evals

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// TestHeldoutCorpus checks the held-out test split: it loads without a database and
// is big and varied enough to measure generalisation.
func TestHeldoutCorpus(t *testing.T) {
	c, err := LoadCorpus("testdata/heldout")
	if err != nil {
		t.Fatalf("LoadCorpus: %v", err) // also fails when a label names a ts that is not a message
	}
	if n := len(c.Incidents); n < 36 {
		t.Errorf("labelled incidents: %d, want >= 36", n)
	}
	families := map[string]int{}
	var withStatements, withSteps int
	for _, li := range c.Incidents {
		l := li.Labels
		families[l.Family]++
		if l.Split != SplitTest {
			t.Errorf("%s: split %q, want %q", l.ID, l.Split, SplitTest)
		}
		if l.RootCause != nil && l.RootCause.Text != "" && l.Impact != nil && l.Impact.Text != "" &&
			l.Mitigation != nil && l.Mitigation.Text != "" {
			withStatements++
		}
		if len(l.RunbookSteps) > 0 {
			withSteps++
		}
	}
	recurring := 0
	for _, n := range families {
		if n >= 2 {
			recurring++
		}
	}
	if recurring < 12 {
		t.Errorf("families with >= 2 incidents: %d, want >= 12 (%v)", recurring, families)
	}
	if withStatements < 30 {
		t.Errorf("incidents with root_cause, impact and mitigation: %d, want >= 30", withStatements)
	}
	if withSteps < 30 {
		t.Errorf("incidents with runbook_steps: %d, want >= 30", withSteps)
	}
}

// TestHeldoutDFDSLabels checks that every dfds label names a postmortem the parser
// reads from ../shared/fixtures/postmortems-dfds (skipped when the fixtures are absent).
func TestHeldoutDFDSLabels(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "fixtures", "postmortems-dfds")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("dfds fixtures not present: %v", err)
	}
	data, err := os.ReadFile("testdata/dfds/labels.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		LabelledBy string   `json:"labelled_by"`
		Incidents  []Labels `json:"incidents"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	if f.LabelledBy == "" {
		t.Error("labelled_by missing")
	}
	incs, err := transcript.Read([]string{dir}, transcript.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, inc := range incs {
		ids[inc.ID] = true
	}
	if len(f.Incidents) != len(incs) {
		t.Errorf("%d labels for %d postmortems", len(f.Incidents), len(incs))
	}
	for _, l := range f.Incidents {
		if !ids[l.ID] {
			t.Errorf("%s: no such postmortem", l.ID)
		}
		if l.RootCause == nil || l.RootCause.Text == "" || l.Family == "" {
			t.Errorf("%s: family or root_cause missing", l.ID)
		}
		if s := l.SplitOf(); s != SplitDev && s != SplitTest {
			t.Errorf("%s: split %q", l.ID, s)
		}
	}
}
