package local

import (
	"reflect"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// A cached tagging is the tagging: the same text under another kind, index or
// speaker is tagged for what it is, and the actions every copy shares have no room
// for an append to write into.
func TestTagCacheKeepsTagsApart(t *testing.T) {
	text := "rolled back the deploy to 2.30.4, error rate is back to normal"
	human := copilot.Message{TS: "1.1", UserName: "ana", Kind: copilot.KindMessage, Text: text}
	section := copilot.Message{TS: "2.1", UserName: "Remediation", Kind: copilot.KindSection, Text: text}
	for _, m := range []copilot.Message{human, section, human} {
		got := tagMessage(7, m)
		want := computeTextTags(m)
		want.idx, want.msg, want.bot = 7, m, m.Kind == copilot.KindBot
		if m.Kind == copilot.KindSection {
			want.section = "remediation"
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: cached tags %+v, want %+v", m.Kind, got, want)
		}
	}
	a := tagMessage(0, human)
	if len(a.actions) == 0 {
		t.Fatalf("no action found in %q", text)
	}
	if cap(a.actions) != len(a.actions) {
		t.Errorf("shared actions have room (len %d, cap %d): an append would write into another copy's", len(a.actions), cap(a.actions))
	}
}
