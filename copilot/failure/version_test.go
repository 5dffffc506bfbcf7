package failure

import (
	"regexp"
	"slices"
	"testing"
)

// edited returns a copy of the lexicon with one change applied to the copy.
func edited(change func([]entry) []entry) []entry {
	cp := make([]entry, len(lexicon))
	for i, e := range lexicon {
		cp[i] = entry{id: e.id, desc: e.desc, sigs: slices.Clone(e.sigs)}
	}
	return change(cp)
}

var versionEdits = []struct {
	name    string
	change  func([]entry) []entry
	changes bool
}{
	{"unchanged copy", func(t []entry) []entry { return t }, false},
	{"description reworded", func(t []entry) []entry { t[0].desc += " (reworded)"; return t }, false},
	{"signature added", func(t []entry) []entry { t[0].sigs = append(t[0].sigs, "connection queue overflow"); return t }, true},
	{"signature removed", func(t []entry) []entry { t[1].sigs = t[1].sigs[1:]; return t }, true},
	{"signature edited", func(t []entry) []entry { t[2].sigs[0] += " now"; return t }, true},
	{"concept renamed", func(t []entry) []entry { t[0].id += "-2"; return t }, true},
	{"signature moved to another concept", func(t []entry) []entry {
		t[1].sigs = append(t[1].sigs, t[0].sigs[0])
		t[0].sigs = t[0].sigs[1:]
		return t
	}, true},
	{"concept dropped", func(t []entry) []entry { return t[:len(t)-1] }, true},
}

func TestVersionFollowsContent(t *testing.T) {
	if !regexp.MustCompile(`^[0-9a-f]{8}$`).MatchString(Version()) {
		t.Fatalf("Version() = %q, want 8 hex digits", Version())
	}
	if Version() != version(lexicon) {
		t.Fatal("Version is not the lexicon's")
	}
	for _, tt := range versionEdits {
		t.Run(tt.name, func(t *testing.T) {
			if got := version(edited(tt.change)) != Version(); got != tt.changes {
				t.Fatalf("version changed = %v, want %v", got, tt.changes)
			}
		})
	}
}
