package api_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/api"
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/memtest"
)

// fakeTracker files tickets OPS-1, OPS-2, … and can be told to be down or to hold
// a call until released.
type fakeTracker struct {
	mu    sync.Mutex
	n     int
	down  bool
	hold  chan struct{} // when set, CreateTicket waits for it
	calls int
}

func (f *fakeTracker) Name() string { return "fake" }

func (f *fakeTracker) CreateTicket(ctx context.Context, req copilot.TicketRequest) (copilot.TrackedTicket, error) {
	f.mu.Lock()
	hold := f.hold
	f.mu.Unlock()
	if hold != nil {
		<-hold
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.down {
		return copilot.TrackedTicket{}, copilot.Errorf(copilot.EUNAVAILABLE, "Tracker failed (503); try again shortly.")
	}
	f.n++
	key := "OPS-" + string(rune('0'+f.n))
	return copilot.TrackedTicket{Key: key, URL: "https://jira.example/browse/" + key}, nil
}

func (f *fakeTracker) Ticket(context.Context, string) (copilot.TrackedTicket, error) {
	return copilot.TrackedTicket{}, copilot.Errorf(copilot.ENOTFOUND, "no")
}

func TestFileFollowUpRoute(t *testing.T) {
	mem := &memtest.Memory{}
	msgs := []copilot.Message{
		{TS: "1772446440.000100", UserName: "ana", Text: "checkout 5xx after deploy, pool exhausted"},
		{TS: "1772446500.000100", UserName: "ben", Text: "rolled back the deploy, errors back to normal"},
		{TS: "1772446560.000100", UserName: "ana", Text: "we should alert on pool saturation. resolved"},
		{TS: "1772446620.000100", UserName: "ben", Text: "I'll add a dashboard for pgbouncer wait time by friday"},
	}
	_, err := mem.Ingest(context.Background(), []*copilot.Incident{
		{ID: "INC-1", Title: "Checkout 5xx", Visibility: "public", Messages: msgs},
		{ID: "INC-2", Title: "Checkout pool", Visibility: "private", Messages: msgs},
	}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}})
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := api.ParseTokens("reader:reader-token-0123456789:read,writer:writer-token-0123456789:read+write,owner:owner-token-0123456789:read+write+private")
	if err != nil {
		t.Fatal(err)
	}
	tr := &fakeTracker{}
	cp := &copilot.Copilot{Memory: mem, Engine: local.New(nil), Ledger: mem, Tracker: tr}
	srv := httptest.NewServer(api.NewServer(mem, cp, api.Options{Tokens: tokens, Logger: slog.New(slog.DiscardHandler)}))
	defer srv.Close()

	call := func(method, path, token string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	_, body := call("GET", "/v1/incidents/INC-1/follow-ups", "reader-token-0123456789")
	var ans copilot.FollowUpsAnswer
	if err := json.Unmarshal([]byte(body), &ans); err != nil || len(ans.Items) == 0 || ans.Items[0].ID == "" {
		t.Fatalf("follow-ups = %s (%v)", body, err)
	}
	fu := ans.Items[0].ID
	ticket := "/v1/incidents/INC-1/follow-ups/" + fu + "/ticket"

	var routeTests = []struct {
		name, path, token string
		down              bool
		want              int
		wantBody          string
	}{
		{"reader may not file", ticket, "reader-token-0123456789", false, 403, "forbidden"},
		{"tracker down", ticket, "writer-token-0123456789", true, 503, "unavailable"},
		{"filed now", ticket, "writer-token-0123456789", false, 201, `"key": "OPS-1"`},
		{"filed before", ticket, "owner-token-0123456789", false, 200, `"key": "OPS-1"`},
		{"unknown follow-up", "/v1/incidents/INC-1/follow-ups/fu-1-2/ticket", "writer-token-0123456789", false, 404, "not_found"},
		{"malformed follow-up id", "/v1/incidents/INC-1/follow-ups/%20x/ticket", "writer-token-0123456789", false, 400, "invalid"},
		{"private without the scope", "/v1/incidents/INC-2/follow-ups/" + fu + "/ticket", "writer-token-0123456789", false, 404, "not_found"},
		{"missing incident", "/v1/incidents/INC-9/follow-ups/" + fu + "/ticket", "writer-token-0123456789", false, 404, "not_found"},
		{"private with the scope", "/v1/incidents/INC-2/follow-ups/" + fu + "/ticket", "owner-token-0123456789", false, 201, `"key": "OPS-2"`},
	}
	for _, tt := range routeTests {
		tr.mu.Lock()
		tr.down = tt.down
		tr.mu.Unlock()
		status, body := call("POST", tt.path, tt.token)
		if status != tt.want || !strings.Contains(body, tt.wantBody) {
			t.Errorf("%s: %d %s, want %d with %s", tt.name, status, body, tt.want, tt.wantBody)
		}
	}
	tr.mu.Lock()
	if tr.calls != 3 {
		t.Errorf("tracker called %d times, want 3 (one failure, two tickets)", tr.calls)
	}
	tr.mu.Unlock()
	// Every answer now shows the item captured, with its key.
	_, body = call("GET", "/v1/incidents/INC-1/follow-ups?uncaptured=true", "reader-token-0123456789")
	if strings.Contains(body, fu) {
		t.Errorf("filed follow-up still uncaptured: %s", body)
	}

	// While one request files a follow-up, another for it answers 409.
	_, body = call("GET", "/v1/incidents/INC-1/follow-ups?uncaptured=true", "reader-token-0123456789")
	var rest copilot.FollowUpsAnswer
	json.Unmarshal([]byte(body), &rest)
	if len(rest.Items) == 0 {
		t.Fatalf("no second follow-up to race on: %s", body)
	}
	second := "/v1/incidents/INC-1/follow-ups/" + rest.Items[0].ID + "/ticket"
	hold := make(chan struct{})
	tr.mu.Lock()
	tr.hold = hold
	tr.mu.Unlock()
	first := make(chan int)
	go func() {
		s, _ := call("POST", second, "writer-token-0123456789")
		first <- s
	}()
	// The first request holds the reservation once the tracker is called.
	for {
		recs, _ := mem.FollowUpTickets(context.Background(), "INC-1")
		if len(recs) == 2 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	if status, body := call("POST", second, "owner-token-0123456789"); status != 409 || !strings.Contains(body, "conflict") {
		t.Errorf("concurrent filing: %d %s, want 409", status, body)
	}
	close(hold)
	if s := <-first; s != 201 {
		t.Errorf("first filing: %d", s)
	}
}
