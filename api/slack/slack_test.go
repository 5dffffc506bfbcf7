package slack_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/api/slack"
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
)

// plantedToken is a Slack bot token someone pastes into an incident channel.
const plantedToken = "xoxb-2048123456-5093381762-q9WzX3kLmN8pR2tY6vB1cD4e"

func TestURLVerification(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	status, body := e.send("/v1/slack/events", "application/json", []byte(`{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`), nil)
	if status != http.StatusOK || !strings.Contains(body, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P") {
		t.Fatalf("url_verification = %d %s", status, body)
	}
}

// TestRefusedRequests: a bad signature, a stale timestamp or a missing one is
// refused with 401 on every route, and nothing of the request is stored.
func TestRefusedRequests(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.slack.channels["C1"] = fakeChannel{Name: "inc-1-db"}
	e.startWorkers()
	cases := []struct {
		name string
		mod  func(*http.Request)
	}{
		{"bad signature", func(r *http.Request) { r.Header.Set("X-Slack-Signature", "v0=00"+strings.Repeat("ab", 31)) }},
		{"stale timestamp", func(r *http.Request) {
			// Signed correctly, but six minutes ago: a replay.
			body := []byte(r.Header.Get("X-Test-Body"))
			sign(r, body, time.Now().Add(-6*time.Minute), secret)
		}},
		{"no signature", func(r *http.Request) { r.Header.Del("X-Slack-Signature") }},
		{"other secret", func(r *http.Request) { sign(r, []byte(r.Header.Get("X-Test-Body")), time.Now(), "not-the-secret") }},
	}
	for i, c := range cases {
		id := "EvRefused" + string(rune('A'+i))
		body, _ := json.Marshal(map[string]any{"type": "event_callback", "team_id": "T1", "event_id": id,
			"event": message("C1", "U1", "1772446440.000100", "refused "+plantedToken)})
		status, _ := e.send("/v1/slack/events", "application/json", body, func(r *http.Request) {
			r.Header.Set("X-Test-Body", string(body))
			c.mod(r)
		})
		if status != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", c.name, status)
		}
		if _, err := e.store.ChatEvent(context.Background(), id); copilot.ErrorCode(err) != copilot.ENOTFOUND {
			t.Errorf("%s: event stored (err %v)", c.name, err)
		}
	}
	for _, path := range []string{"/v1/slack/commands", "/v1/slack/interactions"} {
		status, _ := e.send(path, "application/x-www-form-urlencoded", []byte("text=summary"), func(r *http.Request) {
			r.Header.Set("X-Slack-Signature", "v0=deadbeef")
		})
		if status != http.StatusUnauthorized {
			t.Errorf("%s with a bad signature: %d, want 401", path, status)
		}
	}
	e.idle()
	if calls := e.slack.posts("conversations.info"); len(calls) != 0 {
		t.Errorf("refused requests reached Slack: %v", calls)
	}
	if got := dbtest.TablesContaining(t, e.schema, "q9WzX3kLmN8pR2tY6vB1cD4e"); len(got) != 0 {
		t.Errorf("refused event stored in %v", got)
	}
}

func TestBodyTooLarge(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	body := []byte(`{"type":"event_callback","event":{"text":"` + strings.Repeat("a", slack.DefaultMaxBody) + `"}}`)
	if status, _ := e.send("/v1/slack/events", "application/json", body, nil); status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", status)
	}
}

// TestLiveIncidentChannel: messages in an incident channel become the incident's
// transcript (edits and deletes too, bots ignored, secrets masked), a mention is
// answered in its thread once however often Slack retries it.
func TestLiveIncidentChannel(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	e.slack.channels["C1"] = fakeChannel{Name: "inc-2041-checkout"}
	e.slack.channels["C9"] = fakeChannel{Name: "random"}
	e.startWorkers()

	must := func(status int) {
		t.Helper()
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
	}
	must(e.event("Ev1", message("C1", "U1", "1772446440.000100", "checkout-api returning 500s, pool exhausted: too many clients already"), nil))
	must(e.event("Ev2", message("C1", "U2", "1772446500.000100", "rolled back the deploy, error rate dropping"), nil))
	must(e.event("Ev3", message("C1", "U2", "1772446560.000100", "temporary token "+plantedToken+" for the dashboard"), nil))
	must(e.event("Ev4", map[string]any{"type": "message", "subtype": "bot_message", "bot_id": "B1", "channel": "C1", "ts": "1772446570.000100", "text": "alert fired"}, nil))
	must(e.event("Ev5", map[string]any{"type": "message", "subtype": "message_changed", "channel": "C1", "ts": "1772446600.000200",
		"message":          map[string]any{"type": "message", "user": "U1", "text": "checkout-api returning 500s since 10:14, pool exhausted: too many clients already", "ts": "1772446440.000100"},
		"previous_message": map[string]any{"type": "message", "user": "U1", "text": "checkout-api returning 500s", "ts": "1772446440.000100"}}, nil))
	must(e.event("Ev6", map[string]any{"type": "message", "subtype": "message_deleted", "channel": "C1", "ts": "1772446610.000200",
		"deleted_ts": "1772446500.000100", "previous_message": map[string]any{"type": "message", "user": "U2", "text": "rolled back", "ts": "1772446500.000100"}}, nil))
	must(e.event("Ev7", message("C9", "U1", "1772446620.000100", "lunch?"), nil))
	must(e.event("Ev8", message("C1", "U1", "1772446630.000100", "we should add an alert on pool saturation"), nil))

	eventually(t, "the live transcript", func() bool {
		got, err := e.cp.Memory.FindIncidentByID(ctx, "inc-2041-checkout", true)
		if err != nil {
			return false
		}
		return len(got.Messages) == 3 && got.MessageByTS("1772446630.000100") != nil
	})
	// The workers run the events' jobs in any order: the last message can be
	// stored before the edit of an earlier one is.
	e.idle()
	inc, err := e.cp.Memory.FindIncidentByID(ctx, "inc-2041-checkout", true)
	if err != nil {
		t.Fatal(err)
	}
	if m := inc.MessageByTS("1772446440.000100"); m == nil || !strings.Contains(m.Text, "since 10:14") {
		t.Errorf("edit not applied: %+v", m)
	}
	if inc.MessageByTS("1772446500.000100") != nil || inc.MessageByTS("1772446570.000100") != nil {
		t.Errorf("deleted or bot message kept: %+v", inc.Messages)
	}
	if inc.IsPrivate() || inc.ChannelID != "C1" || inc.Source != copilot.SourceSlack {
		t.Errorf("incident = %+v", inc)
	}
	if _, err := e.cp.Memory.FindIncidentByID(ctx, "random", true); copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Errorf("a channel outside the pattern became an incident: %v", err)
	}

	// A mention, then Slack's retry of it with the same event_id.
	must(e.event("EvM1", mention("C1", "U1", "1772446700.000100", "summary"), nil))
	must(e.event("EvM1", mention("C1", "U1", "1772446700.000100", "summary"), func(r *http.Request) {
		r.Header.Set("X-Slack-Retry-Num", "1")
		r.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	}))
	eventually(t, "the summary reply", func() bool { return len(e.slack.posts("chat.postMessage")) >= 1 })
	e.idle()
	posts := e.slack.posts("chat.postMessage")
	if len(posts) != 1 {
		t.Fatalf("%d replies to one mention, want 1", len(posts))
	}
	p := posts[0].Form
	if p.Get("channel") != "C1" || p.Get("thread_ts") != "1772446700.000100" {
		t.Errorf("reply went to %s thread %q", p.Get("channel"), p.Get("thread_ts"))
	}
	blocks := p.Get("blocks")
	for _, want := range []string{"Unverified", slack.ActionFeedbackUp, slack.ActionFeedbackDown, "https://example.slack.com/archives/C1/p"} {
		if !strings.Contains(blocks, want) {
			t.Errorf("reply lacks %q: %s", want, blocks)
		}
	}
	if strings.Contains(blocks, "q9WzX3kLmN8pR2tY6vB1cD4e") {
		t.Error("reply repeats the planted token")
	}

	// Follow-ups on request come with their buttons.
	must(e.event("EvM2", mention("C1", "U1", "1772446800.000100", "follow-ups"), nil))
	eventually(t, "the follow-ups reply", func() bool { return len(e.slack.posts("chat.postMessage")) >= 2 })
	fu := e.slack.posts("chat.postMessage")[1].Form.Get("blocks")
	if !strings.Contains(fu, slack.ActionCreateTicket) || !strings.Contains(fu, "inc-2041-checkout|fu-") {
		t.Errorf("follow-ups lack their buttons: %s", fu)
	}

	if got := dbtest.TablesContaining(t, e.schema, "q9WzX3kLmN8pR2tY6vB1cD4e"); len(got) != 0 {
		t.Errorf("the planted token is stored in %v", got)
	}
	if got := dbtest.TablesContaining(t, e.schema, "legacy-verification-token"); len(got) != 0 {
		t.Errorf("Slack's verification token is stored in %v", got)
	}
}

// TestRestartRepliesOnce: events acknowledged while no worker runs (the process
// died after the 200) are worked by the next worker, each answered exactly once,
// also across a second restart and Slack's retries.
func TestRestartRepliesOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.slack.channels["C1"] = fakeChannel{Name: "inc-7-cache"}
	e.startWorkers()
	if s := e.event("EvA", message("C1", "U1", "1772446440.000100", "redis cache stampede after the flush, latency up"), nil); s != http.StatusOK {
		t.Fatal(s)
	}
	eventually(t, "the transcript", func() bool {
		_, err := e.cp.Memory.FindIncidentByID(context.Background(), "inc-7-cache", true)
		return err == nil
	})
	e.stopWorkers()

	for i, verb := range []string{"summary", "runbook", "similar"} {
		id := "EvR" + verb
		ts := "17724465" + string(rune('0'+i)) + "0.000100"
		if s := e.event(id, mention("C1", "U1", ts, verb), nil); s != http.StatusOK {
			t.Fatalf("%s: %d", verb, s)
		}
	}
	if n := dbtest.JobsQueued(t, e.schema); n == 0 {
		t.Fatal("no job queued for three mentions")
	}
	if n := len(e.slack.posts("chat.postMessage")); n != 0 {
		t.Fatalf("%d replies with no worker running", n)
	}

	e.startWorkers()
	eventually(t, "three replies", func() bool { return len(e.slack.posts("chat.postMessage")) >= 3 })
	e.stopWorkers()
	e.startWorkers()
	for _, verb := range []string{"summary", "runbook", "similar"} {
		e.event("EvR"+verb, mention("C1", "U1", "1", verb), func(r *http.Request) { r.Header.Set("X-Slack-Retry-Num", "2") })
	}
	e.idle()
	posts := e.slack.posts("chat.postMessage")
	threads := map[string]int{}
	for _, p := range posts {
		threads[p.Form.Get("thread_ts")]++
	}
	if len(posts) != 3 || len(threads) != 3 {
		t.Fatalf("replies per thread = %v, want one each for three threads", threads)
	}
}

// TestRateLimitedReplyRetried: Slack answers 429 with Retry-After; the reply is
// posted once, after the wait.
func TestRateLimitedReplyRetried(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.slack.channels["C1"] = fakeChannel{Name: "inc-8-dns"}
	e.slack.limit = 1
	e.startWorkers()
	e.event("EvA", message("C1", "U1", "1772446440.000100", "dns resolution failing: SERVFAIL from coredns"), nil)
	e.event("EvB", mention("C1", "U1", "1772446500.000100", "summary"), nil)
	eventually(t, "the reply after the 429", func() bool { return len(e.slack.posts("chat.postMessage")) == 1 })
	if n := len(e.slack.posts("chat.postMessage (429)")); n != 1 {
		t.Errorf("%d rate-limited attempts, want 1", n)
	}
	e.idle()
	if n := len(e.slack.posts("chat.postMessage")); n != 1 {
		t.Errorf("%d replies, want 1", n)
	}
}

// TestPrivateIncident: a private channel's incident is private; its content goes
// to its own channel, or only to a member of that channel asking elsewhere.
func TestPrivateIncident(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	e.slack.channels["G1"] = fakeChannel{Name: "inc-9-breach", Private: true}
	e.slack.channels["C2"] = fakeChannel{Name: "general"}
	e.slack.members["G1"] = []string{"U1"}
	e.startWorkers()
	e.event("EvP1", message("G1", "U1", "1772446440.000100", "customer records exposed through the debug endpoint, disabling it"), nil)
	eventually(t, "the private transcript", func() bool {
		inc, err := e.cp.Memory.FindIncidentByID(ctx, "inc-9-breach", true)
		return err == nil && inc.IsPrivate()
	})
	if _, err := e.cp.Memory.FindIncidentByID(ctx, "inc-9-breach", false); copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Fatalf("private incident visible without the private scope: %v", err)
	}

	// An outsider asks in a public channel: told it does not exist.
	if s, _ := e.command("C2", "U2", "summary inc-9-breach"); s != http.StatusOK {
		t.Fatal(s)
	}
	eventually(t, "the refusal", func() bool { return len(e.slack.posts("chat.postMessage")) == 1 })
	if got := e.slack.posts("chat.postMessage")[0].Form; got.Get("channel") != "C2" || strings.Contains(got.Get("blocks"), "debug endpoint") ||
		!strings.Contains(got.Get("blocks"), "No incident inc-9-breach") {
		t.Errorf("outsider got %v", got)
	}
	// A member asks in the same public channel: only they see the answer.
	e.command("C2", "U1", "summary inc-9-breach")
	eventually(t, "the member's answer", func() bool { return len(e.slack.posts("chat.postEphemeral")) == 1 })
	eph := e.slack.posts("chat.postEphemeral")[0].Form
	if eph.Get("channel") != "C2" || eph.Get("user") != "U1" {
		t.Errorf("ephemeral answer to %s in %s", eph.Get("user"), eph.Get("channel"))
	}
	if len(e.slack.posts("chat.postMessage")) != 1 {
		t.Errorf("private content posted to the channel")
	}
	// In its own channel, it answers like any other.
	e.event("EvP2", mention("G1", "U1", "1772446500.000100", "summary"), nil)
	eventually(t, "the answer in the private channel", func() bool { return len(e.slack.posts("chat.postMessage")) == 2 })
	if got := e.slack.posts("chat.postMessage")[1].Form.Get("channel"); got != "G1" {
		t.Errorf("answer went to %s", got)
	}
	if len(e.slack.posts("conversations.members")) == 0 {
		t.Error("membership was never checked")
	}
}

// TestButtonsAndFeedback: 👍/👎 and the follow-up verdicts are stored once each;
// Create ticket files the follow-up.
func TestButtonsAndFeedback(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	e.slack.channels["C1"] = fakeChannel{Name: "inc-3-queue"}
	e.startWorkers()
	e.event("Ev1", message("C1", "U1", "1772446440.000100", "consumer lag growing on the orders queue, poison message blocking"), nil)
	e.event("Ev2", message("C1", "U1", "1772446500.000100", "action item: add a dead letter queue and an alert for poison messages"), nil)
	e.event("Ev3", message("C1", "U2", "1772446560.000100", "we should also alert on consumer lag above five minutes"), nil)
	eventually(t, "the transcript", func() bool {
		inc, err := e.cp.Memory.FindIncidentByID(ctx, "inc-3-queue", true)
		return err == nil && len(inc.Messages) == 3
	})
	ans, err := e.cp.FollowUps(ctx, "inc-3-queue", true, false)
	if err != nil || len(ans.Items) < 2 {
		t.Fatalf("follow-ups = %+v, %v", ans, err)
	}
	fu1, fu2 := ans.Items[0].ID, ans.Items[1].ID

	for _, c := range []struct{ action, value string }{
		{slack.ActionFeedbackUp, "ans-1"},
		{slack.ActionFeedbackDown, "ans-2"},
		{slack.ActionAlreadyDone, "inc-3-queue|" + fu2},
		{slack.ActionCreateTicket, "inc-3-queue|" + fu1},
	} {
		if s := e.click("C1", "U1", "1772446600.000100", c.action, c.value); s != http.StatusOK {
			t.Fatalf("%s: %d", c.action, s)
		}
	}
	eventually(t, "the ticket reply", func() bool { return len(e.slack.posts("chat.postMessage")) == 1 })
	if got := e.slack.posts("chat.postMessage")[0].Form; !strings.Contains(got.Get("text"), fu1) || got.Get("thread_ts") != "1772446600.000100" {
		t.Errorf("ticket reply = %v", got)
	}
	after, err := e.cp.FollowUps(ctx, "inc-3-queue", true, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range after.Items {
		if it.ID == fu1 {
			t.Errorf("filed follow-up %s still uncaptured", fu1)
		}
	}
	var fb []copilot.Feedback
	eventually(t, "three feedback rows", func() bool {
		fb, err = e.store.ListFeedback(ctx)
		return err == nil && len(fb) == 3
	})
	kinds := []string{}
	for _, f := range fb {
		kinds = append(kinds, f.Kind)
	}
	slices.Sort(kinds)
	if !slices.Equal(kinds, []string{copilot.FeedbackDone, copilot.FeedbackDown, copilot.FeedbackUp}) {
		t.Errorf("feedback kinds = %v", kinds)
	}
}

// TestProactiveWhenGatesAct: with gates that let capabilities act, a new incident
// channel gets its similar incidents once, unasked, and /copilot resolve posts the
// uncaptured follow-ups; without gates, nothing is posted unasked.
func TestProactiveWhenGatesAct(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		gates copilot.Gates
		posts int
	}{{"act", actGates{}, 3}, {"no gates", nil, 1}} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, c.gates)
			ctx := context.Background()
			past := &copilot.Incident{ID: "INC-1", Title: "Checkout 5xx: connection pool exhausted", Visibility: copilot.VisibilityPublic,
				Source: copilot.SourceDocument, Services: []string{"checkout-api"}, StartedAt: time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC),
				Messages: []copilot.Message{{TS: "1767607200.000100", User: "U1", Text: "pool exhausted: too many clients already; raised max_connections"}}}
			if _, err := e.store.Ingest(ctx, []*copilot.Incident{past}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
				t.Fatal(err)
			}
			e.slack.channels["C1"] = fakeChannel{Name: "inc-10-checkout"}
			e.startWorkers()
			e.event("Ev1", message("C1", "U1", "1772446440.000100", "checkout 5xx, pool exhausted: too many clients already"), nil)
			e.event("Ev2", message("C1", "U2", "1772446500.000100", "we should alert on pool saturation"), nil)
			eventually(t, "the transcript", func() bool {
				inc, err := e.cp.Memory.FindIncidentByID(ctx, "inc-10-checkout", true)
				return err == nil && len(inc.Messages) == 2
			})
			if s, _ := e.command("C1", "U1", "resolve"); s != http.StatusOK {
				t.Fatal(s)
			}
			eventually(t, "the posts", func() bool { return len(e.slack.posts("chat.postMessage")) >= c.posts })
			e.idle()
			posts := e.slack.posts("chat.postMessage")
			if len(posts) != c.posts {
				t.Fatalf("%d posts, want %d", len(posts), c.posts)
			}
			inc, _ := e.cp.Memory.FindIncidentByID(ctx, "inc-10-checkout", true)
			if inc.Status != "resolved" || inc.ResolvedAt.IsZero() {
				t.Errorf("not resolved: %s %v", inc.Status, inc.ResolvedAt)
			}
			if c.gates != nil {
				if !strings.Contains(posts[0].Form.Get("blocks"), "INC-1") {
					t.Errorf("announcement lacks the similar incident: %s", posts[0].Form.Get("blocks"))
				}
				if strings.Contains(posts[0].Form.Get("blocks"), "Unverified") {
					t.Error("a verified capability is labelled unverified")
				}
				if !strings.Contains(posts[2].Form.Get("blocks"), slack.ActionCreateTicket) {
					t.Errorf("resolve did not post follow-ups with buttons: %s", posts[2].Form.Get("blocks"))
				}
			}
		})
	}
}

// TestOutOfOrderEditsAndDeletes: workers may take a channel's events in any order,
// and Slack may deliver an edit or a deletion before the message itself (retries).
// The transcript ends the same: the deleted message stays deleted and the edited
// one keeps its edit.
func TestOutOfOrderEditsAndDeletes(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	e.slack.channels["C5"] = fakeChannel{Name: "inc-5-order"}
	must := func(status int) {
		t.Helper()
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
	}
	// Deletion and edit first, the messages they change after.
	must(e.event("Ev51", map[string]any{"type": "message", "subtype": "message_deleted", "channel": "C5", "ts": "1772446700.000200",
		"deleted_ts": "1772446500.000100", "previous_message": map[string]any{"type": "message", "user": "U2", "text": "wrong guess", "ts": "1772446500.000100"}}, nil))
	must(e.event("Ev52", map[string]any{"type": "message", "subtype": "message_changed", "channel": "C5", "ts": "1772446710.000200",
		"message":          map[string]any{"type": "message", "user": "U1", "text": "queue stuck since 10:14 on a poison message", "ts": "1772446440.000100"},
		"previous_message": map[string]any{"type": "message", "user": "U1", "text": "queue stuck", "ts": "1772446440.000100"}}, nil))
	must(e.event("Ev53", message("C5", "U1", "1772446440.000100", "queue stuck"), nil))
	must(e.event("Ev54", message("C5", "U2", "1772446500.000100", "wrong guess"), nil))
	must(e.event("Ev55", message("C5", "U1", "1772446560.000100", "skipped the poison message, consumers draining"), nil))
	e.startWorkers()
	eventually(t, "the transcript", func() bool {
		inc, err := e.cp.Memory.FindIncidentByID(ctx, "inc-5-order", true)
		if err != nil || len(inc.Messages) != 2 || inc.MessageByTS("1772446560.000100") == nil {
			return false
		}
		m := inc.MessageByTS("1772446440.000100")
		return m != nil && strings.Contains(m.Text, "since 10:14") && inc.MessageByTS("1772446500.000100") == nil
	})
}

// TestFeedbackBeforeThePostReturns: a 👍 on an answer can reach the copilot
// before Slack has answered the post that shows it. The answer is recorded
// before it is posted, so that verdict is exported with the capability and the
// incident it rates.
func TestFeedbackBeforeThePostReturns(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ctx := context.Background()
	e.slack.channels["C1"] = fakeChannel{Name: "inc-7-payments"}
	e.startWorkers()
	e.event("Ev1", message("C1", "U1", "1772446440.000100", "payments API timing out: upstream connect error, circuit breaker open"), nil)
	eventually(t, "the transcript", func() bool {
		inc, err := e.cp.Memory.FindIncidentByID(ctx, "inc-7-payments", true)
		return err == nil && len(inc.Messages) == 1
	})
	var mu sync.Mutex
	var seen []copilot.Feedback
	e.slack.mu.Lock()
	e.slack.onPost = func(form url.Values) {
		var blocks []map[string]any
		_ = json.Unmarshal([]byte(form.Get("blocks")), &blocks)
		for _, b := range blocks {
			id, _ := b["block_id"].(string)
			if !strings.HasPrefix(id, "feedback:") {
				continue
			}
			if err := e.store.RecordFeedback(ctx, copilot.Feedback{Kind: copilot.FeedbackUp, AnswerID: strings.TrimPrefix(id, "feedback:"), User: "U1", Channel: "C1"}); err != nil {
				t.Error(err)
			}
			fb, err := e.store.ListFeedback(ctx)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			seen = fb
			mu.Unlock()
		}
	}
	e.slack.mu.Unlock()
	e.event("Ev2", mention("C1", "U1", "1772446500.000100", "summary"), nil)
	eventually(t, "the answer", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(seen) > 0
	})
	mu.Lock()
	defer mu.Unlock()
	if f := seen[0]; f.Capability != copilot.CapSummary || f.IncidentID != "inc-7-payments" {
		t.Errorf("feedback given while the answer was being posted = %+v, want the summary of inc-7-payments", f)
	}
}
