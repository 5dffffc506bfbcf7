package main

import (
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// unverifiedMark flags a sentence whose citation does not point at a message of the
// incident (an LLM answer keeps those, counted in FlaggedSentences).
const unverifiedMark = "[UNVERIFIED] "

// citeLinker renders the source of a cited sentence as something a terminal makes
// clickable: the Slack permalink when a workspace is configured and the incident's
// channel is known, else the bare ts.
type citeLinker struct {
	permalink func(inc *copilot.Incident, ts string) string
	incidents map[string]*copilot.Incident
}

// link renders one message of an incident.
func (l citeLinker) link(incidentID, ts string) string {
	if l.permalink != nil {
		if p := l.permalink(l.incidents[incidentID], ts); p != "" {
			return p
		}
	}
	return "ts " + ts
}

// links renders several messages of one incident.
func (l citeLinker) links(incidentID string, ts []string) string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = l.link(incidentID, t)
	}
	return strings.Join(out, " ")
}

// flaggedTexts are the cited sentences of a summary whose sources are not messages of
// the incident; nil when the incident is unknown (nothing can be told apart then).
func flaggedTexts(inc *copilot.Incident, ans *copilot.SummaryAnswer) map[string]bool {
	if inc == nil || ans.FlaggedSentences == 0 {
		return nil
	}
	out := map[string]bool{}
	for _, c := range ans.Citations {
		if !copilot.ValidCitation(inc, c.SourceTS) {
			out[c.Text] = true
		}
	}
	return out
}

// markFlagged puts unverifiedMark before each flagged sentence of a field.
func markFlagged(text string, flagged map[string]bool) string {
	for f := range flagged {
		if f != "" && strings.Contains(text, f) && !strings.Contains(text, unverifiedMark+f) {
			text = strings.ReplaceAll(text, f, unverifiedMark+f)
		}
	}
	return text
}
