package llm

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
	"github.com/incidentcopilot/incident-copilot/prompts"
)

// maxMessageRunes caps one message in a prompt: a pasted log must not crowd out the
// conversation around it.
const maxMessageRunes = 1500

// promptTokens estimates the tokens of prompt text. Words undercount logs and JSON,
// which tokenise to many pieces per word, so the larger of two estimates is used.
func promptTokens(s string) int {
	return max(copilot.EstimateTokens(s), (len(s)+3)/4)
}

// transcriptLine renders one redacted message as "[ts] user: text". Continuation
// lines are indented so that no text inside a message can start a line that looks
// like another message.
func (e *Engine) transcriptLine(m copilot.Message) string {
	name := m.UserName
	if name == "" {
		name = m.User
	}
	if name == "" {
		name = "unknown"
	}
	text := strings.TrimSpace(m.Text)
	if r := []rune(text); len(r) > maxMessageRunes {
		// Keep both ends: an error often sits at the tail of a pasted log.
		head, tail := maxMessageRunes*2/3, maxMessageRunes/3
		text = string(r[:head]) + " …(truncated)… " + string(r[len(r)-tail:])
	}
	text = strings.ReplaceAll(text, "\r", "")
	text = strings.ReplaceAll(text, "\n", "\n    ")
	line := fmt.Sprintf("[%s] %s: %s", m.TS, strings.Join(strings.Fields(name), " "), text)
	return e.redact(line)
}

// transcriptBudget is what is left of the context for transcripts once the prompt
// around them and the answer are accounted for. It never drops below a floor that
// still lets the first and last messages through.
func (e *Engine) transcriptBudget(tmpl *prompts.Template, in prompts.Input) int {
	empty := in
	empty.Transcript = ""
	fixed, err := tmpl.Render(empty)
	if err != nil {
		fixed = ""
	}
	return max(e.maxContext()-promptTokens(fixed)-e.outputReserve(), 128)
}

// fitTranscript sets in.Transcript to inc's messages, cut down to the budget.
func (e *Engine) fitTranscript(tmpl *prompts.Template, in *prompts.Input, msgs []copilot.Message) {
	in.Transcript, in.Omitted = e.selectTranscript(msgs, e.transcriptBudget(tmpl, *in))
}

// fitRunbook shares the budget between the current incident (a quarter at most: the
// steps come from the past ones) and the similar incidents. A transcript that needs
// less than its share leaves the rest to the others.
func (e *Engine) fitRunbook(tmpl *prompts.Template, in *prompts.Input, inc *copilot.Incident, past []*copilot.Incident) {
	budget := e.transcriptBudget(tmpl, *in)
	in.Transcript, in.Omitted = e.selectTranscript(inc.Messages, budget/4)
	budget -= promptTokens(in.Transcript)

	need := make([]int, len(past))
	order := make([]int, len(past))
	for i, p := range past {
		order[i] = i
		for _, m := range p.Messages {
			need[i] += promptTokens(e.transcriptLine(m)) + 1
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return need[order[a]] < need[order[b]] })
	for k, i := range order {
		share := max(budget/(len(order)-k), 0)
		text, _ := e.selectTranscript(past[i].Messages, share)
		in.Similar[i].Transcript = text
		budget -= promptTokens(text)
	}
}

// selectTranscript renders msgs within budget tokens. When they do not all fit it
// keeps the most informative messages (see messageScore), always the first and the
// last, in chronological order, and marks each gap with the count of messages left
// out. It returns the transcript and how many messages were omitted.
func (e *Engine) selectTranscript(msgs []copilot.Message, budget int) (string, int) {
	lines := make([]string, len(msgs))
	cost := make([]int, len(msgs))
	total := 0
	for i, m := range msgs {
		lines[i] = e.transcriptLine(m)
		cost[i] = promptTokens(lines[i]) + 1
		total += cost[i]
	}
	if total <= budget {
		return strings.Join(lines, "\n"), 0
	}

	keep := make([]bool, len(msgs))
	order := make([]int, len(msgs))
	score := make([]float64, len(msgs))
	for i, m := range msgs {
		order[i] = i
		score[i] = messageScore(m, i, len(msgs))
	}
	sort.SliceStable(order, func(a, b int) bool { return score[order[a]] > score[order[b]] })
	// Each gap costs a marker line; reserve room for a marker per kept message.
	const markerCost = 8
	used := 0
	for _, i := range order {
		c := cost[i] + markerCost
		if used+c > budget && i != 0 && i != len(msgs)-1 {
			continue
		}
		keep[i] = true
		used += c
	}

	var b strings.Builder
	omitted, gap := 0, 0
	flushGap := func() {
		if gap > 0 {
			fmt.Fprintf(&b, "[… %d messages omitted …]\n", gap)
			omitted += gap
			gap = 0
		}
	}
	for i := range msgs {
		if !keep[i] {
			gap++
			continue
		}
		flushGap()
		b.WriteString(lines[i])
		b.WriteByte('\n')
	}
	flushGap()
	return strings.TrimSuffix(b.String(), "\n"), omitted
}

// Cues that make a message worth its tokens when the transcript must be cut. They
// follow the incident lifecycle: the signal, the cause, the decisions, the mitigation
// and the resolution carry a summary; acknowledgements and chatter do not.
var (
	lifecycleCueRE = regexp.MustCompile(`(?i)\b(resolved|resolution|mitigat\w*|roll(ed|ing)?[ -]?back|revert\w*|root[ -]?cause|rca|caused by|because|the cause|declar\w*|sev[ -]?[0-4]|fixed|recover\w*|back to normal|restor\w*|fail(ed|ing)?[ -]?over|restart\w*|scal(ed|ing) (up|out|down)|deploy\w*|all clear|monitoring|stable|closing|postmortem|post-mortem|incident (is )?(open|opened|closed))\b`)
	errorCueRE     = regexp.MustCompile(`(?i)\b(error|errors|exception|fatal|panic\w*|time[ds]? ?out|timed out|refused|denied|oom\w*|killed|crash\w*|unavailable|unreachable|fail(ed|ing|ure)?|saturat\w*|exhaust\w*|x509|nxdomain|[45]\d\d|[45]xx|latency|p99|spik\w*)\b`)
	decisionCueRE  = regexp.MustCompile(`(?i)(\blet'?s\b|\bwe will\b|\bwe'll\b|\bdecid\w*|\bplan is\b|\bgoing to\b|\bi'll\b|\bi will\b|\bagreed\b|\baction item|\bfollow[- ]?up|\bwe should\b|\bticket\b)`)
	signalCueRE    = regexp.MustCompile(`(?i)\b(alert\w*|firing|paged?|paging|triggered|customers?|reported)\b`)
)

// messageScore rates how much a message tells about the incident.
func messageScore(m copilot.Message, i, n int) float64 {
	msg := m.Text
	s := 0.0
	if lifecycleCueRE.MatchString(msg) {
		s += 3
	}
	if errorCueRE.MatchString(msg) {
		s += 2
	}
	if decisionCueRE.MatchString(msg) || text.HasTicketKey(msg) {
		s += 2
	}
	if signalCueRE.MatchString(msg) {
		s++
	}
	words := len(strings.Fields(msg))
	if s == 0 && words < 4 {
		s-- // "ack", "+1", "looking"
	}
	s += min(float64(words)/30, 1)
	// The opening and the wrap-up carry the signal and the outcome.
	if n > 0 {
		if pos := float64(i) / float64(n); pos < 0.05 || pos >= 0.85 {
			s++
		}
	}
	return s
}
