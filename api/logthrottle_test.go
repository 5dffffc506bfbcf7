package api

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

type step struct {
	after   time.Duration // clock moves this much before the event
	kind    string
	wantLog bool
	wantN   int
}

var throttleTests = []struct {
	name  string
	steps []step
}{
	{"first event logs", []step{{0, "unavailable", true, 1}}},
	{"burst logs once", []step{
		{0, "unavailable", true, 1},
		{time.Second, "unavailable", false, 0},
		{time.Second, "unavailable", false, 0},
		{time.Second, "unavailable", false, 0},
	}},
	{"next interval reports the held-back count", []step{
		{0, "unavailable", true, 1},
		{time.Second, "unavailable", false, 0},
		{time.Second, "unavailable", false, 0},
		{8 * time.Second, "unavailable", true, 3},
		{time.Second, "unavailable", false, 0},
		{10 * time.Second, "unavailable", true, 2},
	}},
	{"kinds are throttled apart", []step{
		{0, "unavailable", true, 1},
		{0, "internal", true, 1},
		{time.Second, "unavailable", false, 0},
		{time.Second, "internal", false, 0},
	}},
	{"quiet then again", []step{
		{0, "internal", true, 1},
		{time.Hour, "internal", true, 1},
	}},
}

func TestLogThrottle(t *testing.T) {
	for _, tt := range throttleTests {
		t.Run(tt.name, func(t *testing.T) {
			th := newLogThrottle(10 * time.Second)
			now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
			th.now = func() time.Time { return now }
			for i, s := range tt.steps {
				now = now.Add(s.after)
				log, n := th.note(s.kind)
				if log != s.wantLog || n != s.wantN {
					t.Fatalf("step %d (%s): note = %v, %d; want %v, %d", i, s.kind, log, n, s.wantLog, s.wantN)
				}
			}
		})
	}
}

// TestOutageLogsOncePerInterval: 200 requests against a database that is down write
// one warning line, no error lines, and are all counted in /metrics.
func TestOutageLogsOncePerInterval(t *testing.T) {
	model, err := embeddings.NewLocal(64)
	if err != nil {
		t.Fatal(err)
	}
	store, err := postgres.Open(context.Background(), "postgres://copilot@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", model, postgres.Options{Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	srv := NewServer(store, &copilot.Copilot{Memory: store, Engine: local.New(model)}, Options{Logger: logger})
	const n = 200
	for i := 0; i < n; i++ {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/incidents/INC-1", nil))
		if rec.Code != http.StatusServiceUnavailable {
			t.Fatalf("request %d = %d, want 503: %s", i, rec.Code, rec.Body)
		}
	}
	var warnings, errorLines, requestLines int
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec struct{ Level, Msg string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		switch {
		case rec.Msg == "request":
			requestLines++
		case rec.Level == "ERROR":
			errorLines++
		case rec.Level == "WARN" && strings.HasPrefix(rec.Msg, "database unavailable"):
			warnings++
		}
	}
	if warnings != 1 || errorLines != 0 {
		t.Errorf("%d requests logged %d unavailable warnings and %d error lines, want 1 and 0:\n%s", n, warnings, errorLines, logs.String())
	}
	if requestLines != n {
		t.Errorf("request lines = %d, want one per request (%d)", requestLines, n)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if want := `copilot_errors_total{code="unavailable"} 200`; !strings.Contains(rec.Body.String(), want) {
		t.Errorf("metrics lack %q", want)
	}
}
