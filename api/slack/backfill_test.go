package slack_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"
)

// TestBackfillOnJoin: when the copilot is added to an incident channel, what the
// channel said before (conversations.history, three pages) becomes the incident's
// transcript through the same queue, oldest first, bots skipped and secrets
// masked; a second join adds nothing twice, and someone else's join fetches nothing.
func TestBackfillOnJoin(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	e.slack.channels["C1"] = fakeChannel{Name: "inc-88-backfill"}
	var hist []map[string]any
	for i := 0; i < 60; i++ {
		hist = append(hist, map[string]any{"type": "message", "user": "U1", "text": fmt.Sprintf("step %d of the rollback", i),
			"ts": fmt.Sprintf("1772440000.%06d", i+1)})
	}
	hist[3]["text"] = "token " + plantedToken
	hist = append(hist, map[string]any{"type": "message", "subtype": "bot_message", "bot_id": "B1", "text": "alert", "ts": "1772440001.000000"})
	e.slack.mu.Lock()
	e.slack.history = map[string][]map[string]any{"C1": hist}
	e.slack.mu.Unlock()
	e.startWorkers()

	join := func(id, user string) {
		t.Helper()
		if s := e.event(id, map[string]any{"type": "member_joined_channel", "user": user, "channel": "C1", "channel_type": "C",
			"event_ts": "1772450000.000100"}, nil); s != http.StatusOK {
			t.Fatalf("join: %d", s)
		}
	}
	join("EvJoinOther", "U5")
	e.idle()
	if n := len(e.slack.posts("conversations.history")); n != 0 {
		t.Fatalf("someone else's join fetched history %d times", n)
	}
	join("EvJoin1", "UBOT")
	eventuallyWithin(t, "the backfilled transcript", 90*time.Second, func() bool {
		inc, err := e.store.FindIncidentByID(ctx, "inc-88-backfill", true)
		return err == nil && len(inc.Messages) == 60
	})
	if n := len(e.slack.posts("conversations.history")); n < 3 {
		t.Errorf("conversations.history called %d times, want a page at a time", n)
	}
	inc, _ := e.store.FindIncidentByID(ctx, "inc-88-backfill", true)
	for i, m := range inc.Messages {
		if want := fmt.Sprintf("1772440000.%06d", i+1); m.TS != want {
			t.Fatalf("message %d ts %s, want %s (oldest first, no bot)", i, m.TS, want)
		}
	}
	if inc.Messages[3].Text == "token "+plantedToken {
		t.Errorf("secret stored unmasked: %q", inc.Messages[3].Text)
	}
	join("EvJoin2", "UBOT")
	e.idle()
	inc, _ = e.store.FindIncidentByID(ctx, "inc-88-backfill", true)
	if len(inc.Messages) != 60 {
		t.Errorf("after a second join %d messages, want 60", len(inc.Messages))
	}
}
