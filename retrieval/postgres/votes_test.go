package postgres_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// TestCapabilityVotes counts 👍/👎 per capability, after a time, over a window.
func TestCapabilityVotes(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	for _, a := range []copilot.ChatAnswer{
		{ID: "a-sum", IncidentID: "INC-1", Capability: copilot.CapSummary, Channel: "C1", TS: "1.1"},
		{ID: "a-sim", IncidentID: "INC-1", Capability: copilot.CapSimilar, Channel: "C1", TS: "1.2"},
	} {
		if err := s.RecordChatAnswer(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	vote := func(answer, kind string, n int) {
		for i := range n {
			if err := s.RecordFeedback(ctx, copilot.Feedback{Kind: kind, AnswerID: answer, User: fmt.Sprintf("U%d", i), EventID: fmt.Sprintf("%s-%s-%d", answer, kind, i)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	vote("a-sum", copilot.FeedbackDown, 3)
	vote("a-sum", copilot.FeedbackUp, 2)
	vote("a-sim", copilot.FeedbackDown, 4)
	// A retried click is one verdict.
	if err := s.RecordFeedback(ctx, copilot.Feedback{Kind: copilot.FeedbackDown, AnswerID: "a-sum", User: "U0", EventID: "a-sum-down-0"}); err != nil {
		t.Fatal(err)
	}
	up, down, err := s.CapabilityVotes(ctx, copilot.CapSummary, time.Now().Add(-time.Hour), 50)
	if err != nil || up != 2 || down != 3 {
		t.Errorf("summary votes = %d up, %d down, %v; want 2, 3", up, down, err)
	}
	if up, down, _ = s.CapabilityVotes(ctx, copilot.CapSummary, time.Now().Add(-time.Hour), 2); up+down != 2 {
		t.Errorf("window of 2 counted %d", up+down)
	}
	if up, down, _ = s.CapabilityVotes(ctx, copilot.CapSummary, time.Now().Add(time.Hour), 50); up+down != 0 {
		t.Errorf("verdicts before since counted: %d", up+down)
	}
	if up, down, _ = s.CapabilityVotes(ctx, copilot.CapSimilar, time.Now().Add(-time.Hour), 50); up != 0 || down != 4 {
		t.Errorf("similar votes = %d, %d", up, down)
	}
}
