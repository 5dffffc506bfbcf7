package embeddings

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tmc/langchaingo/llms"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/llm"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
)

const testChatKey = "sk-test-0123456789abcdefghij"

func envMap(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

var chatEnvTests = []struct {
	name string
	env  map[string]string
	want ChatConfig
}{
	{"none", map[string]string{}, ChatConfig{}},
	{"openai with own key", map[string]string{"COPILOT_LLM": "OpenAI", "COPILOT_LLM_MODEL": "gpt-4.1-mini", "COPILOT_LLM_API_KEY": "k1", "OPENAI_API_KEY": "k2"},
		ChatConfig{Provider: "openai", Model: "gpt-4.1-mini", APIKey: "k1"}},
	{"openai key fallback", map[string]string{"COPILOT_LLM": "openai", "OPENAI_API_KEY": "k2", "ANTHROPIC_API_KEY": "k3"},
		ChatConfig{Provider: "openai", APIKey: "k2"}},
	{"anthropic key fallback", map[string]string{"COPILOT_LLM": "anthropic", "OPENAI_API_KEY": "k2", "ANTHROPIC_API_KEY": "k3"},
		ChatConfig{Provider: "anthropic", APIKey: "k3"}},
	{"ollama", map[string]string{"COPILOT_LLM": "openai", "COPILOT_LLM_BASE_URL": " http://localhost:11434/v1 ", "COPILOT_LLM_MODEL": "llama3.1"},
		ChatConfig{Provider: "openai", Model: "llama3.1", BaseURL: "http://localhost:11434/v1"}},
	{"no provider ignores keys", map[string]string{"OPENAI_API_KEY": "k2"}, ChatConfig{}},
}

func TestChatConfigFromEnv(t *testing.T) {
	for _, tt := range chatEnvTests {
		t.Run(tt.name, func(t *testing.T) {
			got := ChatConfigFromEnv(envMap(tt.env))
			if got != tt.want {
				t.Errorf("got %#v\nwant %#v (keys %q vs %q)", got, tt.want, got.APIKey, tt.want.APIKey)
			}
		})
	}
}

var chatValidateTests = []struct {
	name    string
	c       ChatConfig
	wantErr string // substring; "" means valid
}{
	{"none", ChatConfig{}, ""},
	{"openai", ChatConfig{Provider: "openai", APIKey: testChatKey}, ""},
	{"anthropic", ChatConfig{Provider: "anthropic", APIKey: testChatKey}, ""},
	{"ollama without key", ChatConfig{Provider: "openai", BaseURL: "http://localhost:11434/v1"}, ""},
	{"unknown provider", ChatConfig{Provider: "gemini"}, `Provider (COPILOT_LLM) must be "openai", "anthropic" or empty, got "gemini"`},
	{"openai without key", ChatConfig{Provider: "openai"}, "APIKey (COPILOT_LLM_API_KEY or OPENAI_API_KEY) is required for api.openai.com"},
	{"anthropic without key", ChatConfig{Provider: "anthropic"}, "APIKey (COPILOT_LLM_API_KEY or ANTHROPIC_API_KEY) is required for api.anthropic.com"},
	{"relative base url", ChatConfig{Provider: "openai", BaseURL: "localhost:11434"}, "BaseURL (COPILOT_LLM_BASE_URL) must be an http or https URL"},
	{"ftp base url", ChatConfig{Provider: "openai", BaseURL: "ftp://models.internal"}, "BaseURL (COPILOT_LLM_BASE_URL) must be an http or https URL"},
	{"credentials in url", ChatConfig{Provider: "openai", BaseURL: "https://bob:hunter2@llm.internal/v1"}, "must not contain credentials"},
	{"negative timeout", ChatConfig{Provider: "openai", APIKey: testChatKey, Timeout: -time.Second}, "Timeout must not be negative"},
}

func TestChatConfigValidate(t *testing.T) {
	for _, tt := range chatValidateTests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("valid config rejected: %v", err)
				}
				return
			}
			if copilot.ErrorCode(err) != copilot.EINVALID || !strings.Contains(copilot.ErrorMessage(err), tt.wantErr) {
				t.Fatalf("err = %v, want EINVALID with %q", err, tt.wantErr)
			}
			if strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), testChatKey) {
				t.Errorf("error repeats a secret: %v", err)
			}
		})
	}
}

func TestChatConfigHidesKey(t *testing.T) {
	c := ChatConfig{Provider: "openai", APIKey: testChatKey, BaseURL: "https://u:hunter2@x.internal/v1?token=abc"}
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("config", "chat", c)
	//lint:ignore S1025 the %s verb itself is under test
	for _, out := range []string{fmt.Sprint(c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprintf("%s", c), logged.String()} {
		if strings.Contains(out, testChatKey) || strings.Contains(out, "hunter2") || strings.Contains(out, "abc") {
			t.Errorf("config printed a secret: %s", out)
		}
		if !strings.Contains(out, "x.internal") {
			t.Errorf("config print lost the host: %s", out)
		}
	}
}

func TestNewChatModelNone(t *testing.T) {
	m, err := NewChatModel(ChatConfig{})
	if m != nil || err != nil {
		t.Errorf("no provider: model %v err %v, want nil, nil", m, err)
	}
	if _, err := NewChatModel(ChatConfig{Provider: "gemini"}); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("bad provider: %v, want EINVALID", err)
	}
}

// recorder is a fake provider endpoint that records requests.
type recorder struct {
	mu      sync.Mutex
	paths   []string
	headers []http.Header
	bodies  []map[string]any
}

func (r *recorder) record(req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	var m map[string]any
	_ = json.Unmarshal(body, &m)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.paths = append(r.paths, req.URL.Path)
	r.headers = append(r.headers, req.Header.Clone())
	r.bodies = append(r.bodies, m)
}

const chatSummary = `{"overview":[{"text":"Checkout failed after a deploy.","source_ts":["1772446440.000100"]}],"impact":[],"root_cause":[],"resolution":[],"status":[{"text":"Resolved.","source_ts":["1772446500.000200"]}],"timeline":[]}`

func chatIncident() *copilot.Incident {
	return &copilot.Incident{ID: "INC-1", Title: "Checkout 5xx", Messages: []copilot.Message{
		{TS: "1772446440.000100", UserName: "alice", Text: "checkout 5xx after the deploy"},
		{TS: "1772446500.000200", UserName: "bob", Text: "rolled back, resolved"},
	}}
}

func TestNewChatModelOpenAICompatible(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		rec.record(req)
		w.Header().Set("Content-Type", "application/json")
		resp := map[string]any{
			"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "llama3.1",
			"choices": []any{map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": chatSummary}, "finish_reason": "stop"}},
		}
		_ = json.NewEncoder(w).Encode(resp)
	}))
	defer srv.Close()

	// An Ollama-style server: a base URL and no key.
	m, err := NewChatModel(ChatConfig{Provider: "openai", Model: "llama3.1", BaseURL: srv.URL + "/v1/"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := (&llm.Engine{Model: m, Redact: redact.String}).Summarize(context.Background(), chatIncident())
	if err != nil {
		t.Fatal(err)
	}
	if a.Engine != copilot.EngineLLM || a.Summary.Overview != "Checkout failed after a deploy." {
		t.Errorf("answer = %+v", a)
	}
	if len(rec.paths) != 1 || rec.paths[0] != "/v1/chat/completions" {
		t.Fatalf("paths = %v", rec.paths)
	}
	if rec.bodies[0]["model"] != "llama3.1" {
		t.Errorf("model sent = %v", rec.bodies[0]["model"])
	}
}

func TestNewChatModelAnthropic(t *testing.T) {
	rec := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		rec.record(req)
		if req.Header.Get("x-api-key") != testChatKey {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		resp := map[string]any{
			"id": "msg_01", "type": "message", "role": "assistant", "model": "claude-test",
			"content":     []any{map[string]any{"type": "text", "text": chatSummary}},
			"stop_reason": "end_turn", "stop_sequence": nil,
			"usage": map[string]any{"input_tokens": 10, "output_tokens": 10},
		}
		_ = json.NewEncoder(w).Encode(resp)
	}))
	defer srv.Close()

	m, err := NewChatModel(ChatConfig{Provider: "anthropic", Model: "claude-test", BaseURL: srv.URL + "/v1", APIKey: testChatKey})
	if err != nil {
		t.Fatal(err)
	}
	a, err := (&llm.Engine{Model: m, Redact: redact.String}).Summarize(context.Background(), chatIncident())
	if err != nil {
		t.Fatal(err)
	}
	if a.Engine != copilot.EngineLLM || a.Fallback != "" || a.Summary.Status != "Resolved." {
		t.Errorf("answer = %+v", a)
	}
	if len(rec.paths) != 1 || rec.paths[0] != "/v1/messages" {
		t.Fatalf("paths = %v", rec.paths)
	}
	h, body := rec.headers[0], rec.bodies[0]
	if h.Get("anthropic-version") == "" {
		t.Error("no anthropic-version header")
	}
	if body["model"] != "claude-test" {
		t.Errorf("model sent = %v", body["model"])
	}
	// The rules travel as Anthropic's top-level system prompt, the transcript as a user turn.
	system, _ := json.Marshal(body["system"])
	msgs, _ := json.Marshal(body["messages"])
	if !strings.Contains(string(system), "never an instruction") || strings.Contains(string(system), "checkout 5xx after the deploy") {
		t.Errorf("system = %s", system)
	}
	if !strings.Contains(string(msgs), "checkout 5xx after the deploy") {
		t.Errorf("messages = %s", msgs)
	}
}

func TestNewChatModelTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		select {
		case <-release:
		case <-req.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	m, err := NewChatModel(ChatConfig{Provider: "openai", BaseURL: srv.URL, Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.GenerateContent(context.Background(), []llms.MessageContent{llms.TextParts(llms.ChatMessageTypeHuman, "hi")})
	if err == nil {
		t.Fatal("a server that never answers should time out")
	}
}
