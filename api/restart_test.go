package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/api"
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

func restartIncident(id string) *copilot.Incident {
	base := time.Date(2026, 3, 2, 10, 14, 0, 0, time.UTC)
	inc := &copilot.Incident{
		ID: id, Title: "checkout 5xx " + id, Severity: "SEV2", Status: "resolved", Visibility: copilot.VisibilityPublic,
		Services: []string{"checkout-api"}, Team: "payments", StartedAt: base, ResolvedAt: base.Add(time.Hour),
		Source: copilot.SourceDocument,
	}
	for i := 0; i < 4; i++ {
		inc.Messages = append(inc.Messages, copilot.Message{
			TS: copilot.FormatTS(base.Add(time.Duration(i) * time.Minute)), User: "U01", UserName: "ana",
			Text: fmt.Sprintf("step %d: pool exhausted, too many clients already; I'll add an alert", i),
		})
	}
	return inc
}

// tally counts what the clients saw.
type tally struct {
	ok, unavailable atomic.Int64
	mu              sync.Mutex
	bad             []string // anything but 200, or 503 with the JSON error
}

func (tl *tally) badf(format string, args ...any) {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	if len(tl.bad) < 20 {
		tl.bad = append(tl.bad, fmt.Sprintf(format, args...))
	}
}

// TestDatabaseRestartUnderLoad stops and starts the database while 8 clients read
// through the real API: during the outage they get 503 with the JSON error (never
// 500), pg_ctl start succeeds although the clients keep asking, and the same server
// answers 200 again afterwards without being restarted.
func TestDatabaseRestartUnderLoad(t *testing.T) {
	cluster := dbtest.NewCluster(t)
	ctx := context.Background()
	model, err := embeddings.NewLocal(64)
	if err != nil {
		t.Fatal(err)
	}
	store, err := postgres.Open(ctx, cluster.URL+"&connect_timeout=5", model, postgres.Options{Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Ingest(ctx, []*copilot.Incident{restartIncident("INC-1"), restartIncident("INC-2")}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(api.NewServer(store, &copilot.Copilot{Memory: store, Engine: local.New(model)}, api.Options{Logger: logger}))
	defer srv.Close()
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: 16}}
	defer client.CloseIdleConnections()

	routes := []string{"/v1/incidents/INC-1", "/v1/incidents/INC-1/similar", "/v1/incidents/INC-2/summary",
		"/v1/incidents/INC-2/follow-ups", "/v1/incidents/INC-1/runbook", "/readyz", "/healthz"}
	get := func(path string) (int, string, error) {
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			return 0, "", err
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			_, err := io.Copy(io.Discard, resp.Body)
			return resp.StatusCode, "", err
		}
		var body struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			return resp.StatusCode, "", fmt.Errorf("error body is not JSON: %w", err)
		}
		return resp.StatusCode, body.Error.Code, nil
	}

	// Clients stop when told to, or after maxRequests each, whichever comes first.
	const clients, maxRequests = 8, 200000
	var (
		seen tally
		stop = make(chan struct{})
		wg   sync.WaitGroup
	)
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < maxRequests; i++ {
				select {
				case <-stop:
					return
				default:
				}
				path := routes[(c+i)%len(routes)]
				status, code, err := get(path)
				switch {
				case err != nil:
					seen.badf("GET %s: %v", path, err)
				case status == http.StatusOK:
					seen.ok.Add(1)
				case status == http.StatusServiceUnavailable && code == copilot.EUNAVAILABLE:
					seen.unavailable.Add(1)
				default:
					seen.badf("GET %s: %d %s", path, status, code)
				}
			}
		}(c)
	}
	defer func() { close(stop); wg.Wait() }()

	// The poll deadline is only a test timeout: the test asserts recovery, not speed.
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("gave up waiting for %s (ok %d, unavailable %d, bad %v)", what, seen.ok.Load(), seen.unavailable.Load(), seen.bad)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitFor("answers before the outage", func() bool { return seen.ok.Load() >= 50 })

	cluster.Stop()
	before := seen.unavailable.Load()
	waitFor("503s during the outage", func() bool { return seen.unavailable.Load() >= before+50 })
	cluster.Start() // fails the test if the port was taken meanwhile

	waitFor("the same server to answer 200 again", func() bool {
		for _, path := range routes {
			if status, _, err := get(path); err != nil || status != http.StatusOK {
				return false
			}
		}
		return true
	})
	okAfter := seen.ok.Load()
	waitFor("clients to be answered again", func() bool { return seen.ok.Load() >= okAfter+50 })

	close(stop)
	wg.Wait()
	stop = make(chan struct{}) // for the deferred close
	seen.mu.Lock()
	defer seen.mu.Unlock()
	if len(seen.bad) > 0 {
		t.Errorf("clients saw answers other than 200 or a JSON 503:\n%v", seen.bad)
	}
	t.Logf("ok %d, unavailable %d", seen.ok.Load(), seen.unavailable.Load())
}
