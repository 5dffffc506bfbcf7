package main

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

func TestPrintMidIncident(t *testing.T) {
	var b strings.Builder
	printMidIncident(&b, &copilot.Summary{Status: "resolved"})
	if b.Len() != 0 {
		t.Errorf("resolved incident printed %q", b.String())
	}
	printMidIncident(&b, &copilot.Summary{Open: true,
		Owners: []copilot.Owner{{Person: "jon", Doing: "I'll grab the logs.", SourceTS: "1.2"}},
		Tried:  []string{"Restarted the pods. No change."},
		Next:   []string{"Next we roll back to v1.8.2."}})
	for _, want := range []string{"Still open.", "jon: I'll grab the logs.", "Tried so far:\n  - Restarted the pods. No change.", "Next:\n  - Next we roll back to v1.8.2."} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
}

// TestPrintSummaryLinksAndFlags: citations print as Slack permalinks when a
// workspace is configured, and a sentence whose source is not a message of the
// incident is marked.
func TestPrintSummaryLinksAndFlags(t *testing.T) {
	inc := &copilot.Incident{ID: "INC-1", ChannelID: "C1", Messages: []copilot.Message{{TS: "1772446440.000300", Text: "Rolled back to v2."}}}
	ans := &copilot.SummaryAnswer{IncidentID: "INC-1", Engine: "llm", FlaggedSentences: 1,
		Summary: copilot.Summary{Mitigation: "Rolled back to v2.", RootCause: "A bad deploy."},
		Citations: []copilot.Citation{
			{Text: "Rolled back to v2.", SourceTS: []string{"1772446440.000300"}},
			{Text: "A bad deploy.", SourceTS: []string{"9999999999.000000"}},
		}}
	permalink := func(inc *copilot.Incident, ts string) string {
		return "https://acme.slack.com/archives/" + inc.ChannelID + "/p" + strings.ReplaceAll(ts, ".", "")
	}
	var linked, bare strings.Builder
	printSummary(&linked, ans, citeLinker{permalink: permalink, incidents: map[string]*copilot.Incident{"INC-1": inc}}, flaggedTexts(inc, ans))
	for _, want := range []string{
		"Root cause: [UNVERIFIED] A bad deploy.",
		"Mitigation: Rolled back to v2.",
		"  - Rolled back to v2.  [https://acme.slack.com/archives/C1/p1772446440000300]",
		"  - [UNVERIFIED] A bad deploy.",
	} {
		if !strings.Contains(linked.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, linked.String())
		}
	}
	printSummary(&bare, ans, citeLinker{}, nil)
	if !strings.Contains(bare.String(), "[ts 1772446440.000300]") {
		t.Errorf("without a workspace the ts should print:\n%s", bare.String())
	}
}
