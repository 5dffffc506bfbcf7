package main

import (
	"strings"
	"testing"
)

const jiraTestToken = "ATATT3xFfGF0-not-a-real-token-7c1f"

var jiraConfigTests = []struct {
	name    string
	env     map[string]string
	wantErr string // "" for no error
	want    bool   // a tracker is configured
}{
	{name: "none", env: map[string]string{}},
	{name: "all", want: true, env: map[string]string{"COPILOT_JIRA_URL": "https://acme.atlassian.net", "COPILOT_JIRA_EMAIL": "bot@acme.com", "COPILOT_JIRA_TOKEN": jiraTestToken, "COPILOT_JIRA_PROJECT": "OPS", "COPILOT_JIRA_ISSUE_TYPE": "Bug"}},
	{name: "token without project", wantErr: "COPILOT_JIRA_PROJECT: not set", env: map[string]string{"COPILOT_JIRA_URL": "https://acme.atlassian.net", "COPILOT_JIRA_EMAIL": "bot@acme.com", "COPILOT_JIRA_TOKEN": jiraTestToken}},
	{name: "only the token", wantErr: "COPILOT_JIRA_URL, COPILOT_JIRA_EMAIL, COPILOT_JIRA_PROJECT: not set", env: map[string]string{"COPILOT_JIRA_TOKEN": jiraTestToken}},
	{name: "only the issue type", wantErr: "COPILOT_JIRA_URL", env: map[string]string{"COPILOT_JIRA_ISSUE_TYPE": "Task"}},
	{name: "bad project key", wantErr: "COPILOT_JIRA_PROJECT", env: map[string]string{"COPILOT_JIRA_URL": "https://acme.atlassian.net", "COPILOT_JIRA_EMAIL": "bot@acme.com", "COPILOT_JIRA_TOKEN": jiraTestToken, "COPILOT_JIRA_PROJECT": "ops team"}},
	{name: "bad url", wantErr: "COPILOT_JIRA_URL", env: map[string]string{"COPILOT_JIRA_URL": "acme", "COPILOT_JIRA_EMAIL": "bot@acme.com", "COPILOT_JIRA_TOKEN": jiraTestToken, "COPILOT_JIRA_PROJECT": "OPS"}},
}

func TestJiraConfig(t *testing.T) {
	t.Parallel()
	for _, tt := range jiraConfigTests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"DATABASE_URL": "postgres://localhost/x"}
			for k, v := range tt.env {
				env[k] = v
			}
			cfg, err := ConfigFromEnv(func(k string) string { return env[k] })
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(userMessage(err), tt.wantErr) {
					t.Fatalf("err = %v, want one naming %s", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), jiraTestToken) {
					t.Errorf("error echoes the token: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tr, err := cfg.tracker()
			if err != nil || (tr != nil) != tt.want {
				t.Fatalf("tracker = %v, %v; want configured %v", tr, err, tt.want)
			}
		})
	}
}
