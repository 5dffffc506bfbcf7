package local

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// A postmortem states what its authors will do in many places besides a section
// called "Action Items": a section with any title ("Improving Recovery Procedures",
// "What we are changing"), a sentence in the summary ("we will add an alert on…"),
// or a report with no headings at all. Two signals carry across wordings, because
// they are grammar rather than vocabulary:
//
//   - a promise: a first-person (or team) subject with a future or obligation form
//     ("we will", "we're going to", "I'll", "the team needs to", "we are adding");
//   - an imperative list item ("Add…", "Document…", "Separate…"), which in a report
//     written after the incident is a to-do, not a narration (that is past tense).
//
// A section most of whose entries are promises or imperatives is a to-do list
// whatever its heading says.

var (
	// promiseRE: first-person or team subject, then a future or obligation form.
	promiseRE = regexp.MustCompile(`(?i)\b(?:we|i|the team|our team|the \w+ team|each team|every team|teams)\s*(?:will|'ll|shall|are going to|'re going to|am going to|'m going to|are gonna|'re gonna|plan to|are planning to|'re planning to|intend to|aim to|need to|needs? (?:a|an|more|better|proper|some)|need|must|have to|should|are (?:now |currently |also )?(?:looking|working) (?:into|on|to))\b(?:\s+(?:also|now|then|further|first|soon|definitely|likely|probably))?\s+(\w+)`)
	// namedPromiseRE: a person's full name opening the sentence, then a future
	// form and the verb; group 1 is the first name, group 2 the verb.
	namedPromiseRE = regexp.MustCompile(`^\W*(\p{Lu}[\p{Ll}'’\-]+)(?:\s+\p{Lu}[\p{Ll}'’\-]+){1,2}\s+(?:will|is going to|plans to|aims to|has agreed to|agreed to)\s+(?:also\s+|now\s+|then\s+)?(\w+)`)
	// anaphoricTakeRE: taking on work named before ("do this", "own it", "lead
	// that change").
	anaphoricTakeRE = regexp.MustCompile(`^(?:do|own|lead|handle|take|drive|deliver|pick up|look after|run)\s+(?:this|it|that|these|those)\b`)
	// promiseNotRE: a promise form that is a regret, a prediction or a hedge.
	promiseNotRE = regexp.MustCompile(`(?i)\b(?:will|'ll|should|must|need to|have to) (?:have|be (?:fine|ok|okay|able to see|back|done|up|down|good))\b|\bwould\b|\bcould\b`)
	// progressiveRE: "we are adding…", "we're moving…": work under way.
	progressiveRE = regexp.MustCompile(`(?i)\b(?:we|i)\s*(?:are|'re|am|'m)\s+(?:now |currently |also |actively |already )?(\w+ing)\b`)
	// leadWordRE is the first word of an entry, past list marks and emphasis.
	leadWordRE = regexp.MustCompile(`^[\s*_\-•·>\d.)\[\]x]*([A-Za-z]+)`)
	// wishItemRE: an entry that names a wanted improvement without a verb ("Better
	// monitoring of namespaces", "More alerts on lag").
	wishItemRE = regexp.MustCompile(`(?i)^[\s*_\-•·\d.)]*(?:better|more|improved|proper|additional|automated|automatic|stricter|clearer)\s`)
	// abbrevEndRE: a sentence piece ending in an abbreviation runs on.
	abbrevEndRE = regexp.MustCompile(`(?i)\b(?:e\.g|i\.e|etc|vs|approx|incl|esp|cf|resp|mr|ms|dr|no)\.$`)
)

// imperativeVerbs are base forms that open a to-do ("Add an alert…"). A report's
// narration uses the past tense or a noun first ("Scaled down…", "Lack of…").
var imperativeVerbs = toSet(`add adjust alert align analyse analyze apply archive assess audit automate
block build change check clarify clean communicate configure consider continue create decide define
delete deploy deprecate design disable discuss document double drop educate enable enforce ensure
establish evaluate expand explore expose extend find fix follow formalize formalise gather get harden
identify implement improve include increase install integrate introduce investigate isolate limit look
lower make measure migrate monitor move notify own patch pin plan practice practise prepare prevent
prioritize prioritise protect provide publish raise re-evaluate reassess rebuild reconfigure reduce
refactor reinforce remove rename replace report request require research restrict retire revert
review revise revisit rewrite rotate run schedule separate set setup share simplify spike split
standardize standardise start stop streamline switch tag test track train tune update upgrade use
validate verify watch write avoid teach figure bring agree enhance observe keep reach talk ask
learn hold organize organise assign allocate escalate backport cover decouple shard cap gate lock page
align inform link map mark extract collect enrich label alarm subscribe contact engage coordinate`)

// isPromise reports whether a sentence commits its speaker or team to work, and where
// the commitment ends (so a clip never cuts it).
func isPromise(s string) (bool, int) {
	for _, m := range promiseRE.FindAllStringSubmatchIndex(s, -1) {
		if embeddedClause(s[:m[0]]) || promiseNotRE.MatchString(s[m[0]:]) {
			continue
		}
		rest := strings.ToLower(s[m[2]:])
		if fuMakeRE.MatchString(rest) || fuLastingRE.MatchString(rest) {
			return true, m[1]
		}
	}
	// A report gives work to a person by full name ("Jonas Weber will add a
	// second rates source …"): the same promise with its owner for subject.
	if m := namedPromiseRE.FindStringSubmatchIndex(s); m != nil && !text.IsStopWord(strings.ToLower(s[m[2]:m[3]])) && !promiseNotRE.MatchString(s[m[0]:]) {
		// "Priya Raman will do this as part of the same work" gives the promise
		// before it an owner; it promises nothing new.
		rest := strings.ToLower(s[m[4]:])
		if (fuMakeRE.MatchString(rest) || fuLastingRE.MatchString(rest)) && !anaphoricTakeRE.MatchString(rest) {
			return true, m[1]
		}
	}
	for _, m := range progressiveRE.FindAllStringSubmatchIndex(s, -1) {
		verb := strings.ToLower(s[m[2]:m[3]])
		if !embeddedClause(s[:m[0]]) && fuMakeRE.MatchString(verb) && !fuTriageRE.MatchString(verb) {
			return true, m[1]
		}
	}
	return false, 0
}

// embeddedWhRE: a question word ending the text before a subject.
var embeddedWhRE = regexp.MustCompile(`(?i)\b(?:what|whatever|how|why)\W*$`)

// embeddedClause reports whether the subject after before opens a clause that
// names work instead of promising it: "it covers what happened and what we are
// changing", "this section says how we will prevent it". The promise is the
// sentence's object, told about; the items themselves are written elsewhere.
func embeddedClause(before string) bool {
	return embeddedWhRE.MatchString(before)
}

// isImperative reports whether an entry opens with a verb in its base form.
func isImperative(text string) bool {
	sub := leadWordRE.FindStringSubmatch(text)
	if sub == nil {
		return false
	}
	w := strings.ToLower(sub[1])
	if !imperativeVerbs[w] {
		return false
	}
	// "Update: the pods are back" is a status label, not an order.
	rest := strings.TrimSpace(text[strings.Index(text, sub[1])+len(sub[1]):])
	if m := compoundTailRE.FindStringSubmatch(rest); m != nil {
		// A verb joined to a word is a compound: an order when an object
		// follows it ("Load-test the event start"), a noun otherwise
		// ("Contact-centre agents told customers …", "Follow-up: …").
		return determiners[strings.ToLower(m[1])]
	}
	return rest != "" && !strings.HasPrefix(rest, ":")
}

// compoundTailRE: the rest of a hyphenated word after its first part, and the
// word after the compound (group 1).
var compoundTailRE = regexp.MustCompile(`^-\pL[\pL-]*\s*(\pL*)`)

// actionHead is the to-do of an entry written "Title: explanation" or
// "Title. Explanation." when the title is imperative; else "".
func actionHead(text string) string {
	if !isImperative(text) {
		return ""
	}
	sents := followUpSentences(text)
	head := sents[0]
	if i := titleColon(head); i > 0 && utf8.RuneCountInString(head[:i]) >= 12 {
		head = head[:i]
	}
	return head
}

// titleColon is the index of the first ": " outside parentheses, -1 when none: in
// "Add an alert (owner: Priya)" the colon is a field's, not the title's end.
func titleColon(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(0, depth-1)
		case ':':
			if depth == 0 && i+1 < len(s) && s[i+1] == ' ' {
				return i
			}
		}
	}
	return -1
}

// followUpSentences splits text into sentences, rejoining pieces that a split after
// an abbreviation ("e.g.") broke off.
func followUpSentences(text string) []string {
	var out []string
	for _, s := range splitSentences(text) {
		if n := len(out); n > 0 && abbrevEndRE.MatchString(out[n-1]) {
			out[n-1] += " " + s
			continue
		}
		out = append(out, emojiBreaks(s)...)
	}
	return out
}

// emojiBreaks splits a sentence after an emoji that stands where chat writers put
// a full stop ("… not the thing marisol typed at 9:30 😅 I'll have it drafted by
// friday"): a word after it opens a sentence of its own.
func emojiBreaks(s string) []string {
	locs := emojiStopRE.FindAllStringIndex(s, -1)
	if locs == nil {
		return []string{s}
	}
	var out []string
	start := 0
	for _, l := range locs {
		if part := strings.TrimSpace(s[start:l[1]]); part != "" {
			out = append(out, part)
		}
		start = l[1]
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// emojiStopRE: an emoji with a space after it and a word before it.
var emojiStopRE = regexp.MustCompile(`\w\W{0,3}\p{So}+\s+`)

// maxFollowUpRunes bounds a quoted follow-up. A commitment is quoted whole; only a
// sentence longer than this is clipped, and never before its promise ends.
const maxFollowUpRunes = 480

// quoteFollowUp quotes a follow-up like quoteText does, but keeps long sentences
// whole up to maxFollowUpRunes, and clips beyond that only after keepTo (a byte
// offset into s: the end of the promise).
func quoteFollowUp(s string, keepTo int) string {
	s = cleanText(s)
	s = rowTimeRE.ReplaceAllString(s, "")
	s = strings.TrimLeft(s, "-*•·|: ")
	s = strings.TrimSpace(strings.TrimRight(s, " |"))
	if s == "" {
		return ""
	}
	s = clipAfter(copilot.SafeText(s), keepTo)
	r, size := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[size:]
	}
	// A list entry ends in the separator of its list ("…before it goes live;"):
	// the item ends there.
	s = strings.TrimRight(s, ";,")
	if last, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune(".!?…", last) {
		s += "."
	}
	return copilot.SafeText(s)
}

// clipAfter shortens s to maxFollowUpRunes at a word boundary, but not before byte
// offset keepTo plus some words of what the promise is about.
func clipAfter(s string, keepTo int) string {
	if utf8.RuneCountInString(s) <= maxFollowUpRunes {
		return s
	}
	limit := len(string([]rune(s)[:maxFollowUpRunes]))
	if keepTo+120 > limit {
		limit = min(len(s), keepTo+120)
		for limit < len(s) && !utf8.RuneStart(s[limit]) {
			limit++
		}
	}
	cut := s[:limit]
	if i := strings.LastIndexByte(cut, ' '); i > keepTo && i > limit/2 {
		cut = cut[:i]
	}
	if len(cut) == len(s) {
		return s
	}
	return strings.TrimRight(cut, " ,;:-") + "…"
}

// sectionKind sorts postmortem sections by what they hold.
type sectionKind int

const (
	sectionOther     sectionKind = iota // unknown heading, or none
	sectionNarrative                    // what happened
	sectionLessons                      // reflections, judged like chat
	sectionActions                      // a to-do list
	sectionSkip                         // attendees, stats, links
)

// kindOfSection reads a heading. Words that say "to do" in any phrasing count
// (improve, prevent, remediate, next, follow, future…), so "Improving Recovery
// Procedures" is a to-do list, and so does the first person with a future or
// progressive verb of changing ("What we're changing", "What we will do");
// anything unknown is decided by its entries.
func kindOfSection(section string) sectionKind {
	switch {
	case section == "":
		return sectionOther
	case sectionIs(section, "attendee", "atendee", "stats", "participants", "reference", "link", "appendix", "glossary"):
		return sectionSkip
	case rejectedHeadingRE.MatchString(section):
		return sectionSkip // "Things we decided not to do": the list of what will not be
	case actionsTakenHeadingRE.MatchString(section) || responseActionsHeadingRE.MatchString(section) || anyHeadingPart(section, doneHeadingRE):
		// "Actions taken", "Containment actions" (an 8D report's D3), "Remediation
		// already done", "Done during the response": the response's own steps,
		// done by the time the report was written. So is a subsection of the
		// actions headed so ("Corrective actions / Done during the incident").
		return sectionNarrative
	case findingsHeadingRE.MatchString(section):
		// "Areas for Improvement" in an after-action report (the HSEEP format
		// public bodies use) lists what the review found wanting; the
		// improvement plan that follows commits to the work.
		return sectionLessons
	case actionHeadingRE.MatchString(section):
		return sectionActions
	case sectionIs(section, "lesson", "what went wrong", "what went well", "where we got lucky", "discussion", "learning", "takeaway", "reflection", "general"):
		return sectionLessons
	case narrativeHeadingRE.MatchString(section):
		return sectionNarrative
	}
	return sectionOther
}

var (
	actionHeadingRE       = regexp.MustCompile(`\bwe(?:'re| are) (?:\w+ )?(?:chang|do|fix|improv|add|build|prevent|mak)\w*|\bwe(?:'ll| will| are going to|'re going to| plan to| intend to) \w+|\b(actions?|follow[- ]?ups?|next steps?|todo|to-do|to do|remediat\w*|corrective|prevent\w*|improv\w*|recommend\w*|future|going forward|tasks?|work items?|backlog)\b`)
	findingsHeadingRE     = regexp.MustCompile(`\b(?:areas?|opportunit(?:y|ies)) (?:for|of) improvement\b|\bimprovement (?:areas?|opportunit(?:y|ies))\b`)
	rejectedHeadingRE     = regexp.MustCompile(`\b(?:not to do|won'?t do|will not do|not doing|decided against|rejected|declined|out of scope|discarded|not (?:pursued|taken|adopted|chosen)|considered but|we (?:will not|won'?t))\b`)
	actionsTakenHeadingRE = regexp.MustCompile(`\b` + text.ActionsTakenPattern)
	// responseActionsHeadingRE: a heading naming the actions that contained or
	// mitigated the incident, as against those that will prevent the next.
	responseActionsHeadingRE = regexp.MustCompile(`^(?:interim )?(?:containment|emergency|mitigation|mitigating|response|recovery|stabili[sz]ation) actions?\b`)
	// doneHeadingRE: a heading that says its entries are done ("Remediation
	// already done", "Done during the incident", "What we did").
	doneHeadingRE      = regexp.MustCompile(`\balready (?:done|taken|completed|in place)\b|^done (?:during|in|while)\b|^what we did\b`)
	narrativeHeadingRE = regexp.MustCompile(`\b(summary|timeline|impact|root cause|causes?|contributing|factors|findings|what happened|background|overview|description|detection|resolution|recovery|response|trigger|context|details?|analysis|investigation|mitigation)\b`)
)

// todoSections finds the sections whose entries are mostly promises or imperatives
// (at least two of them, and at least half): to-do lists under any heading. The
// first section is never one: a report starts with what happened.
func todoSections(lc *incidentLifecycle) map[string]bool {
	type tally struct{ n, todo int }
	counts := map[string]*tally{}
	var order []string
	for _, t := range lc.msgs {
		if t.section == "" || t.bot {
			continue
		}
		c := counts[t.section]
		if c == nil {
			c = &tally{}
			counts[t.section] = c
			order = append(order, t.section)
		}
		if rowTimeRE.MatchString(t.msg.Text) {
			c.n++
			continue
		}
		c.n++
		wish := wishItemRE.MatchString(t.msg.Text) && fuLastingRE.MatchString(t.lower)
		if p, _ := isPromise(t.msg.Text); p || wish || isImperative(t.msg.Text) {
			c.todo++
		}
	}
	out := map[string]bool{}
	for i, s := range order {
		c := counts[s]
		if i > 0 && c.todo >= 2 && 2*c.todo >= c.n {
			out[s] = true
		}
	}
	return out
}

// toSet makes a set of the white-space separated words.
func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
