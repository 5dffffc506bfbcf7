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

// More verbs of change in the present simple ("I move … tomorrow", "today i pin
// …"), each a promise of its speaker ("auto renew" written apart is still the
// lasting thing it names, not a renewal done now); a ticket the promise waits for ("until
// CHK-1180 is in") is not its ticket.
func TestPresentSimpleChangeVerbs(t *testing.T) {
	inc, got := followUpsOf(t,
		"joost: I move the broker cert to cert-manager with auto renew tomorrow",
		"ines: I'll add a conformance test for the boarding pass encoder with the reference samples (CHK-1180)",
		"ines: and today i pin the encoder to 3.x in the renovate config until CHK-1180 is in",
	)
	for i, owner := range []string{"joost", "ines", "ines"} {
		it, ok := got[ts(inc, i)]
		if !ok {
			t.Fatalf("line %d is no item: %v", i, got)
		}
		if it.Owner != owner {
			t.Errorf("item %q owner %q, want %q", it.Text, it.Owner, owner)
		}
	}
	if it := got[ts(inc, 2)]; it.TicketKey != "" {
		t.Errorf("the pin waits for CHK-1180 and is not captured by it: %+v", it)
	}
	if it := got[ts(inc, 1)]; it.TicketKey != "CHK-1180" {
		t.Errorf("the conformance test is CHK-1180's: %+v", it)
	}
}
