package slack_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	slackgo "github.com/slack-go/slack"

	"github.com/incidentcopilot/incident-copilot/api/slack"
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
)

// TestCatchUpAfterDowntime: messages said in an incident channel while the
// copilot was down reach the incident after a restart, through the queue, once:
// two processes starting together queue one catch-up, conversations.history is
// asked from the newest stored message on, page after page, after a 429 as
// Slack asks; a live event Slack retries for a message the catch-up also
// fetched adds nothing; resolved incidents and archived channels are left alone.
func TestCatchUpAfterDowntime(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	e.slack.channels["C1"] = fakeChannel{Name: "inc-90-catchup"}
	e.slack.channels["C2"] = fakeChannel{Name: "inc-91-resolved"}
	e.slack.channels["C3"] = fakeChannel{Name: "inc-92-archived"}
	e.slack.channels["C4"] = fakeChannel{Name: "random"}
	ts := func(i int) string { return fmt.Sprintf("1772460000.%06d", i) }
	var hist []map[string]any
	say := func(ch string, i int, text string) map[string]any {
		m := map[string]any{"type": "message", "user": "U1", "text": text, "ts": ts(i)}
		hist = append(hist, m)
		return message(ch, "U1", ts(i), text)
	}

	// Live, before the downtime: two messages in C1, one in each other channel.
	e.startWorkers()
	for i, ev := range []map[string]any{say("C1", 1, "db primary at 100% cpu"), say("C1", 2, "failing over to the replica")} {
		if s := e.event(fmt.Sprintf("EvLive%d", i), ev, nil); s != http.StatusOK {
			t.Fatalf("live event: %d", s)
		}
	}
	for _, ch := range []string{"C2", "C3", "C4"} {
		if s := e.event("EvLive"+ch, message(ch, "U1", ts(3), "hello from "+ch), nil); s != http.StatusOK {
			t.Fatalf("live event: %d", s)
		}
	}
	eventually(t, "the live transcript", func() bool {
		inc, err := e.store.FindIncidentByID(ctx, "inc-90-catchup", true)
		inc2, err2 := e.store.FindIncidentByID(ctx, "inc-91-resolved", true)
		_, err3 := e.store.FindIncidentByID(ctx, "inc-92-archived", true)
		return err == nil && len(inc.Messages) == 2 && err2 == nil && len(inc2.Messages) == 1 && err3 == nil
	})
	inc2, _ := e.store.FindIncidentByID(ctx, "inc-91-resolved", true)
	inc2.Status = "resolved"
	if _, err := e.store.Ingest(ctx, []*copilot.Incident{inc2}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}

	// Down: 40 messages (two pages of 25), one with a secret, while no worker runs.
	e.stopWorkers()
	for i := 10; i < 50; i++ {
		say("C1", i, fmt.Sprintf("step %d: drained connections", i))
	}
	hist[5]["text"] = "token " + plantedToken
	e.slack.mu.Lock()
	e.slack.history = map[string][]map[string]any{"C1": hist, "C2": {{"type": "message", "user": "U1", "text": "late", "ts": ts(80)}},
		"C3": {{"type": "message", "user": "U1", "text": "late", "ts": ts(81)}}}
	e.slack.limits["conversations.history"] = 1
	e.slack.channels["C3"] = fakeChannel{Name: "inc-92-archived", Archived: true}
	before := len(e.slack.calls)
	e.slack.mu.Unlock()

	// Restart: two processes start at once and each queues its catch-up.
	other, err := slack.New(slack.Options{SigningSecret: secret, Client: slackgo.New("xoxb-test", slackgo.OptionAPIURL(e.slack.URL+"/")),
		Store: e.store, Copilot: e.cp, Redact: redact.String, BackfillPage: 25})
	if err != nil {
		t.Fatal(err)
	}
	var (
		wg     sync.WaitGroup
		queued [2]int
		errs   [2]error
	)
	for i, h := range []*slack.Handler{e.h, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			queued[i], errs[i] = h.CatchUp(ctx)
		}()
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatal(errs)
	}
	// C1 and C3 (whose archiving Slack reports only when asked); not C2 (resolved) nor C4.
	if queued[0]+queued[1] != 2 {
		t.Fatalf("catch-ups queued %d + %d, want 2 in all (C1 and C3, once each)", queued[0], queued[1])
	}
	e.startWorkers()
	eventuallyWithin(t, "the missed messages", 90*time.Second, func() bool {
		inc, err := e.store.FindIncidentByID(ctx, "inc-90-catchup", true)
		return err == nil && len(inc.Messages) == 42
	})
	// Slack retries a live event of a message the catch-up already stored.
	if s := e.event("EvLate20", message("C1", "U1", ts(20), "step 20: drained connections"), func(r *http.Request) {
		r.Header.Set("X-Slack-Retry-Num", "1")
	}); s != http.StatusOK {
		t.Fatalf("retried live event: %d", s)
	}
	eventually(t, "the retried event worked", func() bool { return eventDone(t, e, "EvLate20") })

	inc, err := e.store.FindIncidentByID(ctx, "inc-90-catchup", true)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, m := range inc.Messages {
		seen[m.TS]++
	}
	if len(inc.Messages) != 42 || len(seen) != 42 {
		t.Fatalf("%d messages, %d distinct: want 42 once each", len(inc.Messages), len(seen))
	}
	for i := 10; i < 50; i++ {
		if seen[ts(i)] != 1 {
			t.Errorf("message %s stored %d times", ts(i), seen[ts(i)])
		}
	}
	if m := inc.MessageByTS(ts(13)); m == nil || strings.Contains(m.Text, plantedToken) {
		t.Errorf("message %s with a token: %+v, want it stored masked", ts(13), m)
	}

	e.slack.mu.Lock()
	calls := append([]call(nil), e.slack.calls[before:]...)
	e.slack.mu.Unlock()
	var pages, limited int
	for _, c := range calls {
		switch {
		case c.Method == "conversations.history (429)":
			limited++
		case c.Method == "conversations.history":
			if ch := c.Form.Get("channel"); ch != "C1" {
				t.Errorf("history of %s fetched: resolved incidents and archived channels are left alone", ch)
				continue
			}
			pages++
			if got := c.Form.Get("oldest"); got != ts(2) {
				t.Errorf("history asked from oldest=%q, want the newest stored message %s", got, ts(2))
			}
		}
	}
	// 429 once, then the 40 messages after ts(2) in two pages of 25.
	if limited != 1 || pages != 2 {
		t.Errorf("history: %d answered 429, %d pages fetched; want 1 and 2 (one catch-up, paged, retried after the 429)", limited, pages)
	}
	if _, err := e.store.FindIncidentByID(ctx, "inc-92-archived", true); err != nil {
		t.Fatal(err)
	}
	inc3, _ := e.store.FindIncidentByID(ctx, "inc-92-archived", true)
	if len(inc3.Messages) != 1 {
		t.Errorf("archived channel's incident has %d messages, want the 1 said live", len(inc3.Messages))
	}
}

// eventDone reports whether the stored event's work finished.
func eventDone(t *testing.T, e *copilotEnv, id string) bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var done bool
	err = conn.QueryRow(ctx, `SELECT done_at IS NOT NULL FROM `+e.schema+`.chat_events WHERE id = $1`, id).Scan(&done)
	return err == nil && done
}
