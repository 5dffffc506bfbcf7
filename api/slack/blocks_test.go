package slack

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

func render(t *testing.T, blocks []slackgo.Block) string {
	t.Helper()
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(slackgo.Blocks{BlockSet: blocks}); err != nil {
		t.Fatal(err)
	}
	// slack-go marshals blocks with encoding/json's HTML escaping.
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(b.String())
}

// sectionTexts returns every section's text, to check Slack's per-section limit.
func sectionTexts(blocks []slackgo.Block) []string {
	var out []string
	for _, b := range blocks {
		if s, ok := b.(*slackgo.SectionBlock); ok && s.Text != nil {
			out = append(out, s.Text.Text)
		}
	}
	return out
}

func TestEscapeNeverPings(t *testing.T) {
	for in, want := range map[string]string{
		"<!here> db down":                 "@\u2060here db down",
		"<!channel|channel> look":         "@\u2060channel look",
		"ask <@U02BOB|bob> or <@U03>":     "ask @\u2060bob or @\u2060U03",
		"see <#C0DB|db-oncall>":           "see #db-oncall",
		"<!subteam^S1|@sre> paged":        "@\u2060@sre paged",
		"p99 > 2s & pool < 10":            "p99 &gt; 2s &amp; pool &lt; 10",
		"@here plain and @channel":        "@\u2060here plain and @\u2060channel",
		"<https://evil.example|click me>": "&lt;https://evil.example|click me&gt;",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSimilarBlocksSayWhyInWords(t *testing.T) {
	started := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	res := []copilot.SearchResult{{
		IncidentID: "INC-2041", Title: "Checkout 5xx <!here>", StartedAt: &started,
		Snippets: []copilot.Snippet{{Text: "FATAL: sorry, too many clients already", SourceTS: []string{"1.1"}}},
		Why:      copilot.Why{VectorRank: 1, TextRank: 3, SharedSignatures: []string{"connection pool exhaustion"}, SharedServices: []string{"checkout-api"}},
	}}
	l := Links{Incident: func(id string) string { return "https://acme.slack.com/archives/C0123" }}
	got := render(t, SimilarBlocks(res, l, true))
	for _, want := range []string{"<https://acme.slack.com/archives/C0123|INC-2041>", "2026-03-02", "failure: connection pool exhaustion", "services: checkout-api", "too many clients"} {
		if !strings.Contains(got, want) {
			t.Errorf("similar blocks lack %q: %s", want, got)
		}
	}
	if strings.Contains(got, "<!here>") || strings.Contains(got, "rank") || strings.Contains(got, "Unverified") {
		t.Errorf("similar blocks ping, show ranks, or are marked unverified: %s", got)
	}
	if got := render(t, SimilarBlocks(nil, l, false)); !strings.Contains(got, "No similar incident") || !strings.Contains(got, "Unverified") {
		t.Errorf("empty, unverified: %s", got)
	}
}

func TestSummaryBlocksCiteWithPermalinks(t *testing.T) {
	ans := &copilot.SummaryAnswer{IncidentID: "INC-1", Summary: copilot.Summary{
		RootCause: "A deploy halved the pool size.", Impact: "3,200 checkouts failed.",
		Timeline: []copilot.TimelineEntry{{At: "2026-03-02T10:05:00Z", Text: "deploy finished", SourceTS: []string{"1772446000.000100"}}},
	}, Citations: []copilot.Citation{
		{Text: "A deploy halved the pool size.", SourceTS: []string{"1772446500.000400"}},
		{Text: "3,200 checkouts failed.", SourceTS: []string{"1772447000.000100"}},
	}}
	l := Links{Message: func(ts string) string {
		return "https://acme.slack.com/archives/C1/p" + strings.ReplaceAll(ts, ".", "")
	}}
	got := render(t, SummaryBlocks(ans, l, true))
	for _, want := range []string{"*Root cause:* A deploy halved the pool size. <https://acme.slack.com/archives/C1/p1772446500000400|1772446500.000400>", "*Impact:* 3,200", "10:05 deploy finished"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q: %s", want, got)
		}
	}
}

func TestFollowUpBlocksButtonsOnlyForUncaptured(t *testing.T) {
	ans := &copilot.FollowUpsAnswer{IncidentID: "INC-1", Items: []copilot.FollowUp{
		{ID: "fu-1-1", Text: "alert on pool saturation", Owner: "ann", Due: "2026-03-06", SourceTS: "1.1"},
		{ID: "fu-2-1", Text: "pin the pool size", SourceTS: "2.1", Captured: true, TicketKey: "OPS-7", TicketURL: "https://jira/browse/OPS-7"},
		{ID: "fu-3-1", Text: "write to a temporary name, then rename", SourceTS: "3.1", Done: true},
	}}
	blocks := FollowUpBlocks(ans, Links{}, true, true)
	got := render(t, blocks)
	if strings.Count(got, ActionCreateTicket) != 1 || !strings.Contains(got, `"value":"INC-1|fu-1-1"`) {
		t.Errorf("buttons: %s", got)
	}
	if strings.Count(got, "*not ticketed*") != 1 {
		t.Errorf("an item marked done is shown as not ticketed: %s", got)
	}
	for _, want := range []string{"owner ann", "due 2026-03-06", "*not ticketed*", "captured in <https://jira/browse/OPS-7|OPS-7>", "done (marked so where it was written)"} {
		if !strings.Contains(got, want) {
			t.Errorf("follow-ups lack %q: %s", want, got)
		}
	}
	if got := render(t, FollowUpBlocks(ans, Links{}, true, false)); strings.Contains(got, ActionCreateTicket) {
		t.Error("buttons without buttons")
	}
}

func TestLimitsHold(t *testing.T) {
	var items []copilot.FollowUp
	for i := range 80 {
		items = append(items, copilot.FollowUp{ID: fmt.Sprintf("fu-%d", i), Text: strings.Repeat("very long follow-up text ", 200), SourceTS: "1.1"})
	}
	l := Links{Full: "https://copilot.example/v1/incidents/INC-1/follow-ups"}
	blocks := WithFeedback(FollowUpBlocks(&copilot.FollowUpsAnswer{IncidentID: "INC-1", Items: items}, l, false, true), "ans-1", l)
	if len(blocks) > MaxBlocks {
		t.Fatalf("%d blocks", len(blocks))
	}
	for _, s := range sectionTexts(blocks) {
		if utf8.RuneCountInString(s) > MaxSectionText {
			t.Errorf("section of %d characters", utf8.RuneCountInString(s))
		}
	}
	got := render(t, blocks)
	if !strings.Contains(got, "full answer") || !strings.Contains(got, ActionFeedbackDown) {
		t.Errorf("cut without pointer or feedback lost")
	}
	// A cut never leaves half an escape.
	if c := clip("a &amp; b", 4); strings.Contains(c, "&am") && !strings.Contains(c, "&amp;") {
		t.Errorf("clip split an escape: %q", c)
	}
}

func TestRunbookBlocks(t *testing.T) {
	ans := &copilot.RunbookAnswer{IncidentID: "INC-3", Steps: []copilot.RunbookStep{
		{Text: "Roll back payments-api to 2.30.4", Sources: []copilot.StepSource{{IncidentID: "INC-2041", SourceTS: "1.1"}}},
	}, Runbooks: []copilot.RunbookMatch{{Title: "Pool exhausted", Path: "db/pool.md"}}}
	got := render(t, RunbookBlocks(ans, Links{}, true))
	for _, want := range []string{"1. Roll back payments-api to 2.30.4", "_from_ *INC-2041*", "Pool exhausted"} {
		if !strings.Contains(got, want) {
			t.Errorf("runbook lacks %q: %s", want, got)
		}
	}
	if got := render(t, RunbookBlocks(&copilot.RunbookAnswer{IncidentID: "X"}, Links{}, true)); !strings.Contains(got, "No step") {
		t.Errorf("empty runbook: %s", got)
	}
}
