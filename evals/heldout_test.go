package evals

import "testing"

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
