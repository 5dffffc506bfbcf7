// Package slack adapts the copilot to Slack: Block Kit renderings of its answers
// (this file), and the events, commands and interactions endpoints.
package slack

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	slackgo "github.com/slack-go/slack"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// Slack's limits for one message (Block Kit reference): blocks per message and
// characters in a section's text.
const (
	MaxBlocks      = 50
	MaxSectionText = 3000
	// maxContextText keeps context lines short; Slack allows 2,000 per element.
	maxContextText = 1000
)

// Links turns message ts and incident ids into links a responder can click.
type Links struct {
	// Message links a message of the incident being answered (a Slack permalink);
	// nil or "" falls back to the ts.
	Message func(ts string) string
	// Incident links a past incident (its channel, or the copilot's page); nil or ""
	// falls back to the id.
	Incident func(id string) string
	// Full links the whole answer, for when Slack's limits cut it.
	Full string
}

func (l Links) message(ts string) string {
	if l.Message != nil {
		if u := l.Message(ts); u != "" {
			return "<" + u + "|" + ts + ">"
		}
	}
	return "`" + ts + "`"
}

func (l Links) incident(id string) string {
	if l.Incident != nil {
		if u := l.Incident(id); u != "" {
			return "<" + u + "|" + Escape(id) + ">"
		}
	}
	return "*" + Escape(id) + "*"
}

var mentionRE = regexp.MustCompile(`<([@#!])([^>|]*)(?:\|([^>]*))?>`)

// Escape makes transcript text safe to post: Slack markup in it (user and channel
// mentions, <!here>, <!channel>, links) is turned into plain words, and &, < and >
// are escaped so nothing the copilot repeats can ping anyone or forge a link.
func Escape(s string) string {
	s = mentionRE.ReplaceAllStringFunc(s, func(m string) string {
		g := mentionRE.FindStringSubmatch(m)
		label := g[3]
		if label == "" {
			label = g[2]
		}
		switch g[1] {
		case "@":
			return "@\u2060" + label // a word joiner keeps "@name" from linking
		case "#":
			return "#" + label
		default:
			return "@\u2060" + strings.TrimPrefix(label, "subteam^")
		}
	})
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	// Plain-text pings that link_names would expand.
	for _, p := range []string{"@here", "@channel", "@everyone"} {
		s = strings.ReplaceAll(s, p, "@\u2060"+p[1:])
	}
	return s
}

// clip cuts s to at most n runes at a word boundary, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := strings.TrimSuffix(text.ClipWords(s, n-1), text.Ellipsis)
	// Never leave half an escape or half a link.
	if i := strings.LastIndexAny(cut, "&<"); i >= 0 && !strings.ContainsAny(cut[i:], ";>") {
		cut = strings.TrimRight(cut[:i], " \n")
	}
	return cut + text.Ellipsis
}

func mrkdwn(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.MarkdownType, clip(s, MaxSectionText), false, false)
}

func plain(s string) *slackgo.TextBlockObject {
	return slackgo.NewTextBlockObject(slackgo.PlainTextType, clip(s, 75), true, false)
}

func section(s string) slackgo.Block { return slackgo.NewSectionBlock(mrkdwn(s), nil, nil) }

func contextLine(s string) slackgo.Block {
	return slackgo.NewContextBlock("", slackgo.NewTextBlockObject(slackgo.MarkdownType, clip(s, maxContextText), false, false))
}

// unverified labels an answer from a capability without a passing eval.
func unverified(verified bool) []slackgo.Block {
	if verified {
		return nil
	}
	return []slackgo.Block{contextLine(":warning: Unverified: this capability has not passed its evaluation; check the sources.")}
}

// fit keeps a message within Slack's block limit, replacing what does not fit with a
// pointer to the full answer.
func fit(blocks []slackgo.Block, l Links) []slackgo.Block { return fitN(blocks, l, MaxBlocks) }

func fitN(blocks []slackgo.Block, l Links, n int) []slackgo.Block {
	if len(blocks) <= n {
		return blocks
	}
	more := "…more in the full answer"
	if l.Full != "" {
		more = "…more: <" + l.Full + "|full answer>"
	}
	out := append([]slackgo.Block{}, blocks[:n-1]...)
	return append(out, contextLine(more))
}

func sources(ts []string, l Links) string {
	var parts []string
	for _, t := range ts {
		parts = append(parts, l.message(t))
	}
	return strings.Join(parts, " ")
}

// SimilarBlocks renders similar past incidents: each with its link, when it
// happened, and why it matched in words (shared failure signatures, services and
// distinctive terms), never rank numbers.
func SimilarBlocks(results []copilot.SearchResult, l Links, verified bool) []slackgo.Block {
	blocks := []slackgo.Block{section("*Similar past incidents*")}
	blocks = append(blocks, unverified(verified)...)
	if len(results) == 0 {
		return append(blocks, section("No similar incident in memory."))
	}
	for _, r := range results {
		line := l.incident(r.IncidentID) + " " + Escape(r.Title)
		if r.StartedAt != nil {
			line += " _(" + r.StartedAt.Format("2006-01-02") + ")_"
		}
		if why := whyWords(r.Why); why != "" {
			line += "\nMatched on " + why
		}
		if len(r.Snippets) > 0 {
			line += "\n> " + Escape(clip(strings.ReplaceAll(r.Snippets[0].Text, "\n", " "), 280))
		}
		blocks = append(blocks, section(line))
	}
	return fit(blocks, l)
}

func whyWords(w copilot.Why) string {
	var parts []string
	if len(w.SharedSignatures) > 0 {
		parts = append(parts, "failure: "+Escape(strings.Join(w.SharedSignatures, ", ")))
	}
	if len(w.SharedServices) > 0 {
		parts = append(parts, "services: "+Escape(strings.Join(w.SharedServices, ", ")))
	}
	if len(w.SharedTerms) > 0 {
		terms := w.SharedTerms
		if len(terms) > 6 {
			terms = terms[:6]
		}
		parts = append(parts, "terms: "+Escape(strings.Join(terms, ", ")))
	}
	return strings.Join(parts, " · ")
}

// SummaryBlocks renders a summary whose every sentence links the messages it came
// from.
func SummaryBlocks(ans *copilot.SummaryAnswer, l Links, verified bool) []slackgo.Block {
	blocks := []slackgo.Block{section("*Summary of " + Escape(ans.IncidentID) + "*")}
	blocks = append(blocks, unverified(verified)...)
	field := func(name, text string) {
		if strings.TrimSpace(text) == "" {
			return
		}
		var b strings.Builder
		b.WriteString("*" + name + ":* ")
		b.WriteString(Escape(text))
		var ts []string
		for _, c := range ans.Citations {
			if c.Text != "" && strings.Contains(text, c.Text) {
				ts = append(ts, c.SourceTS...)
			}
		}
		if len(ts) > 0 {
			b.WriteString(" " + sources(dedupe(ts), l))
		}
		blocks = append(blocks, section(b.String()))
	}
	s := ans.Summary
	field("Status", s.Status)
	field("Overview", s.Overview)
	field("Impact", s.Impact)
	field("Root cause", s.RootCause)
	field("Mitigation", s.Mitigation)
	field("Resolution", s.Resolution)
	if len(s.Owners) > 0 {
		var b strings.Builder
		b.WriteString("*Who is on what*")
		for _, o := range s.Owners {
			var src []string
			if o.SourceTS != "" {
				src = []string{o.SourceTS}
			}
			fmt.Fprintf(&b, "\n• *%s*: %s %s", Escape(o.Person), Escape(o.Doing), sources(src, l))
		}
		blocks = append(blocks, section(strings.TrimSpace(b.String())))
	}
	for _, list := range []struct {
		name  string
		items []string
	}{{"Tried so far", s.Tried}, {"Next", s.Next}} {
		if len(list.items) == 0 {
			continue
		}
		var b strings.Builder
		b.WriteString("*" + list.name + "*")
		for _, it := range list.items {
			b.WriteString("\n• " + Escape(it))
		}
		blocks = append(blocks, section(b.String()))
	}
	if len(s.Timeline) > 0 {
		var b strings.Builder
		b.WriteString("*Timeline*")
		for _, e := range s.Timeline {
			at := e.At
			if len(at) >= 16 {
				at = at[11:16]
			}
			fmt.Fprintf(&b, "\n• %s %s %s", at, Escape(e.Text), sources(e.SourceTS, l))
		}
		blocks = append(blocks, section(b.String()))
	}
	if ans.Fallback != "" {
		blocks = append(blocks, contextLine("Answered by the local engine: "+Escape(ans.Fallback)))
	}
	return fit(blocks, l)
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// Action ids of the follow-up buttons.
const (
	ActionNotFollowUp  = "followup_not"
	ActionAlreadyDone  = "followup_done"
	ActionCreateTicket = "followup_ticket"
	ActionFeedbackUp   = "feedback_up"
	ActionFeedbackDown = "feedback_down"
)

// FollowUpBlocks renders follow-ups with owner, due date and whether a ticket
// captures them; with buttons, each uncaptured one gets "Create ticket", "Already
// done" and "Not a follow-up", whose value is "INCIDENT|FOLLOWUP_ID".
func FollowUpBlocks(ans *copilot.FollowUpsAnswer, l Links, verified, buttons bool) []slackgo.Block {
	blocks := []slackgo.Block{section("*Follow-ups of " + Escape(ans.IncidentID) + "*")}
	blocks = append(blocks, unverified(verified)...)
	if len(ans.Items) == 0 {
		return append(blocks, section("No follow-ups found."))
	}
	for _, it := range ans.Items {
		line := "• " + Escape(it.Text)
		var meta []string
		if it.Owner != "" {
			meta = append(meta, "owner "+Escape(it.Owner))
		}
		switch {
		case it.Due != "" && it.DueText != "" && it.DueText != it.Due:
			meta = append(meta, "due "+Escape(it.Due)+" ("+Escape(it.DueText)+")")
		case it.Due != "":
			meta = append(meta, "due "+Escape(it.Due))
		case it.DueText != "":
			meta = append(meta, "due "+Escape(it.DueText))
		}
		switch {
		case it.Captured && it.TicketKey != "" && it.TicketURL != "":
			meta = append(meta, "captured in <"+it.TicketURL+"|"+Escape(it.TicketKey)+">")
		case it.Captured && it.TicketKey != "":
			meta = append(meta, "captured in "+Escape(it.TicketKey))
		case it.Captured:
			meta = append(meta, "captured")
		case it.Done:
			meta = append(meta, "done (marked so where it was written)")
		default:
			meta = append(meta, "*not ticketed*")
		}
		meta = append(meta, sources(it.Sources(), l))
		line += "\n" + strings.Join(meta, " · ")
		blocks = append(blocks, section(line))
		if buttons && it.Open() && it.ID != "" {
			v := ans.IncidentID + "|" + it.ID
			blocks = append(blocks, slackgo.NewActionBlock("fu:"+it.ID,
				slackgo.NewButtonBlockElement(ActionCreateTicket, v, plain("Create ticket")).WithStyle(slackgo.StylePrimary),
				slackgo.NewButtonBlockElement(ActionAlreadyDone, v, plain("Already done")),
				slackgo.NewButtonBlockElement(ActionNotFollowUp, v, plain("Not a follow-up")),
			))
		}
	}
	return fit(blocks, l)
}

// RunbookBlocks renders suggested steps with their sources, and the library
// runbooks that match.
func RunbookBlocks(ans *copilot.RunbookAnswer, l Links, verified bool) []slackgo.Block {
	blocks := []slackgo.Block{section("*Suggested steps for " + Escape(ans.IncidentID) + "*")}
	blocks = append(blocks, unverified(verified)...)
	if len(ans.Steps) == 0 && len(ans.Runbooks) == 0 {
		return append(blocks, section("No step from a similar incident, and no matching runbook."))
	}
	for i, st := range ans.Steps {
		line := fmt.Sprintf("%d. %s", i+1, Escape(st.Text))
		var src []string
		for _, s := range st.Sources {
			src = append(src, l.incident(s.IncidentID)+" `"+s.SourceTS+"`")
		}
		if len(src) > 0 {
			line += "\n_from_ " + strings.Join(src, ", ")
		}
		blocks = append(blocks, section(line))
	}
	if len(ans.Runbooks) > 0 {
		var b strings.Builder
		b.WriteString("*Runbooks*")
		for _, rb := range ans.Runbooks {
			b.WriteString("\n• " + Escape(rb.Title) + " (`" + Escape(rb.Path) + "`)")
		}
		blocks = append(blocks, section(b.String()))
	}
	return fit(blocks, l)
}

// FeedbackBlock asks for 👍/👎 on an answer; the value names the answer.
func FeedbackBlock(answerID string) slackgo.Block {
	return slackgo.NewActionBlock("feedback:"+answerID,
		slackgo.NewButtonBlockElement(ActionFeedbackUp, answerID, plain("👍")),
		slackgo.NewButtonBlockElement(ActionFeedbackDown, answerID, plain("👎")),
	)
}

// WithFeedback appends the feedback buttons, keeping within the block limit.
func WithFeedback(blocks []slackgo.Block, answerID string, l Links) []slackgo.Block {
	return append(fitN(blocks, l, MaxBlocks-1), FeedbackBlock(answerID))
}
