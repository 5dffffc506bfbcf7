package bench

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestRunLoadCountsEveryRoute runs a short load against a fake server whose
// readiness fails: every route is requested, only readiness counts errors, and the
// server's RSS is read from its metrics.
func TestRunLoadCountsEveryRoute(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/v1/search":
			io.WriteString(w, `{"results":[{"incident_id":"INC-1"},{"incident_id":"INC-2"}]}`)
		case r.URL.Path == "/metrics":
			io.WriteString(w, "# HELP x\nprocess_resident_memory_bytes 2.097152e+07\n")
		case r.URL.Path == "/readyz":
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, `{"error":{"code":"unavailable","message":"down"}}`)
		case strings.HasPrefix(r.URL.Path, "/v1/incidents/INC-"), r.URL.Path == "/healthz":
			io.WriteString(w, `{}`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	rep, err := RunLoad(context.Background(), LoadConfig{BaseURL: srv.URL, Clients: 4, Duration: 200 * time.Millisecond}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Incidents != 2 || rep.RSSBeforeMB != 20 || rep.RSSAfterMB != 20 {
		t.Errorf("incidents %d, rss %v/%v; want 2, 20/20", rep.Incidents, rep.RSSBeforeMB, rep.RSSAfterMB)
	}
	errs := 0
	for _, rt := range rep.Routes {
		if rt.Requests == 0 {
			t.Errorf("%s: no requests", rt.Route)
		}
		if rt.Route == "GET /readyz" {
			if rt.Errors != rt.Requests {
				t.Errorf("readyz: %d errors of %d requests, want all", rt.Errors, rt.Requests)
			}
		} else if rt.Errors != 0 {
			t.Errorf("%s: %d errors: %v", rt.Route, rt.Errors, rt.FirstErrors)
		}
		errs += rt.Errors
	}
	if rep.Errors != errs || rep.Requests == 0 {
		t.Errorf("totals: %d requests, %d errors (routes say %d)", rep.Requests, rep.Errors, errs)
	}
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil || !strings.Contains(b.String(), "| `GET /readyz` |") {
		t.Errorf("table: %v\n%s", err, b.String())
	}
}

func TestRunLoadRefusesRemoteServers(t *testing.T) {
	_, err := RunLoad(context.Background(), LoadConfig{BaseURL: "http://example.com:8080", Duration: time.Millisecond}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Fatalf("RunLoad on a remote host = %v, want a loopback error", err)
	}
}
