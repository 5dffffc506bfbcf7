package slack_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/incidentcopilot/incident-copilot/api/slack"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
)

// socketServer is Slack's end of a Socket Mode connection: it says hello, sends
// the envelopes it is given and hands back every acknowledgement it reads.
type socketServer struct {
	*httptest.Server
	send chan map[string]any
	acks chan map[string]any
}

func newSocketServer(t *testing.T) *socketServer {
	s := &socketServer{send: make(chan map[string]any, 16), acks: make(chan map[string]any, 16)}
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }} // the client says Origin: api.slack.com
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		if err := conn.WriteJSON(map[string]any{"type": "hello", "num_connections": 1}); err != nil {
			return
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			for {
				var m map[string]any
				if err := conn.ReadJSON(&m); err != nil {
					return
				}
				s.acks <- m
			}
		}()
		for {
			select {
			case m := <-s.send:
				if err := conn.WriteJSON(m); err != nil {
					return
				}
			case <-done:
				return
			case <-r.Context().Done():
				return
			}
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *socketServer) ack(t *testing.T, envelope string) map[string]any {
	t.Helper()
	select {
	case m := <-s.acks:
		if m["envelope_id"] != envelope {
			t.Fatalf("ack %v, want envelope %s", m, envelope)
		}
		return m
	case <-time.After(15 * time.Second):
		t.Fatalf("no acknowledgement of %s", envelope)
	}
	return nil
}

// TestSocketMode: over a Socket Mode connection (the fake Web API's
// apps.connections.open names a local websocket), an event, its retry and a slash
// command take the same path as over HTTP: stored and queued before the ack, the
// mention answered in its thread once.
func TestSocketMode(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.slack.channels["C1"] = fakeChannel{Name: "inc-77-socket"}
	ws := newSocketServer(t)
	e.slack.mu.Lock()
	e.slack.wsURL = "ws" + strings.TrimPrefix(ws.URL, "http") + "/link"
	e.slack.mu.Unlock()
	e.startWorkers()

	api := slackgo.New("xoxb-test", slackgo.OptionAPIURL(e.slack.URL+"/"), slackgo.OptionAppLevelToken("xapp-1-test"))
	h, err := slack.New(slack.Options{SigningSecret: secret, Client: api, Store: e.store, Copilot: e.cp, Redact: redact.String})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.RunSocketMode(ctx, socketmode.New(api)) }()
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("RunSocketMode did not return")
		}
	}()

	outer := map[string]any{"type": "event_callback", "team_id": "T1", "event_id": "EvSock1",
		"event": mention("C1", "U1", "1772446700.000100", "help")}
	ws.send <- map[string]any{"type": "events_api", "envelope_id": "env-1", "payload": outer}
	ws.ack(t, "env-1")
	if _, err := e.store.ChatEvent(context.Background(), "EvSock1"); err != nil {
		t.Fatalf("acknowledged event not stored: %v", err)
	}
	ws.send <- map[string]any{"type": "events_api", "envelope_id": "env-2", "payload": outer, "retry_attempt": 1, "retry_reason": "timeout"}
	ws.ack(t, "env-2")
	cmd := map[string]any{"command": "/copilot", "text": "help", "team_id": "T1", "channel_id": "C1", "user_id": "U1",
		"trigger_id": "trig.sock", "response_url": "https://hooks.slack.com/commands/secret"}
	ws.send <- map[string]any{"type": "slash_commands", "envelope_id": "env-3", "payload": cmd, "accepts_response_payload": true}
	a := ws.ack(t, "env-3")
	if b, _ := json.Marshal(a["payload"]); !strings.Contains(string(b), "Incident Copilot") {
		t.Errorf("slash command ack payload %s, want the help text", b)
	}
	eventually(t, "the reply in thread", func() bool { return len(e.slack.posts("chat.postMessage")) > 0 })
	e.idle()
	posts := e.slack.posts("chat.postMessage")
	if len(posts) != 1 || posts[0].Form.Get("thread_ts") != "1772446700.000100" {
		t.Fatalf("replies %v, want one in the mention's thread", posts)
	}
}
