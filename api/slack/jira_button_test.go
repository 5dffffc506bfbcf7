package slack_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/incidentcopilot/incident-copilot/api/slack"
	"github.com/incidentcopilot/incident-copilot/tracker/jira"
)

// miniJira answers the three Jira Cloud REST v3 calls filing makes, in their real
// shapes, and keeps the issues it created.
type miniJira struct {
	mu     sync.Mutex
	issues []map[string]any
}

func (j *miniJira) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	j.mu.Lock()
	defer j.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if user, _, ok := r.BasicAuth(); !ok || user != "bot@example.com" {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"errorMessages":["You are not authenticated."],"errors":{}}`)
		return
	}
	switch {
	case r.Method == "POST" && r.URL.Path == "/rest/api/3/search/jql":
		var q struct {
			JQL string `json:"jql"`
		}
		_ = json.NewDecoder(r.Body).Decode(&q)
		var found []string
		for i, is := range j.issues {
			for _, l := range is["labels"].([]any) {
				if strings.Contains(q.JQL, `"`+l.(string)+`"`) && strings.HasPrefix(l.(string), "copilot-") {
					found = append(found, fmt.Sprintf(`{"id":"%d","key":"OPS-%d","fields":{"status":{"name":"To Do","statusCategory":{"key":"new"}}}}`, i+1, i+1))
				}
			}
		}
		fmt.Fprintf(w, `{"issues":[%s],"isLast":true}`, strings.Join(found, ","))
	case r.Method == "GET" && r.URL.Path == "/rest/api/3/user/search":
		fmt.Fprint(w, `[]`)
	case r.Method == "POST" && r.URL.Path == "/rest/api/3/issue":
		var body struct {
			Fields map[string]any `json:"fields"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		j.issues = append(j.issues, body.Fields)
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, `{"id":"%d","key":"OPS-%d","self":"http://%s/rest/api/3/issue/%d"}`, len(j.issues), len(j.issues), r.Host, len(j.issues))
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

// TestCreateTicketButtonFilesInJira clicks "Create ticket" through the fake Slack
// into a Jira client talking to a fake Jira: one issue is filed with the follow-up's
// text, the thread gets its key, the follow-up reads captured, and a second click
// files nothing more.
func TestCreateTicketButtonFilesInJira(t *testing.T) {
	t.Parallel()
	fake := &miniJira{}
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	tracker, err := jira.New(jira.Config{BaseURL: srv.URL, Email: "bot@example.com", Token: "jira-api-token-1", Project: "OPS", MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, nil)
	e.cp.Tracker = tracker
	ctx := context.Background()
	e.slack.channels["C7"] = fakeChannel{Name: "inc-7-pool"}
	e.startWorkers()
	e.event("Ev71", message("C7", "U1", "1772446440.000100", "checkout 5xx, FATAL: sorry, too many clients already"), nil)
	e.event("Ev72", message("C7", "U1", "1772446500.000100", "I'll add an alert on connection count vs max_connections by friday"), nil)
	eventually(t, "the transcript", func() bool {
		inc, err := e.cp.Memory.FindIncidentByID(ctx, "inc-7-pool", true)
		return err == nil && len(inc.Messages) == 2
	})
	ans, err := e.cp.FollowUps(ctx, "inc-7-pool", true, true)
	if err != nil || len(ans.Items) == 0 {
		t.Fatalf("follow-ups = %+v, %v", ans, err)
	}
	fu := ans.Items[0]
	for i := range 2 {
		if s := e.click("C7", "U2", "1772446600.000100", slack.ActionCreateTicket, "inc-7-pool|"+fu.ID); s != http.StatusOK {
			t.Fatalf("click %d: %d", i+1, s)
		}
		n := i + 1
		eventually(t, "the ticket reply", func() bool { return len(e.slack.posts("chat.postMessage")) == n })
	}
	fake.mu.Lock()
	issues := fake.issues
	fake.mu.Unlock()
	if len(issues) != 1 {
		t.Fatalf("%d Jira issues for two clicks, want 1", len(issues))
	}
	if got := issues[0]["summary"]; !strings.Contains(fmt.Sprint(got), "alert on connection count") {
		t.Errorf("issue summary %q", got)
	}
	for _, p := range e.slack.posts("chat.postMessage") {
		if !strings.Contains(p.Form.Get("text")+p.Form.Get("blocks"), "OPS-1") {
			t.Errorf("ticket reply does not name OPS-1: %v", p.Form)
		}
	}
	after, err := e.cp.FollowUps(ctx, "inc-7-pool", true, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range after.Items {
		if it.ID == fu.ID && (!it.Captured || it.TicketKey != "OPS-1") {
			t.Errorf("filed follow-up = %+v, want captured in OPS-1", it)
		}
	}
}
