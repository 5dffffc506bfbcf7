package local

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Summary facts chosen sentence by sentence: the trigger (root cause), the impact
// with its numbers, and the first action that stopped the bleeding. Messages mix a
// finding with chatter ("uh. I applied the refactor at 13:20"), so the unit scored
// is the sentence, and the signals are ones that hold across writers: an inline
// label ("Root cause: …"), causal connectives, where the sentence sits relative to
// the first mitigation, and counts of affected things.

// inlineLabelRE finds a part of a report labelled inline, at the start of a line or
// sentence: "Root cause: …", "**Impact** - …", "Next steps: …".
// A label may also be a sentence of its own, a paragraph's bold lead closed by a
// full stop ("**Containment.** At 07:10 the release manager rolled …"); containment,
// a workaround or an immediate action is the mitigation.
var inlineLabelRE = regexp.MustCompile(`(?i)^[\s>*_#•·-]*(root[ -]?causes?|causes?|trigger|what happened|(?:customer |user |business )?impact|mitigation|containment|workaround|immediate (?:actions?|fix)|resolution|fix|next steps?|status|current status|follow[- ]?ups?|action items?)[*_]*(?:\s*[:—–-]\s*|\.[*_]*\s*$)[*_]*`)

// phraseLabelRE finds a longer label that names its part with a few other words
// before or after it, closed by a colon: "Summary of impact:", "Impact on customers:",
// "Root cause analysis:", "Mitigation steps:".
var phraseLabelRE = regexp.MustCompile(`(?i)^[\s>*_#•·-]*((?:[a-z]+ ){1,3}(?:root[ -]?causes?|impact|mitigation|resolution)|(?:root[ -]?causes?|impact|mitigation|resolution)(?: [a-z]+){1,3})[*_]*\s*:\s*[*_]*`)

// labelOf returns the canonical inline label of a sentence ("root cause", "impact",
// "mitigation", "resolution", "next", "status", "followup") and the text after it.
func labelOf(s string) (string, string) {
	loc := inlineLabelRE.FindStringSubmatchIndex(s)
	if loc == nil {
		if loc = phraseLabelRE.FindStringSubmatchIndex(s); loc == nil {
			return "", s
		}
	}
	name := strings.ToLower(s[loc[2]:loc[3]])
	rest := strings.TrimSpace(s[loc[1]:])
	switch {
	case strings.Contains(name, "root") || strings.HasPrefix(name, "cause") || name == "trigger" || name == "what happened":
		return "root cause", rest
	case strings.Contains(name, "impact"):
		return "impact", rest
	case strings.Contains(name, "mitigation") || name == "containment" || name == "workaround" || strings.HasPrefix(name, "immediate"):
		return "mitigation", rest
	case strings.Contains(name, "resolution") || name == "fix":
		return "resolution", rest
	case strings.HasPrefix(name, "next"):
		return "next", rest
	case strings.HasSuffix(name, "status"):
		return "status", rest
	}
	return "followup", rest
}

// labelledSentences splits a message into sentences, carrying an inline label over
// to the sentences that follow it on the same line ("Root cause: X. Y." labels both)
// until the next label.
func labelledSentences(text string) (sents, labels []string) {
	for _, line := range strings.Split(fencedCodeRE.ReplaceAllString(text, "\n"), "\n") {
		cur := ""
		for _, s := range splitSentences(line) {
			if l, rest := labelOf(s); l != "" {
				cur, s = l, rest
			}
			if strings.TrimSpace(s) == "" {
				continue
			}
			sents, labels = append(sents, s), append(labels, cur)
		}
	}
	return sents, labels
}

var (
	// causalRE: connectives that tie an effect to its cause.
	causalRE = regexp.MustCompile(`\bcaus(ed|ing|es)\b|\bbecause\b|\bdue to\b|\bthe trigger\b|\btriggered by\b|\broot[- ]?cause\b|\bresult(ed|ing)? in\b|\bled to\b|\bwhich (meant|caused|made|broke)\b|\bafter (we|i|the|our|someone|they)\b|\bsince (we|the|our)\b|\bturns? out\b|\bthat'?s (why|the (cause|reason|issue|problem|bug|destroy|change|one))\b|\bthe (issue|problem|bug|reason|cause) (is|was)\b|\bintroduced (in|by|with)\b|\bbroke\b|\bstarted when\b`)
	// triggerRE: what a trigger reads like: a change someone made, or something that
	// ran out or expired.
	triggerRE = regexp.MustCompile(`\b(appl(y|ied)|deploy(ed)?|shipp?ed|merged|moved|changed|chang(e|es) to|bump(ed)?|upgrad\w+|migrat\w+|refactor\w*|rolled out|introduced|released|enabl(ed|ing)|disabl(ed|ing)|expired|expir(y|ation)|exhaust\w*|ran out|filled|full|default|removed|deleted|dropped|renamed|misconfig\w*|typo|leak\w*|overrode|overrid\w+|limit|max_?\w*|doubled|tripled|per[- ]pod|no longer|never|missing|stale|wrong|reserved)\b|\bthe new (\w+[ -]){0,2}(image|release|version|build|config\w*|deploy\w*|rollout|change|setting|job|cron\w*|backfill|module|chart|policy|rules?(et)?|node|cluster|key|token|cert\w*|lib|library|sdk|template|schema|dependency|package)\b|\b(was|were|is|are) (off|disabled|unset|missing|not set)\b`)
	// secretReactionRE: rotating or revoking a credential someone pasted is hygiene,
	// not what fixed the incident.
	secretReactionRE = regexp.MustCompile(`\b(keys?|tokens?|pw|passwords?|secrets?|creds?|credentials|api[- ]?keys?)\b[^.!?]{0,40}\b(rotat\w+|revok\w+|deactivat\w+|delet\w+|invalidat\w+|disabl\w+|regenerat\w+)|\b(rotat\w+|revok\w+|deactivat\w+|invalidat\w+|regenerat\w+)\b[^.!?]{0,30}\b(keys?|tokens?|pw|passwords?|secrets?|creds?|credentials)\b`)
	// metaCauseRE: a sentence that tells of looking for or finding the cause
	// ("found the root cause and applied a quick fix") names the search, not the
	// cause.
	metaCauseRE = regexp.MustCompile(`\b(find|found|finding|identif\w+|investigat\w+|determin\w+|look\w* for|search\w* for|analy[sz]\w*) (the |a |its )?root[- ]?cause`)
	// fixTalkRE: a sentence about the remedy ("a quick fix", "the fix used more
	// capacity", "a workaround") tells how it was fixed, not what broke.
	fixTalkRE = regexp.MustCompile(`\b(the|a|quick|temporary|permanent|hot|proper) ?fix(es)?\b|\bworkarounds?\b`)
	// causeVerbRE: a verb that points from a cause to its effect. What stands before
	// it ("a planned maintenance ... caused the ALBs to ...") is the cause.
	causeVerbRE = regexp.MustCompile(`\b(caused|causing|led to|leading to|resulted in|resulting in|triggered|broke|made)\b`)
	// changeNounRE: the things a trigger is made of: a change someone made.
	changeNounRE = regexp.MustCompile(`\b(change[sd]?|upgrade[sd]?|update[sd]?|maintenance|deploy\w*|release[sd]?|migration|refactor\w*|rollout|config\w*|version|bump|commit|merge[sd]?|pull request|pr|push(ed)?|script|pipeline|apply|applied|expir\w+|removal|deleted|deletion)\b`)
	// whenRE: a clock time or a day said with an event ("at 13:55", "on friday",
	// "this morning"): a change placed in time before the symptom is the trigger.
	whenRE = regexp.MustCompile(`\b(at|since|from|around|~) ?\d{1,2}:\d{2}\b|\b(yesterday|last night|overnight|tonight|this morning|this afternoon|earlier today|last week|at midnight)\b|\b(\d+|a|an|one|two|three|a few|a couple of) (minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago\b|` + calendarDayPattern)
	// nothingRE: a sentence that rules a change out ("nothing deployed since tuesday").
	nothingRE = regexp.MustCompile(`\bnothing\b|\bno (deploys?|changes?|releases?)\b`)
	// mitigationActRE: stopping a workload or replacing a credential ("killing the
	// stuck pod", "created a new vault token and updated the issuer secret") stops
	// the bleeding here; they stay out of the action classes because, drafted into
	// other incidents' runbooks, they were seldom the step that fixed those.
	// A pod named by its generated name ("deleting dispatcher-5d8c7-qwx2p now")
	// or named before its verb ("Hung worker pod killed (SIGKILL)") is the
	// same kill.
	mitigationActRE = regexp.MustCompile(`\b(?:kill|delet|terminat)\w* (?:the )?(?:pod )?[a-z][\w-]*-[a-z0-9]{5}\b|\b(?:pods?|containers?|workers?|tasks?)\b(?: \([\w -]+\))? (?:killed|terminated|deleted)\b|\b(kill(ed|ing)?|terminat(e|ed|ing)) (the |all |some )?([\w-]+ ){0,2}(pods?|containers?|tasks?|workers?)\b|\b(creat|issu|generat|mint)(e|ed|ing) (a |an )?new ([\w-]+ ){0,2}(tokens?|keys?|cert\w*|secrets?|credentials?|passwords?)\b`)
	// doneRE: a responder reporting that an action finished ("association done").
	// doneButRE: a state reported with its flaw ("ExternalSecret is Synced but
	// the path is wrong"): a finding, not a step completed.
	// "Done, but they need to log in again" completes a step and warns.
	doneButRE = regexp.MustCompile(`\b(?:is|are|was|were|shows?|says?) (?:\w+ )?(?:done|complete[d]?|finished|in place|synced|live)\b,? but\b`)
	// wholeStateRE: "complete" after a past copula tells what was found whole
	// ("so the export was complete"), not a step finished.
	wholeStateRE = regexp.MustCompile(`\b(?:was|were) (?:\w+ )?complete\b`)
	// mustDoRE: "done" after an obligation or a denial ("1,430 loans had to be
	// done at the staff desks", "2208 had no work done at all") tells what people
	// were left with, not a step finished.
	mustDoRE = regexp.MustCompile(`\b(?:had|has|have) to be (?:\w+ )?(?:done|completed|finished)\b|\bno (?:\w+ ){0,2}(?:was |were )?(?:done|completed|finished)\b|\bnothing (?:was |is )?(?:done|completed|finished)\b`)
	doneRE   = regexp.MustCompile(`\b(done|complete[d]?|finished|in place|synced|live now)\b|\b(?:is|are) (?:in|out)(?: (?:prod\w*|now))?\s*(?:[.,;:!)]|$)|\b(?:is|are) (?:in|out) (?:via|to|on|for|everywhere)\b`)

	// Impact: counts of affected things, shares, durations, affected people.
	impactCountRE = regexp.MustCompile(`[~≈]?\d[\d,.]*\s?[km]?\+?\s+(\w+[ -]){0,2}(customers?|users?|merchants?|orders?|payouts?|payments?|transactions?|requests?|calls?|jobs?|messages?|emails?|sms|logins?|sign-?ups?|accounts?|tenants?|bookings?|tickets?|chats?|complaints?|attempts?|checkouts?|sessions?|records?|rows|events?|pods?|nodes?|sites?|stores?|shipments?|invoices?|refunds?|charges?|devices?|subscribers?|reports?|people|employees?|staff|members?|visitors?|players?|patients?|students?|kids|children|pupils|parents|families|guests|fans|passengers|travell?ers|drivers|riders|listeners|viewers|readers|shoppers|buyers|sellers|residents|citizens|attendees|spectators)\b`)
	// impactAnyCountRE: a number of things of any name ("18k searches", "312 jobs").
	impactAnyCountRE = regexp.MustCompile(`(^|[^\w.:/-])[~≈]?\d[\d,.]*\s?[km]?\+?\s+([a-z]+[ -]){0,2}[a-z]{3,}s\b`)
	impactShareRE    = regexp.MustCompile(`\d+(\.\d+)?\s?%`)
	// impactShareOfRE: a share of things of any name ("~4% of card payments",
	// "38% of billing-worker jobs") counts them as a number of them does.
	impactShareOfRE = regexp.MustCompile(`\d+(\.\d+)?\s?% of (all |the |our )?([\w-]+ ){0,2}[a-z]{3,}s\b`)
	impactTimeRE    = regexp.MustCompile(`[~≈]?\b\d+\s?(s|sec|secs|seconds|m|min|mins|minutes|h|hr|hrs|hours|days?)\b|\b\d+h\d+m?\b|\b\d{1,2}:\d{2}\s?(–|-|—|to)\s?\d{1,2}:\d{2}\b`)
	impactWhoRE     = regexp.MustCompile(`\b(customers?|users?|merchants?|clients?|partners?|tenants?|shoppers?|buyers?|drivers?|riders?|subscribers?|people|employees?|staff|members?|visitors?|players?|patients?|students?|crew|passengers?|travell?ers?|guests?|residents?|citizens?|donors?|listeners?|viewers?|households?|everyone|traffic|requests|region|regions|eu|us|apac|web|mobile|ios|android|api)\b`)
	impactHarmRE    = regexp.MustCompile(`\b(late|delayed|failed|fail(ing|ures?)?|errors?|5xx|50[0-4]s?|unable|couldn'?t|could not|can'?t|cannot|lost|dropped|fell|fallen|stuck|down|unavailable|outage|degraded|timeouts?|tim(ed|ing) out|charged|double|duplicate\w*|missed|blocked|locked out|rejected|impact\w*|affected|elevated|waiting|waited|hung|missing|disappeared|crash(?:ed|es|ing)?|froze|frozen|stalled|broke|broken|refunded|cancell?ed|quarantined|silent|offline|invisible|blind|extra|excess|wrongly|overcharged|over-?fed|over-?billed|doubled)\b`)
)

// scoredSentence is one candidate sentence of a fact.
type scoredSentence struct {
	idx   int
	text  string
	score float64
}

// causeCandidates scores every sentence that could state the root cause.
func (b *summaryBuilder) causeCandidates() []scoredSentence {
	lc := b.lc
	n := len(lc.msgs)
	firstFix := b.causeFixPoint()
	onset := -1 // minute of the day of the first signal
	if n > 0 {
		first := lc.msgs[0]
		if lc.firstSignal >= 0 {
			first = lc.msgs[lc.firstSignal]
		}
		if tm := first.msg.Time(); !tm.IsZero() {
			onset = tm.Hour()*60 + tm.Minute()
		}
	}
	fixes := b.fixTerms()
	cx := b.causeContextOf()
	var cs []scoredSentence
	for _, t := range lc.msgs {
		if t.bot || !isNarrativeSection(t.section) {
			continue
		}
		// A timeline row is quoted without its time column.
		text := t.msg.Text
		if loc := timelineTimeRE.FindStringIndex(text); loc != nil && sectionIs(t.section, "timeline") {
			text = strings.TrimLeft(text[loc[1]:], " |-–—:")
		}
		sents, labels := labelledSentences(text)
		for i, raw := range sents {
			if hasSecret(raw) {
				continue
			}
			// A question asked aside ("(kenta can confirm?)") leaves a statement.
			low := asideQuestionRE.ReplaceAllString(lowerClean(raw), "")
			terms := contentTerms(low)
			if strings.Contains(low, "?") || len(terms) < 3 {
				continue
			}
			s := 0.0
			switch {
			case labels[i] == "root cause":
				s += 3
			case labels[i] != "":
				s -= 2 // labelled as something else
			}
			switch {
			case sectionIs(t.section, "root cause", "cause", "trigger", "what happened") || asksWhy(t.section):
				s += 2
			case sectionIs(t.section, "recovery", "mitigation", "resolution", "actions taken", "response"):
				// The parts that narrate the response tell what was done about the
				// cause, not the cause.
				s -= 1.5
			case sectionIs(t.section, "summary", "description", "overview", "incident summary", "contributing"):
				// Contributing factors are the conditions that let a trigger do
				// harm (no alert, no lock, a missed playbook step), not the trigger.
				s += 0.5
			case t.section != "":
				s -= 0.5
			}
			if causalRE.MatchString(low) && !metaCauseRE.MatchString(low) {
				s += 1.5
			}
			// Direction: a change named before the causal verb is the trigger; a
			// sentence opening "This caused …" tells the effect of one said before.
			if loc := causeVerbRE.FindStringIndex(low); loc != nil {
				before := low[:loc[0]]
				switch {
				case len(strings.Fields(before)) <= 1:
					s -= 0.5
				case changeNounRE.MatchString(before):
					s += 1
				}
			}
			if fixTalkRE.MatchString(low) || metaCauseRE.MatchString(low) || t.section != "" && remediationToldRE.MatchString(low) {
				s -= 1.5
			}
			if triggerRE.MatchString(low) {
				s += 1
			}
			if findingRE.MatchString(low) {
				s += 0.5
			}
			// "raised minReplicas 12 -> 30 at 13:55", "the flag went 10% -> 100% at
			// 17:01": a value changed at a time just before the first signal is the
			// trigger, however the writer words it.
			if transitionRE.MatchString(low) && changedBefore(low, onset) {
				s += 1.5
			}
			change := changeTold(low)
			timed := placedBefore(low, onset, t.section == "")
			if change && timed && !notDoneRE.MatchString(low) && !nothingRE.MatchString(low) {
				s += 1
			}
			// A symptom report ("logs are full of this", "3 pods pending") that names
			// no change and no causal link is what was seen, not why.
			if !change && !causalRE.MatchString(low) && detectionRE.MatchString(low) {
				s -= 0.5
			}
			if change && nothingRE.MatchString(low) {
				s -= 1 // a change ruled out
			}
			// The message around the sentence counts too: a finding announced in one
			// sentence ("found it.") is explained in the next.
			s += 0.3 * min(t.cause, 4)
			s += 0.3 * float64(min(3, len(mechanismRE.FindAllString(low, 3))+len(explainRE.FindAllString(low, 3))))
			if hedgeRE.MatchString(low) {
				s -= 1.5
			}
			if lookAnnouncedRE.MatchString(low) {
				s -= 1.5
			}
			if t.section == "" && !responderAction(low) && underWayRE.MatchString(low) && !underWaySymptomRE.MatchString(low) {
				s -= 2 // "commenting out the crontab entry now": a step under way
			}
			if negationRE.MatchString(low) {
				s -= 1
			}
			if proposalFormRE.MatchString(low) || proposalRE.MatchString(low) && !causalRE.MatchString(low) || instructs(low) {
				s -= 1.5
			}
			// Replacing a credential is hygiene or a fix when a responder does it; the
			// same words with another doer or placed before the incident ("the token
			// that got rotated in october", "someone revoked the key") tell the trigger.
			secretFix := secretReactionRE.MatchString(low) && (responderAction(low) || !whenRE.MatchString(low) && !thirdPartyRE.MatchString(low))
			if verifyRE.MatchString(low) || resolvedRE.MatchString(low) || secretFix {
				s -= 2
			}
			// A count of what was hit is the impact, not the cause.
			if labels[i] != "root cause" && (impactCountRE.MatchString(low) || impactShareRE.MatchString(low)) && impactHarmRE.MatchString(low) {
				s -= 1
			}
			// A responder reporting what they did ("Enabled serve-stale", "we moved the
			// cron to UTC") tells a fix or an attempt, wherever it stands; a change told
			// with its doer as the subject ("the deploy script did a purge-all") is an
			// event, and may be the trigger. An action placed in time ("raised
			// minReplicas 12 -> 30 at 13:55", "we turned the connector off on the
			// 26th") is told as the change that came before, not as the response. The
			// idiom is chat's: a document's sentence opening with a participle
			// ("Scheduled cluster deployment pipeline failed") names a thing.
			// A change told before the first alert ("heads up: enabling the new WAF
			// ruleset now") is the prime suspect, however it is worded.
			priorChange := t.section == "" && cx.alert > 0 && t.idx < cx.alert && change
			act := t.section == "" && labels[i] != "root cause" && !priorChange && responderAction(low) && !(pastReport(low) && (timed || changedBefore(low, onset)))
			if act {
				s -= 2
			}
			// After the fix, "badges removed, 4,812 queued" and "v3 client
			// deployed" report the responders' doings in chat's short form: a
			// thing, then what was done to it.
			if !act && t.section == "" && firstFix >= 0 && t.idx > firstFix && labels[i] != "root cause" && doneToThing(low) && !timed && !causalRE.MatchString(low) {
				s -= 2
			}
			// The fix acts on the trigger ("gave the scanner its own app" after "the new
			// scanner polls every repo with the same app token"), not on the symptom:
			// a sentence naming what a later action changed points at the cause.
			if t.section == "" && !act {
				s += 0.4 * float64(min(3, fixes.shared(t.idx, terms)))
			}
			if priorChange {
				s++
			}
			// What the next messages say of this one: a guess answered "no" or
			// ruled out later ("not the cookie") was dropped; one another person
			// agreed with ("yep") was confirmed.
			if cx.denied[t.idx] || cx.ruledOutLater(t.idx, terms) {
				s -= 2
			}
			if i == 0 && denyOpenRE.MatchString(low) {
				s -= 1 // "no, web has the same 401s" tells what the cause is not
			}
			if cx.confirmed[t.idx] {
				s += 1
			}
			if consequence(low) {
				s += 1 // "X, so Y" and "X -> Y": the cause stands before the connective
			}
			// A recap ("summary: the cert expired at 04:14 because the renewals
			// failed…", "so: purge job spewing WAL -> replica behind -> …") is the
			// responders' own statement of what they found, written once the fire
			// is out: when it ties an effect to a cause, its place after the fix
			// (no finding bonus, the wrap-up's penalty) says nothing against it.
			if t.section == "" && i == 0 && recapLeadRE.MatchString(lowerClean(t.msg.Text)) && (causalRE.MatchString(low) || consequence(low)) {
				s += recapCauseBonus
			}
			if t.section == "" {
				switch {
				case firstFix >= 0 && (t.idx < firstFix || t.idx == firstFix && !act):
					s += 1 // the trigger is found before the fix, not after
				case lc.resolvedAt >= 0 && t.idx > lc.resolvedAt:
					s -= 0.75 // the wrap-up restates; a label still wins
				}
				if n > 6 && t.idx < n/10 && labels[i] == "" && !priorChange {
					s -= 0.5 // the opening messages report symptoms
				}
			}
			cs = append(cs, scoredSentence{t.idx, quote(asideQuestionRE.ReplaceAllString(raw, "")), s})
		}
	}
	return cs
}

// causeFixPoint is the message the cause is found before: the first fix that
// held, else the first responder action, else the resolution; -1 when unknown.
func (b *summaryBuilder) causeFixPoint() int {
	fix := b.lc.mitigated
	if fix < 0 {
		fix = b.firstResponderAction()
	}
	if fix = b.heldFix(fix); fix < 0 {
		fix = b.lc.resolvedAt
	}
	return fix
}

// causeSentences picks the root cause: the sentence that names the trigger, plus a
// second one from a nearby message that completes the mechanism. It returns nothing
// when no sentence reads like a cause.
func (b *summaryBuilder) causeSentences() []scoredSentence {
	if ss := b.sectionOpening(func(section string) bool {
		return sectionIs(section, "root cause", "cause", "trigger") || asksWhy(section)
	}, causeSectionWords, minCauseScore); len(ss) > 0 {
		return ss
	}
	cs := b.causeCandidates()
	// A chat message that took the step that stopped the bleeding, or declared
	// the end, tells the fix: whatever causal words it holds ("rolled back the
	// flag, that was it"), the trigger is told elsewhere. A report's paragraph
	// may tell both and is left to the scores.
	fixAt := map[int]bool{}
	for _, a := range b.mitigationActs() {
		fixAt[a] = true
	}
	if b.lc.resolvedAt >= 0 {
		fixAt[b.lc.resolvedAt] = true
	}
	kept := cs[:0:0]
	for _, c := range cs {
		if !fixAt[c.idx] || b.lc.msgs[c.idx].section != "" {
			kept = append(kept, c)
		}
	}
	cs = kept
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	if len(cs) == 0 || cs[0].score < minCauseScore {
		return nil
	}
	out := []scoredSentence{cs[0]}
	// A second sentence completes the mechanism when it reads as causal and comes
	// from the same stretch of the conversation: labels give the trigger and the
	// mechanism in a sentence or two, and chat says them in neighbouring
	// messages. A symptom ("errors included") completes it when someone drew the
	// conclusion from it; a guess, or one dropped later, does not.
	cx := b.causeContextOf()
	for _, c := range cs[1:] {
		d := c.idx - cs[0].idx
		low := lowerClean(c.text)
		margin := secondCauseMargin
		if d == 0 {
			// The sentences of one message are one statement: the finding's
			// own message explains it.
			margin += sameMessageCauseMargin
		}
		if c.score >= cs[0].score-margin && c.score >= minTentativeCause && d >= -2 && d <= 2 && c.text != cs[0].text &&
			(!symptomOnly(low) || cx.confirmed[c.idx]) && !peopleHit(low) && !firstPersonPresent(low) && !hedgeRE.MatchString(low) && !cx.denied[c.idx] && !cx.ruledOutLater(c.idx, contentTerms(low)) {
			out = append(out, c)
			break
		}
	}
	// A wrap-up after the fix restates the cause in short ("cause: consumer
	// crashloop -> queue growth"); the finding told before the fix, naming the
	// same things, carries its detail.
	if fix := b.causeFixPoint(); len(out) == 1 && fix >= 0 && cs[0].idx > fix && b.lc.msgs[cs[0].idx].section == "" {
		top := map[string]bool{}
		for _, w := range contentTerms(lowerClean(cs[0].text)) {
			top[w] = true
		}
		for _, c := range cs[1:] {
			low := lowerClean(c.text)
			if c.idx >= fix || c.score < minCauseScore || hedgeRE.MatchString(low) || cx.denied[c.idx] || cx.ruledOutLater(c.idx, contentTerms(low)) {
				continue
			}
			if sharesTerm(top, contentTerms(low)) {
				out = append(out, c)
				break
			}
		}
	}
	if ss := b.reportParagraphCause(cs[0]); len(out) == 1 && len(ss) > 1 {
		out = ss
	}
	// A pair from two messages stands; a pair from one chat message is that
	// message, told whole.
	if ss := b.wholeFinding(cs[0]); len(ss) > len(out) && (len(out) == 1 || out[1].idx == cs[0].idx) {
		out = ss
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].idx < out[j].idx })
	return out
}

// reportParagraphCause continues a root cause found alone in a report's prose
// paragraph with the sentences that follow it in that paragraph, in order, until
// causeSectionWords: an author who states the trigger explains its mechanism next
// ("The migration renamed the metric. The query returned an empty result, which
// KEDA treats as 0; with minReplicaCount 0 it scaled the consumers away."), and
// those sentences, which name no change and no causal verb, score too low to be
// paired with it.
// It stops at a sentence labelled as another part, a question, a symptom seen or a
// count of what was hit. Chat messages and timeline rows are not paragraphs.
func (b *summaryBuilder) reportParagraphCause(top scoredSentence) []scoredSentence {
	t := b.lc.msgs[top.idx]
	if t.section == "" || sectionIs(t.section, "timeline") || t.bot {
		return nil
	}
	sents, labels := labelledSentences(t.msg.Text)
	out := []scoredSentence{top}
	words := len(strings.Fields(top.text))
	after := false
	for i, raw := range sents {
		q := quote(raw)
		if !after {
			after = q == top.text
			continue
		}
		low := lowerClean(raw)
		if (labels[i] != "" && labels[i] != "root cause") || strings.Contains(low, "?") || hasSecret(raw) ||
			symptomOnly(low) || impactCountRE.MatchString(low) && impactHarmRE.MatchString(low) || hedgeRE.MatchString(low) {
			break
		}
		w := len(strings.Fields(raw))
		if words+w > causeSectionWords {
			break
		}
		out = append(out, scoredSentence{top.idx, q, top.score})
		words += w
	}
	return out
}

// lookAnnouncedRE: a sentence that announces a look under way or about to start
// ("looking at target health", "let me check the ExternalSecret status", "checking
// the issuer cert"): its verb is progressive or an offer, so it tells where
// someone is looking, not what they found.
var lookAnnouncedRE = regexp.MustCompile(`^\W*(i'?m |i am |we'?re |we are |now |first |let me |let's |lemme |will |i'll |gonna |going to )?(look(ing)? (at|into)|check(ing)?|dig(ging)? into|investigat(e|ing)|pull(ing)? up)\b`)

// wholeFinding returns the sentences of a short chat message that states the root
// cause, in order: chat packs a finding into a few clipped sentences ("v3.19.0
// went out 06:30. new code in templateLookup returns early and never calls
// release(). each missing template leaks a connection"), the change, what it does
// and what follows, and one of them alone loses the others. Nil when the message
// is a report's, long, or holds a sentence that asks, hedges or proposes.
func (b *summaryBuilder) wholeFinding(top scoredSentence) []scoredSentence {
	t := b.lc.msgs[top.idx]
	if t.section != "" || t.bot || len(strings.Fields(t.msg.Text)) > wholeFindingWords {
		return nil
	}
	sents, labels := labelledSentences(t.msg.Text)
	if len(sents) < 2 {
		return nil
	}
	var out []scoredSentence
	for i, raw := range sents {
		low := lowerClean(raw)
		if hasSecret(raw) || strings.Contains(low, "?") || hedgeRE.MatchString(low) || proposalFormRE.MatchString(low) || proposalRE.MatchString(low) ||
			labels[i] != "" && labels[i] != "root cause" {
			return nil
		}
		// An acknowledgement, a symptom seen, a count of the damage or an attempt
		// that did not help is left out; the rest is the finding.
		q := quote(asideQuestionRE.ReplaceAllString(raw, ""))
		if q != top.text && (len(contentTerms(low)) < 3 || symptomOnly(low) || impactCountRE.MatchString(low) && impactHarmRE.MatchString(low) || attemptFailedRE.MatchString(low)) {
			continue
		}
		out = append(out, scoredSentence{top.idx, q, top.score})
	}
	return out
}

// wholeFindingWords bounds the chat message wholeFinding quotes whole.
const wholeFindingWords = 40

// underWayRE: chat's way to tell a step being taken: a sentence that opens with a
// verb in -ing and says "now" ("commenting out the crontab entry on vm-2 now",
// "voiding the duplicates now"). The progressive with "now" places it in the
// response, not before the incident.
var underWayRE = regexp.MustCompile(`^\W*(i'?m |i am |we'?re |we are )?[a-z]{3,}ing\b[^.;!?]*\bnow\b`)

// underWaySymptomRE: the same form said of what the system does ("failing now",
// "still growing now").
var underWaySymptomRE = regexp.MustCompile(`^\W*(i'?m |we'?re )?(fail|error|crash|crashloop|tim|spik|grow|drop|hang|climb|increas|ris|fall|happen|work|look|see|gett|go|com|check|wait|start|stay|keep|still)ing\b`)

// peopleHitRE: the people a failure reaches, as the subject of what they suffer
// ("users can't log in", "people pay again because they think the first payment
// failed").
var peopleHitRE = regexp.MustCompile(`^\W*(\w+ )?(users?|customers?|people|merchants?|shoppers?|buyers?|partners?|drivers?|riders?|members?|players?|patients?|students?)\b`)

// peopleHit reports a sentence that tells what happened to the people hit, naming
// no change: the impact, which does not complete a mechanism.
func peopleHit(low string) bool {
	return peopleHitRE.MatchString(low) && impactHarmRE.MatchString(low) && !changeTold(low)
}

// firstPersonPresentRE: "I switch the order page read to primary", "we move the
// topic to 7 days": a responder telling in the present what they do, the
// response. The past ("I applied the refactor at 13:20", and "set", "put" or
// "cut", which may be past) may tell the trigger; verbs of knowing, seeing or
// needing tell no step.
var firstPersonPresentRE = regexp.MustCompile(`^\W*(i|we) ([a-z]+)\b`)

var notAStepVerb = map[string]bool{"think": true, "see": true, "know": true, "guess": true, "have": true, "had": true, "am": true, "are": true, "were": true, "was": true,
	"need": true, "can": true, "could": true, "should": true, "would": true, "will": true, "must": true, "do": true, "did": true, "dont": true, "don": true, "didn": true,
	"found": true, "noticed": true, "saw": true, "got": true, "get": true, "believe": true, "suspect": true, "assume": true, "agree": true, "also": true, "still": true,
	"just": true, "only": true, "never": true, "always": true, "may": true, "might": true, "all": true, "both": true, "wonder": true, "feel": true, "hope": true, "want": true, "like": true}

// firstPersonPresent reports a sentence in which a responder tells in the present
// tense a step they take.
func firstPersonPresent(low string) bool {
	m := firstPersonPresentRE.FindStringSubmatch(low)
	return m != nil && !notAStepVerb[m[2]] && !pastOpenRE.MatchString(m[2])
}

// sharesTerm reports whether any of terms is in set.
func sharesTerm(set map[string]bool, terms []string) bool {
	for _, w := range terms {
		if set[w] {
			return true
		}
	}
	return false
}

// asideQuestionRE: a question in parentheses inside a statement.
var asideQuestionRE = regexp.MustCompile(`\([^()]*\?\)`)

// actionTerms are the content terms of the responders' actions (done or proposed)
// in each chat message, without the words of the first signal, which name the
// symptom every message talks about.
type actionTerms struct {
	at    []int
	terms []map[string]bool
}

func (b *summaryBuilder) fixTerms() actionTerms {
	var out actionTerms
	signal := map[string]bool{}
	if fs := b.lc.firstSignal; fs >= 0 {
		for _, w := range contentTerms(b.lc.msgs[fs].lower) {
			signal[w] = true
		}
	}
	for _, t := range b.lc.msgs {
		if t.bot || t.section != "" || t.idx == b.lc.firstSignal {
			continue
		}
		if b.lc.resolvedAt >= 0 && t.idx > b.lc.resolvedAt {
			break // the wrap-up's work is follow-ups, not the fix
		}
		set := map[string]bool{}
		for _, raw := range splitSentences(t.msg.Text) {
			if low := lowerClean(raw); responderAction(low) || t.idx == b.lc.mitigated {
				for _, w := range contentTerms(low) {
					if !signal[w] {
						set[w] = true
					}
				}
			}
		}
		if len(set) > 0 {
			out.at, out.terms = append(out.at, t.idx), append(out.terms, set)
		}
	}
	return out
}

// shared counts the terms that an action in a message after idx names.
func (a actionTerms) shared(idx int, terms []string) int {
	n := 0
	for _, w := range terms {
		for k, at := range a.at {
			if at > idx && a.terms[k][w] {
				n++
				break
			}
		}
	}
	return n
}

// firstResponderAction is the first message of a person with a sentence that reports
// an action of theirs, -1 when none does: where the responders started to act when
// no mitigation was recognised.
func (b *summaryBuilder) firstResponderAction() int {
	for _, t := range b.lc.msgs {
		if t.bot || t.section != "" || t.question {
			continue
		}
		for _, raw := range splitSentences(t.msg.Text) {
			if low := lowerClean(raw); responderAction(low) && !proposalRE.MatchString(low) {
				return t.idx
			}
		}
	}
	return -1
}

// pastOpenRE: a sentence that opens with a verb in the past tense, or one of the
// irregular past forms chat uses for actions, with no subject before it.
var pastOpenRE = regexp.MustCompile(`^([a-z][a-z-]{2,}ed|cut|sent|gave|set|put|ran|made|took|shut|built|rebuilt|wrote|rewrote|threw|split)\b`)

// failVerbRE: past forms that tell what the system did, not what someone did.
var failVerbRE = regexp.MustCompile(`^(failed|crashed|exhausted|expired|started|stopped|spiked|dropped|jumped|doubled|tripled|timed|hung|broke|fired|triggered|paged|alerted|affected|delayed|rejected|blocked|degraded|exceeded|reached|filled|overloaded|throttled|evicted|killed|oomkilled|restarted|looked|seemed|happened|noticed|detected|reported|confirmed|checked|verified|started|tried|wondered)$`)

// responderAction reports a sentence in which a responder tells an action of theirs:
// it opens, after a clock time and words such as "I", "we", "just", "then", with an
// action word or a verb in the past tense ("rolled back", "enabled serve-stale",
// "we moved the cron to UTC"). Chat drops the subject "I" before what one did; a
// trigger names what did it ("the deploy script did a purge-all", "someone revoked
// the key", "the cert expired").
func responderAction(low string) bool {
	low = clockLeadRE.ReplaceAllString(low, "")
	fields := strings.Fields(low)
	i := 0
	for i < len(fields) && (leadFillers[fields[i]] && fields[i] != "the" && fields[i] != "they" && fields[i] != "engineers" || fields[i] == "-" || fields[i] == "*") {
		i++
	}
	if i == len(fields) {
		return false
	}
	rest := strings.Join(fields[i:], " ")
	if cliToolRE.MatchString(strings.Trim(fields[i], "`$")) {
		// A command line ("docker system prune -af on runner 3") is one that was run:
		// an action when it changes something.
		return actionCueRE.MatchString(rest)
	}
	if diagnosticRE.MatchString(rest) && diagnosticRE.FindStringIndex(rest)[0] == 0 {
		return false // "checked the pool": a look, not a change
	}
	first := strings.Trim(fields[i], ",.:;!`")
	if failVerbRE.MatchString(first) {
		return false
	}
	if pastOpenRE.MatchString(first) {
		return true
	}
	for _, ac := range actionClasses {
		if loc := ac.re.FindStringIndex(rest); loc != nil && loc[0] == 0 {
			return true
		}
	}
	return false
}

// doneToThing reports a chat report that names a thing in a word or two and then
// what was done to it ("badges removed", "v3 client deployed, …"): the short form
// of "we removed the badges".
func doneToThing(low string) bool {
	f := strings.Fields(low)
	if len(f) == 0 || leadFillers[f[0]] || personalSubject[f[0]] {
		return false // "we removed …" is told by its doer (responderAction)
	}
	for k := 1; k <= 2 && k < len(f); k++ {
		if w := strings.Trim(f[k], ",.;:!"); pastOpenRE.MatchString(w) && !failVerbRE.MatchString(w) {
			return !strings.HasSuffix(f[k-1], ",")
		}
	}
	return false
}

// remediationToldRE: a report's sentence that tells what the team is changing
// since ("we are adding idempotency keys…", "this is already live"): what came
// after the cause, not the cause. Chat tells the trigger in the same words ("we
// moved the cron to UTC last week"), so it is read in reports only.
var remediationToldRE = regexp.MustCompile(`\b(?:we are|we're|we have|we've|we will|we'll|we plan to)\s+(?:now\s+|also\s+)?(?:add|adding|added|introduc\w+|mov\w+|chang\w+|switch\w+|enabl\w+|build\w*|built|requir\w+|updat\w+|rewrit\w+|rewrote|migrat\w+)\b|\b(?:is|are) already (?:live|in place|deployed|rolled out|enabled)\b`)

// thirdPartyRE: a doer other than the responders named as the subject.
var thirdPartyRE = regexp.MustCompile(`^\W*(someone|somebody|another team|a colleague|the vendor|the provider)\b|\bgot \w+ed\b|\b(was|were) \w+ed by\b`)

// pastReport reports a sentence that opens with a verb in the past tense (after the
// words responderAction skips): a report of something done, not a plan.
func pastReport(low string) bool {
	return pastOpenRE.MatchString(firstWord(low))
}

// consequence reports a sentence that ties an effect to a cause said before it in
// the same sentence: "X, so Y" with a clause on each side, or "A -> B" between words
// (a chain of effects), not "10% -> 100%".
func consequence(low string) bool {
	if loc := soRE.FindStringIndex(low); loc != nil && len(strings.Fields(low[:loc[0]])) >= 2 {
		if after := strings.Fields(low[loc[1]:]); len(after) >= 2 && !soIdiomRE.MatchString(low[loc[1]:]) && !purposeRE.MatchString(low[loc[1]:]) {
			return true
		}
	}
	return arrowChainRE.MatchString(low)
}

var (
	soRE      = regexp.MustCompile(`\bso\b`)
	soIdiomRE = regexp.MustCompile(`^\s*(far|much|many|yes|maybe|sorry|i think|we can|we should|that we|probably)\b`)
	// purposeRE: "so pg can come up", "so no new ones get written" is an aim, not a
	// result.
	purposeRE    = regexp.MustCompile(`^\s*(\S+ ){0,3}(can|could|will|would|won'?t|'ll|get|gets|has room|have room)\b`)
	arrowChainRE = regexp.MustCompile(`[a-z_)]\s*(->|→|=>)\s*[a-z]`)
)

// transitionRE: a value changed from one setting to another ("12 -> 30", "10% →
// 100%", "from 2 to 30 replicas"), not a time range.
var transitionRE = regexp.MustCompile(`\d[\w%.]*\s?(->|→|=>)\s?\d|\bfrom \d+[a-z%]* to \d+[a-z%]*\b`)

// clockRE: a clock time in a sentence ("at 13:55").
var clockRE = regexp.MustCompile(`\b([01]?\d|2[0-3]):([0-5]\d)\b`)

// changedBefore reports a clock time in low within the three hours before the
// first signal (or up to five minutes after it: clocks and alert delays differ).
// onset is the first signal's minute of the day, -1 when unknown.
func changedBefore(low string, onset int) bool {
	if onset < 0 {
		return false
	}
	for _, m := range clockRE.FindAllStringSubmatch(low, -1) {
		h, _ := strconv.Atoi(m[1])
		mi, _ := strconv.Atoi(m[2])
		d := onset - (h*60 + mi)
		if d < -5 {
			d += 24 * 60 // a change before midnight, the signal after it
		}
		if d >= -5 && d <= 3*60 {
			return true
		}
	}
	return false
}

// tentativeCause is the root cause when no sentence reaches minCauseScore: the best
// candidate with at least one causal or trigger reading left after its penalties
// (minTentativeCause), unless it only reports a symptom. Channels that never say
// "caused by" still name the trigger ("the cache has no max size since friday
// release"); an empty field tells the reader nothing. It is not a "Cause found"
// moment of the timeline.
func (b *summaryBuilder) tentativeCause() []scoredSentence {
	cs := b.causeCandidates()
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	if len(cs) == 0 || cs[0].score < minTentativeCause || symptomOnly(lowerClean(cs[0].text)) {
		return nil
	}
	return cs[:1]
}

// secondCauseMargin: how far below the root cause's first sentence a second one
// may score and still complete it.
const secondCauseMargin = 2.5

// sameMessageCauseMargin: the further margin a second sentence from the first
// one's message gets.
const sameMessageCauseMargin = 1

// minTentativeCause: one causal or trigger cue, net of penalties.
const minTentativeCause = 1

// symptomOnly reports a sentence that tells what was seen (errors, alerts,
// latency) without a causal link: it does not complete a mechanism.
func symptomOnly(low string) bool {
	return detectionRE.MatchString(low) && !causalRE.MatchString(low) && !consequenceRE.MatchString(low)
}

// consequenceRE: "X, so the whole partition queues up": chat's way to say caused.
var consequenceRE = regexp.MustCompile(`\bso (it|that|the|every|each|all|we|they|nothing|no)\b`)

// minCauseScore is the score a sentence needs to be reported as the root cause: a
// causal or trigger reading plus either its position before the fix or a label.
const minCauseScore = 2

// impactSentences picks up to two sentences that say who was affected and how much.
// A report that has an impact section said so there: its opening sentences are the
// impact.
func (b *summaryBuilder) impactSentences() []scoredSentence {
	if ss := b.impactSection(); len(ss) > 0 {
		return ss
	}
	lc := b.lc
	var cs []scoredSentence
	// A section of promises under any heading ("What we're changing") says what
	// will be done, not what was hit.
	todo := todoSections(lc)
	answers := damageAnswers(lc)
	mit := b.mitigationIndex()
	for _, t := range lc.msgs {
		if !isNarrativeSection(t.section) || todo[t.section] || kindOfSection(t.section) == sectionActions {
			continue
		}
		sents, labels := labelledSentences(t.msg.Text)
		for i, raw := range sents {
			if hasSecret(raw) {
				continue
			}
			low := lowerClean(raw)
			if labels[i] == "" {
				if eff := damageEffect(raw); eff != "" {
					raw, low = eff, lowerClean(eff)
				}
			}
			// A window ("13:58 -> 14:17, so ~19 min") is all numbers and still a fact.
			window := impactWindowRE.MatchString(low)
			// A responder telling a step of theirs, done ("redelivered the 212
			// failed deliveries via the API") or under way ("refunding the 260
			// double charges now"), repairs the damage it counts: the response,
			// not the impact. A past form that names harm ("charged twice: 17
			// customers") tells what happened to the people hit, and the message
			// that declares the end ("resolved, ~45 min of degraded search")
			// recaps it.
			if labels[i] == "" && !window && !t.resolved && (underWayRE.MatchString(low) || pastReport(low) && responderAction(low) && !impactHarmRE.MatchString(firstWord(low))) {
				continue
			}
			// A duration said alone as the end is declared ("resolved. 2h10m") is
			// how long the whole lasted: kept to complete an impact's extent.
			if !window && t.resolved && extentOnly(low) {
				cs = append(cs, scoredSentence{t.idx, quote(raw), minImpactFallbackScore})
				continue
			}
			if strings.Contains(low, "?") || len(contentTerms(low)) < 2 && !window {
				continue
			}
			// A follow-up said after the fire ("we want a missed-run alert within
			// 30 minutes of the scheduled time") names work to come, not what was
			// hit, whatever numbers it holds.
			if labels[i] == "" && !window && followUpLike(low) {
				continue
			}
			// An alert's condition ("5xx > 20% for 5m") is the rule that fired, not
			// a measure of what happened: its numbers count for nothing.
			low = alertThresholdRE.ReplaceAllString(low, " ")
			s := 0.0
			if labels[i] == "impact" {
				s += 3
			} else if labels[i] != "" {
				s -= 2
			}
			answer := answers[t.idx] && labels[i] == ""
			switch {
			case sectionIs(t.section, "impact", "customer impact", "user impact"):
				s += 2
			case sectionIs(t.section, "summary", "overview", "description"):
				s += 0.5
			}
			counts := len(impactCountRE.FindAllString(low, 3)) + len(impactShareOfRE.FindAllString(low, 2))
			s += 1.5 * float64(min(counts, 2))
			// Any count of things ("18k searches"), a share of them or how long it
			// lasted is a measure of the damage, whatever the things are called.
			quantity := counts > 0
			if counts == 0 && impactAnyCountRE.MatchString(low) {
				s += 1
				quantity = true
			}
			if impactShareRE.MatchString(low) {
				s += 1
				quantity = true
			}
			if impactTimeRE.MatchString(low) {
				s += 1
				quantity = true
			}
			// A window from one clock time to another ("13:58 -> 14:17, so ~19 min")
			// is how long the damage lasted, said once the responders know.
			if window {
				s += 1
			}
			who := impactWhoRE.MatchString(low)
			if who {
				s += 1
			}
			harm := impactHarmRE.MatchString(low) || negatedEvent(low)
			if harm {
				s += 1
			}
			// The reply to a question about the damage ("how bad for users?") is
			// the channel saying what was hit, in whatever words, when it measures
			// it or names who; "pods are stuck" answers about the system.
			if answer && (quantity || who) {
				s += 1.5
			}
			if counts == 0 && !who && labels[i] != "impact" && !(quantity && harm) && !window && !answer {
				continue // a bare measurement names nobody affected and no damage
			}
			if t.bot {
				s -= 1
			}
			// The message that declares the end recaps the damage ("resolved.
			// web+app without static assets 07:30 to ~08:08"), unless it reports
			// the state things are back in ("error rate at baseline for 15 min").
			if t.resolved && labels[i] == "" && !restoredRE.MatchString(low) {
				s += resolvedRecapBonus
			}
			// What a screen said, quoted ("checkout says 'we could not verify your
			// address'"), is not the writer hedging or proposing.
			if own := quotedSpanRE.ReplaceAllString(low, " "); hedgeRE.MatchString(own) || proposalFormRE.MatchString(own) {
				s -= 1.5
			}
			if t.taken && labels[i] == "" && counts == 0 {
				s -= 1 // an action report, not an effect
			}
			if labels[i] == "" && !window {
				// A check that things recovered ("49 nodes Ready, 0 pending pods") counts
				// the state after the fix; a sentence telling why ("that's why a slow
				// wms stalls the loop", "at 10% it only saw EU users") measures the
				// mechanism. Neither is the damage.
				if verifyRE.MatchString(low) || t.idx > mit && mit >= 0 && (zeroReadingRE.MatchString(low) || confirmRE.MatchString(low) && !harm) {
					continue
				}
				// An equals sign between spaced words ("p99 is 30s = our acquire
				// timeout") equates a reading with what explains it: reasoning about
				// the mechanism, unlike a key=value reading ("active=15").
				if causalRE.MatchString(low) || consequence(low) || equatesRE.MatchString(low) {
					s -= 1
				}
			}
			// A sentence another field already quotes (the root cause's "the
			// gateway was slow 11:30-11:55 so the retry made a second hold") is
			// that field's: the impact takes the next best.
			clipped := clipTrailingClauses(quote(raw), isImpactClause)
			// What was hit, listed after a colon ("no email goes out at all:
			// refill reminders, pickup notices, password resets"), is the impact
			// whole: its items name no damage of their own.
			if colonListRE.MatchString(raw) {
				clipped = quote(raw)
			}
			if b.used[clipped] || b.used[quote(raw)] {
				continue
			}
			cs = append(cs, scoredSentence{t.idx, clipped, s})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	if len(cs) > 0 && cs[0].score < minImpactFactScore {
		// No count of affected things anywhere: the channel still said who or how
		// long and what went wrong ("login failing for a chunk of users", "otp
		// failures 07:31–08:02"), which beats an empty field. An alert or a
		// recovery report ("error rate back under 0.5%") measures the fix, not the
		// damage. Whatever its score, a sentence that names nothing going wrong
		// ("on cache miss + 404 it returns early") is no fallback. Like a scored
		// impact it keeps the sentences beside it that measure the damage.
		for _, c := range cs {
			low := lowerClean(c.text)
			if t := lc.msgs[c.idx]; c.score >= minImpactFallbackScore && !t.bot && !verifyRE.MatchString(low) && (impactHarmRE.MatchString(low) || negatedEvent(low)) {
				return b.completeImpact(b.impactNeighbours([]scoredSentence{c}), cs)
			}
		}
		// Still nothing: a chat channel is most often opened by the report of what
		// the people hit see ("Support says customers see two holds of 150 EUR on
		// their card"), before anyone knows a count. That report, when it measures
		// or names something, says the damage in the reporter's words.
		if first := firstReport(lc); first >= 0 {
			for _, c := range cs {
				if c.idx == first && c.score >= minImpactReportScore {
					return b.completeImpact(b.impactNeighbours([]scoredSentence{c}), cs)
				}
			}
		}
		return nil
	}
	var out []scoredSentence
	for _, c := range cs {
		if len(out) == summaryImpactSentences || c.score < minImpactFactScore {
			break
		}
		// A second sentence must say what went wrong too, not only name a service
		// and a number ("Deployed auth-api 3.9.1 which sets a 30 day ttl").
		if len(out) == 1 && (c.idx == out[0].idx || c.score < out[0].score-1 || !impactHarmRE.MatchString(lowerClean(c.text))) {
			continue
		}
		out = append(out, c)
	}
	return b.completeImpact(b.impactNeighbours(out), cs)
}

// damageEffect returns the effect clause of a sentence that ties it to its cause
// with "so" ("the new code computed the credit in months, so 1,240 customers who
// upgraded were charged the full price"), when that clause counts things hit and
// says what went wrong to them: the clause before "so" is the mechanism, the one
// after it the impact. "" when the sentence is no such consequence.
func damageEffect(raw string) string {
	c := cleanText(raw)
	low := strings.ToLower(c)
	loc := soRE.FindStringIndex(low)
	if loc == nil || len(low) != len(c) || !consequence(low) || len(strings.Fields(low[:loc[0]])) < 2 {
		return ""
	}
	eff := low[loc[1]:]
	if strings.Contains(eff, "?") || !impactCountRE.MatchString(eff) || !impactHarmRE.MatchString(eff) || causalRE.MatchString(eff) || consequence(eff) {
		return ""
	}
	return strings.TrimSpace(c[loc[1]:])
}

// firstWord returns the first word of low after the fillers responderAction
// skips, without its punctuation.
func firstWord(low string) string {
	for _, w := range strings.Fields(clockLeadRE.ReplaceAllString(low, "")) {
		if w = strings.Trim(w, ",.:;!`"); leadFillers[w] || w == "-" || w == "*" {
			continue
		}
		return w
	}
	return ""
}

// negatedRE: an event said not to happen ("mails are not arriving", "orders that
// haven't gone to the warehouse", "price changes aren't reflected"): a verb
// under negation.
var negatedRE = regexp.MustCompile(`\b(not|never|no longer|isn'?t|aren'?t|wasn'?t|weren'?t|don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|hadn'?t|won'?t)\s+(being |been |be |yet |even )?([a-z]+)\b`)

// negatedEvent reports whether low says that something users expect did not
// happen. Negating the damage itself ("were not affected", "never failed",
// "didn't help") says the opposite, and a negated state or quantity ("not all",
// "not bloat") is no event.
func negatedEvent(low string) bool {
	// "1h20m without positions for ~48k vehicles": people or things left without
	// what they get; "without data loss" or "without downtime" says the opposite.
	for _, m := range withoutRE.FindAllStringSubmatch(low, -1) {
		if !withoutNoHarm[m[1]] {
			return true
		}
	}
	// "7,000 owners got no reminder", "no email goes out at all", "no unit
	// could be scanned out": the event negated by "no" before its noun.
	if noEventRE.MatchString(low) && !noHarmNounRE.MatchString(low) {
		return true
	}
	for _, m := range negatedRE.FindAllStringSubmatch(low, -1) {
		v := m[3]
		if impactHarmRE.MatchString(v) || noHarmVerbRE.MatchString(v) {
			continue
		}
		if eventVerbRE.MatchString(v) {
			return true
		}
	}
	return false
}

// colonListRE: a sentence that ends in a list after a word and a colon, two or
// more short items joined by commas ("…: refill reminders, pickup notices,
// password resets"); a clock time's colon ("06:00-06:46, …") opens none.
var colonListRE = regexp.MustCompile(`(?i)[a-z]:\s+[^:,.;]{2,40}(?:,\s*(?:and\s+)?[^:,.;]{2,40}){1,6}[.!]?\s*$`)

// noEventRE: a thing people expect said not to come, by "no" before its noun:
// received, sent or shown none ("got no reminder", "sent no positions"), or none
// of it going, arriving or being possible ("no email goes out", "no unit could be
// scanned out").
var noEventRE = regexp.MustCompile(`\b(?:got|get|gets|getting|received|receive|receives|sent|send|sends|saw|see|sees|had|has|have|showed|shows|show)\s+no\s+[a-z]|\bno\s+(?:[a-z][\w-]*\s+)(?:[\w][\w-]*\s+){0,4}(?:went|goes|go|going|came|comes|come|arrived|arrives|arrive|reached|reaches|could|can|was|were|got|gets|is|are)\s+(?:out|through|in|be|sent|delivered|processed|shown|recorded|written|saved|scanned|received|accepted|possible)\b`)

// noHarmNounRE: "no" before what it is good news to have none of ("saw no
// errors", "got no complaints", "no data was lost").
var noHarmNounRE = regexp.MustCompile(`\bno\s+(?:new\s+|more\s+|further\s+)?(?:errors?|issues?|problems?|impact|complaints?|alerts?|failures?|data loss|data was lost|loss|harm|damage|downtime|incidents?|5xx|timeouts?)\b`)

// withoutRE: "without" and the noun after it, past a determiner or an adjective
// of time ("without live tyre-pressure data", "without positions").
var withoutRE = regexp.MustCompile(`\bwithout (?:any |a |an |the |live |new |their |its |our )?([a-z]+)`)

// withoutNoHarm: what being without is good news ("without data loss", "without
// downtime", "without errors").
var withoutNoHarm = toSet(`data loss losing lost errors error impact issues issue problems problem incident incidents downtime interruption interruptions failures failure delay delays harm damage customer customers user users manual intervention a noticeable`)

// eventVerbRE: the forms of a verb that tell an event ("arriving", "reflected",
// "gone", "show up", "load").
var eventVerbRE = regexp.MustCompile(`^([a-z]{2,}(ing|ed)|gone|done|seen|sent|shown|taken|given|known|run|go|get|come|show|load|work|arrive|reach|open|render|appear|update|send|deliver|respond|connect|resolve|start|finish|complete|sync|print|post|save|match|apply)$`)

// noHarmVerbRE: verbs that, negated, say nobody was hit or that a step did not
// work ("not impacted", "didn't help", "not needed").
var noHarmVerbRE = regexp.MustCompile(`^(impacted|affected|hit|harmed|touched|lost|dropped|help|helped|helping|need|needed|required|expected|related|sure|seeing|noticed|changed|working)$`)

// confirmRE: a check with someone or something ("confirmed with the 2 customers
// who wrote in"): told after the fix with no harm named, it checks the recovery.
var confirmRE = regexp.MustCompile(`\bconfirm(ed|s|ing)?\b`)

// zeroReadingRE: a reading of zero ("0 pending pods", "pending 0 on all 4 pods",
// "lag 0"). Told after the fix it is the check that things recovered, and the
// counts beside it ("49 nodes Ready") are the state after, not the damage.
var zeroReadingRE = regexp.MustCompile(`(^|[^\w.,:/-])(0|zero)\s+[a-z]|\b[a-z]+\s?[:=]?\s?0(\s|$|[;,)]|\.(\s|$))`)

// quotedSpanRE: words in quotes, opened after a space or a colon and closed
// before a non-letter, so that the apostrophes of "don't" and "what's" open none.
var quotedSpanRE = regexp.MustCompile(`(^|[\s:(])('[^']{3,}'|"[^"]{3,}"|“[^”]{3,}”)($|[^a-z])`)

// resolvedRecapBonus: how much a sentence of the resolution message gains, enough
// to break a tie with a reading told while the cause was looked for.
const resolvedRecapBonus = 0.5

// restoredRE: the state a system is back in ("at baseline", "normal again").
var restoredRE = regexp.MustCompile(`\b(baseline|normal|healthy|green|stable|nominal)\b`)

// impactQuestionRE: a question about the damage ("how bad for users?", "blast
// radius?", "how many orders?", "whats the customer impact?").
var impactQuestionRE = regexp.MustCompile(`\bhow bad\b|\bblast radius\b|\bimpact\b|\baffected\b|\bhow many ([\w-]+ )?(customers?|users?|merchants?|orders?|payments?|requests?|accounts?|tenants?|partners?|people|shoppers?|devices?|sessions?|bookings?|emails?|messages?)\b`)

// damageAnswers marks the messages that answer a question about the damage: the
// first message after it, within a few, by someone else, that is neither a
// question nor an action. When a responder acts instead, nobody answered.
func damageAnswers(lc *incidentLifecycle) map[int]bool {
	out := map[int]bool{}
	for i, q := range lc.msgs {
		if q.bot || !asksAboutDamage(q.msg.Text) {
			continue
		}
		for j := i + 1; j < len(lc.msgs) && j <= i+damageAnswerWindow; j++ {
			a := lc.msgs[j]
			if a.bot || a.msg.User == q.msg.User {
				continue
			}
			if !a.question && !a.taken {
				out[j] = true
			}
			break
		}
	}
	return out
}

// damageAnswerWindow: how many messages after a question its answer may come.
const damageAnswerWindow = 3

// interrogativeRE: a sentence opened by a question word, a question whether or
// not chat writes its question mark ("how bad is the backlog business-wise").
var interrogativeRE = regexp.MustCompile(`^\W*(how|what'?s?|who'?s?|which|any)\b`)

// asksAboutDamage reports whether a sentence of text asks about the damage or
// the people hit ("what does it mean for merchants?"): it ends in a question mark
// or opens with a question word.
func asksAboutDamage(text string) bool {
	for _, s := range splitSentences(text) {
		if low := lowerClean(s); (strings.Contains(low, "?") || interrogativeRE.MatchString(low)) && (impactQuestionRE.MatchString(low) || peopleRE.MatchString(low)) {
			return true
		}
	}
	return false
}

// impactNeighbours adds to the first impact sentence the sentences beside it in
// its own message that measure the damage too: a report's impact paragraph states
// the effect, then its size ("For 34 minutes payments-api could not reach the
// ledger. All payouts and all card captures failed; about 5,600 were retried."),
// and one sentence of it loses the other half. A neighbour that explains why,
// only reports the recovery, instructs or hedges is left out; the whole stays
// within impactSectionWords.
func (b *summaryBuilder) impactNeighbours(out []scoredSentence) []scoredSentence {
	if len(out) == 0 {
		return out
	}
	first := out[0]
	t := b.lc.msgs[first.idx]
	sents, labels := labelledSentences(t.msg.Text)
	at := -1
	for i, raw := range sents {
		if clipTrailingClauses(quote(raw), isImpactClause) == first.text {
			at = i
			break
		}
	}
	if at < 0 {
		return out
	}
	words := 0
	for _, o := range out {
		words += len(strings.Fields(o.text))
	}
	noHarm := noImpactRE.MatchString(lowerClean(first.text))
	// belongs reports whether sentence i of the message measures the damage.
	belongs := func(i int) bool {
		if i < 0 || i >= len(sents) || hasSecret(sents[i]) || (labels[i] != "" && labels[i] != "impact") {
			return false
		}
		low := lowerClean(sents[i])
		// A duration said alone beside the damage ("Duration 1h05m.") is its
		// extent; a courtesy ("Thank you everyone.") names a whole but measures
		// nothing.
		if extentOnly(low) {
			return true
		}
		if len(contentTerms(low)) < 2 {
			return false
		}
		measures := impactCountRE.MatchString(low) || impactShareRE.MatchString(low) || impactAnyCountRE.MatchString(low) ||
			impactTimeRE.MatchString(low) || impactWholeRE.MatchString(low)
		harm := impactHarmRE.MatchString(low) || impactStateRE.MatchString(low)
		// A report that no one was hit goes on to say how near it came ("disk
		// reached 96%, would have been full around 00:15", "writes never failed"):
		// a measure or a failure named is enough there.
		if noHarm && (measures || harm) {
			measures, harm = true, true
		}
		return measures && (harm || impactWhoRE.MatchString(low)) && !causalRE.MatchString(low) && !consequence(low) &&
			!(verifyRE.MatchString(low) && !harm) && !hedgeRE.MatchString(low) && !isImperative(sents[i]) &&
			// "We'll email the affected clinics today" beside the count promises
			// what will be done about the damage.
			!fuCommitRE.MatchString(low)
	}
	fits := func(i int) (scoredSentence, bool) {
		if !belongs(i) {
			return scoredSentence{}, false
		}
		c := scoredSentence{first.idx, quote(sents[i]), first.score}
		return c, !quotedIn(out, c) && words+len(strings.Fields(c.text)) <= impactSectionWords
	}
	next := 1
	for i := at + 1; ; i++ {
		c, ok := fits(i)
		if !ok {
			break
		}
		out = append(out[:next], append([]scoredSentence{c}, out[next:]...)...)
		next++
		words += len(strings.Fields(c.text))
	}
	if c, ok := fits(at - 1); ok {
		out = append([]scoredSentence{c}, out...)
	} else if c, ok := fits(at - 2); ok && t.section != "" && labels[at-1] == "" && !causalRE.MatchString(lowerClean(sents[at-1])) {
		// A report's prose paragraph tells the damage over several sentences
		// ("Requests were hanging for 30 seconds and then timing out. Customers
		// told us the button just spun. Between 11:04 and 11:31 about 6,200
		// checkouts failed"): a sentence between that voices it without a
		// measure, and explains no cause, does not end the paragraph's measure
		// of it.
		out = append([]scoredSentence{c}, out...)
	}
	return out
}

// alertThresholdRE: a condition written as a comparison with a number, maybe held
// for a while ("> 20% for 5m", "p99 >= 2s", "< 10 rps"), the notation of an alert
// rule rather than of a measurement. An arrow ("13:58 -> 14:17") is no comparison.
var alertThresholdRE = regexp.MustCompile(`(^|[^-=<>])(>=?|<=?|≥|≤)\s*[~≈]?\d[\d.,]*\s?(%|[a-z]+)?(\s+for\s+\d+\s?(s|m|h|min|mins|minutes)\b)?`)

// reasonsRE: numbers worked out with an operator ("500 x ~1s", "12 * 30s") or
// equated with what explains them ("p99 is 30s = our acquire timeout", equatesRE).
var reasonsRE = regexp.MustCompile(`\d\s?[x×*]\s?[~≈]?\d|` + equatesRE.String())

// equatesRE: an equals sign set apart by spaces and followed by words ("= our
// acquire timeout"), the notation of "this is that".
var equatesRE = regexp.MustCompile(`\s=\s+[a-z]`)

// noImpactRE: a statement that nobody was hit ("no customer impact", "no users
// affected", "zero impact").
var noImpactRE = regexp.MustCompile(`\b(no|zero|without any?) (\w+ )?impact\b|\bno (customers?|users?|one) (were |was )?(affected|impacted|hit)\b`)

// quotedIn reports whether c's text is already one of out's.
func quotedIn(out []scoredSentence, c scoredSentence) bool {
	for _, o := range out {
		if o.text == c.text {
			return true
		}
	}
	return false
}

// extentOnly: a sentence that is nothing but how long something lasted, maybe
// named as such ("Duration 1h05m.", "~40 min total", "13:58 -> 14:17").
func extentOnly(low string) bool {
	rest := impactTimeRE.ReplaceAllString(low, " ")
	if rest == low {
		return false
	}
	for _, w := range strings.Fields(rest) {
		switch strings.Trim(w, ".,;:()~") {
		case "", "duration", "total", "in", "of", "about", "approx", "approximately", "roughly", "around":
		default:
			return false
		}
	}
	return true
}

// impactWholeRE: a sentence that measures the damage as all of something ("all
// payouts failed", "every request returned 503", "nobody could log in").
var impactWholeRE = regexp.MustCompile(`\b(all|every|everyone|everybody|nobody|none)\b`)

// impactHeadingRE: a report heading that announces the damage ("Impact",
// "Customer impact", "Impact and scope", "Who was affected").
var impactHeadingRE = regexp.MustCompile(`\bimpact\b|\baffected\b`)

// impactSectionWords bounds an impact taken from a report's impact section: whole
// sentences in the report's order until this many words, so a long section still
// gives a field that reads at a glance.
const impactSectionWords = 45

// causeSectionWords bounds a root cause taken from a report's cause section.
const causeSectionWords = 45

// impactSection returns the opening sentences of a report's impact section, in
// order, up to impactSectionWords (always at least one). A report states its
// impact where its heading says; scoring sentences one by one there picked a
// count out of context or a summary sentence about the change instead, and lost
// what the author put beside it (the window, who was not affected). Nil when the
// report has no such section, or it holds nothing quotable.
func (b *summaryBuilder) impactSection() []scoredSentence {
	return b.sectionOpening(func(section string) bool {
		return !asksWhy(section) && impactHeadingRE.MatchString(section)
	}, impactSectionWords, minImpactFactScore)
}

// sectionOpening returns the opening sentences of the first section whose heading
// is, in order and whole, until the next would pass words (at least one); nil when
// there is no such section or it holds nothing quotable.
func (b *summaryBuilder) sectionOpening(is func(section string) bool, words int, score float64) []scoredSentence {
	var out []scoredSentence
	n := 0
	section := ""
	for _, t := range b.lc.msgs {
		if t.section == "" || t.bot || !is(t.section) {
			continue
		}
		if section == "" {
			section = t.section
		} else if t.section != section {
			break
		}
		sents, _ := labelledSentences(t.msg.Text)
		for _, raw := range sents {
			low := lowerClean(raw)
			if hasSecret(raw) || strings.Contains(low, "?") || len(contentTerms(low)) < 2 {
				continue
			}
			w := len(strings.Fields(raw))
			if len(out) > 0 && n+w > words {
				return out
			}
			out = append(out, scoredSentence{t.idx, quote(raw), score})
			n += w
		}
	}
	return out
}

// completeImpact completes an impact the way responders state one: what was hit, how
// much of it and for how long. Chat says these in different messages ("all card
// payments failed, ~7.8k attempts rejected", later "19 min of failed payments
// total"), so when the chosen sentences lack the extent (a window or a duration)
// or the magnitude (a count or a share), the best other sentence that names damage
// or who was hit and carries the missing part is added, within impactSectionWords.
func (b *summaryBuilder) completeImpact(out, cs []scoredSentence) []scoredSentence {
	if len(out) == 0 {
		return out
	}
	facets := func(low string) (extent, magnitude bool) {
		extent = impactWindowRE.MatchString(low) || impactTimeRE.MatchString(low)
		// A duration ("2h55m impact") is no count of 55 million things.
		low = impactTimeRE.ReplaceAllString(low, " ")
		magnitude = impactCountRE.MatchString(low) || impactShareRE.MatchString(low) || impactAnyCountRE.MatchString(low)
		return
	}
	words := 0
	var hasExtent, hasMagnitude bool
	for _, o := range out {
		e, m := facets(lowerClean(o.text))
		hasExtent, hasMagnitude = hasExtent || e, hasMagnitude || m
		words += len(strings.Fields(o.text))
	}
	mit := b.mitigationIndex()
	for _, want := range []string{"extent", "magnitude"} {
		if (want == "extent" && hasExtent) || (want == "magnitude" && hasMagnitude) {
			continue
		}
		for _, c := range cs {
			low := lowerClean(c.text)
			e, m := facets(low)
			if (want == "extent" && !e) || (want == "magnitude" && !m) {
				continue
			}
			// A window is the extent by itself ("13:58 -> 14:17, so ~19 min"); a
			// duration or a count must say what went wrong, so that a setting ("at
			// 10% it only saw EU users", "set the timeout to 5min") is not taken,
			// nor an instruction, nor a timeline row telling one event.
			// A count of affected things ("~3,400 abandoned checkouts") said after
			// the fix is the tally of the damage, whatever verb goes with it.
			t := b.lc.msgs[c.idx]
			// Arithmetic on the numbers ("500 x ~1s avg blows the 5 min
			// interval"), an equation or a sentence telling why ("a 30s timeout,
			// that's why a slow wms stalls the loop") works out the mechanism; its
			// numbers are settings and costs, not the damage. A window ("13:58 -> 14:17,
			// so ~19 min") is the extent whatever joins it.
			if !impactWindowRE.MatchString(low) && (reasonsRE.MatchString(low) || causalRE.MatchString(low) || consequence(low)) {
				continue
			}
			tally := want == "magnitude" && mit >= 0 && c.idx > mit && impactCountRE.MatchString(low) && !hedgeRE.MatchString(low)
			if (c.score < minImpactFallbackScore && !tally) || t.bot || len(t.actions) > 0 || isImperative(c.text) || sectionIs(t.section, "timeline") || quotedIn(out, c) || verifyRE.MatchString(low) ||
				!(impactHarmRE.MatchString(low) || tally || (want == "extent" && (impactWindowRE.MatchString(low) || t.resolved && extentOnly(low)))) ||
				words+len(strings.Fields(c.text)) > impactSectionWords {
				continue
			}
			out = append(out, c)
			words += len(strings.Fields(c.text))
			hasExtent, hasMagnitude = hasExtent || e, hasMagnitude || m
			break
		}
	}
	return b.completeWhatWasHit(out, cs, mit, words)
}

// peopleRE: the people a failure reaches, anywhere in a sentence.
var peopleRE = regexp.MustCompile(`\b(users?|customers?|people|merchants?|shoppers?|buyers?|partners?|drivers?|riders?|members?|players?|patients?|students?|tenants?|subscribers?|visitors?|clients?|everyone|everybody|nobody)\b`)

// spareRE: a sentence that says who was spared ("other regions are not
// affected", "no customer impact").
var spareRE = regexp.MustCompile(`\b(not|never|un)[ -]?(affected|impacted|hit)\b|\b(no|zero|without any?) (\w+ )?impact\b`)

// completeWhatWasHit adds, to an impact told only after the fix (a tally, a
// confirmation, the final duration), the first report of the damage while it
// was going on: what people saw, said by a person before the mitigation
// ("customers say new products don't show up in search", "ledger writes are
// failing, every POST /entries is 500"). A count after the fix measures the damage
// but seldom says what failed for whom; the early report does, in the words of
// those who saw it. A report that names no people ("orders-api timeouts
// publishing to rabbit", a vendor's status page) tells of the system, and one
// that says who was spared adds nothing hit.
func (b *summaryBuilder) completeWhatWasHit(out, cs []scoredSentence, mit, words int) []scoredSentence {
	if mit < 0 {
		return out
	}
	whom, long := false, false
	for _, o := range out {
		if o.idx <= mit {
			return out
		}
		low := lowerClean(o.text)
		whom = whom || peopleRE.MatchString(low)
		long = long || impactWindowRE.MatchString(low) || impactTimeRE.MatchString(low)
	}
	// A wrap-up that says whom it hit and for how long ("17 customers charged
	// twice, checkout p99 >8s from 23:22 to 00:05") is the impact already.
	if whom && long {
		return out
	}
	var best *scoredSentence
	for k, c := range cs {
		t := b.lc.msgs[c.idx]
		low := lowerClean(c.text)
		if c.idx >= mit || t.bot || t.taken || c.score < minImpactFallbackScore || quotedIn(out, c) ||
			!(impactHarmRE.MatchString(low) || negatedEvent(low)) || !peopleRE.MatchString(low) || spareRE.MatchString(low) || verifyRE.MatchString(low) ||
			reasonsRE.MatchString(low) || causalRE.MatchString(low) || consequence(low) ||
			words+len(strings.Fields(c.text)) > impactSectionWords {
			continue
		}
		if best == nil || c.idx < best.idx {
			best = &cs[k]
		}
	}
	if best == nil {
		return out
	}
	return append([]scoredSentence{*best}, out...)
}

// isImpactClause: a clause that measures or names the damage ("~50 min of
// degraded checkout"), not the recovery after it ("all replayed from the outbox").
func isImpactClause(low string) bool {
	for _, re := range []*regexp.Regexp{impactCountRE, impactAnyCountRE, impactShareRE, impactTimeRE, impactWindowRE, impactWhoRE, impactHarmRE, impactStateRE, moneyRE} {
		if re.MatchString(low) {
			return true
		}
	}
	return false
}

// moneyRE: an amount of money ("~€96k", "EUR 9,834", "approx 41k EUR", "$1.2M",
// "2,400 euros"): what the damage cost, refunded or lost.
var moneyRE = regexp.MustCompile(`[$€£¥]\s?\d[\d,.]*\s?(?:k|m|bn|mn|million|thousand)?\b|\b\d[\d,.]*\s?(?:k|m|bn|mn|million|thousand)?\s?(?:eur|usd|gbp|chf|jpy|sek|nok|dkk|pln|czk|inr|aud|cad|euros?|dollars?|pounds?)\b|\b(?:eur|usd|gbp|chf|jpy|sek|nok|dkk|pln|czk|inr|aud|cad)\s?\d`)

// impactWindowRE: a span from one clock time to another ("17:01–17:12", "13:58
// -> 14:17", "from 07:31 to 08:02", "between 09:40 and 10:21"), its end maybe
// approximate ("07:30 to ~08:08"). "and" joins two times as a span only after
// "between"; elsewhere ("at 09:40 and 10:21") it lists two moments.
var impactWindowRE = regexp.MustCompile(`\b\d{1,2}:\d{2}\s?(–|-|—|to|->|→|until|till)\s?(about |around |approx\.? |[~≈])?\d{1,2}:\d{2}\b|\bbetween (about |around |[~≈])?\d{1,2}:\d{2}( [a-z]{3,4})? and (about |around |[~≈])?\d{1,2}:\d{2}\b`)

// impactStateRE: what a user saw in a broken state ("showed empty results").
var impactStateRE = regexp.MustCompile(`\b(empty|blank|missing|wrong|broken|slow|stale|incorrect|no results|showed|saw|seeing|got)\b`)

// recoveryWindow is how many messages before the first recovery check an action may
// be and still count as what brought it.
const recoveryWindow = 6

// minImpactFactScore: a number of named affected things (1.5) with what went wrong
// (1) — "1,912 invoices failed to render" — or a labelled impact.
const minImpactFactScore = 2.5

// minImpactFallbackScore: who was hit or for how long (1) with what went wrong (1),
// taken only when no sentence reaches minImpactFactScore.
const minImpactFallbackScore = 2

// mitigationIndex finds the first action that stopped the bleeding: of the actions
// taken (or reported done) before the first sign of recovery, the one that recovery
// followed, traced back to where it was first announced. Without a recovery check it
// is the first action taken. -1 when nothing was done.
func (b *summaryBuilder) mitigationIndex() int {
	if acts := b.mitigationActs(); len(acts) > 0 {
		return acts[0]
	}
	return -1
}

// mitigationActs lists the actions that stopped the bleeding, the first being the
// mitigation: the actions taken just before the first sign of recovery, after the
// last report that an attempt did not help. Responders often take two steps at
// once ("li scales coredns, yuki rolls back the worker") and the recovery follows
// both. Nil when nothing was done.
func (b *summaryBuilder) mitigationActs() []int {
	if !b.actsDone {
		b.acts, b.actsDone = b.findMitigationActs(), true
	}
	return b.acts
}

// responseOnset is the index after which a person's step can be a response to the
// incident. A chat channel is opened because something is already wrong: its
// first message is the report that opens it, whether or not its words are those
// of an alert ("dashboards empty, queries pending 3h+"). A report's parts are not
// told in time order, so there the first detection cue marks it.
func (lc *incidentLifecycle) responseOnset() int {
	if len(lc.msgs) > 0 && lc.msgs[0].section == "" {
		return 0
	}
	// A report that tells the damage before any alert word ("unreachable for
	// most players for 2 hours") has begun its story there.
	for _, t := range lc.msgs[:max(lc.firstSignal, 0)] {
		if narrates(t) && t.impact >= minImpactFallbackScore {
			return t.idx
		}
	}
	return lc.firstSignal
}

// findMitigationActs computes mitigationActs.
func (b *summaryBuilder) findMitigationActs() []int {
	lc := b.lc
	end := len(lc.msgs)
	if lc.resolvedAt >= 0 {
		end = lc.resolvedAt + 1
	}
	onsetIdx := lc.responseOnset()
	acting := func(t msgTags) bool {
		// What a screen or a system said, quoted ("every kiosk shows \"Turn on
		// TLS 1.0 … and try again\""), is no step of the speaker's.
		if t.section == "" && lkQuoteRE.MatchString(t.msg.Text) {
			m := t.msg
			m.Text = lkQuoteRE.ReplaceAllString(m.Text, " ")
			t = tagMessage(t.idx, m)
		}
		if !t.taken && mitigationActRE.MatchString(t.lower) && takenRE.MatchString(t.lower) && !t.bot && !t.question &&
			!symptomRE.MatchString(t.lower) && !proposalRE.MatchString(t.lower) && !notDoneRE.MatchString(t.lower) && !hedgeRE.MatchString(t.lower) {
			return true
		}
		if t.bot || t.question || !narrates(t) || secretReactionRE.MatchString(t.lower) || hasSecret(t.msg.Text) || notHelpedRE.MatchString(t.lower) {
			return false
		}
		if labelsMitigation(t.msg.Text) && !proposalRE.MatchString(t.lower) && !notDoneRE.MatchString(t.lower) {
			return true // the writer labels it the mitigation ("mitigation: adding …")
		}
		if b.afterSymptomRow(t) && (timelineAction(t) || passiveRow(t)) {
			return true // "09:05 | Jana reloads HAProxy on edge-1 and edge-2"
		}
		if t.taken && (remediationDone(t) || sectionIs(t.section, "mitigation", "recovery", "resolution", "actions taken")) {
			// A report's section on what was done narrates the responders' actions
			// in the third person ("At 09:15 engineers halted the push").
			return true
		}
		if t.taken && rowFinding(t) {
			return false // "03:20 Viktor finds the purge selected …": a finding
		}
		if t.taken {
			// "The cluster doubled to 400 nodes", "the backfill started at 09:45":
			// an action word after a subject is the system's doing or the change
			// that caused the incident, not a responder's action.
			// A label before the step ("quick fix: pinning the loader to v4") is
			// no subject.
			_, class, at := actionSentence(labelLeadRE.ReplaceAllString(t.msg.Text, ""))
			// A message that opens with a command in code is the command run.
			if class == "" || at == 0 || strings.HasPrefix(strings.TrimSpace(t.msg.Text), "`") || clauseOpensWithAction(t.msg.Text) {
				return true
			}
			// After the first alert, a step reported complete ("… set env X=y
			// done") or a timeline row after the first symptom row is the
			// responders' doing; before it, the change told is the trigger.
			return t.idx > onsetIdx && (doneRE.MatchString(t.lower) || b.afterSymptomRow(t))
		}
		// A completion report without an action word ("association done"); a finding
		// or a progress report ("1,840 of 9,300 done and not moving") is not one,
		// nor is anything a report says before its story begins ("This report is
		// in English").
		return t.idx >= onsetIdx && doneRE.MatchString(t.lower) && !failureTextRE.MatchString(t.lower) && !wholeStateRE.MatchString(t.lower) && !mustDoRE.MatchString(t.lower) && !fieldRow(t) && !headerLine(t.lower) && !headerFields(t.msg.Text) && !proposalRE.MatchString(t.lower) && !notDoneRE.MatchString(t.lower) &&
			!strings.Contains(t.lower, "not ") && t.cause < 2 && len(contentTerms(t.lower)) >= 2 && !doneButRE.MatchString(t.lower)
	}
	// A bare command ("CONFIG SET maxmemory-policy allkeys-lru on the primary")
	// reads as done when the next words from a person say things recovered.
	commandThenRecovered := func(t msgTags) bool {
		if t.taken || len(t.actions) == 0 || t.bot || t.question || !narrates(t) || symptomRE.MatchString(t.lower) ||
			proposalRE.MatchString(t.lower) || hedgeRE.MatchString(t.lower) || notDoneRE.MatchString(t.lower) || secretReactionRE.MatchString(t.lower) {
			return false
		}
		for _, u := range lc.msgs[t.idx+1 : min(end, t.idx+3)] {
			if !u.bot {
				return (u.verify || recovered(u)) && !u.question && !notHelpedRE.MatchString(u.lower)
			}
		}
		return false
	}
	// "I'll roll it back" answered by "5.1.4 back, targets healthy 6/6": the step
	// a responder says they will take, with a recovery told next, was taken.
	announcedThenRecovered := func(t msgTags) bool {
		if t.bot || t.question || !narrates(t) || !ownStepAnnounced(t.lower) {
			return false
		}
		for _, u := range lc.msgs[t.idx+1 : min(end, t.idx+3)] {
			if !u.bot {
				return u.verify && !u.question && !notHelpedRE.MatchString(u.lower)
			}
		}
		return false
	}
	// "Please pause the billing job" answered by "Billing job paused on both
	// schedulers": the step announced or asked for, with its report next, was
	// taken, and the announcement names it.
	b.reported = map[int]int{} // announcement -> its report
	announcedThenReported := func(t msgTags) bool {
		if t.bot || t.question || !narrates(t) || !b.stepAnnounced(t) {
			return false
		}
		if r := b.reportOfStep(t.idx, end); r >= 0 {
			b.reported[t.idx] = r
			return true
		}
		return false
	}
	people := channelPeople(lc)
	onset := lc.onsetMinute()
	// A report whose timeline tells the steps tells the whole story first in its
	// summary, out of order ("a change to the purge job deleted the originals …
	// restored from versions"): there the timeline is read for the steps.
	rows := false
	for _, t := range lc.msgs[:end] {
		rows = rows || timelineAction(t)
	}
	var acts, failed []int // the steps taken, and those that did not help
	noHelp := -1           // the latest report that an attempt did not help
	// relapsed reports whether the recovery told at t did not hold; the steps
	// before it are then forgotten, as after a report that a step did not help.
	relapsed := func(t msgTags) bool {
		if !b.relapsesAfter(t.idx, end) {
			return false
		}
		acts, noHelp = nil, t.idx
		return true
	}
	for _, t := range lc.msgs[:end] {
		if rows && t.section != "" && !timelineRow(t) && sectionIs(t.section, "summary", "overview", "introduction", "description", "tl;dr", "executive summary") {
			continue
		}
		if t.section != "" && !timelineRow(t) && sectionIs(t.section, "impact", "customer impact", "user impact", "business impact") {
			// A report's impact section tells the damage ("Estimated lost
			// revenue: EUR 38,000. Riders saw no errors"), not the response.
			continue
		}
		// "we switched signing to s2 this morning 08:30", "payments shipped a
		// migration last night": a change dated before the alert is the trigger,
		// told once the responders look for it, not a response.
		history := !t.bot && t.section == "" && toldBefore(t.lower, onset)
		if failedAttempt(t) || reportsNoHelp(t) {
			// Tried, and the symptom stayed: neither this attempt nor the one the
			// report tells of stopped the bleeding.
			kept := b.dropFailedInSection(acts, t)
			for _, a := range acts {
				if !containsInt(kept, a) {
					failed = append(failed, a)
				}
			}
			if len(t.actions) > 0 {
				failed = append(failed, t.idx)
			}
			acts = kept
			noHelp = t.idx
			continue
		}
		if b.undoesFailed(t, failed, noHelp) {
			continue // "flipping the acquirer back": the failed try undone
		}
		if commsOnly(t) && !t.verify && !t.resolved && !recovered(t) {
			continue // "I called dispatch": people told, nothing changed
		}
		if causalChain(t.lower) {
			continue // "purge job spewing WAL -> replica 13+ min behind -> …"
		}
		if hypothesisRE.MatchString(t.lower) {
			// "07:16 | First theory: the Patroni switchover … Database checked
			// and healthy": a suspect looked at and cleared is neither a step
			// nor the recovery.
			continue
		}
		if t.section == "" && statusPageRE.MatchString(t.lower) {
			// "status page says maintenance completed 00:40, all green": what a
			// provider's page claims is a finding about their side, neither a
			// step of the responders nor the recovery of the incident's signal.
			continue
		}
		if explainsWhen(t.lower) {
			// "so when db-1 restarted for the rewind hikari lost its conns,
			// reconnected, and went straight back to the old ip": what the
			// system did, told to explain the symptom; neither a step nor a
			// recovery.
			continue
		}
		if t.taken && t.verify && !t.bot && !t.question && t.idx > onsetIdx && narrates(t) && !findingRE.MatchString(t.lower) &&
			!proposalRE.MatchString(t.lower) && !hedgeRE.MatchString(t.lower) && !notHelpedRE.MatchString(t.lower) &&
			verifyRE.MatchString(inRecoveryRE.ReplaceAllString(t.lower, "")) {
			// A report's row or paragraph that tells the change and the recovery
			// after it ("X deleted; the error rate falls to 0.4%") is the step that
			// worked, whoever its grammatical subject is, unless an action just
			// before it was already under way.
			if relapsed(t) {
				continue
			}
			if w := recentActs(acts, t.idx); len(w) > 0 {
				return w
			}
			return []int{t.idx}
		}
		if history || planned(t) {
			continue
		}
		if t.idx > onsetIdx && reportsStepAndRecovery(t) {
			// "At 15:10 we took the three servers out of the load balancer, and
			// failures stopped by 15:22": a report's paragraph tells the step
			// by its grammar and the recovery after it.
			if relapsed(t) {
				continue
			}
			if w := recentActs(acts, t.idx); len(w) > 0 {
				return w
			}
			return []int{t.idx}
		}
		if r := b.reversedRecord(t); r >= 0 && !b.madeWorse(r, t.idx) {
			continue // "replicas 48 → 24" after "replicas 24 → 48": a try undone
		}
		if commandThenRecovered(t) || announcedThenRecovered(t) || announcedThenReported(t) || t.idx > onsetIdx && changeNotice(t, people) {
			acts = append(acts, t.idx)
			continue
		}
		// "Resolved: all 63 stores syncing, backlog drained" opens with a past
		// participle like a step, but it declares the end: the recovery, not a step.
		if acting(t) || t.idx > onsetIdx && !t.resolved && shapedAction(t) {
			if t.verify && relapsed(t) {
				continue
			}
			if t.verify {
				// "Done. 2.8 GB free, evictions zero": a bare completion that
				// names nothing of the step just announced reports it, and that
				// step is the mitigation. "done, ORDER_PAGE_READ=primary
				// deployed" names its step itself.
				// A terse report of the step just announced ("rolled. busy
				// threads 200 -> 60", "Toggle off at 09:22. Sessions stable")
				// tells it done: the announcement is the mitigation.
				w := recentActs(acts, t.idx)
				if len(w) > 0 && reportsActOf(t, lc.msgs[w[len(w)-1]]) {
					return w
				}
				if len(w) > 0 && bareCompletionRE.MatchString(t.lower) {
					if _, n := termOverlap(contentTerms(lc.msgs[w[len(w)-1]].lower), contentTerms(t.lower)); n == 0 {
						return w
					}
				}
				if len(w) > 0 && b.ownRecord(lc.msgs[w[len(w)-1]], t) {
					// "subscribe-web v2026.02.10-2 → prod by tomasz: 'pin
					// paylane.js to 3.14.2'" then tomasz's "pinned build is live.
					// test card purchase went through": the tool recorded the
					// step, the message checks it.
					return w[len(w)-1:]
				}
				return []int{t.idx} // done and checked in one message
			}
			if w := recentActs(acts, t.idx); len(w) > 0 && reportsActOf(t, lc.msgs[w[len(w)-1]]) {
				continue // the report of a step already counted
			}
			acts = append(acts, t.idx)
			continue
		}
		if recovered(t) && len(acts) == 0 && !notHelpedRE.MatchString(t.lower) {
			if j := b.stepUnderWayBefore(t.idx, noHelp); j >= 0 {
				return []int{j}
			}
		}
		if recovered(t) && len(acts) > 0 && !notHelpedRE.MatchString(t.lower) {
			if relapsed(t) {
				continue
			}
			// Of the actions just before the recovery, the first stopped the bleeding
			// ("rolling back now" before "rollback done"; a kill before the revert),
			// with those taken beside it; older ones did not make things better.
			if w := b.afterSignal(recentActs(acts, t.idx), t); len(w) > 0 {
				return b.aimedAtCause(b.pastPreparations(w))
			}
			return acts[len(acts)-1:]
		}
	}
	// Nothing told which step worked: a step told as a guess is passed over for
	// a later one.
	for _, a := range acts {
		if !reflexStep(b.lc.msgs[a]) {
			return []int{a}
		}
	}
	return acts[:min(1, len(acts))]
}

// explainsWhenRE: a message that opens with the clause of an explanation whose
// subject is no person ("so when db-1 restarted …", "because the pool …"); "when
// we restarted it, errors dropped" reports a step.
var explainsWhenRE = regexp.MustCompile(`^\W*(?:(?:so|and|but|ah|oh|ok)[,.]?\s+)?(?:when|because|cause|'cause)\s+(?:the\s+)?([a-z0-9][\w.-]*)\s+(?:was\s+|got\s+|had\s+)?[a-z]+(?:ed|t)\b`)

// explainsWhen reports a message that opens with an explanation (explainsWhenRE)
// whose subject is no person (personalSubject, lkPersonSubject).
func explainsWhen(low string) bool {
	m := explainsWhenRE.FindStringSubmatch(low)
	return m != nil && !personalSubject[m[1]] && !lkPersonSubject[m[1]]
}

// failureTextRE: the words of a failure as a system returns it ("came back with
// HTTP 403 cluster_block_exception", "Forbidden"): a message quoting one tells
// the damage, whatever completion word follows ("marked the entries as synced
// anyway").
var failureTextRE = regexp.MustCompile(`\bhttp [45]\d\d\b|\w*exception\b|\bforbidden\b`)

// clauseOpensWithAction reports whether a clause after the first opens with an
// action verb in the progressive or the past: "there is a flag
// loc_ingest.zone_enrichment, flipping it to false now" tells the finding first
// and the step after the comma, whose subject is the writer, when the step is
// said to be done now or sets a value.
func clauseOpensWithAction(text string) bool {
	parts := clausePartRE.Split(text, -1)
	for _, c := range parts[min(1, len(parts)):] {
		f := strings.Fields(strings.ToLower(c))
		if len(f) == 0 || !(strings.HasSuffix(f[0], "ing") || pastVerb(f[0]) != "") {
			continue // "rollback after the show", "the flush is in the job": no verb first
		}
		if !stepTargetRE.MatchString(strings.ToLower(c)) {
			continue // "… at maxmemory, evicting sessions": the system's doing
		}
		if _, class, at := actionSentence(c); class != "" && at == 0 {
			return true
		}
	}
	return false
}

// stepTargetRE: what makes a clause a responder's step rather than a state:
// it is done now, or sets something to a value ("to false", "to 12", "to v2.3").
var stepTargetRE = regexp.MustCompile(`\bnow\b|\bto (?:false|true|off|on|zero|v?\d[\w.]*)\b`)

// clausePartRE: where a message's clauses part (a comma, semicolon or colon with
// a space after it).
var clausePartRE = regexp.MustCompile(`[,;:]\s+`)

// aimedAtCause keeps, of the steps taken just before a recovery, those taken
// after the cause was found when some came before it: a step chosen once the
// responders knew the cause ("found it … the zone-enrichment change", then
// "flipping the flag to false") is aimed at it, while one taken before ("scaling
// back to 12") belongs to the guessing that came first.
func (b *summaryBuilder) aimedAtCause(acts []int) []int {
	cf := b.lc.causeFound
	if cf < 0 || acts[0] > cf || acts[len(acts)-1] <= cf {
		return acts
	}
	for k, a := range acts {
		if a > cf {
			return acts[k:]
		}
	}
	return acts
}

// undoesFailed reports whether t puts back what a step that did not help
// (failed) had changed, naming nothing else: "flipping the acquirer back" after
// "switching to the backup acquirer to rule it out … no change", or a flag
// tool's "payments.acquirer = paylane, was: backup_acquirer". Undoing a try
// restores the state the incident began in; it stops no bleeding. A rollback
// that names what the failed try did not ("rolling checkout-api back to
// 2.30.4" after "restarting checkout-api") is a step of its own. report is the
// latest report that a try did not help (-1 when none): "19:05 | pool raised
// from 20 to 40 …; no improvement" tells the try itself.
func (b *summaryBuilder) undoesFailed(t msgTags, failed []int, report int) bool {
	if len(failed) == 0 && report < 0 || !undoRE.MatchString(t.lower) {
		return false
	}
	if report >= 0 {
		failed = append(failed[:len(failed):len(failed)], report)
	}
	// What the undoing sentence names, without its verb and "back".
	var own []string
	for _, raw := range splitSentences(t.msg.Text) {
		// A row's clock ("19:20 | Pool change reverted.") names no part of the step.
		low := datedRowLeadRE.ReplaceAllString(lowerClean(raw), "")
		if !undoRE.MatchString(low) {
			continue
		}
		words := strings.Fields(low)
		i := reportLeadLen(words)
		if n := len(words); n >= 2 && n <= 5 && undonePastRE.MatchString(strings.Join(words[n-2:], " ")) {
			// "Pool change reverted.": the undone thing is named before its verb.
			var named []string
			for _, w := range words[i : n-1] {
				if !genericChangeWord[strings.Trim(w, ",.:;!()`'\"")] {
					named = append(named, w)
				}
			}
			own = append(own, contentTerms(strings.Join(named, " "))...)
			continue
		}
		if i+1 >= len(words) {
			continue
		}
		for _, w := range contentTerms(strings.Join(words[i+1:], " ")) {
			if w != "back" {
				own = append(own, w)
			}
		}
		for _, w := range words[i+1:] {
			if w = strings.Trim(w, ",.:;!()`'\""); strings.ContainsAny(w, "0123456789") {
				own = append(own, w) // a version or value: "back to 2.30.4"
			}
		}
	}
	if len(own) == 0 {
		return false
	}
	for _, f := range failed {
		tried := map[string]bool{}
		for _, w := range contentTerms(b.lc.msgs[f].lower) {
			tried[w] = true
		}
		for _, w := range strings.Fields(b.lc.msgs[f].lower) {
			tried[strings.Trim(w, ",.:;!()`'\"")] = true
		}
		all := true
		for _, w := range own {
			all = all && tried[w]
		}
		if all {
			return true
		}
	}
	return false
}

// undonePastRE: a sentence's last words telling, noun first, that it was undone
// ("pool change reverted", "flag rolled back").
var undonePastRE = regexp.MustCompile(`(?:^|\s)(?:reverted|undone|(?:rolled|switched|flipped|set|put|changed) back)\W*$`)

// genericChangeWord: the words that name a change without naming what it
// changed ("the pool change", "that tweak").
var genericChangeWord = map[string]bool{"change": true, "changes": true, "tweak": true, "edit": true, "bump": true, "fix": true, "update": true, "increase": true, "step": true, "attempt": true}

// channelPeople is who speaks in a chat channel, by lower-case handle.
// handleOf is the name a tool's record gives the speaker of m by ("… by @marek"
// reads "marek"): lower case, without the "@".
func handleOf(m copilot.Message) string {
	return strings.ToLower(strings.TrimPrefix(speaker(m), "@"))
}

func channelPeople(lc *incidentLifecycle) map[string]bool {
	people := map[string]bool{}
	for _, t := range lc.msgs {
		if !t.bot && t.section == "" {
			people[handleOf(t.msg)] = true
		}
	}
	return people
}

// causalChain reports whether a text explains by a chain of arrows between
// clauses ("purge job spewing WAL -> replica 13+ min behind -> capacity check
// reads the replica -> overbooking"): the mechanism told, not a step. An arrow
// with a value on either side ("memory limit 512Mi -> 2Gi", "replicas 24 → 12")
// is a change of a setting.
func causalChain(low string) bool {
	links := arrowRE.Split(low, -1)
	causal := 0
	for k := 1; k < len(links); k++ {
		before, after := strings.Fields(links[k-1]), strings.Fields(links[k])
		if len(before) < 2 || len(after) < 2 {
			continue
		}
		if !strings.ContainsAny(before[len(before)-1], "0123456789") && !strings.ContainsAny(after[0], "0123456789") {
			causal++
		}
	}
	return causal >= 2
}

var arrowRE = regexp.MustCompile(`\s(?:->|→|=>)\s`)

// undoRE: words that put something back as it was.
var undoRE = regexp.MustCompile(`\bback\b|\brevert|\bundo|\bwas:`)

// relapsesAfter reports whether, after message i told a recovery and before the
// next step, a message says the symptom came back ("07:41 | Failures return, at
// the same rate as before the restart"): the step before i did not stop the
// bleeding, whatever the recovery told at first.
func (b *summaryBuilder) relapsesAfter(i, end int) bool {
	for _, u := range b.lc.msgs[i+1 : max(i+1, end)] {
		if u.question {
			continue
		}
		if relapseRE.MatchString(u.lower) || briefHelpRE.MatchString(u.lower) || saysNotHelped(u.lower) && !u.verify {
			// "restart done, all 6 pods fresh. rc55 still 11.4%. did not help":
			// the step's own report says it did not help.
			return true
		}
		if u.taken && !u.bot {
			return false // a new step: what comes next is its story
		}
	}
	return false
}

// relapseRE: the symptom named as coming back, or a measure rising again ("heap
// climbing again, 71% 15 min after the restart", "and it's back. 503s again").
var relapseRE = regexp.MustCompile(`\b(?:climbing|climbed|growing|grew|rising|rose|spiking|spiked|filling|filled|creeping|crept|leaking|failing|crashing|erroring|dying|flapping|timing out) (?:up )?again\b|(?:\b(?:failures?|errors?|timeouts?|declines?|[45]xx|problems?|issues?|symptoms?|crash\w*|drops?|disconnects?|alerts?|alarms?)\b|(?:^|[\s(])[45]\d\ds?(?:\s|$))[^.;!?]{0,30}?\b(?:return(?:s|ed|ing)?|(?:are|is|came|come|coming) back|reappear\w*|start(?:s|ed)? again)\b|^\W*(?:(?:and|aaand|annnd|nope|ugh)[,.]?\s+)?(?:it'?s|its|it is|they'?re|theyre) back\b\s*(?:[.;!,]|$)|(?:^|[.!;]\s+)(?:[45]xx|[45]\d\ds?|errors?|failures?|timeouts?)\s+again\b`)

// reflexStep reports whether a step is told as a guess or a first try ("just in
// case", "thinking a job was stuck", "we first restarted"): when the channel goes
// on to another step and nothing says which one worked, the later step is the
// likelier mitigation. (Passing over every restart and scale-up this way lost
// more on dev3, where the restart was the fix, than it won on dev21.)
func reflexStep(t msgTags) bool {
	return reflexGuessRE.MatchString(t.lower)
}

// reflexGuessRE: a step told as a guess or a first try.
var reflexGuessRE = regexp.MustCompile(`\bjust in case\b|\bto be safe\b|\bthinking (?:it|that|a|the)\b|\bwe first\b|\bfirst (?:we |i )?(?:tried|restarted)\b|\bin case it helps\b|\bworth a try\b`)

// failedAttemptRE: a report that the symptom outlived the step just told ("errors
// continue after the restart", "the rate remains at 30%", "evicted again", "prices
// stay wrong").
// The symptom must be named: "we continue to monitor" is no failure.
var failedAttemptRE = regexp.MustCompile(`\bstay(s|ed)? (at )?(zero|0|empty|flat|missing)\b|\b(errors?|failures?|timeouts?|symptoms?|problem|issue|crash\w*|alerts?|evictions?|5xx|50\ds?|latency|rate|lag|backlog|usage|disk)\b[^.;!?]{0,40}\b(continu(e|es|ed|ing)|remain(s|ed)?|stay(s|ed)?\W*$|persist(s|ed|ing)?|unchanged)\b|\b\w+ed again\b|\b(kept|keeps) (?:on )?(?:crash|fail|restart|dy|die|tim|error|drop|grow|climb|ris|flap|loop|retry|retri|rebalanc|evict|kill|throw|pil|spik|reject|bounc|disconnect|hang|stall|fill|lagg|los|block|timeout|oom)\w*ing\b|\bstay(s|ed)? (wrong|broken|down|high|full|elevated|degraded|bad)\b|\b(crash|fail|die|dying|hang|break|oom|restart|error|time out|timing out)\w* (too|as well|anyway|regardless|all the same)\b`)

// symptomReportRE: a row telling that someone reported what they saw ("Warehouse
// reports no new picking lists", "a customer complains").
// A date may come before the clock ("2026-09-15 14:10 | Adjusters report …").
// So does a row that opens with the first of the signals ("02:14 | First
// photographer email: …", "10:12 First errors in the upload service").
var symptomReportRE = regexp.MustCompile(`^\W*(?:\d{4}-\d{2}-\d{2}[ t]+)?\d{1,2}:\d{2}\W+(?:[\w .'-]{1,40}? (reports?|complains?|notices?)\b|first\b[\w .'-]{0,40}?\b(?:emails?|calls?|tickets?|complaints?|reports?|pages?|alerts?|errors?|failures?|timeouts?)\b)`)

// fieldRowRE: a report's row of two cells, a short name and its value ("Status |
// Review complete", "Severity | SEV2"): a field of the report's header, not a
// step nor a row of its timeline.
var fieldRowRE = regexp.MustCompile(`^\W*[a-z][a-z ]{0,30}\|[^|]*$`)

// headerFieldRE: a field of a report's header line ("Date: 2025-09-09 · Severity:
// SEV-2 · Status: complete").
var headerFieldRE = regexp.MustCompile(`(?:^|[·|;,•]\s*)(?:date|severity|sev|author|authors|status|owner|team|incident|duration|priority|reviewers?|prepared by|written by|detected|impact level)\s*:`)

// headerLine reports whether a text holds two header fields or more: the
// report's metadata, where "Status: complete" tells the review done, no step.
func headerLine(low string) bool {
	return len(headerFieldRE.FindAllStringIndex(low, 3)) >= 2
}

// headerFields reports whether a message is a report's header fields run
// together ("Review ID: LR-2026-017 Date of incident: Wednesday 12 August 2026
// Severity: SEV1 Status: Complete, actions in progress"): it opens with a label,
// holds three or more, and no value ends a sentence. headerLine knows the usual
// field names; this reads the shape, whatever the labels and values say. A
// labelled report's parts ("Root cause: … . Mitigation: …") are sentences.
func headerFields(text string) bool {
	locs := fieldLabelRE.FindAllStringIndex(text, -1)
	if len(locs) < 3 || locs[0][0] > 2 {
		return false
	}
	return !fullStopRE.MatchString(text)
}

// fieldLabelRE: a short capitalised label and its colon ("Date of incident:").
var fieldLabelRE = regexp.MustCompile(`(?:^|\s)\**[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}:\**\s`)

// fullStopRE: a full stop ending a sentence inside a text.
var fullStopRE = regexp.MustCompile(`[a-z]\.\s+[A-Z]`)

// fieldRow reports whether a report's message is a field of its header.
func fieldRow(t msgTags) bool {
	return t.msg.Kind == copilot.KindSection && !timelineRow(t) && fieldRowRE.MatchString(t.lower)
}

// afterSymptomRow reports whether t is a timeline row that comes after a row of
// the same timeline reporting a symptom or alert: rows before it tell the change
// that triggered the incident, rows after it what the responders did.
func (b *summaryBuilder) afterSymptomRow(t msgTags) bool {
	if !timelineRow(t) {
		return false
	}
	for i := t.idx - 1; i >= 0; i-- {
		u := b.lc.msgs[i]
		if u.section != t.section {
			return false
		}
		if u.detection && !u.taken || symptomReportRE.MatchString(u.lower) {
			return true
		}
	}
	return false
}

// labelsMitigation reports whether one of text's sentences is labelled the
// mitigation ("… found the message. Mitigation: the message was moved …"): a
// report's paragraph often carries its labels inline, not at its start.
func labelsMitigation(text string) bool {
	for _, raw := range splitSentences(text) {
		if labelIs(raw, "mitigation") {
			return true
		}
	}
	return false
}

// inRecoveryRE: a state ("the database is in recovery"), not a recovery seen.
var inRecoveryRE = regexp.MustCompile(`\bin recovery\b`)

// failedAttempt reports whether a message tells an action taken together with the
// symptom staying: an attempt that did not help.
func failedAttempt(t msgTags) bool {
	if !(len(t.actions) > 0 || timelineAction(t)) {
		return false
	}
	// "restarted 3/3 workers, all healthy. re-triggered 12, 14, 19 — still 0
	// routes", "purge done. better for maybe one minute, now 404s coming back":
	// the symptom told after the step's own check outlives it.
	if stillFailingRE.MatchString(t.lower) || relapseRE.MatchString(t.lower) {
		return true
	}
	return !t.verify && failedAttemptRE.MatchString(t.lower)
}

// stillFailingRE: the symptom still there, said with "still" and a nothing or a
// failing state ("still 0 routes", "still no data", "still failing", "Uploads
// still time out.").
var stillFailingRE = regexp.MustCompile(`\bstill (?:0|zero|no|nothing|none|not|failing|fails?|broken|down|empty|missing|stuck|the same|same error|erroring|timing out|times? out|hangs?|hanging|rejected|declined|coming(?: in)?|happening)\b|\bstill (?:~|at |on |getting |seeing |returning )?(?:[45]\d\d|[45]xx)s?\b|(?:^|[.;,]\s*)(?:so |ok,? )?(?:it'?s |it was |that'?s |that was )?not the (?:build|deploy\w*|release|rollout|version|change|cause|culprit)\b`)

// citeSentences records chosen sentences and joins them into a field.
func (b *summaryBuilder) citeSentences(ss []scoredSentence) string {
	out := ""
	for _, s := range ss {
		if s.text == "" || b.used[s.text] {
			continue
		}
		b.used[s.text] = true
		b.cites = append(b.cites, copilot.Citation{Text: s.text, SourceTS: []string{b.lc.msgs[s.idx].msg.TS}})
		out = joinSentences(out, s.text)
	}
	return out
}

// calendarDayPattern: a weekday, a month or a day of the month said with an event
// ("on tuesday", "in june", "on the 26th"); whenRE and pastDateRE share it.
const calendarDayPattern = `\b(on|since|last) (mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(in|on|since|early|mid|late) (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\bon the \d{1,2}(st|nd|rd|th)\b`

// minImpactReportScore: the opening report must measure or name something (a
// count, a share, a time, the people hit or a harm) to stand for the impact.
const minImpactReportScore = 1

// firstReport returns the index of the message a person opened a chat channel
// with, when it reports rather than asks or acts; -1 for a report (whose parts
// are sections) or when the first person's message is a question or a step.
func firstReport(lc *incidentLifecycle) int {
	for _, t := range lc.msgs {
		if t.section != "" {
			return -1
		}
		if t.bot {
			continue
		}
		if t.question || t.taken || len(t.actions) > 0 {
			return -1
		}
		return t.idx
	}
	return -1
}

// recapLeadRE: a message that opens as a recap, with a colon ("summary:", "so:",
// "tl;dr:", "recap for the doc:", "for the record:").
var recapLeadRE = regexp.MustCompile(`^\W*(?:ok(?:ay)?\W+)?(?:summary|recap|tl;?dr|so|in short|to sum up|short version|bottom line|for the record)\b[^:.!?]{0,40}:`)

// recapCauseBonus gives a causal recap back what its place after the fix took: the
// finding bonus (+1) and the wrap-up penalty (0.75).
const recapCauseBonus = 1.75

// pastPreparations drops the steps at the head of acts that only obtained what a
// later step put in place ("signed cert downloaded. openssl verify … OK" before
// "replaced secret castell-mtls-client in prod with the new key+cert, restarting
// connector"): getting the artefact changes nothing the users see, installing it
// does. The last step is kept whatever it is.
func (b *summaryBuilder) pastPreparations(acts []int) []int {
	for len(acts) > 1 && obtainsOnly(b.lc.msgs[acts[0]].lower) {
		acts = acts[1:]
	}
	return acts
}

// obtainsOnly reports a message whose first sentence reports getting something
// (downloaded, received, fetched, obtained, approved) and no change to a system.
func obtainsOnly(low string) bool {
	sents := splitSentences(low)
	if len(sents) == 0 {
		return false
	}
	first := sents[0]
	return obtainedRE.MatchString(first) && !changeVerbRE.MatchString(first) && !mitigationActRE.MatchString(first)
}

// obtainedRE: the verbs of getting an artefact rather than changing a system.
var obtainedRE = regexp.MustCompile(`\b(?:download|receiv|fetch|obtain|approv)(?:ed|ing)\b|\bgot (?:the|a|an|it|them)\b`)

// statusPageRE: a message that opens by telling what a status page or a
// provider's notice says ("status page says …", "their status page: all green",
// "the vendor's notice says …").
var statusPageRE = regexp.MustCompile(`^\W*(?:(?:ok|so|and|but|fwiw|btw)[,.]?\s+)?(?:the\s+|their\s+|[\w-]+'s\s+|[\w-]+\s+)?(?:status ?page|status site|maintenance (?:notice|page)|service health (?:page|dashboard))\b\s*(?::|says|said|shows|showed|reports|reported|is|was|lists|all)\b?`)

// reversedRecord returns the earlier record in the channel of a change that
// tool's record t sets back: the same two values either side of its arrow,
// swapped ("CNAME media-storage-ingest… -> edge-up…" after "CNAME edge-up… ->
// media-storage-ingest…"), or -1. Undoing a try restores the state the
// incident began in; it stops no bleeding.
func (b *summaryBuilder) reversedRecord(t msgTags) int {
	if !t.bot {
		return -1
	}
	m := recordArrowRE.FindStringSubmatch(t.lower)
	if m == nil {
		return -1
	}
	for j := t.idx - 1; j >= 0; j-- {
		u := b.lc.msgs[j]
		if !u.bot {
			continue
		}
		if n := recordArrowRE.FindStringSubmatch(u.lower); n != nil && n[1] == m[2] && n[2] == m[1] {
			return j
		}
	}
	return -1
}

// madeWorse reports whether a person said, between messages from and to, that a
// step made things worse ("uh. so more pods = more connections. I just made it
// worse"): undoing that step is then part of stopping the bleeding, unlike
// undoing a try that changed nothing.
func (b *summaryBuilder) madeWorse(from, to int) bool {
	for _, u := range b.lc.msgs[from+1 : to] {
		if !u.bot && madeWorseRE.MatchString(u.lower) {
			return true
		}
	}
	return false
}

// madeWorseRE: a step said to have made things worse.
var madeWorseRE = regexp.MustCompile(madeWorse + `|\bmaking (?:it|things) worse\b`)

// recordArrowRE: a value changed from one thing to another in a tool's record
// ("edge-up.fastlane-cdn.net -> media-storage-ingest.lb…", "6 → 3").
var recordArrowRE = regexp.MustCompile(`(\S+)\s*(?:->|→)\s*(\S+)`)

// ownRecord reports whether r is a tool's record, at most two messages before
// t, of a change made by t's speaker.
func (b *summaryBuilder) ownRecord(r, t msgTags) bool {
	if !r.bot || t.bot || t.idx-r.idx > 2 || t.idx <= r.idx {
		return false
	}
	m := changeByRE.FindStringSubmatch(r.lower)
	return m != nil && m[1] == handleOf(t.msg)
}

// hypothesisRE: a message or timeline row that opens by naming a theory ("07:16 |
// First theory: the Patroni switchover …", "first guess: bureau latency").
var hypothesisRE = regexp.MustCompile(`^[\s\d:|–—-]*(?:(?:our|the|my)\s+)?(?:first|initial|wrong|early|working|1st)\s+(?:theory|guess|hypothesis|suspicion|suspect)\s*:`)
