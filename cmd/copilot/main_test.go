package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

const (
	readerToken = "reader-token-0123456789"
	adminToken  = "admin-token-0123456789"
)

// testEnv is the environment of one end-to-end run: the test database confined to a
// schema of its own, and two API tokens.
func testEnv(t *testing.T) func(string) string {
	t.Helper()
	return testEnvWith(t, "reader:"+readerToken+":read,admin:"+adminToken+":read+write+private")
}

// testEnvWith is testEnv with other API tokens.
func testEnvWith(t *testing.T, tokens string) func(string) string {
	t.Helper()
	return envIn(t, migrated.Schema(t), tokens)
}

// emptyEnv is testEnv in a schema with no tables at all, not even migrated.
func emptyEnv(t *testing.T) func(string) string {
	t.Helper()
	return envIn(t, dbtest.Schema(t), "reader:"+readerToken+":read,admin:"+adminToken+":read+write+private")
}

// migrated hands each test a schema migrated once per test binary, so the tests'
// own `copilot migrate` finds nothing to apply and only creates the HNSW index.
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

// devStored is the sample corpus (evals/testdata/corpus) migrated and ingested
// through the CLI once per test binary, for the tests that only read it.
var devStored struct {
	sync.Mutex
	schema string
}

// devCorpusEnv is testEnv in the schema holding the sample corpus, storing it on
// first use. A test that fails to store it leaves it unset, so the next one tries
// again. Tests given this environment must not write to the memory.
func devCorpusEnv(t *testing.T) func(string) string {
	t.Helper()
	const tokens = "reader:" + readerToken + ":read,admin:" + adminToken + ":read+write+private"
	devStored.Lock()
	defer devStored.Unlock()
	if devStored.schema == "" {
		schema := dbtest.Kept(t)
		env := envIn(t, schema, tokens)
		if _, stderr, err := run(t, env, "migrate"); err != nil {
			t.Fatalf("migrate: %v\n%s", err, stderr)
		}
		if _, stderr, err := run(t, env, "ingest", "../../evals/testdata/corpus/documents", "../../evals/testdata/corpus/slack"); err != nil {
			t.Fatalf("ingest: %v\n%s", err, stderr)
		}
		devStored.schema = schema
	}
	return envIn(t, devStored.schema, tokens)
}

func envIn(t *testing.T, schema, tokens string) func(string) string {
	t.Helper()
	url := dbtest.URL(t)
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	env := map[string]string{
		"DATABASE_URL":           url + sep + "search_path=" + schema + ",public",
		"COPILOT_API_TOKENS":     tokens,
		"COPILOT_MAX_BODY_BYTES": "65536",
	}
	return func(k string) string { return env[k] }
}

func run(t *testing.T, getenv func(string) string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &errb, Getenv: getenv}
	err = m.Run(context.Background(), args)
	return out.String(), errb.String(), err
}

func TestEndToEnd(t *testing.T) {
	t.Parallel()
	env := testEnv(t)
	if _, stderr, err := run(t, env, "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, stderr)
	}
	out, stderr, err := run(t, env, "ingest", "--json", "testdata/incidents.jsonl")
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	var ing map[string]float64
	if err := json.Unmarshal([]byte(out), &ing); err != nil {
		t.Fatalf("ingest --json printed %q: %v", out, err)
	}
	if ing["incidents"] != 4 || ing["messages"] != 13 || ing["chunks"] < 4 {
		t.Fatalf("ingest counts = %v", ing)
	}
	statsBefore, _, err := run(t, env, "stats", "--json")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, env, "ingest", "testdata/incidents.jsonl"); err != nil {
		t.Fatal(err)
	}
	if statsAfter, _, _ := run(t, env, "stats", "--json"); statsAfter != statsBefore {
		t.Fatalf("re-ingest changed stats:\n%s\n%s", statsBefore, statsAfter)
	}

	// Serve on a free port; cancelling the context is the SIGTERM path.
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var logs syncBuffer
	m := &Main{Stdout: io.Discard, Stderr: &logs, Getenv: env, Ready: func(a string) { ready <- a }}
	go func() { done <- m.Run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}) }()
	var base string
	select {
	case a := <-ready:
		base = "http://" + a
	case err := <-done:
		t.Fatalf("serve exited: %v\n%s", err, logs.String())
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start")
	}
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve did not shut down cleanly: %v", err)
		}
	}()

	t.Run("health", func(t *testing.T) {
		expectStatus(t, do(t, "GET", base+"/healthz", "", nil), 200)
		expectStatus(t, do(t, "GET", base+"/readyz", "", nil), 200)
	})
	t.Run("auth", func(t *testing.T) {
		expectError(t, do(t, "GET", base+"/v1/incidents/E2E-1", "", nil), 401, "unauthorized")
		expectError(t, do(t, "GET", base+"/v1/incidents/E2E-1", "wrong-token-0123456789", nil), 401, "unauthorized")
		expectStatus(t, do(t, "GET", base+"/v1/incidents/E2E-1", readerToken, nil), 200)
	})
	t.Run("private incident is invisible without scope", func(t *testing.T) {
		priv := do(t, "GET", base+"/v1/incidents/E2E-3", readerToken, nil)
		missing := do(t, "GET", base+"/v1/incidents/E2E-9", readerToken, nil)
		expectError(t, priv, 404, "not_found")
		expectError(t, missing, 404, "not_found")
		if strings.Contains(priv.body, "cert") || strings.Contains(priv.body, "private") {
			t.Errorf("404 for a private incident reveals it: %s", priv.body)
		}
		expectStatus(t, do(t, "GET", base+"/v1/incidents/E2E-3", adminToken, nil), 200)
		// Search: a query that matches the private incident best.
		res := do(t, "POST", base+"/v1/search", readerToken, map[string]any{"query": "x509 certificate has expired", "limit": 10})
		expectStatus(t, res, 200)
		if strings.Contains(res.body, "E2E-3") {
			t.Errorf("reader's search shows the private incident: %s", res.body)
		}
		res = do(t, "POST", base+"/v1/search", adminToken, map[string]any{"query": "x509 certificate has expired", "limit": 10})
		if !strings.Contains(res.body, "E2E-3") {
			t.Errorf("admin's search misses the private incident: %s", res.body)
		}
		expectError(t, do(t, "GET", base+"/v1/incidents/E2E-3/summary", readerToken, nil), 404, "not_found")
		expectError(t, do(t, "GET", base+"/v1/incidents/E2E-3/similar", readerToken, nil), 404, "not_found")
	})
	t.Run("similar", func(t *testing.T) {
		res := do(t, "GET", base+"/v1/incidents/E2E-1/similar?limit=2", readerToken, nil)
		expectStatus(t, res, 200)
		var body struct {
			Query   map[string]any `json:"query"`
			Results []struct {
				IncidentID string `json:"incident_id"`
				Snippets   []struct {
					Text     string   `json:"text"`
					SourceTS []string `json:"source_ts"`
				} `json:"snippets"`
				Why map[string]any `json:"why"`
			} `json:"results"`
		}
		mustJSON(t, res.body, &body)
		if len(body.Results) != 2 {
			t.Fatalf("similar returned %d results, want 2: %s", len(body.Results), res.body)
		}
		for _, r := range body.Results {
			if r.IncidentID == "E2E-1" || r.IncidentID == "E2E-3" {
				t.Errorf("similar returned %s (itself or private)", r.IncidentID)
			}
			if len(r.Snippets) == 0 || len(r.Snippets[0].SourceTS) == 0 || r.Why == nil {
				t.Errorf("result %s lacks snippets or why: %+v", r.IncidentID, r)
			}
		}
		// The CLI prints the same JSON.
		out, stderr, err := run(t, env, "similar", "E2E-1", "--json", "--limit", "2")
		if err != nil {
			t.Fatalf("cli similar: %v %s", err, stderr)
		}
		var cli struct {
			Results []struct {
				IncidentID string `json:"incident_id"`
			} `json:"results"`
		}
		mustJSON(t, out, &cli)
		if len(cli.Results) != 2 || cli.Results[0].IncidentID != body.Results[0].IncidentID {
			t.Errorf("CLI and API disagree:\n%s\n%s", out, res.body)
		}
		expectError(t, do(t, "GET", base+"/v1/incidents/E2E-1/similar?limit=abc", readerToken, nil), 400, "invalid")
		expectError(t, do(t, "GET", base+"/v1/incidents/E2E-1/similar?since=yesterday", readerToken, nil), 400, "invalid")
	})
	t.Run("list", func(t *testing.T) {
		type page struct {
			Incidents []struct {
				ID string `json:"id"`
			} `json:"incidents"`
			NextCursor string `json:"next_cursor"`
		}
		ids := func(p page) string {
			var out []string
			for _, inc := range p.Incidents {
				out = append(out, inc.ID)
			}
			return strings.Join(out, " ")
		}
		var first, second, admin page
		res := do(t, "GET", base+"/v1/incidents?limit=2", readerToken, nil)
		expectStatus(t, res, 200)
		mustJSON(t, res.body, &first)
		if ids(first) != "E2E-4 E2E-2" || first.NextCursor == "" {
			t.Fatalf("first page = %s", res.body)
		}
		res = do(t, "GET", base+"/v1/incidents?limit=2&cursor="+first.NextCursor, readerToken, nil)
		mustJSON(t, res.body, &second)
		if ids(second) != "E2E-1" || second.NextCursor != "" {
			t.Errorf("second page (the private E2E-3 must not show) = %s", res.body)
		}
		mustJSON(t, do(t, "GET", base+"/v1/incidents?team=edge", adminToken, nil).body, &admin)
		if ids(admin) != "E2E-3" {
			t.Errorf("admin's list of team edge = %q", ids(admin))
		}
		expectError(t, do(t, "GET", base+"/v1/incidents?cursor=nonsense", readerToken, nil), 400, "invalid")
		expectError(t, do(t, "GET", base+"/v1/incidents?limit=0", readerToken, nil), 400, "invalid")
		// The CLI's --json is the API's answer.
		out, stderr, err := run(t, env, "list", "--limit", "2", "--json")
		if err != nil {
			t.Fatalf("list --json: %v\n%s", err, stderr)
		}
		var cli page
		mustJSON(t, out, &cli)
		if ids(cli) != "E2E-4 E2E-2" {
			t.Errorf("list --json = %s", out)
		}
	})
	t.Run("writes", func(t *testing.T) {
		doc := map[string]any{"id": "E2E-5", "title": "kafka lag", "messages": []map[string]string{{"ts": "1780000000.000100", "text": "consumer lag 2M on orders topic"}}}
		expectError(t, do(t, "POST", base+"/v1/incidents", readerToken, doc), 403, "forbidden")
		expectStatus(t, do(t, "POST", base+"/v1/incidents", adminToken, doc), 201)
		expectStatus(t, do(t, "GET", base+"/v1/incidents/E2E-5", readerToken, nil), 200)
		bad := doRaw(t, "POST", base+"/v1/search", readerToken, "{\n  \"query\": \"x\",\n  \"limit\": ,\n}")
		expectError(t, bad, 400, "invalid")
		if !strings.Contains(bad.body, "line 3") {
			t.Errorf("malformed JSON error lacks the position: %s", bad.body)
		}
		big := doRaw(t, "POST", base+"/v1/incidents", adminToken, `{"id":"BIG","messages":[{"ts":"1.1","text":"`+strings.Repeat("a", 70000)+`"}]}`)
		expectError(t, big, 413, "too_large")
	})
	t.Run("answers", func(t *testing.T) {
		for _, path := range []string{"summary", "follow-ups", "runbook"} {
			res := do(t, "GET", base+"/v1/incidents/E2E-1/"+path, readerToken, nil)
			expectStatus(t, res, 200)
			var body map[string]any
			mustJSON(t, res.body, &body)
			if body["incident_id"] != "E2E-1" || body["engine"] != "local" {
				t.Errorf("%s answer = %s", path, res.body)
			}
		}
		doc := map[string]any{"id": "ADHOC", "title": "adhoc", "messages": []map[string]string{
			{"ts": "1780000000.000100", "user_name": "zed", "text": "payments 5xx, pool exhausted"},
			{"ts": "1780000100.000100", "user_name": "zed", "text": "restarted pgbouncer, recovered"},
			{"ts": "1780000200.000100", "user_name": "zed", "text": "we should add an alert on pgbouncer wait time"},
		}}
		res := do(t, "POST", base+"/v1/summary", readerToken, doc)
		expectStatus(t, res, 200)
		if st := do(t, "GET", base+"/v1/incidents/ADHOC", adminToken, nil); st.status != 404 {
			t.Errorf("POST /v1/summary stored the document: %d", st.status)
		}
	})
	t.Run("metrics and openapi", func(t *testing.T) {
		res := do(t, "GET", base+"/metrics", "", nil)
		expectStatus(t, res, 200)
		for _, want := range []string{"copilot_http_requests_total", `route="/v1/incidents/{id}/similar"`, "copilot_retrieval_duration_seconds"} {
			if !strings.Contains(res.body, want) {
				t.Errorf("/metrics lacks %s", want)
			}
		}
		res = do(t, "GET", base+"/openapi.json", "", nil)
		var doc map[string]any
		mustJSON(t, res.body, &doc)
		if doc["openapi"] == nil {
			t.Errorf("openapi.json = %s", res.body[:min(200, len(res.body))])
		}
	})
	if strings.Contains(logs.String(), adminToken) || strings.Contains(logs.String(), readerToken) {
		t.Error("server logs contain an API token")
	}
}

func TestBadInputExitsNonZero(t *testing.T) {
	t.Parallel()
	env := testEnv(t)
	dir := t.TempDir()
	bad := dir + "/bad.json"
	if err := os.WriteFile(bad, []byte("{\"id\": \"X\",\n \"messages\": [\n  {\"ts\": \"1.1\", \"text\": \"ok\"},\n  {\"ts\": \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := run(t, env, "ingest", bad)
	if err == nil {
		t.Fatal("ingest of malformed JSON succeeded")
	}
	if exitCode(err) == 0 || !strings.Contains(userMessage(err), "bad.json") {
		t.Errorf("error %q (exit %d) does not name the file", userMessage(err), exitCode(err))
	}
	if _, _, err := run(t, env, "nonsense"); exitCode(err) != 2 {
		t.Errorf("unknown command exit = %d", exitCode(err))
	}
	noDB := envWith(env, "DATABASE_URL", "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	_, _, err = run(t, noDB, "stats")
	if err == nil || strings.Contains(userMessage(err), "nobody") {
		t.Errorf("unreachable database: err = %v", err)
	}
}

type response struct {
	status int
	body   string
}

func do(t *testing.T, method, url, token string, body any) response {
	t.Helper()
	var b string
	if body != nil {
		j, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		b = string(j)
	}
	return doRaw(t, method, url, token, b)
}

func doRaw(t *testing.T, method, url, token, body string) response {
	t.Helper()
	r, err := tryDo(method, url, token, body)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// envWith is base with the given key/value pairs set over it.
func envWith(base func(string) string, kv ...string) func(string) string {
	return func(k string) string {
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i] == k {
				return kv[i+1]
			}
		}
		return base(k)
	}
}

// tryDo is doRaw for goroutines other than the test's, where t.Fatal must not run.
func tryDo(method, url, token, body string) (response, error) {
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		return response{}, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return response{}, fmt.Errorf("%s %s: %w", method, url, err)
	}
	defer res.Body.Close()
	rb, _ := io.ReadAll(res.Body)
	return response{res.StatusCode, string(rb)}, nil
}

func expectStatus(t *testing.T, r response, status int) {
	t.Helper()
	if r.status != status {
		t.Errorf("status %d, want %d: %s", r.status, status, r.body)
	}
}

func expectError(t *testing.T, r response, status int, code string) {
	t.Helper()
	expectStatus(t, r, status)
	var e struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if err := json.Unmarshal([]byte(r.body), &e); err != nil || e.Error.Code != code || e.Error.Message == "" {
		t.Errorf("error body %s: want code %q and a message", r.body, code)
	}
}

func mustJSON(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("not JSON (%v): %s", err, s)
	}
}

// syncBuffer collects the server's logs while it writes them from other goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestLLMFallbackWiring configures an OpenAI-compatible LLM that fails: the answer
// must come from the local engine and say why, and the secret in the transcript must
// not reach the provider.
func TestLLMFallbackWiring(t *testing.T) {
	t.Parallel()
	base := testEnv(t)
	var bodies syncBuffer
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		bodies.Write(b)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, `{"error":{"message":"boom","type":"server_error"}}`)
	}))
	defer fake.Close()
	env := envWith(base,
		"COPILOT_LLM", "openai",
		"COPILOT_LLM_BASE_URL", fake.URL+"/v1",
		"COPILOT_LLM_API_KEY", "sk-test-not-a-real-key-000000000000")
	if _, stderr, err := run(t, env, "migrate"); err != nil {
		t.Fatalf("migrate: %v %s", err, stderr)
	}
	doc := t.TempDir() + "/secret.json"
	os.WriteFile(doc, []byte(`{"id":"SEC-1","title":"db down","messages":[
		{"ts":"1780000000.000100","user_name":"a","text":"api 5xx, postgres refusing connections"},
		{"ts":"1780000060.000100","user_name":"b","text":"try postgres://app:Sup3rS3cretPw@db.internal:5432/app"},
		{"ts":"1780000120.000100","user_name":"a","text":"restarted pgbouncer, resolved"}]}`), 0o644)
	if _, stderr, err := run(t, env, "ingest", doc); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	out, stderr, err := run(t, env, "summarize", "SEC-1", "--json")
	if err != nil {
		t.Fatalf("summarize: %v %s", err, stderr)
	}
	var ans struct {
		Engine   string `json:"engine"`
		Fallback string `json:"fallback"`
	}
	mustJSON(t, out, &ans)
	if ans.Engine != "local" || ans.Fallback != "provider_error" {
		t.Errorf("answer engine=%q fallback=%q, want local/provider_error", ans.Engine, ans.Fallback)
	}
	sent := bodies.String()
	if sent == "" {
		t.Fatal("the LLM was never called")
	}
	if strings.Contains(sent, "Sup3rS3cretPw") {
		t.Error("the password reached the LLM provider")
	}
}
