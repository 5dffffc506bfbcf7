package llm

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tmc/langchaingo/llms/openai"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
)

// fakeReply is one answer of the fake chat-completions server.
type fakeReply struct {
	status  int    // 0 means 200
	content string // the assistant message content
	hang    bool   // wait until the client gives up
}

// fakeOpenAI speaks the OpenAI chat-completions wire format and records every request
// body, so tests can assert on exactly what left the process.
type fakeOpenAI struct {
	srv     *httptest.Server
	mu      sync.Mutex
	bodies  []string
	replies []fakeReply
}

func newFakeOpenAI(t *testing.T, replies ...fakeReply) *fakeOpenAI {
	t.Helper()
	f := &fakeOpenAI{replies: replies}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeOpenAI) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/chat/completions" {
		http.Error(w, `{"error":{"message":"not found"}}`, http.StatusNotFound)
		return
	}
	if r.Header.Get("Authorization") != "Bearer test-token" {
		http.Error(w, `{"error":{"message":"bad token"}}`, http.StatusUnauthorized)
		return
	}
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	n := len(f.bodies)
	f.bodies = append(f.bodies, string(body))
	reply := fakeReply{status: http.StatusInternalServerError, content: "no reply scripted"}
	if n < len(f.replies) {
		reply = f.replies[n]
	}
	f.mu.Unlock()

	if reply.hang {
		select {
		case <-r.Context().Done():
		case <-time.After(30 * time.Second):
		}
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if reply.status != 0 && reply.status != http.StatusOK {
		w.WriteHeader(reply.status)
		fmt.Fprintf(w, `{"error":{"message":%q,"type":"server_error"}}`, reply.content)
		return
	}
	resp := map[string]any{
		"id":      fmt.Sprintf("chatcmpl-%d", n),
		"object":  "chat.completion",
		"created": 1772446440,
		"model":   "test-model",
		"choices": []any{map[string]any{
			"index":         0,
			"message":       map[string]any{"role": "assistant", "content": reply.content},
			"finish_reason": "stop",
		}},
		"usage": map[string]any{"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
	}
	_ = json.NewEncoder(w).Encode(resp)
}

// requests returns the recorded request bodies.
func (f *fakeOpenAI) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.bodies...)
}

// wireMessage is one chat message of a recorded request.
type wireMessage struct {
	Role    string
	Content string
}

// messages decodes the chat messages of request i, joining multi-part contents.
func (f *fakeOpenAI) messages(t *testing.T, i int) []wireMessage {
	t.Helper()
	var req struct {
		Messages []struct {
			Role    string          `json:"role"`
			Content json.RawMessage `json:"content"`
		} `json:"messages"`
	}
	if err := json.Unmarshal([]byte(f.requests()[i]), &req); err != nil {
		t.Fatalf("request %d is not chat-completions JSON: %v", i, err)
	}
	var out []wireMessage
	for _, m := range req.Messages {
		var s string
		if err := json.Unmarshal(m.Content, &s); err != nil {
			var parts []struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(m.Content, &parts); err != nil {
				t.Fatalf("request %d: message content %s", i, m.Content)
			}
			var texts []string
			for _, p := range parts {
				texts = append(texts, p.Text)
			}
			s = strings.Join(texts, "")
		}
		out = append(out, wireMessage{Role: m.Role, Content: s})
	}
	return out
}

// engine builds an Engine on langchaingo's real OpenAI client pointed at f.
func (f *fakeOpenAI) engine(t *testing.T, fallback copilot.Engine) *Engine {
	t.Helper()
	model, err := openai.New(openai.WithBaseURL(f.srv.URL), openai.WithToken("test-token"), openai.WithModel("test-model"))
	if err != nil {
		t.Fatal(err)
	}
	return &Engine{Model: model, ModelName: "test-model", Fallback: fallback, Timeout: 5 * time.Second, Redact: redact.String}
}

// fakeLocal stands in for the local engine and records that it was asked.
type fakeLocal struct {
	mu    sync.Mutex
	calls []string
}

func (l *fakeLocal) called() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.calls...)
}

func (l *fakeLocal) record(c string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls = append(l.calls, c)
}

func (l *fakeLocal) Info() copilot.EngineInfo {
	return copilot.EngineInfo{Name: copilot.EngineLocal, Version: "fake"}
}

func (l *fakeLocal) Summarize(ctx context.Context, inc *copilot.Incident) (*copilot.SummaryAnswer, error) {
	l.record("summary")
	return &copilot.SummaryAnswer{IncidentID: inc.ID, Engine: copilot.EngineLocal, PromptVersion: "local/v1", Summary: copilot.Summary{Overview: "local overview"}}, nil
}

func (l *fakeLocal) FollowUps(ctx context.Context, inc *copilot.Incident) (*copilot.FollowUpsAnswer, error) {
	l.record("followups")
	return &copilot.FollowUpsAnswer{IncidentID: inc.ID, Engine: copilot.EngineLocal, Items: []copilot.FollowUp{}}, nil
}

func (l *fakeLocal) Runbook(ctx context.Context, inc *copilot.Incident, similar []*copilot.Incident, runbooks []copilot.RunbookMatch) (*copilot.RunbookAnswer, error) {
	l.record("runbook")
	return &copilot.RunbookAnswer{IncidentID: inc.ID, Engine: copilot.EngineLocal, Steps: []copilot.RunbookStep{}, Runbooks: runbooks}, nil
}
