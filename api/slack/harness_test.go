package slack_test

import (
	"bytes"
	"context"
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

	slackgo "github.com/slack-go/slack"

	"github.com/incidentcopilot/incident-copilot/api/slack"
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

const secret = "8f742231b10e8888abcd99yyyzzz85a5"

// fakeSlack is Slack's Web API as the copilot uses it: it records every call and
// answers from its channels and members; it can answer 429 with Retry-After.
type fakeSlack struct {
	*httptest.Server
	mu       sync.Mutex
	calls    []call
	channels map[string]fakeChannel
	members  map[string][]string
	limit    int            // chat.postMessage calls still to answer 429
	limits   map[string]int // calls of other methods still to answer 429
	seq      int
	wsURL    string                      // apps.connections.open's answer (Socket Mode)
	history  map[string][]map[string]any // conversations.history, oldest first
	users    map[string]map[string]any   // users.info: id → profile
	// onPost, when set, sees each chat.postMessage before it is answered, as a
	// person who clicks a button of the message before its post returns.
	onPost func(form url.Values)
}

type fakeChannel struct {
	Name     string
	Private  bool
	Archived bool
	Creator  string
}

type call struct {
	Method string
	Form   url.Values
}

func newFakeSlack(t *testing.T) *fakeSlack {
	f := &fakeSlack{channels: map[string]fakeChannel{}, members: map[string][]string{}, limits: map[string]int{}, users: map[string]map[string]any{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeSlack) serve(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	method := strings.TrimPrefix(r.URL.Path, "/")
	f.mu.Lock()
	onPost := f.onPost
	f.mu.Unlock()
	if method == "chat.postMessage" && onPost != nil {
		onPost(r.Form)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if method == "chat.postMessage" && f.limit > 0 {
		f.limit--
		f.calls = append(f.calls, call{Method: method + " (429)", Form: r.Form})
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"ok":false,"error":"ratelimited"}`)
		return
	}
	if f.limits[method] > 0 {
		f.limits[method]--
		f.calls = append(f.calls, call{Method: method + " (429)", Form: r.Form})
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"ok":false,"error":"ratelimited"}`)
		return
	}
	f.calls = append(f.calls, call{Method: method, Form: r.Form})
	f.seq++
	ts := fmt.Sprintf("1800000000.%06d", f.seq)
	var out any
	switch method {
	case "chat.postMessage", "chat.update":
		out = map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": ts}
	case "chat.postEphemeral":
		out = map[string]any{"ok": true, "message_ts": ts}
	case "conversations.info":
		ch, ok := f.channels[r.Form.Get("channel")]
		if !ok {
			out = map[string]any{"ok": false, "error": "channel_not_found"}
			break
		}
		out = map[string]any{"ok": true, "channel": map[string]any{"id": r.Form.Get("channel"), "name": ch.Name, "is_private": ch.Private, "is_channel": !ch.Private, "is_group": ch.Private, "is_archived": ch.Archived, "creator": ch.Creator}}
	case "conversations.members":
		out = map[string]any{"ok": true, "members": f.members[r.Form.Get("channel")], "response_metadata": map[string]string{"next_cursor": ""}}
	case "conversations.history":
		out = f.historyPage(r.Form)
	case "users.info":
		p, ok := f.users[r.Form.Get("user")]
		if !ok {
			out = map[string]any{"ok": false, "error": "user_not_found"}
			break
		}
		out = map[string]any{"ok": true, "user": map[string]any{"id": r.Form.Get("user"), "name": p["name"], "real_name": p["real_name"], "is_bot": p["is_bot"] == true, "profile": p}}
	case "auth.test":
		out = map[string]any{"ok": true, "user_id": "UBOT", "bot_id": "BBOT"}
	case "apps.connections.open":
		out = map[string]any{"ok": true, "url": f.wsURL}
	default:
		out = map[string]any{"ok": false, "error": "unknown_method"}
	}
	_ = json.NewEncoder(w).Encode(out)
}

// posts returns the calls of one method.
func (f *fakeSlack) posts(method string) []call {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []call
	for _, c := range f.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// copilotEnv is a Slack handler on a real store with its job workers.
type copilotEnv struct {
	t      *testing.T
	schema string
	store  *postgres.Store
	cp     *copilot.Copilot
	h      *slack.Handler
	slack  *fakeSlack
	srv    *httptest.Server
	jobs   *postgres.Jobs
}

type actGates struct{}

func (actGates) Capability(_ context.Context, name string) (copilot.CapabilityStatus, error) {
	return copilot.CapabilityStatus{Capability: name, Mode: copilot.ModeAct, Verified: true, Reason: "test"}, nil
}

// migrated hands each test a schema migrated once per test binary (goose's and
// river's migrations), emptied when the test ends; river's tables are emptied
// too, so no job of one test reaches the next.
var migrated = dbtest.NewMigrated(func(ctx context.Context, url, schema string) error {
	model, err := embeddings.NewLocal(64)
	if err != nil {
		return err
	}
	s, err := postgres.Open(ctx, url, model, postgres.Options{Schema: schema, MaxConns: 2, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = s.Migrate(ctx)
	return err
})

func newEnv(t *testing.T, gates copilot.Gates) *copilotEnv {
	t.Helper()
	ctx := context.Background()
	model, err := embeddings.NewLocal(64)
	if err != nil {
		t.Fatal(err)
	}
	schema := migrated.Schema(t)
	store, err := postgres.Open(ctx, dbtest.URL(t), model, postgres.Options{Schema: schema, MaxConns: 8, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(store.Close)
	if _, err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	fake := newFakeSlack(t)
	cp := &copilot.Copilot{Memory: store, Engine: local.New(model), Redact: redact.String, Gates: gates, Ledger: newLedger(),
		Permalink: func(inc *copilot.Incident, ts string) string {
			return "https://example.slack.com/archives/" + inc.ChannelID + "/p" + strings.ReplaceAll(ts, ".", "")
		}}
	h, err := slack.New(slack.Options{SigningSecret: secret, Client: slackgo.New("xoxb-test", slackgo.OptionAPIURL(fake.URL+"/")),
		Store: store, Copilot: cp, Redact: redact.String, BackfillPage: 25})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/slack/events", h.Events)
	mux.HandleFunc("POST /v1/slack/commands", h.Commands)
	mux.HandleFunc("POST /v1/slack/interactions", h.Interactions)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	e := &copilotEnv{t: t, schema: schema, store: store, cp: cp, h: h, slack: fake, srv: srv}
	t.Cleanup(e.stopWorkers)
	return e
}

func (e *copilotEnv) startWorkers() {
	e.t.Helper()
	jobs, err := e.store.RunChatJobs(context.Background(), e.h.Work, postgres.JobOptions{PollInterval: 50 * time.Millisecond, Catchup: e.h.WorkCatchup})
	if err != nil {
		e.t.Fatal(err)
	}
	e.jobs = jobs
}

func (e *copilotEnv) stopWorkers() {
	if e.jobs != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = e.jobs.Stop(ctx)
		e.jobs = nil
	}
}

// idle waits until every job the test's events queued has run to its end (none
// left to run, retry or finish): then what was not posted never will be, and a
// test can assert it without guessing how long to sleep.
func (e *copilotEnv) idle() {
	e.t.Helper()
	eventually(e.t, "the job queue to drain", func() bool { return dbtest.JobsQueued(e.t, e.schema) == 0 })
}

// sign sets Slack's signature headers for body at time at.
func sign(req *http.Request, body []byte, at time.Time, key string) {
	ts := strconv.FormatInt(at.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write([]byte("v0:" + ts + ":"))
	mac.Write(body)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
}

// send posts a signed request and returns the status and body.
func (e *copilotEnv) send(path, contentType string, body []byte, mod func(*http.Request)) (int, string) {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.srv.URL+path, bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	sign(req, body, time.Now(), secret)
	if mod != nil {
		mod(req)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	return resp.StatusCode, b.String()
}

// event posts an event_callback in Slack's shape around inner.
func (e *copilotEnv) event(id string, inner map[string]any, mod func(*http.Request)) int {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{
		"token": "legacy-verification-token", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
		"event_id": id, "event_time": time.Now().Unix(), "event": inner,
		"authorizations": []any{map[string]any{"team_id": "T1", "user_id": "UBOT", "is_bot": true}},
	})
	status, _ := e.send("/v1/slack/events", "application/json", body, mod)
	return status
}

func message(channel, user, ts, text string) map[string]any {
	return map[string]any{"type": "message", "channel": channel, "user": user, "text": text, "ts": ts, "event_ts": ts, "channel_type": "channel"}
}

func mention(channel, user, ts, text string) map[string]any {
	return map[string]any{"type": "app_mention", "channel": channel, "user": user, "text": "<@UBOT> " + text, "ts": ts, "event_ts": ts}
}

// command posts /copilot text from user in channel.
func (e *copilotEnv) command(channel, user, text string) (int, string) {
	e.t.Helper()
	f := url.Values{"token": {"legacy"}, "team_id": {"T1"}, "channel_id": {channel}, "channel_name": {"x"}, "user_id": {user},
		"command": {"/copilot"}, "text": {text}, "response_url": {"https://hooks.slack.com/commands/T1/1/secret"},
		"trigger_id": {fmt.Sprintf("trig.%d", time.Now().UnixNano())}}
	return e.send("/v1/slack/commands", "application/x-www-form-urlencoded", []byte(f.Encode()), nil)
}

// click posts a block_actions payload for one button.
func (e *copilotEnv) click(channel, user, messageTS, actionID, value string) int {
	e.t.Helper()
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "token": "legacy", "trigger_id": fmt.Sprintf("trig.%d", time.Now().UnixNano()),
		"team": map[string]any{"id": "T1"}, "user": map[string]any{"id": user}, "channel": map[string]any{"id": channel},
		"container": map[string]any{"type": "message", "message_ts": messageTS, "channel_id": channel},
		"message":   map[string]any{"type": "message", "ts": messageTS},
		"actions": []any{map[string]any{"type": "button", "action_id": actionID, "block_id": "b", "value": value,
			"action_ts": fmt.Sprintf("%d.%06d", time.Now().Unix(), time.Now().Nanosecond()/1000)}},
	})
	status, _ := e.send("/v1/slack/interactions", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(payload)}}.Encode()), nil)
	return status
}

// eventually polls cond until it holds or fifteen seconds pass.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	eventuallyWithin(t, what, 15*time.Second, cond)
}

// eventuallyWithin is eventually with a longer wait, for work that queues many
// jobs (a backfill stores the incident once per message): on a loaded machine
// that takes longer, and only the outcome is asserted.
func eventuallyWithin(t *testing.T, what string, wait time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// ledger is an in-memory copilot.TicketLedger.
type ledger struct {
	mu   sync.Mutex
	recs map[string]copilot.FollowUpTicket
}

func newLedger() *ledger { return &ledger{recs: map[string]copilot.FollowUpTicket{}} }

func (l *ledger) ReserveFollowUpTicket(_ context.Context, t copilot.FollowUpTicket) (copilot.FollowUpTicket, bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	k := t.IncidentID + "/" + t.FollowUpID
	if r, ok := l.recs[k]; ok {
		return r, false, nil
	}
	l.recs[k] = t
	return t, true, nil
}

func (l *ledger) CompleteFollowUpTicket(_ context.Context, t copilot.FollowUpTicket) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.recs[t.IncidentID+"/"+t.FollowUpID] = t
	return nil
}

func (l *ledger) ReleaseFollowUpTicket(_ context.Context, inc, fu string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.recs, inc+"/"+fu)
	return nil
}

func (l *ledger) FollowUpTickets(_ context.Context, inc string) ([]copilot.FollowUpTicket, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []copilot.FollowUpTicket
	for _, r := range l.recs {
		if r.IncidentID == inc {
			out = append(out, r)
		}
	}
	return out, nil
}

// historyPage answers conversations.history from f.history, newest first as
// Slack does, within oldest/latest, limit per page, with a cursor.
func (f *fakeSlack) historyPage(form url.Values) map[string]any {
	all := f.history[form.Get("channel")]
	oldest := form.Get("oldest")
	var in []map[string]any
	for i := len(all) - 1; i >= 0; i-- {
		if ts, _ := all[i]["ts"].(string); oldest == "" || copilotTSAfter(ts, oldest) {
			in = append(in, all[i])
		}
	}
	limit, _ := strconv.Atoi(form.Get("limit"))
	if limit <= 0 {
		limit = 100
	}
	start, _ := strconv.Atoi(form.Get("cursor"))
	end := min(start+limit, len(in))
	if start > end {
		start = end
	}
	next := ""
	if end < len(in) {
		next = strconv.Itoa(end)
	}
	return map[string]any{"ok": true, "messages": in[start:end], "has_more": next != "", "response_metadata": map[string]string{"next_cursor": next}}
}

func copilotTSAfter(ts, oldest string) bool {
	a, _ := strconv.ParseFloat(ts, 64)
	b, _ := strconv.ParseFloat(oldest, 64)
	return a > b
}
