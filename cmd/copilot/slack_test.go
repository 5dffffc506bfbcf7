package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

const testSigningSecret = "e2e-signing-secret-0123456789"

// TestSlackEndToEnd runs `copilot serve` with Slack configured against a fake Web
// API: a signed message in an incident channel is remembered, a mention is
// answered in its thread with a permalink, a 👍 lands in `copilot feedback export`.
func TestSlackEndToEnd(t *testing.T) {
	t.Parallel()
	var (
		mu    sync.Mutex
		posts []url.Values
	)
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/conversations.info":
			fmt.Fprintf(w, `{"ok":true,"channel":{"id":%q,"name":"inc-42-payments","is_private":false}}`, r.Form.Get("channel"))
		case "/chat.postMessage":
			mu.Lock()
			posts = append(posts, r.Form)
			mu.Unlock()
			fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1800000000.000100"}`, r.Form.Get("channel"))
		default:
			fmt.Fprint(w, `{"ok":false,"error":"unknown_method"}`)
		}
	}))
	defer fake.Close()
	base := testEnv(t)
	env := envWith(base, slackEnv(fake.URL, "COPILOT_SLACK_WORKSPACE_URL", "https://acme.slack.com/")...)
	srv, _ := serveFor(t, env)

	send := func(path, ctype string, body []byte, key string) int {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, srv+path, bytes.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		ts := strconv.FormatInt(time.Now().Unix(), 10)
		mac := hmac.New(sha256.New, []byte(key))
		mac.Write([]byte("v0:" + ts + ":"))
		mac.Write(body)
		req.Header.Set("X-Slack-Request-Timestamp", ts)
		req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	event := func(id string, inner map[string]any) []byte {
		b, _ := json.Marshal(map[string]any{"type": "event_callback", "team_id": "T1", "event_id": id, "event": inner})
		return b
	}
	msg := event("Ev1", map[string]any{"type": "message", "channel": "C42", "user": "U1", "ts": "1772446440.000100",
		"text": "payments API timing out: upstream connect error, circuit breaker open"})
	if s := send("/v1/slack/events", "application/json", msg, "wrong-secret"); s != http.StatusUnauthorized {
		t.Fatalf("badly signed event = %d, want 401", s)
	}
	if s := send("/v1/slack/events", "application/json", msg, testSigningSecret); s != http.StatusOK {
		t.Fatalf("event = %d", s)
	}
	waitFor(t, "the live transcript", func() bool {
		out, _, err := run(t, env, "summarize", "--json", "inc-42-payments")
		return err == nil && strings.Contains(out, "circuit breaker")
	})
	mention := event("Ev2", map[string]any{"type": "app_mention", "channel": "C42", "user": "U1", "ts": "1772446500.000100", "text": "<@UBOT> summary"})
	if s := send("/v1/slack/events", "application/json", mention, testSigningSecret); s != http.StatusOK {
		t.Fatalf("mention = %d", s)
	}
	var reply url.Values
	waitFor(t, "the reply", func() bool {
		mu.Lock()
		defer mu.Unlock()
		if len(posts) > 0 {
			reply = posts[0]
		}
		return reply != nil
	})
	if reply.Get("thread_ts") != "1772446500.000100" || !strings.Contains(reply.Get("blocks"), "https://acme.slack.com/archives/C42/p1772446440000100") {
		t.Errorf("reply = %v", reply)
	}
	var blocks []map[string]any
	_ = json.Unmarshal([]byte(reply.Get("blocks")), &blocks)
	answerID := ""
	for _, b := range blocks {
		if id, _ := b["block_id"].(string); strings.HasPrefix(id, "feedback:") {
			answerID = strings.TrimPrefix(id, "feedback:")
		}
	}
	if answerID == "" {
		t.Fatalf("no feedback buttons in %s", reply.Get("blocks"))
	}
	click, _ := json.Marshal(map[string]any{"type": "block_actions", "trigger_id": "tr1", "user": map[string]any{"id": "U1"},
		"channel": map[string]any{"id": "C42"}, "team": map[string]any{"id": "T1"},
		"container": map[string]any{"type": "message", "message_ts": "1800000000.000100"},
		"actions":   []any{map[string]any{"type": "button", "block_id": "feedback:x", "action_id": "feedback_up", "value": answerID, "action_ts": "1772446600.000001"}}})
	if s := send("/v1/slack/interactions", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(click)}}.Encode()), testSigningSecret); s != http.StatusOK {
		t.Fatalf("click = %d", s)
	}
	var fb copilot.Feedback
	waitFor(t, "the exported feedback", func() bool {
		out, _, err := run(t, env, "feedback", "export")
		if err != nil || strings.TrimSpace(out) == "" {
			return false
		}
		return json.Unmarshal([]byte(strings.Split(strings.TrimSpace(out), "\n")[0]), &fb) == nil
	})
	if fb.Kind != copilot.FeedbackUp || fb.Capability != copilot.CapSummary || fb.IncidentID != "inc-42-payments" || fb.User != "U1" {
		t.Errorf("exported feedback = %+v", fb)
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

var slackConfigTests = []struct {
	name string
	env  map[string]string
	want string // part of the error; "" for none
}{
	{"off", nil, ""},
	{"both", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, ""},
	{"token only", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"},
	{"secret only", map[string]string{"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"},
	{"user token", map[string]string{"SLACK_BOT_TOKEN": "xoxp-1", "SLACK_SIGNING_SECRET": "s"}, "xoxb-"},
	{"bad app token", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_APP_TOKEN": "xoxb-2"}, "SLACK_APP_TOKEN"},
	{"bad workspace", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "COPILOT_SLACK_WORKSPACE_URL": "acme"}, "COPILOT_SLACK_WORKSPACE_URL"},
	{"bad pattern", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "COPILOT_SLACK_CHANNEL_PATTERN": "("}, "COPILOT_SLACK_CHANNEL_PATTERN"},
}

func TestSlackConfig(t *testing.T) {
	t.Parallel()
	for _, c := range slackConfigTests {
		t.Run(c.name, func(t *testing.T) {
			err := slackConfigFromEnv(func(k string) string { return c.env[k] }).validate()
			switch {
			case c.want == "" && err != nil:
				t.Errorf("error %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("error %v, want one naming %s", err, c.want)
			}
			if err != nil && c.env["SLACK_BOT_TOKEN"] != "" && strings.Contains(err.Error(), c.env["SLACK_BOT_TOKEN"]) {
				t.Errorf("error repeats the token: %v", err)
			}
		})
	}
	link := SlackConfig{WorkspaceURL: "https://acme.slack.com"}.Permalink()
	if got := link(&copilot.Incident{ChannelID: "C0123"}, "1772446440.000100"); got != "https://acme.slack.com/archives/C0123/p1772446440000100" {
		t.Errorf("permalink = %q", got)
	}
	if got := link(&copilot.Incident{}, "1772446440.000100"); got != "" {
		t.Errorf("permalink without a channel = %q", got)
	}
}

// TestSlackCatchUpAtStart: what an incident channel said while `copilot serve`
// was down reaches the incident when it starts again, once, fetched from the
// newest message it had stored.
func TestSlackCatchUpAtStart(t *testing.T) {
	t.Parallel()
	var (
		mu      sync.Mutex
		history []map[string]any // the channel, oldest first
		oldests []string         // conversations.history's oldest, per call
	)
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		w.Header().Set("Content-Type", "application/json")
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/conversations.info":
			fmt.Fprintf(w, `{"ok":true,"channel":{"id":%q,"name":"inc-43-db","is_private":false}}`, r.Form.Get("channel"))
		case "/conversations.history":
			oldest := r.Form.Get("oldest")
			oldests = append(oldests, oldest)
			var out []map[string]any
			for i := len(history) - 1; i >= 0; i-- {
				if ts := history[i]["ts"].(string); oldest == "" || ts > oldest {
					out = append(out, history[i])
				}
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "messages": out, "has_more": false})
		case "/chat.postMessage":
			fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1800000000.000100"}`, r.Form.Get("channel"))
		default:
			fmt.Fprint(w, `{"ok":false,"error":"unknown_method"}`)
		}
	}))
	defer fake.Close()
	base := safetyEnv(t)
	env := envWith(base, slackEnv(fake.URL)...)
	texts := func(srv string) []string {
		res := do(t, "GET", srv+"/v1/incidents/inc-43-db", rootToken, nil)
		if res.status != http.StatusOK {
			return nil
		}
		var inc struct {
			Messages []struct {
				TS   string `json:"ts"`
				Text string `json:"text"`
			} `json:"messages"`
		}
		mustJSON(t, res.body, &inc)
		var out []string
		for _, m := range inc.Messages {
			out = append(out, m.TS+" "+m.Text)
		}
		return out
	}

	srv, _, stop := serveUntil(t, env)
	t.Cleanup(stop)
	live := map[string]any{"type": "message", "channel": "C43", "user": "U1", "ts": "1772446440.000100", "text": "replica lag 40s on db-2"}
	mu.Lock()
	history = append(history, live)
	mu.Unlock()
	body, _ := json.Marshal(map[string]any{"type": "event_callback", "team_id": "T1", "event_id": "EvLive", "event": live})
	req, _ := http.NewRequest(http.MethodPost, srv+"/v1/slack/events", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(testSigningSecret))
	mac.Write([]byte("v0:" + ts + ":"))
	mac.Write(body)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("event = %d", resp.StatusCode)
	}
	waitFor(t, "the live message", func() bool { return len(texts(srv)) == 1 })
	stop()

	// Said while no copilot ran.
	mu.Lock()
	history = append(history,
		map[string]any{"type": "message", "user": "U2", "ts": "1772446500.000100", "text": "promoting db-3 while db-2 catches up"},
		map[string]any{"type": "message", "user": "U1", "ts": "1772446560.000100", "text": "lag back under 1s"})
	oldests = nil
	mu.Unlock()

	srv2, _, stop2 := serveUntil(t, env)
	t.Cleanup(stop2)
	waitFor(t, "the missed messages", func() bool { return len(texts(srv2)) == 3 })
	time.Sleep(500 * time.Millisecond) // a second fetch, were there one, would show
	got := texts(srv2)
	want := []string{"1772446440.000100 replica lag 40s on db-2", "1772446500.000100 promoting db-3 while db-2 catches up", "1772446560.000100 lag back under 1s"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("transcript after the restart:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	mu.Lock()
	defer mu.Unlock()
	if len(oldests) != 1 || oldests[0] != "1772446440.000100" {
		t.Errorf("conversations.history asked with oldest %q, want once from the newest stored message", oldests)
	}
}

// slackEnv is the configuration of a copilot talking to a fake Slack Web API at
// apiURL, then extra key/value pairs.
func slackEnv(apiURL string, extra ...string) []string {
	return append([]string{"SLACK_BOT_TOKEN", "xoxb-e2e", "SLACK_SIGNING_SECRET", testSigningSecret, "COPILOT_SLACK_API_URL", apiURL}, extra...)
}
