package local

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// loadTestIncident reads a hand-made transcript from testdata. The files use the
// incident document format; the domain types decode it directly.
func loadTestIncident(t testing.TB, name string) *copilot.Incident {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var inc copilot.Incident
	if err := json.Unmarshal(data, &inc); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	return &inc
}

// tsOf returns the ts of the first message whose text starts with prefix.
func tsOf(t testing.TB, inc *copilot.Incident, prefix string) string {
	t.Helper()
	for _, m := range inc.Messages {
		if strings.HasPrefix(m.Text, prefix) {
			return m.TS
		}
	}
	t.Fatalf("%s: no message starts with %q", inc.ID, prefix)
	return ""
}

// synthetic builds an incident from texts, one message a minute, so a test can
// state a transcript inline. A text "user: words" sets the speaker; "bot>" marks an
// alert bot.
func synthetic(id string, texts ...string) *copilot.Incident {
	inc := &copilot.Incident{ID: id, Visibility: copilot.VisibilityPublic}
	base := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for i, s := range texts {
		m := copilot.Message{TS: copilot.FormatTS(base.Add(time.Duration(i) * time.Minute)), Kind: copilot.KindMessage}
		if rest, ok := strings.CutPrefix(s, "bot> "); ok {
			m.Kind, m.UserName, s = copilot.KindBot, "alertbot", rest
		} else if user, text, ok := strings.Cut(s, ": "); ok && !strings.Contains(user, " ") {
			m.UserName, m.User, s = user, "U"+strings.ToUpper(user), text
		}
		m.Text = s
		inc.Messages = append(inc.Messages, m)
	}
	return inc
}

func TestLocalEngineRejectsEmptyIncidents(t *testing.T) {
	e := New(nil)
	ctx := context.Background()
	for _, inc := range []*copilot.Incident{nil, {ID: "INC-1"}} {
		if _, err := e.Summarize(ctx, inc); copilot.ErrorCode(err) != copilot.EINVALID {
			t.Errorf("Summarize(%v) error = %v, want EINVALID", inc, err)
		}
		if _, err := e.FollowUps(ctx, inc); copilot.ErrorCode(err) != copilot.EINVALID {
			t.Errorf("FollowUps(%v) error = %v, want EINVALID", inc, err)
		}
	}
	if _, err := e.Runbook(ctx, nil, nil, nil); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("Runbook(nil) error = %v, want EINVALID", err)
	}
}

func TestLocalEngineHonoursCancellation(t *testing.T) {
	e := New(nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	inc := loadTestIncident(t, "slack_pool")
	if _, err := e.Summarize(ctx, inc); !errors.Is(err, context.Canceled) {
		t.Errorf("Summarize error = %v, want context.Canceled", err)
	}
	if _, err := e.FollowUps(ctx, inc); !errors.Is(err, context.Canceled) {
		t.Errorf("FollowUps error = %v, want context.Canceled", err)
	}
	if _, err := e.Runbook(ctx, inc, nil, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Runbook error = %v, want context.Canceled", err)
	}
}

func TestLocalEngineDoesNotModifyIncident(t *testing.T) {
	inc := loadTestIncident(t, "slack_pool")
	before, _ := json.Marshal(inc)
	e := New(nil)
	ctx := context.Background()
	if _, err := e.Summarize(ctx, inc); err != nil {
		t.Fatal(err)
	}
	if _, err := e.FollowUps(ctx, inc); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Runbook(ctx, inc, []*copilot.Incident{loadTestIncident(t, "doc_pool_orders")}, nil); err != nil {
		t.Fatal(err)
	}
	after, _ := json.Marshal(inc)
	if string(before) != string(after) {
		t.Error("the engine changed the incident it was given")
	}
}

var splitSentenceTests = []struct {
	name string
	in   string
	want []string
}{
	{"a title goes on", "Owner: Dr. Ama Owusu. Due in May.", []string{"Owner: Dr. Ama Owusu.", "Due in May."}},
	{"an abbreviation goes on", "Cache the lookups, e.g. the geocoder. Then alert.", []string{"Cache the lookups, e.g. the geocoder.", "Then alert."}},
	{"punctuation", "rolled back. errors gone! are we good?", []string{"rolled back.", "errors gone!", "are we good?"}},
	{"versions stay whole", "rolled back to v1.8.2 at 10:05. done", []string{"rolled back to v1.8.2 at 10:05.", "done"}},
	{"lines", "first line\nsecond line", []string{"first line", "second line"}},
	{"code block is dropped", "look:\n```\nERROR a. b. c\n```\nthat's it", []string{"look:", "that's it"}},
	{"semicolon", "pool maxed; queries waiting", []string{"pool maxed", "queries waiting"}},
}

func TestSplitSentences(t *testing.T) {
	for _, tt := range splitSentenceTests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitSentences(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("splitSentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

var quoteTests = []struct {
	name, in, want string
	cut            bool // the sentence is too long and must be cut
}{
	{name: "a row's short date and clock dropped", in: "07-07 09:05 | Flag x enabled for all sends", want: "Flag x enabled for all sends."},
	{name: "a row's dash dropped", in: "— OTA rollout of 5.2 halted", want: "OTA rollout of 5.2 halted."},
	{name: "capitalised with full stop", in: "rolled back the deploy", want: "Rolled back the deploy."},
	{name: "addressing dropped", in: "@sam: restarted pgbouncer", want: "Restarted pgbouncer."},
	{name: "raw mention addressing dropped", in: "<@U012>: restarted pgbouncer", want: "Restarted pgbouncer."},
	{name: "urls dropped", in: "see dashboard (https://grafana.example.com/d/x) for it", want: "See dashboard for it."},
	{name: "slack link keeps label", in: "see <https://grafana.example.com/d/x|the dashboard> now", want: "See the dashboard now."},
	{name: "broadcast neutralised", in: "<!channel> db is down", want: "Channel db is down."},
	{name: "at-here neutralised", in: "heads up @here db is down", want: "Heads up @\u2060here db is down."},
	{name: "timeline row time dropped", in: "2025-04-03 10:05 | Reverted the commit", want: "Reverted the commit."},
	{name: "long sentence cut", in: strings.Repeat("word ", 80), cut: true},
}

func TestQuote(t *testing.T) {
	for _, tt := range quoteTests {
		t.Run(tt.name, func(t *testing.T) {
			got := quote(tt.in)
			if tt.cut {
				if n := len([]rune(got)); n > maxSentenceRunes+1 || !strings.HasSuffix(got, "…") {
					t.Errorf("quote of a long sentence = %d runes %q, want ≤ %d ending in …", n, got, maxSentenceRunes+1)
				}
				return
			}
			if got != tt.want {
				t.Errorf("quote(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

var contentTermTests = []struct {
	name string
	a, b string
	min  int // shared terms at least
}{
	{"synonyms meet", "page us when postgres connections run out", "Alert on DB connection saturation", 2},
	{"inflections meet", "alerting on rotated certificates", "alert when certs rotate", 3},
	{"possessive", "a partition's committed offset", "partition offsets", 2},
}

func TestContentTerms(t *testing.T) {
	for _, tt := range contentTermTests {
		t.Run(tt.name, func(t *testing.T) {
			_, n := termOverlap(contentTerms(tt.a), contentTerms(tt.b))
			if n < tt.min {
				t.Errorf("shared terms of %q %v and %q %v = %d, want ≥ %d", tt.a, contentTerms(tt.a), tt.b, contentTerms(tt.b), n, tt.min)
			}
		})
	}
	if got := contentTerms("the and of we should just"); len(got) != 0 {
		t.Errorf("stopwords gave terms %v", got)
	}
}
