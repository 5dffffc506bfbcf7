package local

import (
	"strings"
	"testing"
)

// "I add this field…" commits in the present simple, as many writers of English
// as a second language say the near future: it is the item's text, not the "yes
// good idea" before it, and the proposal it answers merges into it.
func TestPresentSimpleCommitIsTheItem(t *testing.T) {
	_, got := followUpsOf(t,
		"tobi: also maybe the change template should ask about TTL? like a field \"current TTL / lowered on\"",
		"jens: Yes good idea. I add this field to the network change form in the CAB tool.",
	)
	if len(got) != 1 {
		t.Fatalf("want one item (the proposal merged into the promise), got %d: %v", len(got), got)
	}
	for _, it := range got {
		if !strings.Contains(it.Text, "I add this field") || it.Owner != "jens" {
			t.Errorf("item %q owner %q, want the promise's sentence and jens", it.Text, it.Owner)
		}
		if it.ProposedTS == "" {
			t.Errorf("item %q does not cite the proposal it answers", it.Text)
		}
	}
}
