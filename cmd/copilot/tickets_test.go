package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeJira speaks the parts of Jira Cloud's REST API v3 the tracker client uses
// (the shape of tracker/jira's test fake): issues by key, label search, user search,
// issue lookup, basic auth; down makes every call answer 503.
type fakeJira struct {
	mu     sync.Mutex
	issues map[string]map[string]any
	status map[string]string // issue key → status category key
	order  []string
	down   bool
}

const (
	fakeJiraEmail = "bot@example.com"
	fakeJiraToken = "jira-api-token-0123456789"
)

func newFakeJira(t *testing.T) (*fakeJira, *httptest.Server) {
	t.Helper()
	f := &fakeJira{issues: map[string]map[string]any{}, status: map[string]string{}}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

func (f *fakeJira) issueCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.order)
}

func (f *fakeJira) setDown(down bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.down = down
}

var fakeLabelRE = regexp.MustCompile(`labels = "([^"]+)"`)

func (f *fakeJira) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if r.Header.Get("Authorization") != "Basic "+base64.StdEncoding.EncodeToString([]byte(fakeJiraEmail+":"+fakeJiraToken)) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"errorMessages":["You are not authenticated."],"errors":{}}`)
		return
	}
	if f.down {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(w, `{"errorMessages":["Service unavailable"],"errors":{}}`)
		return
	}
	issueJSON := func(key string) string {
		cat, name := f.status[key], "To Do"
		switch cat {
		case "done":
			name = "Done"
		case "":
			cat = "new"
		default:
			name = "In Progress"
		}
		return fmt.Sprintf(`{"id":"1","key":"%s","fields":{"summary":"x","status":{"name":"%s","statusCategory":{"key":"%s"}}}}`, key, name, cat)
	}
	switch {
	case r.Method == "POST" && r.URL.Path == "/rest/api/3/issue":
		var body struct {
			Fields map[string]any `json:"fields"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if p, _ := body.Fields["project"].(map[string]any); p["key"] != "OPS" {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"errorMessages":[],"errors":{"project":"valid project is required"}}`)
			return
		}
		key := fmt.Sprintf("OPS-%d", 100+len(f.order))
		f.issues[key] = body.Fields
		f.order = append(f.order, key)
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, `{"id":"%d","key":"%s"}`, 10000+len(f.order), key)
	case r.Method == "POST" && r.URL.Path == "/rest/api/3/search/jql":
		var q struct {
			JQL string `json:"jql"`
		}
		_ = json.NewDecoder(r.Body).Decode(&q)
		var found []string
		if m := fakeLabelRE.FindStringSubmatch(q.JQL); m != nil {
			for _, k := range f.order {
				labels, _ := f.issues[k]["labels"].([]any)
				for _, l := range labels {
					if l == m[1] {
						found = append(found, issueJSON(k))
					}
				}
			}
		}
		fmt.Fprintf(w, `{"issues":[%s],"isLast":true}`, strings.Join(found, ","))
	case r.Method == "GET" && r.URL.Path == "/rest/api/3/user/search":
		if q := r.URL.Query().Get("query"); strings.EqualFold(q, "ann@example.com") || strings.EqualFold(q, "Ann Lee") {
			fmt.Fprint(w, `[{"accountId":"5b10a2844c20165700ede21g","accountType":"atlassian","emailAddress":"ann@example.com","displayName":"Ann Lee","active":true}]`)
			return
		}
		fmt.Fprint(w, `[]`)
	case r.Method == "GET" && strings.HasPrefix(r.URL.Path, "/rest/api/3/issue/"):
		key := strings.TrimPrefix(r.URL.Path, "/rest/api/3/issue/")
		if _, ok := f.issues[key]; !ok && f.status[key] == "" {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}`)
			return
		}
		fmt.Fprint(w, issueJSON(key))
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

const writerToken = "writer-token-0123456789"

// ticketIncidents: TIX-1 with two promises (one by Ann, whom Jira knows by name) and
// a fix ticket that is still open; TIX-2 private; TIX-3 like TIX-1.
const ticketIncidents = `{"id":"TIX-1","title":"checkout 5xx, db pool exhausted","severity":"SEV2","status":"resolved","services":["checkout-api"],"started_at":"2026-03-02T10:14:00Z","messages":[
 {"ts":"1772446440.000100","user_name":"bob","text":"checkout-api 5xx, FATAL: sorry, too many clients already from postgres"},
 {"ts":"1772446620.000100","user_name":"bob","text":"rolled back deploy 4412 that doubled the pool size, resolved"},
 {"ts":"1772447400.000100","user_name":"Ann Lee","text":"I'll add an alert on connection count vs max_connections by 2026-03-06"},
 {"ts":"1772447460.000100","user_name":"bob","text":"we should cap the pool size per pod in the chart"}],
 "tickets":[{"key":"PAY-881","title":"revert deploy 4412 config","status":"open"}]}
{"id":"TIX-2","title":"cdn cert expired","visibility":"private","started_at":"2026-05-01T00:00:00Z","messages":[
 {"ts":"1777593600.000100","user_name":"erin","text":"x509: certificate has expired on static.example.com"},
 {"ts":"1777593900.000100","user_name":"erin","text":"renewed the cert by hand, fixed. we should automate cert renewal with cert-manager"}]}
{"id":"TIX-3","title":"orders 5xx, too many clients","started_at":"2026-06-02T10:14:00Z","messages":[
 {"ts":"1780395240.000100","user_name":"dan","text":"orders-api 5xx: FATAL: sorry, too many clients already, db pool exhausted"},
 {"ts":"1780395300.000100","user_name":"dan","text":"killed idle sessions, recovered"}]}
`

func followUpIDs(t *testing.T, body string) (ids []string, byID map[string]map[string]any) {
	t.Helper()
	var ans struct {
		Items []map[string]any `json:"items"`
	}
	mustJSON(t, body, &ans)
	byID = map[string]map[string]any{}
	for _, it := range ans.Items {
		id, _ := it["id"].(string)
		ids = append(ids, id)
		byID[id] = it
	}
	return ids, byID
}

// TestTicketsEndToEnd files follow-ups through the real API and CLI into a fake
// Jira: once per follow-up however often it is asked, visible in every answer
// afterwards, private incidents hidden without the scope, a tracker outage a 503
// that a retry recovers from, and similar incidents naming their open fixes.
func TestTicketsEndToEnd(t *testing.T) {
	t.Parallel()
	jira, jsrv := newFakeJira(t)
	jira.status["PAY-881"] = "indeterminate"
	base := testEnvWith(t, "reader:"+readerToken+":read,writer:"+writerToken+":read+write,admin:"+adminToken+":read+write+private")
	env := envWith(base,
		"COPILOT_JIRA_URL", jsrv.URL,
		"COPILOT_JIRA_EMAIL", fakeJiraEmail,
		"COPILOT_JIRA_TOKEN", fakeJiraToken,
		"COPILOT_JIRA_PROJECT", "OPS")
	if _, stderr, err := run(t, env, "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, stderr)
	}
	doc := t.TempDir() + "/tix.jsonl"
	if err := os.WriteFile(doc, []byte(ticketIncidents), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := run(t, env, "ingest", doc); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}

	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var logs syncBuffer
	m := &Main{Stdout: io.Discard, Stderr: &logs, Getenv: env, Ready: func(a string) { ready <- a }}
	go func() { done <- m.Run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}) }()
	var api string
	select {
	case a := <-ready:
		api = "http://" + a
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

	res := do(t, "GET", api+"/v1/incidents/TIX-1/follow-ups?uncaptured=true", readerToken, nil)
	expectStatus(t, res, 200)
	ids, items := followUpIDs(t, res.body)
	if len(ids) < 2 {
		t.Fatalf("want two uncaptured follow-ups of TIX-1: %s", res.body)
	}
	var annID string
	for _, id := range ids {
		if items[id]["owner"] == "Ann Lee" {
			annID = id
		}
	}
	if annID == "" {
		t.Fatalf("no follow-up owned by Ann Lee: %s", res.body)
	}
	otherID := ids[0]
	if otherID == annID {
		otherID = ids[1]
	}

	// The API files Ann's follow-up once, however often it is asked.
	ticket := api + "/v1/incidents/TIX-1/follow-ups/" + annID + "/ticket"
	expectError(t, do(t, "POST", ticket, readerToken, nil), 403, "forbidden")
	first := do(t, "POST", ticket, writerToken, nil)
	expectStatus(t, first, 201)
	var rec struct {
		Key, URL, Tracker string
		CreatedBy         string `json:"created_by"`
	}
	mustJSON(t, first.body, &rec)
	if rec.Key != "OPS-100" || rec.URL != jsrv.URL+"/browse/OPS-100" || rec.Tracker != "jira" || rec.CreatedBy != "writer" {
		t.Fatalf("first filing = %s", first.body)
	}
	again := do(t, "POST", ticket, adminToken, nil)
	expectStatus(t, again, 200)
	if !strings.Contains(again.body, `"key": "OPS-100"`) || jira.issueCount() != 1 {
		t.Errorf("second filing = %s; %d issues in Jira", again.body, jira.issueCount())
	}
	jira.mu.Lock()
	fields := jira.issues["OPS-100"]
	jira.mu.Unlock()
	desc, _ := json.Marshal(fields["description"])
	if a, _ := fields["assignee"].(map[string]any); a["id"] != "5b10a2844c20165700ede21g" {
		t.Errorf("assignee = %v, want Ann's account", fields["assignee"])
	}
	if !strings.Contains(fmt.Sprint(fields["labels"]), "copilot-TIX-1_"+annID) || !strings.Contains(string(desc), "TIX-1") || fields["duedate"] != "2026-03-06" {
		t.Errorf("issue fields = %v", fields)
	}

	// The CLI files the other one.
	out, stderr, err := run(t, env, "ticket", "TIX-1", otherID, "--json")
	if err != nil {
		t.Fatalf("copilot ticket: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, `"key": "OPS-101"`) || !strings.Contains(out, `"created_by": "cli`) {
		t.Errorf("copilot ticket = %s", out)
	}
	if out, _, err := run(t, env, "ticket", "TIX-1", otherID); err != nil || !strings.Contains(out, "already filed: OPS-101") {
		t.Errorf("copilot ticket again = %q, %v", out, err)
	}
	if jira.issueCount() != 2 {
		t.Errorf("%d issues in Jira, want 2", jira.issueCount())
	}

	// Both now read as captured, with key and URL, in the API and the CLI.
	_, items = followUpIDs(t, do(t, "GET", api+"/v1/incidents/TIX-1/follow-ups", readerToken, nil).body)
	out, _, err = run(t, env, "followups", "TIX-1", "--json")
	if err != nil {
		t.Fatal(err)
	}
	_, cliItems := followUpIDs(t, out)
	for id, key := range map[string]string{annID: "OPS-100", otherID: "OPS-101"} {
		for _, it := range []map[string]any{items[id], cliItems[id]} {
			if it["captured"] != true || it["ticket_key"] != key || it["ticket_url"] != jsrv.URL+"/browse/"+key {
				t.Errorf("follow-up %s = %v, want captured as %s", id, it, key)
			}
		}
	}

	// A private incident's follow-up: 404 without the private scope, like a missing one.
	res = do(t, "GET", api+"/v1/incidents/TIX-2/follow-ups", adminToken, nil)
	privIDs, _ := followUpIDs(t, res.body)
	if len(privIDs) == 0 {
		t.Fatalf("no follow-up in TIX-2: %s", res.body)
	}
	priv := api + "/v1/incidents/TIX-2/follow-ups/" + privIDs[0] + "/ticket"
	hidden := do(t, "POST", priv, writerToken, nil)
	expectError(t, hidden, 404, "not_found")
	if missing := do(t, "POST", api+"/v1/incidents/TIX-9/follow-ups/"+privIDs[0]+"/ticket", writerToken, nil); strings.ReplaceAll(missing.body, "TIX-9", "TIX-2") != hidden.body {
		t.Errorf("a private incident's 404 differs from a missing one's:\n%s\n%s", hidden.body, missing.body)
	}

	// Jira down: 503 and nothing recorded; once it is back, the retry files it.
	jira.setDown(true)
	expectError(t, do(t, "POST", priv, adminToken, nil), 503, "unavailable")
	jira.setDown(false)
	expectStatus(t, do(t, "POST", priv, adminToken, nil), 201)
	if jira.issueCount() != 3 {
		t.Errorf("%d issues in Jira, want 3", jira.issueCount())
	}

	// Similar incidents name the fixes still open: TIX-1's PAY-881 and OPS-100 and
	// OPS-101 filed above; a fix marked done drops out (after the cache's life).
	res = do(t, "GET", api+"/v1/incidents/TIX-3/similar", readerToken, nil)
	expectStatus(t, res, 200)
	var sim struct {
		Results []struct {
			IncidentID string `json:"incident_id"`
			OpenFixes  []struct {
				Key string `json:"key"`
			} `json:"open_fixes"`
		} `json:"results"`
		Note string `json:"note"`
	}
	mustJSON(t, res.body, &sim)
	var fixes []string
	for _, r := range sim.Results {
		if r.IncidentID == "TIX-1" {
			for _, f := range r.OpenFixes {
				fixes = append(fixes, f.Key)
			}
		}
	}
	if strings.Join(fixes, " ") != "OPS-100 OPS-101 PAY-881" || sim.Note != "" {
		t.Errorf("TIX-1's open fixes = %v (note %q): %s", fixes, sim.Note, res.body)
	}
	out, _, err = run(t, env, "similar", "TIX-3")
	if err != nil || !strings.Contains(out, "This happened before (TIX-1), and its fixes OPS-100, OPS-101, PAY-881 are still open.") {
		t.Errorf("copilot similar = %q, %v", out, err)
	}
	// With Jira down, similar still answers, without open fixes and with a note.
	jira.setDown(true)
	out, _, err = run(t, env, "similar", "TIX-3", "--json")
	jira.setDown(false)
	if err != nil || strings.Contains(out, "open_fixes") || !strings.Contains(out, `"note"`) {
		t.Errorf("similar with Jira down = %s, %v", out, err)
	}
	if strings.Contains(logs.String(), fakeJiraToken) {
		t.Error("server logs contain the Jira token")
	}
}
