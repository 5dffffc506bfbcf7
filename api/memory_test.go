package api_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/api"
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/memtest"
)

// TestRoutesWithoutDatabase drives the router over the in-memory memory: status
// codes per route and scope, and a private incident that reads as missing.
func TestRoutesWithoutDatabase(t *testing.T) {
	mem := &memtest.Memory{}
	msgs := []copilot.Message{
		{TS: "1772446440.000100", UserName: "ana", Text: "checkout 5xx after deploy, pool exhausted"},
		{TS: "1772446500.000100", UserName: "ben", Text: "rolled back the deploy, errors back to normal"},
		{TS: "1772446560.000100", UserName: "ana", Text: "we should alert on pool saturation. resolved"},
	}
	_, err := mem.Ingest(context.Background(), []*copilot.Incident{
		{ID: "INC-1", Title: "Checkout 5xx", Visibility: "public", Messages: msgs},
		{ID: "INC-2", Title: "Checkout pool", Visibility: "private", Messages: msgs},
	}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}})
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := api.ParseTokens("reader:reader-token-0123456789:read,owner:owner-token-0123456789:read+write+private")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.NewServer(mem, &copilot.Copilot{Memory: mem, Engine: local.New(nil)}, api.Options{Tokens: tokens, Logger: slog.New(slog.DiscardHandler)}))
	defer srv.Close()

	var routeTests = []struct {
		method, path, token, body string
		want                      int
	}{
		{"GET", "/healthz", "", "", 200},
		{"GET", "/readyz", "", "", 200},
		{"GET", "/v1/incidents/INC-1", "", "", 401},
		{"GET", "/v1/incidents/INC-1", "reader-token-0123456789", "", 200},
		{"GET", "/v1/incidents/INC-1/summary", "reader-token-0123456789", "", 200},
		{"GET", "/v1/incidents/INC-1/follow-ups", "reader-token-0123456789", "", 200},
		{"GET", "/v1/incidents/INC-1/runbook", "reader-token-0123456789", "", 200},
		{"GET", "/v1/incidents/INC-1/similar", "reader-token-0123456789", "", 200},
		{"GET", "/v1/incidents/INC-9", "reader-token-0123456789", "", 404},
		{"GET", "/v1/incidents/INC-2", "reader-token-0123456789", "", 404},
		{"GET", "/v1/incidents/INC-2/summary", "reader-token-0123456789", "", 404},
		{"GET", "/v1/incidents/INC-2", "owner-token-0123456789", "", 200},
		{"POST", "/v1/search", "reader-token-0123456789", `{"query":"checkout pool","limit":3}`, 200},
		{"DELETE", "/v1/incidents/INC-1", "reader-token-0123456789", "", 403},
		{"DELETE", "/v1/incidents/INC-2", "owner-token-0123456789", "", 204},
		{"GET", "/v1/incidents/INC-2", "owner-token-0123456789", "", 404},
	}
	for _, tt := range routeTests {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, strings.NewReader(tt.body))
		if tt.token != "" {
			req.Header.Set("Authorization", "Bearer "+tt.token)
		}
		if tt.body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("%s %s (token %q): status %d, want %d", tt.method, tt.path, tt.token, resp.StatusCode, tt.want)
		}
	}
}
