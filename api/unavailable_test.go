package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/incidentcopilot/incident-copilot/api"
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// TestDatabaseDownAnswers503 points the server at a port where no database listens:
// readiness and every data endpoint answer 503 with the JSON error, and liveness
// stays 200 so an orchestrator does not restart a process that is not at fault.
func TestDatabaseDownAnswers503(t *testing.T) {
	model, err := embeddings.NewLocal(64)
	if err != nil {
		t.Fatal(err)
	}
	store, err := postgres.Open(context.Background(), "postgres://copilot@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", model, postgres.Options{Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := api.NewServer(store, &copilot.Copilot{Memory: store, Engine: local.New(model)}, api.Options{})
	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{"GET", "/healthz", 200},
		{"GET", "/readyz", 503},
		{"GET", "/v1/incidents/INC-1", 503},
		{"GET", "/v1/incidents/INC-1/similar", 503},
		{"GET", "/v1/incidents/INC-1/summary", 503},
	} {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
		if rec.Code != tc.want {
			t.Errorf("%s %s = %d, want %d: %s", tc.method, tc.path, rec.Code, tc.want, rec.Body)
			continue
		}
		if tc.want == http.StatusServiceUnavailable {
			var body struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error.Code != copilot.EUNAVAILABLE {
				t.Errorf("%s: body %s", tc.path, rec.Body)
			}
		}
	}
}
