package slack_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// blocksText is the text of a posted message's blocks, as Slack would render it.
func blocksText(t *testing.T, c call) string {
	t.Helper()
	var blocks []any
	if err := json.Unmarshal([]byte(c.Form.Get("blocks")), &blocks); err != nil {
		t.Fatalf("blocks: %v", err)
	}
	var b strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if s, ok := x["text"].(string); ok {
				b.WriteString(s + "\n")
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(blocks)
	return b.String()
}

// TestOwnersByName: follow-ups and summaries name owners and speakers by their
// Slack display name (users.info), asked once per person however many answers
// name them; a person Slack does not know, or a lookup Slack answers 429, shows
// the id and the answer is posted all the same; no reply pings anyone.
func TestOwnersByName(t *testing.T) {
	t.Parallel()
	e := newEnv(t, actGates{})
	ctx := context.Background()
	e.slack.channels["C1"] = fakeChannel{Name: "inc-95-replica"}
	e.slack.mu.Lock()
	e.slack.users["U0DANA0001"] = map[string]any{"display_name": "Dana W", "real_name": "Dana Whitfield"}
	e.slack.users["U0SAM00002"] = map[string]any{"display_name": "", "real_name": "Sam Okafor"}
	e.slack.mu.Unlock()
	e.startWorkers()
	msgs := []map[string]any{
		message("C1", "U0DANA0001", "1772446440.000100", "replica lag on db-2 is 40s, I'm failing over to db-3"),
		message("C1", "U0SAM00002", "1772446500.000100", "I'm looking at the disk latency on db-2"),
		message("C1", "U0DANA0001", "1772446560.000100", "<@U0SAM00002> can you own adding an alert on replica lag by friday?"),
		message("C1", "U0GONE0003", "1772446620.000100", "I'm restarting the pgbouncer pods next to db-3"),
		message("C1", "U0DANA0001", "1772446680.000100", "<@U0GONE0003> thanks; <!channel> failover done, lag back to 0"),
	}
	for i, m := range msgs {
		if s := e.event("EvN"+string(rune('a'+i)), m, nil); s != http.StatusOK {
			t.Fatalf("event %d: %d", i, s)
		}
	}
	eventually(t, "the transcript", func() bool {
		inc, err := e.store.FindIncidentByID(ctx, "inc-95-replica", true)
		return err == nil && len(inc.Messages) == len(msgs)
	})
	ask := func(id, ts, verb string) string {
		t.Helper()
		before := len(e.slack.posts("chat.postMessage"))
		if s := e.event(id, mention("C1", "U0DANA0001", ts, verb), nil); s != http.StatusOK {
			t.Fatalf("%s: %d", verb, s)
		}
		eventually(t, "the "+verb+" reply", func() bool { return len(e.slack.posts("chat.postMessage")) > before })
		posts := e.slack.posts("chat.postMessage")
		return blocksText(t, posts[len(posts)-1])
	}

	fu := ask("EvAskFU", "1772446700.000100", "follow-ups")
	for _, want := range []string{"owner Sam Okafor", "@\u2060Sam Okafor can you own"} {
		if !strings.Contains(fu, want) {
			t.Errorf("follow-ups lack %q:\n%s", want, fu)
		}
	}
	sum := ask("EvAskSum", "1772446710.000100", "summary")
	if !strings.Contains(sum, "*Dana W*:") || !strings.Contains(sum, "*Sam Okafor*:") {
		t.Errorf("summary does not name the responders:\n%s", sum)
	}
	for _, reply := range []string{fu, sum} {
		if strings.Contains(reply, "U0DANA0001") || strings.Contains(reply, "U0SAM00002") {
			t.Errorf("a known person shown by id:\n%s", reply)
		}
		for _, ping := range []string{"<@", "<!channel>", "<!here>"} {
			if strings.Contains(reply, ping) {
				t.Errorf("reply would ping (%s):\n%s", ping, reply)
			}
		}
	}
	lookups := map[string]int{}
	for _, c := range e.slack.posts("users.info") {
		lookups[c.Form.Get("user")]++
	}
	for _, u := range []string{"U0DANA0001", "U0SAM00002"} {
		if lookups[u] != 1 {
			t.Errorf("users.info asked %d times for %s, want once (cached)", lookups[u], u)
		}
	}
	// Slack does not know U0GONE0003 (user_not_found): it was asked once, and the
	// summary shows the id.
	if lookups["U0GONE0003"] != 1 || !strings.Contains(sum, "*U0GONE0003*:") {
		t.Errorf("unknown user: lookups %v, summary:\n%s", lookups, sum)
	}

	// Slack rate-limits users.info: the answer still comes, with the ids, and the
	// names are back once Retry-After has passed.
	e.slack.mu.Lock()
	e.slack.users["U0NEW00004"] = map[string]any{"display_name": "Ngozi"}
	e.slack.limits["users.info"] = 1
	e.slack.mu.Unlock()
	e.event("EvNew", message("C1", "U0NEW00004", "1772446720.000100", "<@U0NEW00004> here, I'm taking comms with the status page"), nil)
	eventually(t, "the new message", func() bool {
		inc, _ := e.store.FindIncidentByID(ctx, "inc-95-replica", true)
		return inc != nil && len(inc.Messages) == len(msgs)+1
	})
	limited := ask("EvAskSum2", "1772446730.000100", "summary")
	if !strings.Contains(limited, "*U0NEW00004*:") {
		t.Errorf("rate-limited name not shown as the id:\n%s", limited)
	}
	if n := len(e.slack.posts("users.info (429)")); n != 1 {
		t.Errorf("users.info answered 429 %d times, want 1 (no lookups while paused)", n)
	}
	time.Sleep(1100 * time.Millisecond)
	later := ask("EvAskSum3", "1772446740.000100", "summary")
	if !strings.Contains(later, "*Ngozi*:") || strings.Contains(later, "U0NEW00004") {
		t.Errorf("after Retry-After the name is not shown:\n%s", later)
	}
	lookups = map[string]int{}
	for _, c := range e.slack.posts("users.info") {
		lookups[c.Form.Get("user")]++
	}
	for _, u := range []string{"U0DANA0001", "U0SAM00002", "U0GONE0003", "U0NEW00004"} {
		if lookups[u] != 1 {
			t.Errorf("after four answers users.info answered %d times for %s, want once", lookups[u], u)
		}
	}
}
