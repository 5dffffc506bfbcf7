package local

import (
	"strings"
	"testing"
)

// Rules taken from the blind set dev41 (judged on dev42, written after them).
var fresh41InChat = []struct {
	name       string
	lines      []string
	gone, kept []int
}{
	{
		// A question and "let's not …" turn an idea down; they propose nothing.
		name: "let's not after a question",
		lines: []string{
			"tomek: 2) an alert on the sync itself: if a single run moves lots of prices by >50%, page someone",
			"ravi: and a dashboard of price changes per supplier per run",
			"tomek: ravi thats basically the alert in 2) no? let's not build two things",
		},
		gone: []int{2},
	},
}

func TestFresh41InChat(t *testing.T) {
	for _, tt := range fresh41InChat {
		t.Run(tt.name, func(t *testing.T) { wantGoneKept(t, tt.lines, tt.gone, tt.kept) })
	}
}

// "I'll file it" names no work: the item is the sentence before it. A ticket the
// item waits for ("after #2291 lands", filed as a repository's issue) does not
// capture it.
func TestFresh41ItemText(t *testing.T) {
	inc, got := followUpsOf(t,
		"lorenzo: 5) also a contract test in CI against the freshline sandbox, so if their payload changes shape we see it before prod does. I'll file it",
		"lena: after booking-api#2291 lands i'll put a circuit breaker on the customs client: if it's slow we skip the precheck automatically",
	)
	it, ok := got[ts(inc, 0)]
	if !ok || !strings.Contains(it.Text, "contract test") {
		t.Errorf("item text %q, want the contract test", it.Text)
	}
	it, ok = got[ts(inc, 1)]
	if !ok || it.Captured {
		t.Errorf("circuit breaker item: %+v, want it uncaptured (it waits for #2291)", it)
	}
	if !dependsOnRef("after #2291 lands i'll put a circuit breaker", "booking-api#2291") {
		t.Error("a repository issue written by its number alone is not read as waited for")
	}
	if !fuNotAdoptedLabelRE.MatchString("not taking: moving photo checks to a separate broker") {
		t.Error("'Not taking:' not read as the label of an idea turned down")
	}
}
