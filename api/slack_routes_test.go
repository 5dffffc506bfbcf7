package api

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

type fakeSlackRoutes struct{ hit string }

func (f *fakeSlackRoutes) Events(w http.ResponseWriter, r *http.Request)   { f.hit = "events" }
func (f *fakeSlackRoutes) Commands(w http.ResponseWriter, r *http.Request) { f.hit = "commands" }
func (f *fakeSlackRoutes) Interactions(w http.ResponseWriter, r *http.Request) {
	f.hit = "interactions"
}

// TestSlackRoutesSkipBearerAuth: with API tokens configured, Slack's requests
// (which carry no bearer token) still reach the Slack handler, which checks
// Slack's signature instead; without Slack configured they answer 501.
func TestSlackRoutesSkipBearerAuth(t *testing.T) {
	tokens, err := ParseTokens("bot:0123456789abcdef0123:read")
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeSlackRoutes{}
	s := NewServer(nil, nil, Options{Tokens: tokens, Slack: f})
	for _, name := range []string{"events", "commands", "interactions"} {
		f.hit = ""
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/slack/"+name, nil))
		if f.hit != name {
			t.Errorf("POST /v1/slack/%s reached %q (status %d)", name, f.hit, rec.Code)
		}
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/incidents", nil))
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("GET /v1/incidents without a token = %d, want 401", rec.Code)
	}
	bare := NewServer(nil, nil, Options{})
	rec = httptest.NewRecorder()
	bare.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/slack/events", nil))
	if rec.Code != http.StatusNotImplemented {
		t.Errorf("unconfigured Slack route = %d, want 501", rec.Code)
	}
}
