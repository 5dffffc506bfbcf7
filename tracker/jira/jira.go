// Package jira files follow-ups as Jira Cloud issues through the REST API v3. No Jira
// Go client is served by the module proxy, so this is a small client on net/http:
// basic auth with an API token, timeouts, retries on 429 and 5xx that honour
// Retry-After, and Jira's errors mapped onto the domain's codes.
package jira

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Config says where to file tickets.
type Config struct {
	// BaseURL is the site, e.g. https://example.atlassian.net.
	BaseURL string
	Email   string
	Token   string
	// Project is the key of the project new issues go to (e.g. "OPS").
	Project string
	// IssueType defaults to "Task".
	IssueType string
	// Timeout bounds one HTTP request; zero means 10 s.
	Timeout time.Duration
	// MaxRetries bounds the retries of a 429 or 5xx; zero means 3, negative none.
	MaxRetries int
	// MaxWait caps a single wait between retries (Retry-After included); zero means 30 s.
	MaxWait time.Duration
}

// Client is a Jira Cloud tracker.
type Client struct {
	cfg  Config
	base *url.URL
	http *http.Client
	// sleep waits between retries; tests replace it.
	sleep func(ctx context.Context, d time.Duration) error
}

var _ copilot.Tracker = (*Client)(nil)

var projectKeyRE = regexp.MustCompile(`^[A-Z][A-Z0-9_]{1,9}$`)

// New checks the configuration and builds a client.
//
// Errors: EINVALID naming the setting that is missing or malformed (never the token).
func New(cfg Config) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, copilot.Errorf(copilot.EINVALID, "COPILOT_JIRA_URL: want the site's address, e.g. https://example.atlassian.net")
	}
	if u.User != nil {
		return nil, copilot.Errorf(copilot.EINVALID, "COPILOT_JIRA_URL: must not carry credentials; use COPILOT_JIRA_EMAIL and COPILOT_JIRA_TOKEN")
	}
	if strings.TrimSpace(cfg.Email) == "" || strings.TrimSpace(cfg.Token) == "" {
		return nil, copilot.Errorf(copilot.EINVALID, "COPILOT_JIRA_EMAIL and COPILOT_JIRA_TOKEN are both needed with COPILOT_JIRA_URL")
	}
	if !projectKeyRE.MatchString(cfg.Project) {
		return nil, copilot.Errorf(copilot.EINVALID, "COPILOT_JIRA_PROJECT: %s is not a Jira project key (e.g. OPS)", copilot.Quote(cfg.Project, 20))
	}
	if cfg.IssueType == "" {
		cfg.IssueType = "Task"
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = 3
	}
	if cfg.MaxWait <= 0 {
		cfg.MaxWait = 30 * time.Second
	}
	return &Client{cfg: cfg, base: u, http: &http.Client{Timeout: cfg.Timeout}, sleep: sleepCtx}, nil
}

// Name is "jira".
func (c *Client) Name() string { return "jira" }

// BrowseURL is where a person opens an issue.
func (c *Client) BrowseURL(key string) string {
	return c.base.String() + "/browse/" + url.PathEscape(key)
}

// label marks the issues filed for one follow-up, so a repeat finds the first.
func label(followUpID string) string {
	var b strings.Builder
	b.WriteString("copilot-")
	for _, r := range followUpID {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// CreateTicket files a follow-up as an issue in the configured project, assigned to
// the owner when Jira knows them, or returns the issue already filed for the same
// follow-up (found by its label).
func (c *Client) CreateTicket(ctx context.Context, req copilot.TicketRequest) (copilot.TrackedTicket, error) {
	if strings.TrimSpace(req.Summary) == "" {
		return copilot.TrackedTicket{}, copilot.Errorf(copilot.EINVALID, "A ticket needs the follow-up's text.")
	}
	lbl := ""
	if req.FollowUpID != "" {
		lbl = label(req.FollowUpID)
		if t, ok, err := c.findByLabel(ctx, lbl); err != nil || ok {
			return t, err
		}
	}
	fields := map[string]any{
		"project":     map[string]string{"key": c.cfg.Project},
		"issuetype":   map[string]string{"name": c.cfg.IssueType},
		"summary":     summaryLine(req.Summary),
		"description": description(req),
	}
	if lbl != "" {
		fields["labels"] = []string{lbl, "incident-follow-up"}
	}
	if isDate(req.Due) {
		fields["duedate"] = req.Due
	}
	if req.Owner != "" {
		id, err := c.accountID(ctx, req.Owner)
		if err != nil {
			return copilot.TrackedTicket{}, err
		}
		if id != "" {
			fields["assignee"] = map[string]string{"id": id}
		}
	}
	var created struct {
		Key string `json:"key"`
	}
	if err := c.do(ctx, http.MethodPost, "/rest/api/3/issue", nil, map[string]any{"fields": fields}, &created); err != nil {
		return copilot.TrackedTicket{}, err
	}
	if created.Key == "" {
		return copilot.TrackedTicket{}, copilot.Errorf(copilot.EUNAVAILABLE, "Jira answered without an issue key.")
	}
	return copilot.TrackedTicket{Key: created.Key, URL: c.BrowseURL(created.Key), Status: "To Do"}, nil
}

// Ticket looks an issue up by key.
func (c *Client) Ticket(ctx context.Context, key string) (copilot.TrackedTicket, error) {
	if !issueKeyRE.MatchString(key) {
		return copilot.TrackedTicket{}, copilot.Errorf(copilot.EINVALID, "%s is not a Jira issue key.", copilot.Quote(key, 30))
	}
	var issue issueJSON
	q := url.Values{"fields": {"status,summary"}}
	if err := c.do(ctx, http.MethodGet, "/rest/api/3/issue/"+url.PathEscape(key), q, nil, &issue); err != nil {
		return copilot.TrackedTicket{}, err
	}
	return c.tracked(issue), nil
}

var issueKeyRE = regexp.MustCompile(`^[A-Z][A-Z0-9_]{1,9}-[1-9][0-9]{0,9}$`)

type issueJSON struct {
	Key    string `json:"key"`
	Fields struct {
		Status struct {
			Name           string `json:"name"`
			StatusCategory struct {
				Key string `json:"key"`
			} `json:"statusCategory"`
		} `json:"status"`
	} `json:"fields"`
}

func (c *Client) tracked(i issueJSON) copilot.TrackedTicket {
	return copilot.TrackedTicket{
		Key: i.Key, URL: c.BrowseURL(i.Key), Status: i.Fields.Status.Name,
		Done: i.Fields.Status.StatusCategory.Key == "done",
	}
}

// findByLabel finds the issue already filed for a follow-up.
func (c *Client) findByLabel(ctx context.Context, lbl string) (copilot.TrackedTicket, bool, error) {
	body := map[string]any{
		"jql":        fmt.Sprintf(`project = "%s" AND labels = "%s" ORDER BY created ASC`, c.cfg.Project, lbl),
		"fields":     []string{"status", "summary"},
		"maxResults": 1,
	}
	var res struct {
		Issues []issueJSON `json:"issues"`
	}
	if err := c.do(ctx, http.MethodPost, "/rest/api/3/search/jql", nil, body, &res); err != nil {
		return copilot.TrackedTicket{}, false, err
	}
	if len(res.Issues) == 0 {
		return copilot.TrackedTicket{}, false, nil
	}
	return c.tracked(res.Issues[0]), true, nil
}

// accountID finds the Jira account of an owner given as an email address or a
// display name. Jira answers user search with fuzzy matches, so only an exact email
// or a single exact display name counts; an owner Jira does not know leaves the issue
// unassigned rather than failing it.
func (c *Client) accountID(ctx context.Context, owner string) (string, error) {
	owner = strings.TrimSpace(strings.TrimPrefix(owner, "@"))
	if owner == "" {
		return "", nil
	}
	var users []struct {
		AccountID    string `json:"accountId"`
		AccountType  string `json:"accountType"`
		EmailAddress string `json:"emailAddress"`
		DisplayName  string `json:"displayName"`
		Active       bool   `json:"active"`
	}
	if err := c.do(ctx, http.MethodGet, "/rest/api/3/user/search", url.Values{"query": {owner}, "maxResults": {"10"}}, nil, &users); err != nil {
		return "", err
	}
	email := strings.Contains(owner, "@")
	found := ""
	for _, u := range users {
		if !u.Active || (u.AccountType != "" && u.AccountType != "atlassian") {
			continue
		}
		switch {
		case email && strings.EqualFold(u.EmailAddress, owner):
			return u.AccountID, nil
		case email && u.EmailAddress == "" && len(users) == 1:
			// Email hidden by the user's privacy settings: Jira matched on it.
			return u.AccountID, nil
		case !email && strings.EqualFold(u.DisplayName, owner):
			if found != "" {
				return "", nil // two people of that name: assign neither
			}
			found = u.AccountID
		}
	}
	return found, nil
}

// summaryLine is Jira's one-line summary: at most 254 characters, no line breaks.
func summaryLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 254 {
		s = string(r[:253]) + "…"
	}
	return s
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func isDate(s string) bool {
	if !dateRE.MatchString(s) {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// adf builds Atlassian Document Format nodes.
type adf = map[string]any

func text(s string) adf { return adf{"type": "text", "text": s} }

func link(s, href string) adf {
	return adf{"type": "text", "text": s, "marks": []adf{{"type": "link", "attrs": adf{"href": href}}}}
}

func paragraph(content ...adf) adf { return adf{"type": "paragraph", "content": content} }

// description is the issue body: the follow-up, where it was said, who owns it.
func description(req copilot.TicketRequest) adf {
	content := []adf{paragraph(text(req.Summary))}
	src := []adf{text("Follow-up from incident ")}
	if req.IncidentURL != "" {
		src = append(src, link(req.IncidentID, req.IncidentURL))
	} else {
		src = append(src, text(req.IncidentID))
	}
	if req.IncidentTitle != "" {
		src = append(src, text(" ("+req.IncidentTitle+")"))
	}
	if req.Permalink != "" {
		src = append(src, text(", "), link("said here", req.Permalink))
	}
	src = append(src, text("."))
	content = append(content, paragraph(src...))
	var meta []string
	if req.Owner != "" {
		meta = append(meta, "Owner: "+req.Owner)
	}
	if req.Due != "" {
		meta = append(meta, "Due: "+req.Due)
	}
	if req.RequestedBy != "" {
		meta = append(meta, "Filed by "+req.RequestedBy+" through Incident Copilot")
	} else {
		meta = append(meta, "Filed through Incident Copilot")
	}
	content = append(content, paragraph(text(strings.Join(meta, " · "))))
	return adf{"type": "doc", "version": 1, "content": content}
}

// errorBody is Jira's error shape.
type errorBody struct {
	ErrorMessages []string          `json:"errorMessages"`
	Errors        map[string]string `json:"errors"`
}

func (e errorBody) String() string {
	parts := append([]string{}, e.ErrorMessages...)
	for k, v := range e.Errors {
		parts = append(parts, k+": "+v)
	}
	return strings.Join(parts, "; ")
}

// do sends one request, retrying 429 and 5xx answers and transport errors, and maps
// the final outcome onto the domain's codes.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, in, out any) error {
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return fmt.Errorf("jira: encode request: %w", err)
		}
	}
	u := *c.base
	u.Path = strings.TrimRight(u.Path, "/") + path
	if query != nil {
		u.RawQuery = query.Encode()
	}
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, method, u.String(), bytes.NewReader(body))
		if err != nil {
			return fmt.Errorf("jira: build request: %w", err)
		}
		req.SetBasicAuth(c.cfg.Email, c.cfg.Token)
		req.Header.Set("Accept", "application/json")
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		res, err := c.http.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				return copilot.Errorf(copilot.EUNAVAILABLE, "Jira did not answer in time.")
			}
			if attempt < c.cfg.MaxRetries {
				if werr := c.sleep(ctx, c.backoff(attempt, "")); werr != nil {
					return copilot.Errorf(copilot.EUNAVAILABLE, "Jira did not answer in time.")
				}
				continue
			}
			return copilot.Errorf(copilot.EUNAVAILABLE, "Jira at %s cannot be reached: %s.", c.base.Host, transportCause(err))
		}
		data, rerr := io.ReadAll(io.LimitReader(res.Body, 4<<20))
		res.Body.Close()
		retryable := res.StatusCode == http.StatusTooManyRequests || res.StatusCode >= 500
		if retryable && attempt < c.cfg.MaxRetries {
			if werr := c.sleep(ctx, c.backoff(attempt, res.Header.Get("Retry-After"))); werr != nil {
				return copilot.Errorf(copilot.EUNAVAILABLE, "Jira did not answer in time.")
			}
			continue
		}
		if rerr != nil {
			return copilot.Errorf(copilot.EUNAVAILABLE, "Jira's answer could not be read.")
		}
		if res.StatusCode >= 200 && res.StatusCode < 300 {
			if out == nil || len(bytes.TrimSpace(data)) == 0 {
				return nil
			}
			if err := json.Unmarshal(data, out); err != nil {
				return copilot.Errorf(copilot.EUNAVAILABLE, "Jira answered %s with something that is not the expected JSON.", path)
			}
			return nil
		}
		return statusError(res.StatusCode, data)
	}
}

func statusError(status int, data []byte) error {
	var eb errorBody
	_ = json.Unmarshal(data, &eb)
	detail := eb.String()
	if detail != "" {
		detail = ": " + detail
	}
	switch {
	case status == http.StatusUnauthorized:
		return copilot.Errorf(copilot.EUNAVAILABLE, "Jira refused the configured credentials (401): check COPILOT_JIRA_EMAIL and COPILOT_JIRA_TOKEN.")
	case status == http.StatusForbidden:
		return copilot.Errorf(copilot.EUNAVAILABLE, "Jira's account for the copilot may not do this (403)%s.", detail)
	case status == http.StatusNotFound:
		return copilot.Errorf(copilot.ENOTFOUND, "Jira has no such issue or project (404)%s.", detail)
	case status == http.StatusTooManyRequests:
		return copilot.Errorf(copilot.EUNAVAILABLE, "Jira is rate-limiting the copilot (429); try again shortly.")
	case status >= 500:
		return copilot.Errorf(copilot.EUNAVAILABLE, "Jira failed (%d); try again shortly.", status)
	}
	return copilot.Errorf(copilot.EINVALID, "Jira refused the ticket (%d)%s.", status, detail)
}

// backoff is the wait before retry attempt+1: Retry-After when Jira gives one
// (seconds or an HTTP date), else exponential with jitter; never above MaxWait.
func (c *Client) backoff(attempt int, retryAfter string) time.Duration {
	if retryAfter != "" {
		if s, err := strconv.Atoi(strings.TrimSpace(retryAfter)); err == nil && s >= 0 {
			return min(time.Duration(s)*time.Second, c.cfg.MaxWait)
		}
		if t, err := http.ParseTime(retryAfter); err == nil {
			return min(max(time.Until(t), 0), c.cfg.MaxWait)
		}
	}
	d := 500 * time.Millisecond << attempt
	d = d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
	return min(d, c.cfg.MaxWait)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// transportCause names a network failure without repeating the URL (which is safe,
// but long) or anything from the request.
func transportCause(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if ue != nil && ue.Timeout() {
		return "timed out"
	}
	return err.Error()
}
