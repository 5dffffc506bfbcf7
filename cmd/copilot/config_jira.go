package main

import (
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/tracker/jira"
)

// jiraVars are the settings a Jira tracker needs, all or none.
var jiraVars = []string{"COPILOT_JIRA_URL", "COPILOT_JIRA_EMAIL", "COPILOT_JIRA_TOKEN", "COPILOT_JIRA_PROJECT"}

// jiraFromEnv reads the Jira tracker's settings: nil when none is set (follow-ups are
// then recorded as captured, not filed). Half a configuration is an error naming
// what is missing, never echoing a value: the token must not reach a log.
func jiraFromEnv(getenv func(string) string) (*jira.Config, error) {
	val := map[string]string{}
	var set, missing []string
	for _, k := range append(jiraVars, "COPILOT_JIRA_ISSUE_TYPE") {
		val[k] = strings.TrimSpace(getenv(k))
		if val[k] != "" {
			set = append(set, k)
		}
	}
	if len(set) == 0 {
		return nil, nil
	}
	for _, k := range jiraVars {
		if val[k] == "" {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return nil, copilot.Errorf(copilot.EINVALID, "%s: not set, but %s is: set all of %s to file follow-ups in Jira, or none",
			strings.Join(missing, ", "), set[0], strings.Join(jiraVars, ", "))
	}
	cfg := &jira.Config{BaseURL: val["COPILOT_JIRA_URL"], Email: val["COPILOT_JIRA_EMAIL"], Token: val["COPILOT_JIRA_TOKEN"],
		Project: val["COPILOT_JIRA_PROJECT"], IssueType: val["COPILOT_JIRA_ISSUE_TYPE"]}
	// New checks the address and the project key; its messages name the variable.
	if _, err := jira.New(*cfg); err != nil {
		return nil, err
	}
	return cfg, nil
}

// tracker builds the configured tracker, or nil.
func (c Config) tracker() (copilot.Tracker, error) {
	if c.Jira == nil {
		return nil, nil
	}
	cl, err := jira.New(*c.Jira)
	if err != nil {
		return nil, err
	}
	return cl, nil
}
