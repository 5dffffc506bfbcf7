package local

import (
	"regexp"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Mid-incident summary limits.
const (
	maxOwners = 5
	maxTried  = 5
	maxNext   = 3
)

var (
	// ownerRE: a responder saying what they are on ("I'll check the replica lag",
	// "looking at the pool metrics", "on it").
	ownerRE = regexp.MustCompile(`\b(i'?ll|i will|i'?m|i am|on it|i'?ve got|i got|taking|looking (at|into)|checking|investigating|digging)\b`)
	// nextRE: what the channel plans to do next.
	nextRE = regexp.MustCompile(`\b(next|then we|going to|gonna|plan is|the plan|if that doesn'?t|'ll try|will try|let'?s|need to)\b`)
	// laterRE: plans for after the incident are follow-ups, not the next step.
	laterRE = regexp.MustCompile(`\b(next time|postmortem|post-mortem|retro|follow[- ]?up|ticket|going forward|in the future|next week|next sprint|tomorrow)\b`)
)

// openIncident reports whether the incident has not been resolved yet: no resolved
// time or status on record and no resolution in the transcript. Postmortems are
// written after the fact.
func openIncident(inc *copilot.Incident, b *summaryBuilder) bool {
	switch strings.ToLower(inc.Status) {
	case "resolved", "closed", "postmortem", "done":
		return false
	}
	return inc.ResolvedAt.IsZero() && b.lc.resolvedAt < 0 && !b.hasSections()
}

// midIncident fills what a responder joining an open incident needs besides the
// usual fields: who is on what, what has been tried and what is next.
func (b *summaryBuilder) midIncident(s *copilot.Summary) {
	s.Open = true
	lc := b.lc
	// Owners: each person's latest statement of what they are doing.
	last := map[string]int{}
	var order []string
	lastAction := -1
	for i, t := range lc.msgs {
		if t.bot {
			continue
		}
		if t.taken {
			lastAction = i
		}
		person := t.msg.UserName
		if person == "" {
			person = t.msg.User
		}
		if person == "" || !ownerRE.MatchString(t.lower) || laterRE.MatchString(t.lower) {
			continue
		}
		if _, ok := last[person]; !ok {
			order = append(order, person)
		}
		last[person] = i
	}
	for _, p := range order {
		if len(s.Owners) == maxOwners {
			break
		}
		i := last[p]
		if d := b.citeMatching(i, ownerRE); d != "" {
			s.Owners = append(s.Owners, copilot.Owner{Person: p, Doing: d, SourceTS: lc.msgs[i].msg.TS})
		}
	}
	// Tried: the actions taken so far, in order, each with the reply that said it
	// did not help when one came before the next action.
	for _, t := range lc.msgs {
		if len(s.Tried) == maxTried {
			break
		}
		if t.bot || !t.taken {
			continue
		}
		text, _, _ := actionSentence(t.msg.Text)
		if text == "" {
			continue
		}
		if !b.used[text] { // the mitigation field may cite it already
			b.used[text] = true
			b.cites = append(b.cites, copilot.Citation{Text: text, SourceTS: []string{t.msg.TS}})
		}
		for _, u := range lc.msgs[t.idx+1 : min(len(lc.msgs), t.idx+1+verifyLookahead)] {
			if u.taken && !u.bot {
				break
			}
			if notHelpedRE.MatchString(u.lower) {
				if n := b.citeMatching(u.idx, notHelpedRE); n != "" {
					text = joinSentences(text, n)
				}
				break
			}
		}
		s.Tried = append(s.Tried, text)
	}
	// Next: the latest plans, said after the last action (or anywhere, before one).
	var next []string
	for i := len(lc.msgs) - 1; i > lastAction && len(next) < maxNext; i-- {
		t := lc.msgs[i]
		if t.bot || !nextRE.MatchString(t.lower) || laterRE.MatchString(t.lower) {
			continue
		}
		if n := b.citeMatching(i, nextRE); n != "" {
			next = append([]string{n}, next...)
		}
	}
	s.Next = next
}

// citeMatching cites the first sentence of message idx that matches re.
func (b *summaryBuilder) citeMatching(idx int, re *regexp.Regexp) string {
	for _, raw := range splitSentences(b.lc.msgs[idx].msg.Text) {
		if hasSecret(raw) || !re.MatchString(lowerClean(raw)) {
			continue
		}
		q := quote(raw)
		if q == "" {
			continue
		}
		if !b.used[q] {
			b.used[q] = true
			b.cites = append(b.cites, copilot.Citation{Text: q, SourceTS: []string{b.lc.msgs[idx].msg.TS}})
		}
		return q
	}
	return ""
}
