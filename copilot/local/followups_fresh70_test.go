package local

import (
	"fmt"
	"testing"
)

// Readings from dev70 once dev71 was being written.

// "re the soak schedule - taking that back, keeping it" takes back its
// speaker's own words, which were no item ("I'll just delete the nightly soak
// schedule"): not another's "scheduled pipeline" audit sharing one word, and
// the lead's "fair" concedes nothing of that audit. The take-back, promising
// nothing, is no item either.
func TestTakeBackOfOwnWordsLeavesOthers(t *testing.T) {
	root := fmt.Sprintf("^%d ", len(firefight)+1)
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"tomasz: wrap-up, what I want out of this:",
		root+"priya: and honestly I'll just delete the nightly soak schedule, it's not worth the risk",
		root+"tomasz: and I'll go through every scheduled pipeline in gitlab for prod hostnames in their vars. nobody remembered this one was there",
		root+"priya: re the soak schedule - taking that back, keeping it. with the fail-fast and the guard it's safe, and we need the soak numbers before the harvest release",
		root+"tomasz: fair",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true, false, false)
}

// "meh, it doesn't stop the mistake … I'd rather not churn the apex for that"
// turns the proposal down as "nah, …" does.
func TestMehTurnsDown(t *testing.T) {
	root := fmt.Sprintf("^%d ", len(firefight)+1)
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"dani: could we drop the TTL on the apex TXT to 300? then a mistake like this clears in minutes not an hour",
		root+"kofi: meh, it doesn't stop the mistake and the fix still took us an hour to find. I'd rather not churn the apex for that",
		"kofi: I'll write a conftest policy for the dns repo: plan fails if a change touches apex TXT and the resulting set has no v=spf1 value",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true)
}
