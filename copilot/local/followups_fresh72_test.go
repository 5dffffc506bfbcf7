package local

import (
	"fmt"
	"testing"
)

// Readings from dev72 once dev73 was being written.

// "+1, pipeline already writes that param on every bake" agrees and says what is
// in place already: no idea of its own. "+1, and a canary bake per region
// first, I'll take that" adds one.
func TestAgreementStatingWhatIsIsNoIdea(t *testing.T) {
	root := fmt.Sprintf("^%d ", len(firefight)+1)
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"tomas: the real fix, I'll take it: the launch template should take the ami from the ssm parameter the bake pipeline publishes instead of a hardcoded id",
		root+"kofi: +1, pipeline already writes that param on every bake",
		root+"dana: +1, and an alarm on failed scale-out launch events for every group, I'll take that one",
	)
	wantFollowUpLines(t, inc, got, false, true, false, true)
}
