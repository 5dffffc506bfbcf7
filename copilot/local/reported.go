package local

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// Terse channels report an action the way one tells one's own work: the subject
// dropped, a verb in the past tense, then what it changed ("remounted /data",
// "enabled time sync, forced w32tm /resync", "moved campaign to separate
// subaccount, paused it"). The action classes only know the verbs of common
// mitigations; this reading knows the shape of the clause instead, so a verb no
// class names ("remounted", "installed", "re-keyed") still makes a step. The shape
// alone would also read some narration ("exceeded 120 min timeout"), so such a
// step is kept only where the channel says the system recovered after it
// (reportedStepOK), as a responder would judge it worked.

// clauseSplitRE cuts a sentence into coordinated clauses.
var clauseSplitRE = regexp.MustCompile(`\s*(?:,|;| \+| and then| and|&)\s+`)

// irregularPast maps the irregular past forms chat uses for actions to their base
// form: English grammar, not words of one corpus.
var irregularPast = map[string]string{
	"ran": "run", "set": "set", "put": "put", "cut": "cut", "shut": "shut", "made": "make", "took": "take",
	"sent": "send", "gave": "give", "built": "build", "wrote": "write", "threw": "throw", "split": "split",
	"spun": "spin", "brought": "bring", "broke": "break", "got": "get", "bound": "bind", "swapped": "swap",
	"rewrote": "rewrite", "rebuilt": "rebuild", "reran": "rerun", "froze": "freeze", "shed": "shed",
	// More of the language's irregular pasts a step is told in ("We paid the
	// renewal", "undid the change", "swung the alias back").
	"paid": "pay", "undid": "undo", "redid": "redo", "withdrew": "withdraw", "overrode": "override",
	"swung": "swing", "rewound": "rewind", "tore": "tear", "fed": "feed", "laid": "lay", "hung": "hang",
	"stood": "stand", "began": "begin", "chose": "choose", "dealt": "deal", "upheld": "uphold",
}

// objectlessRE: what follows an intransitive verb instead of an object: a
// preposition, an adverb of time or degree, a conjunction, or nothing. "dropped
// to 0", "spiked at 09:10", "crashed again" tell what the system did.
var objectlessRE = regexp.MustCompile(`^(to|at|in|into|on|from|with|by|for|after|before|since|during|until|about|again|twice|once|still|already|too|very|so|then|and|or|but|because|as|like|is|are|was|were|\d[\w.%:]*)$`)

// particles complete a phrasal verb ("turned off X", "freed up disk").
var particles = map[string]bool{"up": true, "out": true, "off": true, "on": true, "back": true, "down": true, "over": true}

// pronouns are objects that do not name what changed.
var pronouns = map[string]bool{"it": true, "them": true, "that": true, "this": true, "those": true, "these": true, "everything": true, "all": true}

// reportLeadSkip: words before a subject-dropped verb that leave it the speaker's
// own: "I", "we", "just", "then", acknowledgements, bullets.
func reportLeadSkip(w string) bool {
	switch w {
	case "the", "they", "they've", "engineers", "engineer", "team", "responders", "operators", "sre", "sres", "on-call", "oncall":
		return false // a named doer is not the speaker
	}
	return leadFillers[w] || speakerWords[w] || w == "-" || w == "*" || w == "•"
}

// reportLeadLen is the number of words that lead a report before its verb
// (reportLeadSkip): "ok so we rolled back" leads with three.
func reportLeadLen(words []string) int {
	i := 0
	for i < len(words) && reportLeadSkip(strings.Trim(words[i], ",.:;!")) {
		i++
	}
	return i
}

// pastVerb returns the base form of w when it reads as a verb in the past tense
// (regular "-ed", or an irregular form), else "".
func pastVerb(w string) string {
	w = strings.Trim(w, ",.:;!`*_\"'")
	if b, ok := irregularPast[w]; ok {
		return b
	}
	if b, ok := baseVerb[w]; ok && strings.HasSuffix(w, "ed") {
		return b // the forms imperative knows ("scaled")
	}
	for _, p := range []string{"re-", "un", "re"} {
		if rest, ok := strings.CutPrefix(w, p); ok {
			if b, ok := irregularPast[rest]; ok {
				return p + b
			}
		}
	}
	if len(w) < 5 || !strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "eed") || !isWord(w) {
		return ""
	}
	// A hyphen after a prefix ("re-keyed", "un-paused"), not inside a compound name
	// ("allowance-exceeded").
	if h := strings.IndexByte(w, '-'); h > 3 {
		return ""
	}
	return regularBase(w)
}

// isWord: letters and inner hyphens only.
func isWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// regularBase undoes the regular past ending by English spelling rules: "-ied" is
// "-y" ("copied"), a doubled final consonant is single ("dropped"), and a silent
// "e" comes back after the endings that need one ("enabled", "moved", "paused",
// "rotated", "purged", "restored"). Where the spelling does not tell, the stem
// stays without it.
func regularBase(w string) string {
	if strings.HasSuffix(w, "ied") {
		return w[:len(w)-3] + "y"
	}
	s := w[:len(w)-2]
	n := len(s)
	if n < 3 {
		return w
	}
	last, prev := s[n-1], s[n-2]
	if last == prev && !strings.ContainsRune("lsfz", rune(last)) && len(strings.TrimPrefix(s, "re-")) > 3 {
		return s[:n-1]
	}
	single := !isVowel(s[n-3]) && isVowel(prev) // one vowel before the last letter
	switch {
	case strings.ContainsRune("vcuz", rune(last)):
		return s + "e"
	case last == 's' && prev != 's':
		return s + "e"
	case last == 'l' && strings.ContainsRune("bptdkgz", rune(prev)):
		return s + "e"
	case last == 'g' && (prev == 'r' || prev == 'd' || prev == 'n' && n >= 3 && s[n-3] == 'a'):
		return s + "e"
	case single && prev != 'e' && strings.ContainsRune("rdkmp", rune(last)):
		return s + "e"
	case single && strings.ContainsRune("iu", rune(prev)) && last == 'n':
		return s + "e" // "pruned", "refined"; not "uncordoned"
	case single && strings.ContainsRune("au", rune(prev)) && last == 't':
		return s + "e"
	case single && prev == 'e' && last == 't' && n >= 4:
		return s + "e" // "deleted", "completed"
	}
	return s
}

// reportedAction reads a subject-dropped report of an action in one sentence: the
// clauses from the first that opens with a past-tense verb and its object, up to a
// clause that reports the effect (returned as the check). It returns the step text
// with its verb in the base form and the verb.
func reportedAction(raw string) (step, check, verb string) {
	clauses := clauseSplitRE.Split(cleanText(raw), -1)
	start := -1
	var out []string
	for i, c := range clauses {
		low := strings.ToLower(c)
		if start < 0 {
			if verifyRE.MatchString(low) || recoveryRE.MatchString(low) {
				// "login works, re-added the cleanup cron": what follows the
				// recovery is wrap-up, not what fixed it.
				return "", "", ""
			}
			if v, rest := openingReport(c); v != "" {
				start, verb = i, v
				out = append(out, capitalize(v)+" "+rest)
			}
			continue
		}
		if verifyRE.MatchString(low) || recoveryRE.MatchString(low) {
			check = c
			break
		}
		if proposalRE.MatchString(low) || hedgeRE.MatchString(low) || notDoneRE.MatchString(low) {
			break
		}
		if f := strings.Fields(c); len(f) > 1 {
			if v := pastVerb(strings.ToLower(f[0])); v != "" {
				c = v + " " + strings.Join(f[1:], " ") // "…, restarted push-gateway"
			}
		}
		out = append(out, c)
	}
	if start < 0 {
		return "", "", ""
	}
	return strings.Join(out, ", "), check, verb
}

// stepClass names the first action class whose words a step's text holds, else
// the fallback.
func stepClass(step, fallback string) string {
	low := strings.ToLower(step)
	for _, ac := range actionClasses {
		if ac.re.MatchString(low) {
			return ac.name
		}
	}
	return fallback
}

// openingReport reports whether a clause opens, subject dropped, with a verb in the
// past tense followed by an object; it returns the verb's base form and the clause
// after the verb ("paused renewal job" -> "pause", "renewal job").
func openingReport(c string) (string, string) {
	words := strings.Fields(clockLeadRE.ReplaceAllString(strings.ToLower(c), ""))
	orig := strings.Fields(clockLeadRE.ReplaceAllString(c, ""))
	if len(orig) != len(words) {
		return "", ""
	}
	i := reportLeadLen(words)
	// A manner adverb may come first ("temporarily re-keyed", "manually triggered").
	if i < len(words) && (strings.HasSuffix(words[i], "ly") || leadMannerRE.MatchString(words[i])) && i+1 < len(words) && pastVerb(words[i+1]) != "" {
		i++
	}
	if i >= len(words)-1 {
		return "", ""
	}
	base := pastVerb(words[i])
	if base == "" || failVerbRE.MatchString(strings.Trim(words[i], ",.:;!")) {
		return "", ""
	}
	// The object: a particle may come between ("turned off X"), then a word that
	// is not a preposition, adverb, number or pronoun.
	j := i + 1
	if particles[words[j]] && j+1 < len(words) {
		j++
	}
	obj := strings.Trim(words[j], ",.:;!`\"'()")
	if obj == "" || objectlessRE.MatchString(obj) || strings.HasSuffix(obj, "ly") || pronouns[obj] && j+1 == len(words) {
		return "", ""
	}
	// What changed is named: the object phrase holds a content word that is not a
	// pronoun.
	named := false
	for _, w := range words[j:] {
		w = strings.Trim(w, ",.:;!`\"'()")
		if !pronouns[w] && !strings.HasSuffix(w, "ly") && len(contentTerms(w)) > 0 {
			named = true
			break
		}
	}
	if !named {
		return "", ""
	}
	return base, strings.Join(orig[i+1:], " ")
}

// reportedStep drafts a step from a message that reports an action in the terse
// form (reportedAction) that no action class read; ok only when the channel shows
// it worked: a clause after it in the sentence, or a later message, says the
// system recovered, or, in an incident that is over, it is the last action before
// the end (lastAction).
func (lc *incidentLifecycle) reportedStep(d stepDraft, t msgTags, over bool) (stepDraft, bool) {
	if t.bot || t.question {
		return d, false
	}
	for _, raw := range splitSentences(t.msg.Text) {
		low := lowerClean(raw)
		if hasSecret(raw) || secretReactionRE.MatchString(low) || proposalRE.MatchString(low) || hedgeRE.MatchString(low) || notDoneRE.MatchString(low) || severityRE.MatchString(low) {
			continue
		}
		step, check, verb := reportedAction(raw)
		// A past action dated before the incident ("moved the warehouse to the
		// s3 export in june") is its history, not a step.
		if step == "" || len(contentTerms(step)) < 2 || pastDateRE.MatchString(strings.ToLower(step)) {
			continue
		}
		d.class = stepClass(step, "report:"+verb)
		d.text, d.terms = copilot.SafeText(strings.TrimSuffix(step, ".")+"."), contentTerms(step)
		if check != "" {
			d.check, d.verified = quote(check), true
		} else {
			lc.checkStep(t, &d)
		}
		if !d.verified && d.helped && over {
			if c, last := lc.lastAction(t); last {
				d.check, d.verified = c, c != ""
				return d, true
			}
		}
		return d, d.verified && d.helped
	}
	return d, false
}

// lastAction reports whether t is the last action of its incident: within
// verifyLookahead messages of the resolution (or of the transcript's end when none
// is said), with only people's short reports between, none of them an action, a
// question, a plan or a report that it did not help. The first of those reports is
// the check ("delivery 99%", "jobs pass"); with none, t must also be the first
// action (firstAction).
func (lc *incidentLifecycle) lastAction(t msgTags) (string, bool) {
	end := len(lc.msgs) - 1
	if lc.resolvedAt >= 0 {
		end = lc.resolvedAt
	}
	if t.idx >= end && lc.resolvedAt >= 0 || end-t.idx > verifyLookahead {
		return "", false
	}
	check := ""
	for _, u := range lc.msgs[t.idx+1 : end+1] {
		if u.bot {
			continue
		}
		if u.idx == lc.resolvedAt {
			break
		}
		if u.taken || u.question || proposalRE.MatchString(u.lower) || notHelpedRE.MatchString(u.lower) || hedgeRE.MatchString(u.lower) {
			return "", false
		}
		if step, _, _ := reportedAction(u.msg.Text); step != "" {
			return "", false
		}
		if check == "" && len(strings.Fields(u.lower)) <= maxCheckWords {
			check = quote(u.msg.Text)
		}
	}
	if check != "" {
		return check, true
	}
	return "", lc.firstAction(t)
}

// firstAction reports whether no action is told before t. With nothing said
// after it, a last change that follows an earlier one is more often wrap-up
// ("scaled resizer 4->20" … "removed invalidation permission from marketing tool
// role") than the fix. Seen as an earlier action: the system recovering, or any
// action told.
func (lc *incidentLifecycle) firstAction(t msgTags) bool {
	for _, u := range lc.msgs[:t.idx] {
		if u.bot || u.idx <= lc.firstSignal {
			continue
		}
		if u.verify || recoveryRE.MatchString(u.lower) || u.taken || len(u.actions) > 0 && !u.question && !proposalRE.MatchString(u.lower) {
			return false
		}
		if step, _, _ := reportedAction(u.msg.Text); step != "" || passiveReportRE.MatchString(u.lower) {
			return false
		}
	}
	return true
}

// pastDateRE: a day or month before today ("on tuesday", "in june", "yesterday").
var pastDateRE = regexp.MustCompile(`\b(yesterday|last night|last week|last month)\b|` + calendarDayPattern)

// passiveReportRE: a short report of a change by its object and participle, the
// doer dropped ("temp key installed", "hotfix deployed").
var passiveReportRE = regexp.MustCompile(`(^|[,;.] )(\S+ ){1,3}[a-z]{3,}ed([,;.]|$)`)

// maxCheckWords bounds a report read as the check of the last action.
const maxCheckWords = 12

// nounSubject reports whether a sentence that opens with an action word uses it as
// a noun in its subject: a verb in the past tense with an object follows within two
// words ("bounce loop created 4M deferred messages": the loop did it, nobody
// bounced anything). "rollback finished" (no object) is still a report.
func nounSubject(low string) bool {
	words := strings.Fields(low)
	if len(words) < 3 || pastVerb(words[0]) != "" || strings.HasSuffix(words[0], "ing") {
		return false
	}
	for k := 1; k <= 2 && k+1 < len(words); k++ {
		if pastVerb(words[k]) == "" {
			continue
		}
		if strings.TrimRight(words[k], ",.:;!") != words[k] {
			return false // "hotfix deployed, csv export back on": a passive report
		}
		next := strings.Trim(words[k+1], ",.:;!`\"'()")
		return next != "" && (!objectlessRE.MatchString(next) || text.IsNumber(strings.TrimRight(next, "kmbgKMBG%")) || unicode.IsDigit(rune(next[0])))
	}
	return false
}
