package jira

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// fakeJira speaks the parts of Jira Cloud's REST API v3 the client uses, with the
// real paths, auth and JSON shapes, and lets a test script failures.
type fakeJira struct {
	t  *testing.T
	mu sync.Mutex
	// issues by key, with the fields the client sent.
	issues map[string]map[string]any
	order  []string
	// fail scripts answers: path prefix → statuses to answer before the real one.
	fail map[string][]int
	// retryAfter is sent with scripted 429s.
	retryAfter string
	calls      map[string]int
	users      []map[string]any
}

func newFakeJira(t *testing.T) (*fakeJira, *httptest.Server) {
	f := &fakeJira{t: t, issues: map[string]map[string]any{}, fail: map[string][]int{}, calls: map[string]int{}}
	f.users = []map[string]any{
		{"accountId": "5b10a2844c20165700ede21g", "accountType": "atlassian", "emailAddress": "ann@example.com", "displayName": "Ann Lee", "active": true},
		{"accountId": "5b10ac8d82e05b22cc7d4ef5", "accountType": "atlassian", "emailAddress": "", "displayName": "Bo Chen", "active": true},
		{"accountId": "557058:bot", "accountType": "app", "displayName": "Automation for Jira", "active": true},
	}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

var labelInJQL = regexp.MustCompile(`labels = "([^"]+)"`)

func (f *fakeJira) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls[r.Method+" "+r.URL.Path]++
	auth := r.Header.Get("Authorization")
	want := "Basic " + base64.StdEncoding.EncodeToString([]byte("bot@example.com:api-token-123"))
	if auth != want {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"errorMessages":["You are not authenticated. Authentication required to perform this operation."],"errors":{}}`)
		return
	}
	for prefix, statuses := range f.fail {
		if strings.HasPrefix(r.Method+" "+r.URL.Path, prefix) && len(statuses) > 0 {
			f.fail[prefix] = statuses[1:]
			if statuses[0] == http.StatusTooManyRequests && f.retryAfter != "" {
				w.Header().Set("Retry-After", f.retryAfter)
			}
			w.WriteHeader(statuses[0])
			fmt.Fprint(w, `{"errorMessages":["scripted failure"],"errors":{}}`)
			return
		}
	}
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == "POST" && r.URL.Path == "/rest/api/3/issue":
		if r.Header.Get("Content-Type") != "application/json" {
			w.WriteHeader(http.StatusUnsupportedMediaType)
			return
		}
		var body struct {
			Fields map[string]any `json:"fields"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"errorMessages":["Unexpected character"],"errors":{}}`)
			return
		}
		proj, _ := body.Fields["project"].(map[string]any)
		if proj["key"] != "OPS" {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"errorMessages":[],"errors":{"project":"valid project is required"}}`)
			return
		}
		if s, _ := body.Fields["summary"].(string); s == "" || strings.Contains(s, "\n") || len([]rune(s)) > 255 {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"errorMessages":[],"errors":{"summary":"You must specify a summary of the issue."}}`)
			return
		}
		key := fmt.Sprintf("OPS-%d", 100+len(f.order))
		f.issues[key] = body.Fields
		f.order = append(f.order, key)
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, `{"id":"%d","key":"%s","self":"%s/rest/api/3/issue/%d"}`, 10000+len(f.order), key, "http://"+r.Host, 10000+len(f.order))
	case r.Method == "POST" && r.URL.Path == "/rest/api/3/search/jql":
		var q struct {
			JQL string `json:"jql"`
		}
		_ = json.NewDecoder(r.Body).Decode(&q)
		var issues []string
		if m := labelInJQL.FindStringSubmatch(q.JQL); m != nil {
			for _, k := range f.order {
				for _, l := range f.issues[k]["labels"].([]any) {
					if l == m[1] {
						issues = append(issues, fmt.Sprintf(`{"id":"1","key":"%s","fields":{"status":{"name":"In Progress","statusCategory":{"key":"indeterminate"}}}}`, k))
					}
				}
			}
		}
		fmt.Fprintf(w, `{"issues":[%s],"isLast":true}`, strings.Join(issues, ","))
	case r.Method == "GET" && r.URL.Path == "/rest/api/3/user/search":
		q := strings.ToLower(r.URL.Query().Get("query"))
		var out []map[string]any
		for _, u := range f.users {
			name := strings.ToLower(u["displayName"].(string))
			email, _ := u["emailAddress"].(string)
			if strings.Contains(name, q) || (email != "" && strings.HasPrefix(email, q)) || (q == "bo@example.com" && u["displayName"] == "Bo Chen") {
				out = append(out, u)
			}
		}
		_ = json.NewEncoder(w).Encode(out)
	case r.Method == "GET" && strings.HasPrefix(r.URL.Path, "/rest/api/3/issue/"):
		key := strings.TrimPrefix(r.URL.Path, "/rest/api/3/issue/")
		if _, ok := f.issues[key]; !ok {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}`)
			return
		}
		fmt.Fprintf(w, `{"id":"1","key":"%s","fields":{"summary":"x","status":{"name":"Done","statusCategory":{"key":"done"}}}}`, key)
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

func newClient(t *testing.T, base string) *Client {
	t.Helper()
	c, err := New(Config{BaseURL: base, Email: "bot@example.com", Token: "api-token-123", Project: "OPS", MaxRetries: 3})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// noSleep records the waits instead of sleeping.
func noSleep(waits *[]time.Duration) func(context.Context, time.Duration) error {
	return func(_ context.Context, d time.Duration) error { *waits = append(*waits, d); return nil }
}

func request() copilot.TicketRequest {
	return copilot.TicketRequest{
		IncidentID: "INC-2041", IncidentTitle: "Checkout 5xx", FollowUpID: "INC-2041/1772446440.000300",
		Summary: "Add an alert on DB pool saturation\nbefore it hits 100%", Owner: "ann@example.com", Due: "2026-03-06",
		Permalink: "https://acme.slack.com/archives/C0123/p1772446440000300", RequestedBy: "bob",
	}
}

func TestCreateTicket(t *testing.T) {
	f, srv := newFakeJira(t)
	c := newClient(t, srv.URL)
	got, err := c.CreateTicket(context.Background(), request())
	if err != nil {
		t.Fatal(err)
	}
	if got.Key != "OPS-100" || got.URL != srv.URL+"/browse/OPS-100" {
		t.Fatalf("created %+v", got)
	}
	fields := f.issues["OPS-100"]
	if fields["summary"] != "Add an alert on DB pool saturation before it hits 100%" {
		t.Errorf("summary %q", fields["summary"])
	}
	if a, _ := fields["assignee"].(map[string]any); a["id"] != "5b10a2844c20165700ede21g" {
		t.Errorf("assignee %v, want Ann's accountId", fields["assignee"])
	}
	if fields["duedate"] != "2026-03-06" {
		t.Errorf("duedate %v", fields["duedate"])
	}
	if it, _ := fields["issuetype"].(map[string]any); it["name"] != "Task" {
		t.Errorf("issuetype %v", fields["issuetype"])
	}
	desc, _ := json.Marshal(fields["description"])
	for _, want := range []string{`"type":"doc"`, `"version":1`, `"type":"paragraph"`, `"href":"https://acme.slack.com/archives/C0123/p1772446440000300"`, "INC-2041", "Owner: ann@example.com", "Filed by bob"} {
		if !strings.Contains(string(desc), want) {
			t.Errorf("description lacks %s: %s", want, desc)
		}
	}

	// A second click files nothing new: the label finds the first issue.
	again, err := c.CreateTicket(context.Background(), request())
	if err != nil || again.Key != "OPS-100" || len(f.order) != 1 {
		t.Errorf("repeat = %+v, %v; %d issues filed", again, err, len(f.order))
	}
	// Another follow-up is another issue.
	r := request()
	r.FollowUpID = "INC-2041/1772446500.000400"
	if other, err := c.CreateTicket(context.Background(), r); err != nil || other.Key != "OPS-101" {
		t.Errorf("second follow-up = %+v, %v", other, err)
	}

	tk, err := c.Ticket(context.Background(), "OPS-100")
	if err != nil || !tk.Done || tk.Status != "Done" {
		t.Errorf("Ticket = %+v, %v", tk, err)
	}
	if _, err := c.Ticket(context.Background(), "OPS-999"); copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Errorf("missing issue: %v", err)
	}
	if _, err := c.Ticket(context.Background(), "ops 1"); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("malformed key: %v", err)
	}
}

func TestAssignee(t *testing.T) {
	_, srv := newFakeJira(t)
	c := newClient(t, srv.URL)
	ctx := context.Background()
	for owner, want := range map[string]string{
		"ann@example.com": "5b10a2844c20165700ede21g",
		"Bo Chen":         "5b10ac8d82e05b22cc7d4ef5",
		"@Bo Chen":        "5b10ac8d82e05b22cc7d4ef5",
		"bo@example.com":  "5b10ac8d82e05b22cc7d4ef5", // email hidden, one match
		"Bo":              "",                         // not an exact name
		"Automation":      "",                         // an app, not a person
		"nobody@else.com": "",
		"":                "",
	} {
		got, err := c.accountID(ctx, owner)
		if err != nil || got != want {
			t.Errorf("accountID(%q) = %q, %v; want %q", owner, got, err, want)
		}
	}
}

func TestRetriesHonourRetryAfter(t *testing.T) {
	f, srv := newFakeJira(t)
	c := newClient(t, srv.URL)
	var waits []time.Duration
	c.sleep = noSleep(&waits)
	f.fail["POST /rest/api/3/issue"] = []int{429, 503}
	f.retryAfter = "7"
	got, err := c.CreateTicket(context.Background(), request())
	if err != nil || got.Key != "OPS-100" {
		t.Fatalf("after a 429 and a 503: %+v, %v", got, err)
	}
	if len(waits) != 2 || waits[0] != 7*time.Second || waits[1] <= 0 || waits[1] > c.cfg.MaxWait {
		t.Errorf("waits %v: want Retry-After's 7s, then a backoff", waits)
	}
	if n := f.calls["POST /rest/api/3/issue"]; n != 3 {
		t.Errorf("%d create calls, want 3", n)
	}
}

func TestFailuresMapToCodes(t *testing.T) {
	ctx := context.Background()
	t.Run("bad credentials", func(t *testing.T) {
		_, srv := newFakeJira(t)
		c, _ := New(Config{BaseURL: srv.URL, Email: "bot@example.com", Token: "wrong-token", Project: "OPS"})
		_, err := c.CreateTicket(ctx, request())
		if copilot.ErrorCode(err) != copilot.EUNAVAILABLE || !strings.Contains(copilot.ErrorMessage(err), "401") || strings.Contains(err.Error(), "wrong-token") {
			t.Errorf("401: %v", err)
		}
	})
	t.Run("rate limited past the retries", func(t *testing.T) {
		f, srv := newFakeJira(t)
		c := newClient(t, srv.URL)
		var waits []time.Duration
		c.sleep = noSleep(&waits)
		f.fail["POST /rest/api/3/search/jql"] = []int{429, 429, 429, 429, 429}
		f.retryAfter = "120"
		_, err := c.CreateTicket(ctx, request())
		if copilot.ErrorCode(err) != copilot.EUNAVAILABLE || !strings.Contains(copilot.ErrorMessage(err), "429") {
			t.Errorf("429s: %v", err)
		}
		if len(waits) != 3 || waits[0] != c.cfg.MaxWait {
			t.Errorf("waits %v: three, each capped at MaxWait", waits)
		}
	})
	t.Run("server errors", func(t *testing.T) {
		f, srv := newFakeJira(t)
		c := newClient(t, srv.URL)
		var waits []time.Duration
		c.sleep = noSleep(&waits)
		f.fail["POST /rest/api/3/issue"] = []int{500, 502, 503, 504}
		_, err := c.CreateTicket(ctx, request())
		if copilot.ErrorCode(err) != copilot.EUNAVAILABLE || len(f.issues) != 0 {
			t.Errorf("5xx: %v", err)
		}
	})
	t.Run("refused fields", func(t *testing.T) {
		_, srv := newFakeJira(t)
		c, _ := New(Config{BaseURL: srv.URL, Email: "bot@example.com", Token: "api-token-123", Project: "NOPE"})
		_, err := c.CreateTicket(ctx, copilot.TicketRequest{IncidentID: "I-1", Summary: "x"})
		if copilot.ErrorCode(err) != copilot.EINVALID || !strings.Contains(copilot.ErrorMessage(err), "valid project is required") {
			t.Errorf("400: %v", err)
		}
	})
	t.Run("unreachable", func(t *testing.T) {
		c, _ := New(Config{BaseURL: "http://127.0.0.1:1", Email: "bot@example.com", Token: "api-token-123", Project: "OPS", MaxRetries: -1})
		_, err := c.Ticket(ctx, "OPS-1")
		if copilot.ErrorCode(err) != copilot.EUNAVAILABLE || !strings.Contains(copilot.ErrorMessage(err), "127.0.0.1:1") {
			t.Errorf("unreachable: %v", err)
		}
	})
	t.Run("empty summary", func(t *testing.T) {
		_, srv := newFakeJira(t)
		c := newClient(t, srv.URL)
		if _, err := c.CreateTicket(ctx, copilot.TicketRequest{Summary: "  "}); copilot.ErrorCode(err) != copilot.EINVALID {
			t.Errorf("empty summary: %v", err)
		}
	})
}

func TestConfig(t *testing.T) {
	for _, cfg := range []Config{
		{BaseURL: "example.atlassian.net", Email: "a@b", Token: "t", Project: "OPS"},
		{BaseURL: "https://u:p@example.atlassian.net", Email: "a@b", Token: "t", Project: "OPS"},
		{BaseURL: "https://example.atlassian.net", Email: "", Token: "t", Project: "OPS"},
		{BaseURL: "https://example.atlassian.net", Email: "a@b", Token: "t", Project: "ops"},
	} {
		if _, err := New(cfg); copilot.ErrorCode(err) != copilot.EINVALID || strings.Contains(copilot.ErrorMessage(err), cfg.Token+"@") {
			t.Errorf("New(%+v) = %v", cfg, err)
		}
	}
	if got := summaryLine(strings.Repeat("é", 300)); len([]rune(got)) != 254 {
		t.Errorf("summary not cut to 254 runes: %d", len([]rune(got)))
	}
	if label("INC-1/1772446440.000300") != "copilot-INC-1_1772446440.000300" {
		t.Errorf("label = %s", label("INC-1/1772446440.000300"))
	}
}
