package evals

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tmc/langchaingo/llms/openai"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/llm"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
)

// TestEvaluateCountsFallbacksAsLocal points an LLM engine at a provider that always
// fails: every answer comes from the local engine, so the run measured the local
// engine and must say so, with the same figures as the local engine alone.
func TestEvaluateCountsFallbacksAsLocal(t *testing.T) {
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, `{"error":{"message":"boom","type":"server_error"}}`)
	}))
	defer srv.Close()
	model, err := openai.New(openai.WithBaseURL(srv.URL+"/v1"), openai.WithToken("sk-test"), openai.WithModel("test-model"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := LoadCorpus(filepath.Join("testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	c.Incidents = c.Incidents[:4]
	c.Mask(redact.String)
	ctx := context.Background()

	eng := &llm.Engine{Model: model, ModelName: "test-model", Fallback: local.New(nil), Redact: redact.String}
	got, err := Evaluate(ctx, eng, c)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Evaluate(ctx, local.New(nil), c)
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() == 0 {
		t.Fatal("the provider was never called")
	}
	if got.Engine != copilot.EngineLocal || got.PromptVersion != local.Version {
		t.Errorf("report engine = %q (%q), want %q (%q)", got.Engine, got.PromptVersion, copilot.EngineLocal, local.Version)
	}
	if !strings.HasPrefix(got.Configured, "llm (test-model ") || got.Fallbacks["provider_error"] != got.Answers || got.Answers != 2*len(c.Incidents) {
		t.Errorf("configured %q, %d answers, fallbacks %v; want every answer a provider_error fallback", got.Configured, got.Answers, got.Fallbacks)
	}
	if !strings.Contains(got.Text(), "8 of 8 answers fell back (provider_error 8)") {
		t.Errorf("text report does not tell the fallbacks:\n%s", got.Text())
	}
	for _, m := range want.Metrics {
		if v, _ := got.Value(m.Name); v != m.Value {
			t.Errorf("%s = %v, want the local engine's %v", m.Name, v, m.Value)
		}
	}
	if want.Engine != copilot.EngineLocal || want.Configured != "" || want.Fallbacks != nil {
		t.Errorf("local run: engine %q configured %q fallbacks %v", want.Engine, want.Configured, want.Fallbacks)
	}
}
