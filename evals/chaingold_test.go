package evals

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// A gold follow-up labelled at the reply that took an item on, or at the remark the
// item answers, is scored at the item's own message; not when the labeller marked
// that message itself, called it no follow-up, or the engine lists the other
// message as an item of its own.
func TestChainGold(t *testing.T) {
	items := []copilot.FollowUp{
		{SourceTS: "10", TakenTS: "11"},    // request, then the reply taking it
		{SourceTS: "21", ProposedTS: "20"}, // remark, then the promise answering it
		{SourceTS: "30", TakenTS: "31"},    // the proposal is labelled no follow-up
		{SourceTS: "40", TakenTS: "41"},    // both messages labelled
		{SourceTS: "50", TakenTS: "51"},    // the reply is an item of its own too
		{SourceTS: "51"},
	}
	l := Labels{
		FollowUps: []GoldFollowUp{
			{TS: "11"}, {TS: "20"}, {TS: "31"}, {TS: "40"}, {TS: "41"}, {TS: "51"}, {TS: "99"},
		},
		NotFollowUps: []string{"30"},
	}
	got := ChainGold(l, items)
	want := []string{"10", "21", "31", "40", "41", "51", "99"}
	if len(got) != len(want) {
		t.Fatalf("got %d labels, want %d", len(got), len(want))
	}
	for i, g := range got {
		if g.TS != want[i] {
			t.Errorf("label %d (at %s) scored at %s, want %s", i, l.FollowUps[i].TS, g.TS, want[i])
		}
	}
	if l.FollowUps[0].TS != "11" {
		t.Error("ChainGold changed the labels it was given")
	}
}
