package local

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// Limits that keep a local summary readable in half a minute.
const (
	summaryOverviewSentences   = 2
	summaryImpactSentences     = 2
	summaryResolutionSentences = 2
	timelineTextRunes          = 140
)

// summaryBuilder collects cited sentences, each used once across the fields.
type summaryBuilder struct {
	lc    *incidentLifecycle
	used  map[string]bool
	cites []copilot.Citation
	// acts caches mitigationActs: the mitigation field and the impact's tally
	// both read it, and it scans the whole transcript.
	acts     []int
	actsDone bool
	// reported maps a step announced to the message that reports it done
	// ("next I'll restart the dispatcher" -> "restarted ci-dispatcher, new
	// pushes trigger again").
	reported map[int]int
}

// newSummaryBuilder starts the reading of an analysed transcript, no sentence
// used yet.
func newSummaryBuilder(lc *incidentLifecycle) *summaryBuilder {
	return &summaryBuilder{lc: lc, used: map[string]bool{}}
}

// sentence picks the most useful sentence of message idx: the first one matching
// prefer (when given) that carries content, else the one with the most content
// terms. It returns "" when the message has nothing quotable or it was used already.
func (b *summaryBuilder) sentence(idx int, prefer *regexp.Regexp) string {
	return b.sentenceBy(idx, func(low string) float64 {
		if prefer != nil && prefer.MatchString(low) {
			return 10
		}
		return 0
	})
}

// sentenceBy picks the sentence of message idx with the best score (ties: more
// content terms, then the earlier one). A sentence scoring above zero may be short
// ("Resolved."); any other needs two content terms to be worth quoting.
func (b *summaryBuilder) sentenceBy(idx int, score func(low string) float64) string {
	if idx < 0 || idx >= len(b.lc.msgs) {
		return ""
	}
	best, bestScore := "", -1.0
	for _, raw := range splitSentences(b.lc.msgs[idx].msg.Text) {
		if hasSecret(raw) {
			continue
		}
		q := quote(raw)
		n := len(contentTerms(q))
		if q == "" || n < 1 || b.used[q] {
			continue
		}
		sc := score(lowerClean(raw))
		if sc <= 0 && n < 2 {
			continue
		}
		if total := sc + 0.01*float64(min(n, 30)); total > bestScore {
			best, bestScore = q, total
		}
	}
	return best
}

// cite records a sentence with its source and returns it for the field.
func (b *summaryBuilder) cite(idx int, prefer *regexp.Regexp) string {
	s := b.sentence(idx, prefer)
	if s == "" {
		return ""
	}
	b.used[s] = true
	b.cites = append(b.cites, copilot.Citation{Text: s, SourceTS: []string{b.lc.msgs[idx].msg.TS}})
	return s
}

// field cites up to n of the candidate messages (best first) into one field.
func (b *summaryBuilder) field(cands []int, prefer *regexp.Regexp, n int) string {
	out := ""
	k := 0
	for _, idx := range cands {
		if k == n {
			break
		}
		if s := b.cite(idx, prefer); s != "" {
			if out != "" {
				out += " "
			}
			out += s
			k++
		}
	}
	return out
}

// Summarize drafts a cited summary extractively: each field quotes the transcript
// sentences that the lifecycle cues single out, and every sentence is cited with the
// message it came from. Postmortem documents use their own sections directly.
//
// Errors: EINVALID when the incident has no messages.
func (l *Engine) Summarize(ctx context.Context, inc *copilot.Incident) (*copilot.SummaryAnswer, error) {
	if err := answerable(inc); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	lc := analyzeLifecycle(sortedMessages(inc))
	b := newSummaryBuilder(lc)
	var s copilot.Summary
	overviewCue := detectionRE
	if b.hasSections() {
		overviewCue = nil // a postmortem's summary reads best in its own order
	}
	// The key facts pick first, so that a postmortem's summary paragraph, which
	// often states the cause, does not lend that sentence to the overview and leave
	// Root cause empty; the overview then quotes the first signal, and may add a
	// responder's first description of the problem when that signal was a terse alert.
	var quoted []int // messages the mitigation quotes, when it quotes two steps
	if acts := b.mitigationActs(); len(acts) > 0 {
		mi := acts[0]
		m := b.mitigationSentence(mi)
		if l, rest := labelOf(m); l == "mitigation" && rest != "" {
			m = quote(rest) // the field names it already
		}
		src := mi
		r, ok := b.reported[mi]
		if !ok && lc.msgs[mi].section == "" && sequencedPlan(lc.msgs[mi].lower) {
			// "I generate a new cert now, then I publish …" in a chat, answered by
			// "new cert installed, metadata published": a report's paragraphs are
			// not turns answering each other.
			r = b.reportOfStep(mi, len(lc.msgs))
			ok = r >= 0
		}
		if oi, o := b.offerCompleted(mi); oi >= 0 {
			// "done, but they need to log in again" after the same person's "I can
			// raise the token lifetime to 4h": the offer names the step.
			src, m = oi, o
		} else if ok && directedOnly(lc.msgs[mi]) && len(contentTerms(b.reportedStep(r))) >= len(contentTerms(m)) {
			// "Stop the job first." answered by "Disabled the archive cron in
			// the scheduler.": the report tells what was done.
			src, m = r, b.reportedStep(r)
		} else if ok && sequencedPlan(lc.msgs[mi].lower) && len(contentTerms(b.reportedStep(r))) >= terseAction {
			// A plan of two steps ("next I'll restart the dispatcher, then
			// redeliver …") answered by the report of the first: the report names
			// the step that was taken.
			src, m = r, b.reportedStep(r)
		} else if ai, a := b.completedAnnouncement(mi, m); ai >= 0 {
			// "running ANALYZE delivery_slots; ANALYZE slot_reservations; now"
			// then "done in 4s. EXPLAIN now index scan": the bare report
			// completes what its speaker had just announced.
			src, m = ai, a
		} else if c := clipTrailingClauses(m, isActionClause); len(contentTerms(c)) >= terseAction {
			m = c
		} else if ai, a := b.announcement(mi, c); a != "" && !b.stepAnnounced(lc.msgs[mi]) && !announcedAction(lc.msgs[mi].lower) {
			// "Patched", "flag set to 0%": the report does not say what changed;
			// the message that announced it does. A step announced in its own
			// words ("pausing the consumer") is that message: an earlier one
			// sharing a word with it tells something else (the symptom).
			src, m = ai, a
		} else if ri, rec := b.changeRecordOf(mi); ri >= 0 {
			// "yes rolling now" then "config-edge deploy #4471 started by
			// javi - reason: secret rotation (flaghub key v7)": the tool's
			// record names what the terse reply does not.
			src, m = ri, rec
		}
		m = rowStep(lc.msgs[src], m)
		if m != "" {
			b.used[m] = true
			b.cites = append(b.cites, copilot.Citation{Text: m, SourceTS: []string{lc.msgs[src].msg.TS}})
			beside, bi := b.besideMitigation(acts, src)
			s.Mitigation = joinSentences(m, beside)
			if beside != "" {
				// Two steps quoted: the resolution tells what came after them.
				quoted = []int{mi, src, bi}
			}
			lc.mitigated = mi
		}
	}
	cause := b.causeSentences()
	if len(cause) > 0 {
		lc.causeFound = cause[0].idx
	} else {
		lc.causeFound = -1
		cause = b.tentativeCause()
	}
	s.RootCause = b.citeSentences(cause)
	s.Impact = b.citeSentences(b.impactSentences())
	ov := b.overviewCandidates()
	s.Overview = b.field(ov[:min(1, len(ov))], overviewCue, 1)
	if s.Overview == "" && len(ov) > 0 {
		// Every sentence of the opening went to a key fact (a short postmortem
		// summary): the overview still opens with its first one, already cited.
		s.Overview = firstQuotable(lc.msgs[ov[0]].msg.Text)
	}
	if len(ov) > 1 {
		s.Overview = joinSentences(s.Overview, b.field(ov[1:], overviewCue, summaryOverviewSentences-1))
	}
	mit, verify := b.resolutionCandidates()
	if a, v := b.recoveryAction(); a >= 0 {
		mit, verify = append([]int{a}, mit...), v
	}
	s.Resolution = b.field(without(mit, quoted), actionCueRE, 1)
	if verify >= 0 && verify != lc.resolvedAt {
		if v := b.cite(verify, verifyRE); v != "" {
			s.Resolution = joinSentences(s.Resolution, v)
		}
	}
	s.Status = b.field(b.statusCandidates(), resolvedRE, 1)
	s.Timeline = b.timeline()
	if openIncident(inc, b) {
		b.midIncident(&s)
	}

	ans := &copilot.SummaryAnswer{
		IncidentID:    inc.ID,
		Engine:        copilot.EngineLocal,
		PromptVersion: Version,
		Summary:       s,
		Citations:     b.cites,
	}
	if ans.Citations == nil {
		ans.Citations = []copilot.Citation{}
	}
	copilot.CheckSummaryCitations(inc, ans, true)
	return ans, nil
}

// terseAction is the number of content terms below which a report of an action
// ("patched", "flag set to 0%", "rolling restart") does not say what was changed.
const terseAction = 3

// announcement finds where a terse action report was announced: the sentences
// before it in its own message, else the nearest earlier message of a person (not a question) that shares a content term with the report
// and states an action ("fastest fix: point readiness at /livez, timeout 3s.
// patching the deployment" before "patched"). A report of work done refers back to
// the plan that named what would change; the plan is the fact. It returns that
// message's sentences up to the one naming the shared action, at most two.
func (b *summaryBuilder) announcement(mi int, report string) (int, string) {
	terms := map[string]bool{}
	for _, t := range contentTerms(report) {
		terms[t] = true
	}
	for j := mi; j >= 0 && j >= mi-recoveryWindow; j-- {
		t := b.lc.msgs[j]
		if t.bot || t.question || !isNarrativeSection(t.section) || hasSecret(t.msg.Text) || len(t.actions) == 0 {
			continue
		}
		var out []string
		shared := false
		for _, raw := range splitSentences(t.msg.Text) {
			q := quote(raw)
			if len(contentTerms(q)) == 0 || strings.Contains(raw, "?") {
				continue // "yes.", "ok.": nothing to quote
			}
			out = append(out, q)
			if !actionCueRE.MatchString(lowerClean(raw)) {
				continue
			}
			for _, w := range contentTerms(q) {
				shared = shared || terms[w]
			}
			if shared {
				break
			}
		}
		if !shared || j == mi && len(out) < 2 {
			continue // the report's own message counts only for what precedes it
		}
		if len(out) > 2 {
			out = out[len(out)-2:]
		}
		return j, strings.Join(out, " ")
	}
	return -1, ""
}

// completedAnnouncement finds the step a bare report of completion m, quoted
// from chat message mi ("done in 4s", "done, portal shows april balance
// again"), completes: the step its speaker announced in their message just
// before it, within the recovery window, when that message opens a sentence
// with the step under way ("hiding the MAY-A invoices in portal") or announces
// it as their own ("I'll flip it"). Any message of that speaker in between
// that does not announce a step, or a question, leaves the report as it is.
// It returns the announcement's message and sentence, or -1.
func (b *summaryBuilder) completedAnnouncement(mi int, m string) (int, string) {
	r := b.lc.msgs[mi]
	who := speaker(r.msg)
	if r.section != "" || r.bot || who == "" || !bareCompletionRE.MatchString(lowerClean(m)) && !bareCompletionRE.MatchString(r.lower) {
		// The report opens with the completion ("done at 01:12. nextval
		// gives -2147483647 now"), whichever of its sentences m quotes.
		return -1, ""
	}
	for j := mi - 1; j >= 0 && j >= mi-recoveryWindow; j-- {
		t := b.lc.msgs[j]
		if t.bot || speaker(t.msg) != who {
			continue
		}
		if t.question || hasSecret(t.msg.Text) {
			return -1, ""
		}
		for _, raw := range splitSentences(t.msg.Text) {
			low := lowerClean(raw)
			if hedgeRE.MatchString(low) || notDoneRE.MatchString(low) || strings.Contains(raw, "?") {
				continue
			}
			if opensWithGerund(low) || ownStepAnnounced(low) {
				if q := quote(raw); len(contentTerms(q)) >= terseAction {
					return j, q
				}
			}
		}
		return -1, ""
	}
	return -1, ""
}

// changeRecordOf finds the record a deploy, flag or config tool posted, within
// the next two messages, of a change made by the speaker of chat message mi
// (changeNotice). It returns the record's message and quote, or -1.
func (b *summaryBuilder) changeRecordOf(mi int) (int, string) {
	r := b.lc.msgs[mi]
	who := handleOf(r.msg)
	if r.section != "" || r.bot || who == "" {
		return -1, ""
	}
	people := channelPeople(b.lc)
	for _, t := range b.lc.msgs[mi+1 : min(len(b.lc.msgs), mi+3)] {
		if !changeNotice(t, people) {
			continue
		}
		if m := changeByRE.FindStringSubmatch(t.lower); m != nil && m[1] == who {
			if q := quote(t.msg.Text); len(contentTerms(q)) >= terseAction {
				return t.idx, q
			}
		}
	}
	return -1, ""
}

// opensWithGerund reports whether a sentence opens, after the words that lead a
// report ("ok", "now"), with a verb in -ing and its object: a step under way
// ("running ANALYZE on delivery_slots now", "hiding the invoices in portal").
func opensWithGerund(low string) bool {
	words := strings.Fields(clockLeadRE.ReplaceAllString(low, ""))
	i := reportLeadLen(words)
	if i >= len(words)-1 {
		return false
	}
	w := strings.Trim(words[i], ",.:;!")
	return len(w) > 5 && strings.HasSuffix(w, "ing") && isWord(w) && !gerundSubject(words[i+1:])
}

// gerundSubject reports whether a verb after a gerund makes the gerund the
// subject of a sentence about the option ("changing the node type is a 30 min
// modify").
func gerundSubject(rest []string) bool {
	for _, v := range rest {
		if gerundSubjectVerbs[strings.Trim(v, ",.:;!")] {
			return true
		}
	}
	return false
}

// bareCompletionRE: a report that opens by saying a step is finished without
// naming it ("done, but they need to log in again", "ok finished.").
var bareCompletionRE = regexp.MustCompile(`^\W*(?:(?:ok|okay|so|and)\W{0,2} )?(?:done|finished|completed?|applied)\b`)

// offerRE: a speaker offering or announcing a step of their own ("I can raise the
// token lifetime to 4h", "I'll swap the gateway", "let me flip it").
var offerRE = regexp.MustCompile(`\b(?:i can|i could|i'?ll|i will|let me|i'?m going to|we can|we'?ll)\s+(?:now |quickly |just )?[a-z]`)

// offerCompleted finds, for a mitigation message that only says a step is done,
// the step its speaker offered or announced in one of their two messages before
// it (nobody else speaking between): the quoted offer and its index, else -1.
func (b *summaryBuilder) offerCompleted(mi int) (int, string) {
	t := b.lc.msgs[mi]
	if t.section != "" || t.bot || t.msg.UserName == "" || !bareCompletionRE.MatchString(t.lower) {
		return -1, ""
	}
	for j := mi - 1; j >= 0 && j >= mi-2; j-- {
		u := b.lc.msgs[j]
		if u.bot {
			continue
		}
		if u.msg.UserName != t.msg.UserName {
			return -1, ""
		}
		if u.question || hasSecret(u.msg.Text) {
			continue
		}
		for _, raw := range splitSentences(u.msg.Text) {
			if low := lowerClean(raw); offerRE.MatchString(low) && len(contentTerms(low)) >= terseAction {
				return j, quote(raw)
			}
		}
	}
	return -1, ""
}

// clauseBreakRE separates the clauses of a sentence written as a list of them.
var clauseBreakRE = regexp.MustCompile(`(,|;| —| –| -) `)

// clipTrailingClauses drops the clauses at the end of a sentence that keep rejects
// ("Reverted the config-repo commit, pricing-service reloads config every
// minute"): a field is scored and read for its fact, and the comment after it
// only dilutes it. A sentence whose first clause keep rejects is returned whole.
func clipTrailingClauses(s string, keep func(low string) bool) string {
	breaks := clauseBreakRE.FindAllStringIndex(s, -1)
	if len(breaks) == 0 {
		return s
	}
	cut := len(s)
	for i := len(breaks) - 1; i >= 0; i-- {
		end := len(s)
		if i+1 < len(breaks) {
			end = breaks[i+1][0]
		}
		if keep(lowerClean(s[breaks[i][1]:end])) {
			break
		}
		cut = breaks[i][0]
	}
	if cut == len(s) || !keep(lowerClean(s[:breaks[0][0]])) {
		return s
	}
	return strings.TrimRight(s[:cut], " .") + "."
}

// isActionClause: a clause that does or reports an action, not the check after
// it whose words name one ("no restarts", "0 evictions").
// The amount a step added ("…, vSphere +500G on hist-db-01") is part of it.
func isActionClause(low string) bool {
	return (actionCueRE.MatchString(low) || doneRE.MatchString(low) || stepAmountRE.MatchString(low)) && !symptomRE.MatchString(low) && !verifyRE.MatchString(low)
}

// stepAmountRE: a clause that opens, within its first words, with an amount
// added and its unit ("+500G", "+2 replicas"): the size of the step told before
// it. A bare "+1" agrees with someone.
var stepAmountRE = regexp.MustCompile(`^\W*(?:[\w.-]+ ){0,2}\+\d[\d.,]*\s?(?:[kmgtp]i?b?|%|nodes?|replicas?|pods?|cores?|vcpus?|instances?|shards?|workers?|partitions?|brokers?)\b`)

// firstQuotable is the first sentence of text with a content term, quoted.
func firstQuotable(text string) string {
	for _, raw := range splitSentences(text) {
		if q := quote(raw); !hasSecret(raw) && len(contentTerms(q)) > 0 {
			return q
		}
	}
	return ""
}

// mitigationSentenceScore prefers the sentence of the mitigating message that states
// the action or its completion over the chatter around it.
func mitigationSentenceScore(low string) float64 {
	switch {
	case secretReactionRE.MatchString(low):
		return -1
	case labelIs(low, "mitigation"):
		return 3 // the writer labels it
	case explainsRE.MatchString(low):
		// "the record was removed because it was marked unused": why it
		// broke, in an action's word, is the cause.
		return 0
	case stepStillNeededRE.MatchString(low):
		// "kiosks cache dns ~5 min so lucas may need to flush": a step still
		// to take, beside the one the message reports done.
		return 0
	case actionCueRE.MatchString(symptomRE.ReplaceAllString(low, " ")):
		// "The queue drained in seconds": the system's doing, told in an
		// action's word, is the recovery after the step.
		return 2
	case doneRE.MatchString(low) || asksOrAnnouncesStep(low) || ownStepAnnounced(low) || presentStep(low) || opensWithStep(low) || announcedAction(low):
		return 1
	}
	return 0
}

// opensWithStep reports whether a sentence opens, after its doer, with a step in
// the past tense that is no look ("We paid the renewal with a new card", not
// "our engineer found the hold"), whatever its verb.
func opensWithStep(low string) bool {
	v, _ := openingReport(clauseSplitRE.Split(low, 2)[0])
	return v != "" && !diagnosticVerb(v) && !untaken(low)
}

// stepStillNeededRE: a step said to be needed or possibly needed, not done.
var stepStillNeededRE = regexp.MustCompile(`\b(?:may|might|will|would|could) (?:also )?(?:need|have) to\b|\b(?:still )?needs? to be\b`)

// explainsRE: a sentence that gives a reason.
var explainsRE = regexp.MustCompile(`\b(because|due to|caused by)\b`)

// labelIs reports whether a sentence opens with the label name.
func labelIs(s, name string) bool {
	l, _ := labelOf(strings.TrimSpace(s))
	return l == name
}

func joinSentences(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

var (
	actionCueRE = func() *regexp.Regexp {
		s := ""
		for i, ac := range actionClasses {
			if i > 0 {
				s += "|"
			}
			s += ac.re.String()
		}
		return regexp.MustCompile(s)
	}()
)

// answerable rejects incidents no engine can answer.
func answerable(inc *copilot.Incident) error {
	if inc == nil || len(inc.Messages) == 0 {
		return copilot.Errorf(copilot.EINVALID, "The incident has no messages to work from.")
	}
	return nil
}

// lowerClean is the form every cue regexp is matched against.
func lowerClean(s string) string { return strings.ToLower(cleanText(s)) }

// hasSections reports whether the transcript came from a sectioned document.
func (b *summaryBuilder) hasSections() bool {
	for _, t := range b.lc.msgs {
		if t.section != "" {
			return true
		}
	}
	return false
}

// inSections lists the narrative messages of the named sections, in order.
func (b *summaryBuilder) inSections(names ...string) []int {
	var out []int
	for _, t := range b.lc.msgs {
		if t.section != "" && sectionIs(t.section, names...) {
			out = append(out, t.idx)
		}
	}
	return out
}

func (b *summaryBuilder) overviewCandidates() []int {
	if b.hasSections() {
		if c := b.inSections("summary", "overview", "description", "what happened", "incident summary"); len(c) > 0 {
			return c
		}
	}
	var out []int
	if b.lc.firstSignal >= 0 {
		out = append(out, b.lc.firstSignal)
	}
	// A human's first description of the problem complements a terse alert.
	if b.lc.firstSignal >= 0 && b.lc.msgs[b.lc.firstSignal].bot {
		for _, t := range b.lc.msgs[b.lc.firstSignal+1:] {
			if !t.bot && t.detection && !t.question {
				out = append(out, t.idx)
				break
			}
			if t.idx > b.lc.firstSignal+6 {
				break
			}
		}
	}
	return out
}

// recoveryAction finds the first check that things recovered after the first action
// (and no later than the resolution), and the last action taken before it: what
// was done just before things got better is what mitigated the incident.
func (b *summaryBuilder) recoveryAction() (action, check int) {
	lc := b.lc
	if lc.mitigated < 0 {
		return -1, -1
	}
	end := len(lc.msgs)
	if lc.resolvedAt >= 0 {
		end = lc.resolvedAt + 1
	}
	for _, t := range lc.msgs[lc.mitigated+1 : end] {
		if !t.verify || t.question || !isNarrativeSection(t.section) || notHelpedRE.MatchString(t.lower) {
			continue
		}
		for i := t.idx - 1; i >= lc.mitigated; i-- {
			if u := lc.msgs[i]; u.taken && !u.bot && isNarrativeSection(u.section) {
				return i, t.idx
			}
		}
		break
	}
	return -1, -1
}

// resolutionCandidates ranks the actions taken: an action followed by a check that it
// worked is most likely what mitigated the incident. It also returns that check.
func (b *summaryBuilder) resolutionCandidates() ([]int, int) {
	lc := b.lc
	type cand struct {
		idx, verify int
		score       float64
	}
	var cs []cand
	end := len(lc.msgs)
	if lc.resolvedAt >= 0 {
		end = lc.resolvedAt + 1
	}
	for _, t := range lc.msgs[:end] {
		if !t.taken || t.bot || !isNarrativeSection(t.section) {
			continue
		}
		c := cand{idx: t.idx, verify: -1, score: 1 + 0.25*float64(len(t.actions))}
		if sectionIs(t.section, "resolution", "mitigation", "recovery", "fix") {
			c.score += 2
		}
		for _, u := range lc.msgs[t.idx+1 : min(len(lc.msgs), t.idx+6)] {
			if u.verify && !u.question {
				c.verify = u.idx
				c.score += 2
				break
			}
		}
		if t.verify || t.resolved {
			c.score += 1
		}
		// Later actions are more often the one that worked.
		c.score += 0.5 * float64(t.idx) / float64(max(1, end))
		cs = append(cs, c)
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	var out []int
	for _, c := range cs {
		out = append(out, c.idx)
	}
	verify := -1
	if len(cs) > 0 {
		verify = cs[0].verify
	}
	return out, verify
}

func (b *summaryBuilder) statusCandidates() []int {
	lc := b.lc
	var out []int
	if lc.resolvedAt >= 0 {
		out = append(out, lc.resolvedAt)
	}
	if b.hasSections() {
		// A postmortem states its end in the last timeline row; its other sections
		// are analysis, not status.
		if rows := b.inSections("timeline", "resolution", "recovery"); len(rows) > 0 && !containsInt(out, rows[len(rows)-1]) {
			out = append(out, rows[len(rows)-1])
		}
		return out
	}
	// Latest check that things work, then the latest status update, then the last word.
	for i := len(lc.msgs) - 1; i >= 0; i-- {
		if t := lc.msgs[i]; t.verify && isNarrativeSection(t.section) && !containsInt(out, i) {
			out = append(out, i)
			break
		}
	}
	for i := len(lc.msgs) - 1; i >= 0; i-- {
		t := lc.msgs[i]
		if !t.bot && isNarrativeSection(t.section) && statusRE.MatchString(t.lower) && !containsInt(out, i) {
			out = append(out, i)
			break
		}
	}
	for i := len(lc.msgs) - 1; i >= 0; i-- {
		if t := lc.msgs[i]; !t.bot && isNarrativeSection(t.section) && !containsInt(out, i) {
			out = append(out, i)
			break
		}
	}
	return out
}

// timeline lists the moments that matter, in time order. A postmortem's own Timeline
// rows are used when it has them, since they carry the real times.
func (b *summaryBuilder) timeline() []copilot.TimelineEntry {
	lc := b.lc
	var rows []copilot.Message
	for _, t := range lc.msgs {
		if sectionIs(t.section, "timeline") && timelineTimeRE.MatchString(t.msg.Text) {
			rows = append(rows, t.msg)
		}
	}
	if b.hasSections() {
		if len(rows) < 2 {
			// The messages of a document without a timeline table carry synthetic
			// times; a timeline from them would invent when things happened.
			return []copilot.TimelineEntry{}
		}
		lc = analyzeLifecycle(rows)
	}
	first := "First signal"
	if lc.firstSignal >= 0 && !lc.msgs[lc.firstSignal].detection && !lc.msgs[lc.firstSignal].bot {
		first = "Started" // the first message, which no cue marks as a detection
	}
	moments := []struct {
		idx   int
		label string
	}{
		{lc.firstSignal, first},
		{lc.declared, "Declared"},
		{lc.causeFound, "Cause found"},
		{lc.mitigated, "Mitigation"},
		{lc.resolvedAt, "Resolved"},
	}
	var out []copilot.TimelineEntry
	seen := map[int]int{}
	for _, mo := range moments {
		if mo.idx < 0 || mo.idx >= len(lc.msgs) {
			continue
		}
		m := lc.msgs[mo.idx].msg
		if j, ok := seen[mo.idx]; ok {
			out[j].Text = copilot.SafeText(mo.label + " / " + out[j].Text)
			continue
		}
		text := timelineText(m.Text)
		if text == "" {
			// The moment happened but its message says little ("ack", "oh no"): name
			// who marked it rather than quote noise or drop the moment.
			who := m.UserName
			if who == "" {
				who = m.User
			}
			if who == "" {
				continue
			}
			text = "by " + who
		}
		at := momentTime(m)
		e := copilot.TimelineEntry{Text: copilot.SafeText(mo.label + ": " + text), SourceTS: []string{m.TS}}
		if !at.IsZero() {
			e.At = at.Format(time.RFC3339)
		}
		seen[mo.idx] = len(out)
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At < out[j].At })
	return out
}

// timelineText shortens a message to a timeline line, without the row's own time.
func timelineText(raw string) string {
	if loc := timelineTimeRE.FindStringIndex(raw); loc != nil {
		raw = raw[loc[1]:]
	}
	// The first sentence that says something; a message of nothing but
	// acknowledgements gives "".
	var best string
	for _, raw := range splitSentences(raw) {
		if hasSecret(raw) {
			continue
		}
		if q := quote(raw); len(contentTerms(q)) >= 1 && !fillerRE.MatchString(strings.ToLower(q)) {
			best = q
			break
		}
	}
	return text.ClipWords(best, timelineTextRunes)
}

// fillerRE matches sentences that only acknowledge or react.
var fillerRE = regexp.MustCompile(`^\W*(ack(ed|'d)?|oh( no)?|ok(ay)?|on it|yes|yep|yeah|looking|thanks?( all)?|ty|nice|wow|whoa|ugh|uh+|um+|oops|hm+|lol|same|\+1|👀)\W*$`)

// without returns xs without the values in drop.
func without(xs, drop []int) []int {
	if len(drop) == 0 {
		return xs
	}
	var out []int
	for _, x := range xs {
		if !containsInt(drop, x) {
			out = append(out, x)
		}
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
