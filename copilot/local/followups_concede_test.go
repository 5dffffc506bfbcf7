package local

import "testing"

// A proposal whose speaker only grants the point after someone argues against it
// is withdrawn; one taken on, or handed to someone, in the reply stays.
func TestConcededProposals(t *testing.T) {
	inc, got := followUpsOf(t,
		"priya: can we freeze feature pipeline deploys on fridays?",
		"kuba: meh, it went out at 12:05 on a normal day, a freeze just moves the same bug to monday. the range check is the real fix",
		"priya: ok ok 😅",
		"tobi: we should have a probe that compares the campus resolvers with the authoritative answer and alerts when they differ",
		"jens: for a planned change they always differ for the TTL, this will be noisy every time. the checklist is the better place",
		"tobi: ok fair",
		"ana: we should pin host keys in the config repo with a note of who rotated them",
		"dina: abena to look at that one",
		"ana: yes",
		"carl: the smoke test should create labels for every partner lane, not only DE to DE",
		"greta: carl that sounds like a volunteer",
		"carl: yeah ok, mine",
	)
	for _, i := range []int{0, 3} {
		if it, ok := got[ts(inc, i)]; ok {
			t.Errorf("conceded proposal %q reported: %+v", inc.Messages[len(firefight)+i].Text, it)
		}
	}
	for _, i := range []int{6, 9} {
		if _, ok := got[ts(inc, i)]; !ok {
			t.Errorf("proposal %q missing; got %v", inc.Messages[len(firefight)+i].Text, got)
		}
	}
}
