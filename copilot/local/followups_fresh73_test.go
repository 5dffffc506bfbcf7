package local

import (
	"fmt"
	"testing"
)

// Readings from dev73 once dev74 was in place.

// "tonight's run is the first real test of the import. I'll keep an eye on it"
// watches for a night: the stretch is in the sentence the watch points back to.
// A watch with an object of its own ("the waiting room should be watching
// seatmap health …") is no such look.
func TestWatchPointingBackToTonight(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"ruth: tonight's run is the first real test of the import. I'll keep an eye on it",
		"priya: honestly the waiting room should be watching seatmap health and pause outflow by itself. would have saved us 10 min today",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}

// "… ah no, OUL_IN_HAEM is already on 3 retries. ignore me" takes back the
// promise before it in the same message.
func TestIgnoreMeTakesBackTheSameMessage(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"tomasz: oh and I'll add a retry limit on the haem channel while I'm in there... ah no, OUL_IN_HAEM is already on 3 retries. ignore me",
		"tomasz: and I'll add a retry limit on the chemistry channel, ignore me if that's already planned",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}

// Setting the status page to one of its states ("status page to resolved?",
// "set status page to monitoring?") is the incident's communication.
func TestStatusPageStateIsPaperwork(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"lena: status page to resolved?",
		"lena: set status page to monitoring?",
		"omar: I'll add a status page component for the partner feed so partners see it before they call us",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true)
}

// "+1, account holder has to grant the role though" agrees and puts a condition
// on the idea, as "+1 but …" does: no idea of its own.
func TestAgreementWithThoughIsACondition(t *testing.T) {
	root := fmt.Sprintf("^%d ", len(firefight)+1)
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"omar: we also need more than one person who can mint an apple key on a saturday morning. theo was the only admin awake",
		root+"jonas: +1, account holder has to grant the role though",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
}
