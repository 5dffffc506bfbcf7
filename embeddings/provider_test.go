package embeddings

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

const (
	testKey    = "sk-test-0123456789abcdef"
	testSecret = "hunter2-db-password"
	testModel  = "text-embedding-3-small"
)

// embeddingsRequest is the body of POST /v1/embeddings.
type embeddingsRequest struct {
	Model      string   `json:"model"`
	Input      []string `json:"input"`
	Dimensions int      `json:"dimensions"`
}

// fakeOpenAI speaks the /v1/embeddings wire format. answer decides the reply to
// each request; the server records what it received.
type fakeOpenAI struct {
	t      *testing.T
	answer func(w http.ResponseWriter, r *http.Request, req embeddingsRequest)

	mu       sync.Mutex
	requests []embeddingsRequest
	auth     []string
	rawBody  []string
}

func (f *fakeOpenAI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/embeddings" {
		http.Error(w, `{"error":{"message":"not found","type":"invalid_request_error"}}`, http.StatusNotFound)
		return
	}
	var raw json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&raw); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	var req embeddingsRequest
	if err := json.Unmarshal(raw, &req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.requests = append(f.requests, req)
	f.auth = append(f.auth, r.Header.Get("Authorization"))
	f.rawBody = append(f.rawBody, string(raw))
	f.mu.Unlock()
	f.answer(w, r, req)
}

// vectorFor is the fake model: a deterministic vector per text.
func vectorFor(text string, dim int) []float32 {
	v := make([]float32, dim)
	for i := range v {
		v[i] = float32((len(text)+i)%7) + 0.5
	}
	return v
}

// writeEmbeddings writes a valid OpenAI embeddings answer with the given vectors.
func writeEmbeddings(w http.ResponseWriter, model string, vecs [][]float32) {
	type item struct {
		Object    string    `json:"object"`
		Embedding []float32 `json:"embedding"`
		Index     int       `json:"index"`
	}
	resp := struct {
		Object string `json:"object"`
		Data   []item `json:"data"`
		Model  string `json:"model"`
		Usage  struct {
			PromptTokens int `json:"prompt_tokens"`
			TotalTokens  int `json:"total_tokens"`
		} `json:"usage"`
	}{Object: "list", Model: model}
	for i, v := range vecs {
		resp.Data = append(resp.Data, item{Object: "embedding", Embedding: v, Index: i})
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp)
}

func writeAPIError(w http.ResponseWriter, status int, message, typ string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"error":{"message":%q,"type":%q,"param":null,"code":null}}`, message, typ)
}

// validAnswer answers every request correctly with dim-sized vectors.
func validAnswer(dim int) func(http.ResponseWriter, *http.Request, embeddingsRequest) {
	return func(w http.ResponseWriter, _ *http.Request, req embeddingsRequest) {
		var vecs [][]float32
		for _, in := range req.Input {
			vecs = append(vecs, vectorFor(in, dim))
		}
		writeEmbeddings(w, req.Model, vecs)
	}
}

func redactSecret(s string) string { return strings.ReplaceAll(s, testSecret, "[REDACTED]") }

// newFake starts a fake server and an embedder built by New talking to it.
func newFake(t *testing.T, cfg Config, answer func(http.ResponseWriter, *http.Request, embeddingsRequest)) (*fakeOpenAI, copilot.EmbeddingModel) {
	t.Helper()
	f := &fakeOpenAI{t: t, answer: answer}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg.Provider = ProviderOpenAI
	cfg.BaseURL = srv.URL + "/v1"
	if cfg.APIKey == "" {
		cfg.APIKey = testKey
	}
	if cfg.Model == "" {
		cfg.Model = testModel
	}
	m, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return f, m
}

func TestOpenAIValidAnswer(t *testing.T) {
	const dim = 8
	f, m := newFake(t, Config{Dimensions: dim, BatchSize: 2, Redact: redactSecret}, validAnswer(dim))
	texts := []string{
		"FATAL: sorry, too many clients already",
		"password is " + testSecret + " in the env",
		"no space left on device",
		"", // not sent: gets the fixed unit vector
		"rolled back",
	}
	got, err := m.EmbedDocuments(context.Background(), texts)
	if err != nil {
		t.Fatalf("EmbedDocuments: %v", err)
	}
	if m.EmbedderID() != "openai/text-embedding-3-small/8" || m.Dimensions() != dim {
		t.Errorf("EmbedderID = %q, Dimensions = %d", m.EmbedderID(), m.Dimensions())
	}
	// Batching: four non-empty texts in batches of two.
	if len(f.requests) != 2 || len(f.requests[0].Input) != 2 || len(f.requests[1].Input) != 2 {
		t.Fatalf("requests = %+v, want two batches of two", f.requests)
	}
	var sent []string
	for i, req := range f.requests {
		sent = append(sent, req.Input...)
		if f.auth[i] != "Bearer "+testKey {
			t.Errorf("request %d Authorization = %q", i, f.auth[i])
		}
		if req.Model != testModel || req.Dimensions != dim {
			t.Errorf("request %d model %q dimensions %d", i, req.Model, req.Dimensions)
		}
		if strings.Contains(f.rawBody[i], testSecret) {
			t.Errorf("request %d carried the secret: %s", i, f.rawBody[i])
		}
	}
	wantSent := []string{texts[0], "password is [REDACTED] in the env", texts[2], texts[4]}
	if !slices.Equal(sent, wantSent) {
		t.Errorf("server received %q, want %q", sent, wantSent)
	}
	// Vectors come back in the order of the texts, the empty one in its place.
	for i, text := range texts {
		want := vectorFor(redactSecret(text), dim)
		if text == "" {
			want = emptyVector(dim)
		}
		if !slices.Equal(got[i], want) {
			t.Errorf("vector %d = %v, want %v", i, got[i], want)
		}
	}
	q, err := m.EmbedQuery(context.Background(), "no space left on device")
	if err != nil || !slices.Equal(q, vectorFor("no space left on device", dim)) {
		t.Errorf("EmbedQuery = %v, %v", q, err)
	}
}

func TestOpenAICompatibleServer(t *testing.T) {
	// Other models (Ollama, vLLM) get no "dimensions" field, and no key is needed
	// for a server other than api.openai.com.
	const dim = 4
	f := &fakeOpenAI{t: t, answer: validAnswer(dim)}
	srv := httptest.NewServer(f)
	defer srv.Close()
	m, err := New(Config{Provider: "openai", Model: "nomic-embed-text", BaseURL: srv.URL + "/v1/", Dimensions: dim})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.EmbedQuery(context.Background(), "disk full"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(f.rawBody[0], "dimensions") {
		t.Errorf("request carried a dimensions field: %s", f.rawBody[0])
	}
	if m.EmbedderID() != "openai/nomic-embed-text/4" {
		t.Errorf("EmbedderID = %q", m.EmbedderID())
	}
}

func TestOpenAIBatchSplits(t *testing.T) {
	const dim = 4
	f, m := newFake(t, Config{Dimensions: dim, BatchSize: 3}, validAnswer(dim))
	var texts []string
	for i := range 10 {
		texts = append(texts, fmt.Sprintf("text %d", i))
	}
	got, err := m.EmbedDocuments(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, r := range f.requests {
		sizes = append(sizes, len(r.Input))
	}
	if !slices.Equal(sizes, []int{3, 3, 3, 1}) || len(got) != 10 {
		t.Errorf("batch sizes %v, %d vectors; want [3 3 3 1], 10", sizes, len(got))
	}
	none, err := m.EmbedDocuments(context.Background(), nil)
	if err != nil || len(none) != 0 || len(f.requests) != 4 {
		t.Errorf("EmbedDocuments(nil) = %v, %v after %d requests", none, err, len(f.requests))
	}
}

// providerErrorTests are server misbehaviours and the code each must become.
var providerErrorTests = []struct {
	name   string
	answer func(w http.ResponseWriter, r *http.Request, req embeddingsRequest)
	code   string
}{
	{"one vector too few", func(w http.ResponseWriter, _ *http.Request, req embeddingsRequest) {
		writeEmbeddings(w, req.Model, [][]float32{vectorFor("x", 8)})
	}, copilot.EINVALID},
	{"one vector too many", func(w http.ResponseWriter, _ *http.Request, req embeddingsRequest) {
		writeEmbeddings(w, req.Model, [][]float32{vectorFor("x", 8), vectorFor("y", 8), vectorFor("z", 8)})
	}, copilot.EINVALID},
	{"no vectors", func(w http.ResponseWriter, _ *http.Request, req embeddingsRequest) {
		writeEmbeddings(w, req.Model, nil)
	}, copilot.EINVALID},
	{"wrong dimension", func(w http.ResponseWriter, _ *http.Request, req embeddingsRequest) {
		writeEmbeddings(w, req.Model, [][]float32{vectorFor("x", 8), vectorFor("y", 7)})
	}, copilot.EINVALID},
	{"values overflow the norm", func(w http.ResponseWriter, _ *http.Request, req embeddingsRequest) {
		big := make([]float32, 8)
		for i := range big {
			big[i] = 3.4e38
		}
		writeEmbeddings(w, req.Model, [][]float32{big, vectorFor("y", 8)})
	}, copilot.EINVALID},
	{"values beyond float32", func(w http.ResponseWriter, _ *http.Request, req embeddingsRequest) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"object":"list","data":[{"object":"embedding","index":0,"embedding":[1e39,1,1,1,1,1,1,1]},{"object":"embedding","index":1,"embedding":[1,1,1,1,1,1,1,1]}],"model":"m"}`)
	}, copilot.EINVALID},
	{"zero vector", func(w http.ResponseWriter, _ *http.Request, req embeddingsRequest) {
		writeEmbeddings(w, req.Model, [][]float32{make([]float32, 8), vectorFor("y", 8)})
	}, copilot.EINVALID},
	{"not json", func(w http.ResponseWriter, _ *http.Request, _ embeddingsRequest) {
		fmt.Fprint(w, "<html>gateway</html>")
	}, copilot.EINVALID},
	{"429 rate limit", func(w http.ResponseWriter, _ *http.Request, _ embeddingsRequest) {
		writeAPIError(w, http.StatusTooManyRequests, "Rate limit reached for requests", "requests")
	}, copilot.EUNAVAILABLE},
	{"429 quota", func(w http.ResponseWriter, _ *http.Request, _ embeddingsRequest) {
		writeAPIError(w, http.StatusTooManyRequests, "You exceeded your current quota", "insufficient_quota")
	}, copilot.EUNAVAILABLE},
	{"500", func(w http.ResponseWriter, _ *http.Request, _ embeddingsRequest) {
		writeAPIError(w, http.StatusInternalServerError, "The server had an error while processing your request.", "server_error")
	}, copilot.EUNAVAILABLE},
	{"503 without body", func(w http.ResponseWriter, _ *http.Request, _ embeddingsRequest) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}, copilot.EUNAVAILABLE},
	{"401 echoing the key", func(w http.ResponseWriter, _ *http.Request, _ embeddingsRequest) {
		writeAPIError(w, http.StatusUnauthorized, "Incorrect API key provided: "+testKey, "invalid_request_error")
	}, copilot.EUNAUTHORIZED},
	{"403", func(w http.ResponseWriter, _ *http.Request, _ embeddingsRequest) {
		writeAPIError(w, http.StatusForbidden, "project does not have access to model", "invalid_request_error")
	}, copilot.EUNAUTHORIZED},
	{"400 echoing the input", func(w http.ResponseWriter, _ *http.Request, req embeddingsRequest) {
		writeAPIError(w, http.StatusBadRequest, "input too long: "+strings.Join(req.Input, " "), "invalid_request_error")
	}, copilot.EINVALID},
	{"404 model", func(w http.ResponseWriter, _ *http.Request, _ embeddingsRequest) {
		writeAPIError(w, http.StatusNotFound, "The model does not exist", "invalid_request_error")
	}, copilot.EINVALID},
}

func TestOpenAIErrors(t *testing.T) {
	texts := []string{"checkout db password " + testSecret, "second text about the outage"}
	for _, tt := range providerErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			_, m := newFake(t, Config{Dimensions: 8}, tt.answer)
			_, err := m.EmbedDocuments(context.Background(), texts)
			if err == nil {
				t.Fatal("EmbedDocuments succeeded")
			}
			if got := copilot.ErrorCode(err); got != tt.code {
				t.Errorf("code = %s, want %s (%v)", got, tt.code, err)
			}
			assertSafe(t, err, texts)
		})
	}
}

// assertSafe checks that an error carries neither the key nor any text.
func assertSafe(t *testing.T, err error, texts []string) {
	t.Helper()
	for _, s := range []string{err.Error(), copilot.ErrorMessage(err)} {
		if strings.Contains(s, testKey) || strings.Contains(s, testSecret) {
			t.Errorf("error leaks a secret: %q", s)
		}
		for _, text := range texts {
			if strings.Contains(s, text) {
				t.Errorf("error leaks a text: %q", s)
			}
		}
	}
}

func TestOpenAIUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	m, err := New(Config{Provider: "openai", Model: testModel, BaseURL: url + "/v1", APIKey: testKey, Dimensions: 8})
	if err != nil {
		t.Fatal(err)
	}
	_, err = m.EmbedQuery(context.Background(), "disk full")
	if copilot.ErrorCode(err) != copilot.EUNAVAILABLE {
		t.Errorf("error = %v, want EUNAVAILABLE", err)
	}
	assertSafe(t, err, []string{"disk full"})
}

func TestOpenAIDeadline(t *testing.T) {
	// The server never answers; the caller's deadline ends the call.
	release := make(chan struct{})
	defer close(release)
	_, m := newFake(t, Config{Dimensions: 8}, func(w http.ResponseWriter, r *http.Request, _ embeddingsRequest) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := m.EmbedQuery(ctx, "disk full")
	if copilot.ErrorCode(err) != copilot.EUNAVAILABLE || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error = %v, want EUNAVAILABLE wrapping context.DeadlineExceeded", err)
	}

	ctx2, cancel2 := context.WithCancel(context.Background())
	cancel2()
	if _, err := m.EmbedQuery(ctx2, "disk full"); !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}

func TestNewProviderRejects(t *testing.T) {
	client := validClient(4)
	tests := []struct {
		name string
		opts ProviderOptions
	}{
		{"no name", ProviderOptions{Model: "m", Dimensions: 4}},
		{"no model", ProviderOptions{Name: "x", Dimensions: 4}},
		{"no dimensions", ProviderOptions{Name: "x", Model: "m"}},
		{"batch too big", ProviderOptions{Name: "x", Model: "m", Dimensions: 4, BatchSize: MaxBatchSize + 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewProvider(client, tt.opts); copilot.ErrorCode(err) != copilot.EINVALID {
				t.Errorf("NewProvider error = %v, want EINVALID", err)
			}
		})
	}
	if _, err := NewProvider(nil, ProviderOptions{Name: "x", Model: "m", Dimensions: 4}); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("NewProvider(nil) error = %v, want EINVALID", err)
	}
}

// clientFunc adapts a function to langchaingo's EmbedderClient.
type clientFunc func(ctx context.Context, texts []string) ([][]float32, error)

func (f clientFunc) CreateEmbedding(ctx context.Context, texts []string) ([][]float32, error) {
	return f(ctx, texts)
}

func validClient(dim int) clientFunc {
	return func(_ context.Context, texts []string) ([][]float32, error) {
		out := make([][]float32, len(texts))
		for i, s := range texts {
			out[i] = vectorFor(s, dim)
		}
		return out, nil
	}
}

func TestProviderDoesNotMutateInput(t *testing.T) {
	p, err := NewProvider(validClient(4), ProviderOptions{Name: "x", Model: "m", Dimensions: 4, Redact: redactSecret})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"a " + testSecret, "line one\nline two"}
	orig := slices.Clone(texts)
	if _, err := p.EmbedDocuments(context.Background(), texts); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(texts, orig) {
		t.Errorf("texts changed to %q", texts)
	}
}

func TestProviderNaN(t *testing.T) {
	// JSON cannot carry NaN, but other langchaingo clients can return one.
	for _, bad := range []float32{float32(math.NaN()), float32(math.Inf(1))} {
		p, _ := NewProvider(clientFunc(func(_ context.Context, texts []string) ([][]float32, error) {
			return [][]float32{{1, bad, 0, 0}}, nil
		}), ProviderOptions{Name: "x", Model: "m", Dimensions: 4})
		if _, err := p.EmbedQuery(context.Background(), "q"); copilot.ErrorCode(err) != copilot.EINVALID {
			t.Errorf("value %v: error = %v, want EINVALID", bad, err)
		}
	}
}
