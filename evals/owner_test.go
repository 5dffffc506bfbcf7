package evals

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSameOwnerThroughSlackNames: the engine names a person as the channel shows
// them (display name) and a labeller may write the handle; both are one user of the
// export. Names two users share, and people the export does not know, compare as
// written.
func TestSameOwnerThroughSlackNames(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "slack"), 0o755); err != nil {
		t.Fatal(err)
	}
	users := `[
	 {"id": "U1", "name": "priya.n", "real_name": "Priya Natarajan", "profile": {"display_name": "priya"}},
	 {"id": "U2", "name": "sam.r", "profile": {"display_name": "sam", "real_name": "Sam Rivera"}},
	 {"id": "U3", "name": "sam.k", "profile": {"display_name": "sam"}}
	]`
	if err := os.WriteFile(filepath.Join(dir, "slack", "users.json"), []byte(users), 0o644); err != nil {
		t.Fatal(err)
	}
	people, err := readPeople(dir)
	if err != nil {
		t.Fatal(err)
	}
	li := &LabeledIncident{people: people}
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"priya", "priya.n", true},
		{"@Priya.N", "Priya Natarajan", true},
		{"Sam Rivera", "sam.r", true},
		{"sam", "sam.r", false}, // two users show as "sam"
		{"sam.k", "sam.r", false},
		{"priya", "sam.r", false},
		{"Platform team", "platform team", true},
		{"", "priya.n", false},
		// A role in parentheses is noted by some writers, not by others.
		{"Maya", "Maya (support lead)", true},
		{"Kofi Mensah (FinOps)", "kofi mensah", true},
		{"Maya (support lead)", "Kofi Mensah (support lead)", false},
	} {
		if got := li.SameOwner(c.a, c.b); got != c.want {
			t.Errorf("SameOwner(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	if _, err := readPeople(t.TempDir()); err != nil {
		t.Errorf("a dataset without users.json: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "slack", "users.json"), []byte(`{"id":`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readPeople(dir); err == nil {
		t.Error("a broken users.json: no error")
	}
}
