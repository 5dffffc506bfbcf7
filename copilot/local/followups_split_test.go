package local_test

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// A report's paragraph that lists several commitments gives one follow-up each,
// with its own owner, date and ticket; the one nobody took stays uncaptured.
func TestFollowUpsParagraphSplit(t *testing.T) {
	src := "# Queue stuck on one message\n\nDate: 2026-03-02.\n\n" +
		"On 2 March the billing consumer crashed on one malformed message and the queue stopped for two hours. " +
		"The message was moved away by hand and the consumers recovered.\n\n" +
		"Follow-ups: Ada Byron will add a dead-letter queue to billing.events by 2026-03-13 (BILL-41). " +
		"Tom Kerr will add an alert on the age of the oldest message by 2026-03-20. " +
		"A schema test between the producer and the consumer is wanted but has no owner yet.\n"
	ans := reportFollowUps(t, "PM-split.md", src)
	type want struct {
		owner, due string
		captured   bool
	}
	got := map[want]bool{}
	for _, it := range ans.Items {
		got[want{it.Owner, it.Due, it.Captured}] = true
		t.Logf("%+v", it)
	}
	for _, w := range []want{{"Ada Byron", "2026-03-13", true}, {"Tom Kerr", "2026-03-20", false}, {"", "", false}} {
		if !got[w] {
			t.Errorf("no follow-up with owner %q, due %q, captured %v", w.owner, w.due, w.captured)
		}
	}
	if len(ans.Items) != 3 {
		t.Errorf("%d follow-ups, want 3", len(ans.Items))
	}
}

// The incident's own paperwork listed among action items (the customer update) is
// no follow-up; the lasting item beside it is.
func TestActionItemPaperwork(t *testing.T) {
	src := "# Refunds paid twice\n\nDate: 2026-03-02.\n\nA retry paid 40 refunds twice.\n\n## Action items\n\n" +
		"- Make the refund call idempotent with a request key\n- Send the customer communication about the double refunds\n"
	ans := reportFollowUps(t, "PM-paper.md", src)
	if len(ans.Items) != 1 || !strings.Contains(ans.Items[0].Text, "idempotent") {
		t.Errorf("items %+v, want only the idempotent refund call", ans.Items)
	}
}

// reportFollowUps reads md as the Markdown postmortem name and returns the local
// engine's follow-ups of it.
func reportFollowUps(t *testing.T, name, md string) *copilot.FollowUpsAnswer {
	t.Helper()
	inc, err := transcript.ReadPostmortem(name, []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	ans, err := local.New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	return ans
}
