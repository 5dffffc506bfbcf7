package api_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/incidentcopilot/incident-copilot/api"
	"github.com/incidentcopilot/incident-copilot/copilot"
)

// readiness is a memory that only answers Ready.
type readiness struct {
	copilot.Memory
	warnings []string
	err      error
}

func (r readiness) Ready(context.Context) ([]string, error) { return r.warnings, r.err }

var readyzTests = []struct {
	name     string
	memory   readiness
	status   int
	warnings []string
	code     string
}{
	{name: "ready", status: 200},
	{
		name:     "stale vectors are a warning",
		memory:   readiness{warnings: []string{"3 chunks of 1 incidents were embedded by local/v1/64/lex-aaaa, not the configured local/v1/64/lex-bbbb"}},
		status:   200,
		warnings: []string{"3 chunks of 1 incidents were embedded by local/v1/64/lex-aaaa, not the configured local/v1/64/lex-bbbb"},
	},
	{
		name:   "no vectors of the configured embedder",
		memory: readiness{err: copilot.Errorf(copilot.EUNAVAILABLE, "No chunk was embedded by the configured embedder x.")},
		status: 503,
		code:   copilot.EUNAVAILABLE,
	},
}

func TestReadyz(t *testing.T) {
	for _, tt := range readyzTests {
		t.Run(tt.name, func(t *testing.T) {
			srv := api.NewServer(tt.memory, nil, api.Options{})
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			var body struct {
				Status   string                `json:"status"`
				Warnings []string              `json:"warnings"`
				Error    struct{ Code string } `json:"error"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("body %s: %v", rec.Body, err)
			}
			if tt.status == 200 && (body.Status != "ready" || !slices.Equal(body.Warnings, tt.warnings)) {
				t.Errorf("body %s, want ready with warnings %v", rec.Body, tt.warnings)
			}
			if tt.code != "" && body.Error.Code != tt.code {
				t.Errorf("body %s, want error code %s", rec.Body, tt.code)
			}
		})
	}
}
