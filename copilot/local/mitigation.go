package local

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// What mitigationIndex reads besides the action classes. A busy channel tells
// several actions before the one that stopped the bleeding: attempts that did not
// help (a restart, a scale-up, a purge, the rollback of an innocent deploy), the
// change that triggered the incident told as history ("we rotated the cert this
// morning 08:30"), and after the recovery the permanent fix. Three readings keep
// them apart: the report that follows an attempt says the symptom stayed; an
// action told with a time before the first alert is the trigger; and the responders'
// own reports of what they did are read by their grammar, not only by the verbs
// of the common mitigations.

// noHelpRE: the symptom stayed after an action: it did not change ("rollback
// done but latency same"), it got worse, it came back, it is still there ("not
// the waf", "holds do not clear", a reply opening "still coming in"), or the step took effect "but" what it was to
// save is dead already ("segments deleting. but brokers already died"). The
// existing notHelpedRE is one source; these are the other ways a report says so.
// A relapse counts too: "worked for a few minutes then went back to unavailable".
// So does a reply that opens "nope." ("nope. evicted, new conns, still .21").
var noHelpRE = regexp.MustCompile(`^\W*(?:nope|nah)\b|\b(?:went|goes|go|fell|falls|dropped|were|was) back (?:to |into )?(?:being )?(?:unavailable|down|offline|failing|broken|erroring|errors|red|stuck|the same)\b|^\W*still (coming|happening|arriving|piling up)\b|\bno (better|diff|use|joy)\b|\bnot seeing (any |an? )?(improvement|change|difference|effect|recovery)\b|\bnothing (has )?changed\b|\bdid(n'?t| not)? nothing\b|^\W*worse\b|\b(made (it|things)|got|getting|even|slightly|much|now|is|it'?s|its|things) worse\b|\b(alarms?|alerts?|errors?|fail(s|ed|ures?)?|crash(es|ed)?|firing|rejects?|rejected|bounced?|timeouts?|drop(s|ped|ping)?|disconnect(s|ed|ing)?|logouts?|flap(s|ped|ping)?) (\w+ )?(again|the same)\b|\bsame (err|error|errors|result|rate|failure|status)\b|\b(latency|errors?|error rate|5xx|timeouts?|lag|p\d\d|failures?|backlog|ratio|\d{3} ratio|\d{3} rate)( is| are| stays?| stayed| still| looks?)? (the )?same\b|\beven more (\d{3}s?\b|[45]xx|errors?|failures?|timeouts?)|\b(was|is|that'?s) a bad idea\b|\b(it'?s|its|that'?s|it was|that was) not (it|that|the (cause|issue|problem))\b|\bwas(n'?t| not) it\b|\bbut\b[^.;!?]{0,40}\b(already |still |again )?(died|dead|down|stuck|crash(ed|ing)|broken)\b|\bnot (a |an |the )?[\w-]+( thing)?, (it'?s|its|that'?s) \w+|[.;!]\s+not the [\w-]+\W*$|\b(do|does|did)(n'?t| not) (clear|drop|recover|improve|go away|come back|drain|resolve|stop)\b`)

// strongNoHelpRE: a report that what was done did not help, which no recovery word
// beside it undoes ("scaled and success rate went DOWN. 48 pods all up and
// healthy"): a measure unchanged, errors up, a good measure down, a step that
// does nothing or made things worse (whatever else the paragraph found healthy),
// or one said not to change anything ("pods were healthy … a restart won't change
// anything").
var strongNoHelpRE = regexp.MustCompile(`\b(?:won'?t|will not|wouldn'?t|would not|doesn'?t|does not|didn'?t|did not) (?:change|help|fix|do) (?:anything|a thing|much|squat)\b|` + madeWorse + `|\b(latency|errors?|error rate|[45]xx|[45]\d\ds|timeouts?|lag|p\d\d|failures?|backlog|queue|ratio|\d{3} ratio|\d{3} rate)( \w+)? unchanged\b|\b(errors?|[45]xx|[45]\d\ds|latency|failures?|timeouts?|lag|backlog|queue)\s+(went|go|goes|going|are going|is going|shot|jumped)\s+up\b|\b(does|do|did|changes|change|changed|helps|help|helped) nothing\b|\b(alone |by itself )?(is|was) pointless\b|\b(success rate|throughput|hit rate|availability|success)\b[^.;!?]{0,20}\b(went|goes|going|dropped|fell) down\b|\b(errors?|error (?:rate|ratio)|[45]xx|[45]\d\ds|latency|failures?|timeouts?|lag|backlog|queue|p\d\d)\s+(?:stays?|stayed|remains?|remained)\s+(?:above|over|high|elevated|flat)\b`)

// madeWorse: a step said to have made things worse ("I just made it worse").
const madeWorse = `\bmade (?:it|things|this|that|everything|matters) (?:\w+ )?worse\b`

// stillRE: "still" before the symptom ("still ~8% handshake fail", "still 403 for
// some", "backlog still grows", "still servfail", "still logouts."): a number, a
// state that is bad, a failure, or a word that ends the clause; not a process ("still investigating",
// "still waiting for the vendor").
var stillRE = regexp.MustCompile(`\bstill (~|≈|at |around )?\d|\bstill (the same|there|happening|growing|grows|climbing|climbs|rising|rises|increasing|firing|failing|erroring|broken|down|high|elevated|bad|slow|stuck|full|blocked|crashing|timing out|rejecting|bouncing|evicting|seeing|getting|sending|spamming|duplicating|returning|serving|throwing|dropping|looping|disappear\w*|vanish\w*|missing|empty|gone|lost|losing|offline|unreachable|unavailable|red|flapping|flaky|disconnecting)\b|\bstill [a-z]*(fail|err)\w*|\bstill not (?:in|on|there|showing|visible|searchable|loading|arriving|delivered|received|back|up|reachable|synced|syncing|processed|indexed|updated|listed|found)\b|\bstill (?P<word>[a-z0-9-]+)(\W*$|[.,;:!])`)

// errorCodeRE: an error written as a code ("still NXDOMAIN from every pod").
var errorCodeRE = regexp.MustCompile(`\b[Ss]till [A-Z][A-Z0-9_]{2,}\b`)

// stillFine: the words after "still" that tell a state that is good ("login
// still works.") or where the responders are ("still early.", "cause still
// unknown."), not the symptom.
var stillFine = map[string]bool{"works": true, "working": true, "fine": true, "ok": true, "okay": true, "good": true,
	"green": true, "healthy": true, "up": true, "running": true, "stable": true, "normal": true, "holding": true, "on": true, "open": true,
	"early": true, "unclear": true, "unknown": true}

// stillSymptom reports a "still" before the symptom (stillRE, errorCodeRE) that
// is not one of the good states.
func stillSymptom(t msgTags) bool {
	if errorCodeRE.MatchString(t.msg.Text) {
		return true
	}
	for _, m := range stillRE.FindAllStringSubmatch(t.lower, -1) {
		// A process at the clause's end ("still investigating.") is the
		// responders' doing; the symptoms in -ing are stillRE's own words.
		if w := m[stillRE.SubexpIndex("word")]; w == "" || !stillFine[w] && !strings.HasSuffix(w, "ing") {
			return true
		}
	}
	return false
}

// improvedRE: a report that tells things got better, even if not well yet
// ("evictions slower but still 800/s").
var improvedRE = regexp.MustCompile(`\b(?:shows? up|showing up|appears?|works?|loads?|goes through|go through|comes? through|is there|are there|arriv(?:es|ing)) now\b[^.!?]*\bbut\b|\b(slower|fewer|less|lower|better|improv\w*|dropping|falling|decreas\w*|recover\w*|draining|partly|partially|helped|helping)\b`)

// reportsNoHelp reports whether a person's message says that the symptom stayed
// after what was done: the attempt just told did not stop the bleeding.
func reportsNoHelp(t msgTags) bool {
	if t.bot {
		return false
	}
	if briefHelpRE.MatchString(t.lower) || strongNoHelpRE.MatchString(t.lower) {
		return true // "restart helped for ~3 min, errors back above 20%"
	}
	if t.verify {
		return false
	}
	if noHelpRE.MatchString(t.lower) || saysNotHelped(t.lower) || failedResultRE.MatchString(t.lower) {
		return true // "scale up didnt help, … doubled??" asks about what it saw
	}
	// "Resolvers that cached the NXDOMAIN still fail until the negative TTL
	// expires": the symptom stays only until the step takes effect.
	return !t.question && stillSymptom(t) && !improvedRE.MatchString(t.lower) && !proposalRE.MatchString(t.lower) && !untilRE.MatchString(t.lower)
}

// failedResultRE: a step written with its result after an arrow, the result a
// failure ("resent the envelope webhook -> 'delivery failed'", "retried => connection refused").
var failedResultRE = regexp.MustCompile(`(?:->|→|=>)\s*['"\x60]?(?:[a-z]+ )?(?:fail(?:ed|s|ure)?|errors?|error(?:ed)?|denied|refused|rejected|timed? ?out|timeout)\b`)

// saysNotHelped reports a text that says a step did not help (notHelpedRE),
// leaving out the "same" that does not mean unchanged: a question whether
// something else has the same problem ("do JFK crews have same problem?", "ill
// check if account-web loads the same thing") asks about the scope, and two means
// compared ("the 2h timeout does the same thing without a cron") weigh an idea.
func saysNotHelped(low string) bool {
	return notHelpedRE.MatchString(sameNotUnchangedRE.ReplaceAllString(low, ""))
}

// sameNotUnchangedRE: see saysNotHelped.
var sameNotUnchangedRE = regexp.MustCompile(`\b(?:check|see|look|find out|confirm|verify)\w*\s+(?:if|whether)\b[^.!?]*\bsame (?:errors?|thing|problem|story|picture|result)\b|\bsame (?:errors?|thing|problem|story|picture|result)\b[^.!?]*\?|\b(?:does|do|did|would|will|can|could) (?:exactly |basically )?the same (?:thing|job)\b`)

// briefHelpRE: a step that helped only for a while, or a measure back above
// where it was: the symptom returned, whatever recovery words come first.
var briefHelpRE = regexp.MustCompile(`\bhelped (only )?for (~|about |around |a few |a |an |\d)|\bbought (us )?(only )?(~|about |around )?\d+ ?(s|secs?|seconds|m|mins?|minutes)\b|\bnot a fix\b|\b(errors?|5xx|latency|lag|failures?|timeouts?|rate|p\d\d|evictions?|drops?|backlog) (are |is )?back (above|over|up to|up at|at) \d`)

// untilRE: a symptom bounded by what ends it.
var untilRE = regexp.MustCompile(`\buntil\b`)

// toldBeforeRE: an action dated before the incident ("yesterday", "overnight",
// "9 days ago", "on tuesday"): history, which may be the trigger.
var toldBeforeRE = regexp.MustCompile(`\b\d+ (days?|weeks?|months?) ago\b|\b(this morning|overnight)\b|` + pastDateRE.String())

// toldBefore reports whether a message dates what it tells before the incident:
// a day before it, or a clock time up to three hours before the first signal
// (onset, minute of the day; -1 unknown). A response to an alert cannot come
// before the alert; a change told with such a time is the trigger.
func toldBefore(low string, onset int) bool {
	if toldBeforeRE.MatchString(low) {
		return true
	}
	if onset < 0 {
		return false
	}
	for _, loc := range clockRE.FindAllStringSubmatchIndex(low, -1) {
		if strings.HasSuffix(low[:loc[0]], "the ") && !clockRangeRE.MatchString(low[loc[1]:]) {
			// "rolled back the 13:20 deploy": the time names the object. "in
			// the 04:00-06:00 window" names the period it happened in.
			continue
		}
		h, _ := strconv.Atoi(low[loc[2]:loc[3]])
		mi, _ := strconv.Atoi(low[loc[4]:loc[5]])
		d := onset - (h*60 + mi)
		if d < -12*60 {
			d += 24 * 60 // a change before midnight, the signal after it
		}
		// A minute's slack: a time said is rounded, the signal's is not
		// ("i deployed it at 18:58" of the deploy posted at 18:57:50).
		if d >= -1 && d <= 3*60 {
			return true
		}
	}
	return false
}

// clockRangeRE: the rest of a range after its first clock time ("-06:00").
var clockRangeRE = regexp.MustCompile(`^\s*(?:-|–|to)\s*\d{1,2}:\d\d`)

// onsetMinute is the minute of the day of the first signal, -1 when unknown.
func (lc *incidentLifecycle) onsetMinute() int {
	if lc.firstSignal < 0 || lc.firstSignal >= len(lc.msgs) {
		return -1
	}
	tm := lc.msgs[lc.firstSignal].msg.Time()
	if tm.IsZero() {
		return -1
	}
	return tm.Hour()*60 + tm.Minute()
}

// shapedAction reports whether a person's message opens, subject dropped, with an
// action of their own in the clause shape of a report ("reactivated the previous
// signing cert in okta", "recreated the alias record by hand") or of an
// announcement ("switching the whole ruleset back to log-only"): the verbs no
// action class names still tell an action when the grammar does.
func shapedAction(t msgTags) bool {
	if t.bot || t.question || t.section != "" || hasSecret(t.msg.Text) {
		return false
	}
	for _, raw := range splitSentences(t.msg.Text) {
		low := lowerClean(raw)
		if untaken(low) || secretReactionRE.MatchString(low) || ackSentenceRE.MatchString(low) {
			// "doing. setting hsm-03 weight 0 …": an answer opens the message,
			// the step follows it.
			continue
		}
		// The action opens the sentence: in "upstream says …, we saturated the
		// link" the clause with a verb tells the cause. "ran dig … a few times",
		// "inspected the pool": looking is no action.
		first := clauseSplitRE.Split(cleanText(raw), 2)[0]
		if verb, _ := openingReport(first); verb != "" && !diagnosticVerb(verb) && !toolRE.MatchString(strings.ToLower(raw)) {
			if step, _, _ := reportedAction(raw); len(contentTerms(step)) >= 2 {
				return true
			}
		}
		if announcedAction(low) || presentStep(low) || passiveStep(low) || formStep(low, raw) {
			return true
		}
		break // the action opens the message
	}
	// "Alias points to v4, confirmed. Deleting submissions-v3.": a check, then
	// a step announced in the progressive as a sentence of its own. "NO. 2,000
	// messages in there … I move only the one bad msg to the hold queue": the
	// speaker's own step in the present, after the reasons for it.
	for k, raw := range splitSentences(t.msg.Text) {
		if low := lowerClean(raw); k > 0 && !untaken(low) && (announcedAction(low) || presentStep(low)) {
			return true
		}
	}
	return false
}

// ackSentenceRE: a sentence that only answers a call for a step, taking it on or
// turning an alternative down ("doing.", "done.", "on it", "received.", "NO."):
// the step comes after it. An acknowledgement of an alert ("ack.") is followed
// by what the speaker sees, not by a step.
var ackSentenceRE = regexp.MustCompile(`^\W*(?:doing(?: it| that)?|done|no|nope|on it|will do|received|got it|ok|okay|sure|yes|yep|yeah)\W*$`)

// diagnosticVerb reports whether a verb (base form) reads a diagnostic.
func diagnosticVerb(v string) bool {
	return diagnosticRE.MatchString(v) || diagnosticRE.MatchString(v+"ed") || diagnosticRE.MatchString(v+"ing")
}

// announcedAction reads "switching the whole ruleset back to log-only", "purging
// / and /index": a known action verb in the progressive, subject dropped, with an
// object. Only verbs imperative knows are read, so "looking into it" and "seeing
// 5xx" stay what they are.
func announcedAction(low string) bool {
	words := strings.Fields(clockLeadRE.ReplaceAllString(low, ""))
	i := reportLeadLen(words)
	if i >= len(words)-1 {
		return false
	}
	w := strings.Trim(words[i], ",.:;!")
	if !strings.HasSuffix(w, "ing") || baseVerb[w] == "" || diagnosticRE.MatchString(w) {
		return false
	}
	// "changing the node type is a 30 min modify": the gerund is the subject of
	// a sentence about the option, not an action under way.
	if gerundSubject(words[i+1:]) {
		return false
	}
	obj := strings.Trim(words[i+1], ",.:;!`\"'()")
	if particles[obj] && i+2 < len(words) {
		obj = strings.Trim(words[i+2], ",.:;!`\"'()")
	}
	return obj != "" && !objectlessRE.MatchString(obj) && !(pronouns[obj] && i+2 >= len(words))
}

// gerundSubjectVerbs: the verbs whose subject a gerund phrase is when it names
// an option ("restarting it would drop sessions", "changing X takes 30 min").
var gerundSubjectVerbs = map[string]bool{"is": true, "was": true, "would": true, "will": true, "takes": true, "took": true,
	"could": true, "might": true, "means": true, "won't": true, "wont": true, "isn't": true, "isnt": true, "costs": true}

// recovered reports whether a person's message tells the symptom receding: in
// the words of a check (verifyRE) or of a recovery under way ("payouts-worker
// going again"), or by a measure that fell ("backlog 61k -> 40k") in a clause
// that is not itself an action ("scaled 10 -> 6" sets a value).
func recovered(t msgTags) bool {
	if t.bot && alertClearedRE.MatchString(t.lower) {
		return true
	}
	if t.bot || t.question || ruledOutRE.MatchString(t.lower) {
		return false
	}
	if t.verify || recoveryRE.MatchString(t.lower) || stoppedSignal(t.lower) {
		return true
	}
	for _, c := range clauseSplitRE.Split(t.lower, -1) {
		if !opensWithVerb(c) && falling(c) {
			return true
		}
	}
	return false
}

// ruledOutRE: a finding that rules a suspect out ("Postgres for accounts looks
// normal, 40% of pool, no locks. So DB I think is not it"): the part that looks
// healthy is not the one whose symptom the incident is about.
var ruledOutRE = regexp.MustCompile(`\b(?:is|'s|was) not it\b|\b(?:isn'?t|wasn'?t|not) (?:it|the (?:cause|culprit|problem|issue))\s*(?:[.!,;]|$)|\brul(?:e|es|ed|ing) (?:it |that |this |\w+ )?out\b`)

// alertClearedRE: a monitor's message that its alert cleared ("[RESOLVED]
// #48213 iap-gateway purchase_verify_success_rate < 90%").
// Grafana and others open the recovery with "[OK]".
var alertClearedRE = regexp.MustCompile(`^\W*(?:resolved|recovered|cleared|ok)\b`)

// changeByRE: the person a tool names as the doer of a change it records
// ("… deployed to prod by @marek", "flag … turned OFF in production by ines").
var changeByRE = regexp.MustCompile(`\bby @?([a-z][\w.-]*[a-z0-9])`)

// changeVerbRE: the verbs with which deploy, flag and config tools record a
// change to a running system. An arrow ("v2.1 → prod", "6 -> 3") stands between
// spaces, where no word boundary is, so it is matched on its own.
var changeVerbRE = regexp.MustCompile(`\b(?:(?:flag|config|setting|env) change|deploy(?:ed|ment)?|rolled out|rollout|rolled back|rollback|reverted|changed|turned (?:on|off)|toggled|enabled|disabled|activated|applied|restarted|restart|scaled|paused|resumed|purged?|flushed|promoted|published|set to)|→|->`)

// changeNotice reports whether a tool's message records a change made by one
// of the people in the channel: ChatOps bots post every deploy, flag flip and
// config push with its doer ("gameserver eu-central-1: rollout 7.3.2 → 7.3.1
// started by dex"). Such a record says the step was taken, as a person's
// report does. A tracker's record of a ticket ("created OPS-1 … by ana") or an
// alert is no change.
func changeNotice(t msgTags, people map[string]bool) bool {
	if !t.bot || t.question || alertBotRE.MatchString(t.lower) || ticketBotRE.MatchString(t.lower) {
		return false
	}
	m := changeByRE.FindStringSubmatch(t.lower)
	return m != nil && people[m[1]] && changeVerbRE.MatchString(t.lower)
}

// ticketBotRE: a tracker's or status page's record, not a change to a system.
var ticketBotRE = regexp.MustCompile(`^\W*(?:created|updated|commented|assigned|incident|status)\b|\b(?:severity|priority|sev|status|freeze)\b`)

// alertBotRE: a monitor's message, opened by the state of its alert.
var alertBotRE = regexp.MustCompile(`^\W*(?:triggered|firing|alerting|alarm|problem|p[1-5]|warn\w*|crit\w*|escalated|acknowledged|resolved|recovered|ok)\b`)

// noMoreRE: the signal said to have stopped: "no more 429s", "no new 5xx", "no
// new charges since 18:23".
var noMoreRE = regexp.MustCompile(`\bno (?:more |new )+(\d{3}s?|[45]xx)\b|\bno (?:more |new )+(?:[\w/-]+ ){1,3}since \d{1,2}:\d\d\b`)

// stoppedSignal reports whether a person's message says the signal stopped in
// words a check does not use: a status code that no longer comes.
func stoppedSignal(low string) bool {
	return noMoreRE.MatchString(low)
}

// afterSignal keeps, of the steps acts before the recovery t, those told after
// the signal t says stopped was first reported ("no more 429s": the 429s first
// told after the dunning job was paused): a step older than the symptom it
// measures did not stop it. The first message sharing a content term with the
// recovery marks the signal. acts is returned as it is when no step would be left.
func (b *summaryBuilder) afterSignal(acts []int, t msgTags) []int {
	if len(acts) == 0 {
		return acts
	}
	terms := map[string]bool{}
	for _, w := range contentTerms(t.lower) {
		terms[text.Stem(w)] = true
	}
	signal := -1
	for _, u := range b.lc.msgs[:acts[len(acts)-1]] {
		for _, w := range contentTerms(u.lower) {
			if terms[text.Stem(w)] {
				signal = u.idx
				break
			}
		}
		if signal >= 0 {
			break
		}
	}
	for k, a := range acts {
		if a > signal {
			return acts[k:]
		}
	}
	return acts
}

// opensWithVerb reports whether a clause opens, after the words a report leads
// with, with a verb: a past tense or a form imperative knows.
func opensWithVerb(c string) bool {
	for _, w := range strings.Fields(c) {
		if w = strings.Trim(w, ",.:;!`\"'()"); w == "" || reportLeadSkip(w) {
			continue
		}
		return pastVerb(w) != "" || baseVerb[w] != ""
	}
	return false
}

// fallingRE: a measure going from one value to another ("61k -> 40k", "from
// 31% to 1.5%").
var fallingRE = regexp.MustCompile(`(\d[\d,.]*\s?[a-z%/]*)\s?(?:->|→|=>)\s?(\d[\d,.]*\s?[a-z%/]*)|\bfrom (\d[\d,.]*\s?[a-z%/]*) to (\d[\d,.]*\s?[a-z%/]*)`)

// higherBetterRE: measures that fall when things get worse.
var higherBetterRE = regexp.MustCompile(`\b(success|crash-free|availability|uptime|throughput|hit ratio|hit rate|apdex|free)\b`)

// falling reports a measure in c that fell by a tenth or more, its two values in
// the same unit.
func falling(c string) bool {
	if higherBetterRE.MatchString(c) {
		return false
	}
	for _, m := range fallingRE.FindAllStringSubmatch(c, -1) {
		a, b := m[1], m[2]
		if a == "" {
			a, b = m[3], m[4]
		}
		x, ux, ok1 := quantity(a)
		y, uy, ok2 := quantity(b)
		if ok1 && ok2 && sameUnit(ux, uy) && y <= 0.9*x {
			return true
		}
	}
	return false
}

// sameUnit reports whether two quantities' units agree. A word of four letters or
// more read after one number only ("from 22 to 4 within three minutes") is the
// sentence going on, not a unit.
func sameUnit(a, b string) bool {
	return a == b || a == "" && len(b) >= 4 && !strings.ContainsAny(b, "%/") || b == "" && len(a) >= 4 && !strings.ContainsAny(a, "%/")
}

// quantityRE: a number and its unit.
var quantityRE = regexp.MustCompile(`^(\d[\d,]*(?:\.\d+)?)\s?([a-z%/]*)`)

// quantity reads "61k", "410gb", "31%", "1,800" as a value and its unit; a
// thousands or millions suffix scales the value and is no unit.
func quantity(s string) (float64, string, bool) {
	m := quantityRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, "", false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
	if err != nil {
		return 0, "", false
	}
	switch u := m[2]; {
	case u == "k" || strings.HasPrefix(u, "k/"):
		return v * 1e3, strings.TrimPrefix(u, "k"), true
	case u == "m" && v < 1000: // millions beside a count ("2.3m -> 400k") read as such
		return v * 1e6, "", true
	default:
		return v, u, true
	}
}

// dropFailed removes from acts the attempts that the report t says did not help:
// those of the action class t names ("restart done, no change", "coredns
// restarted, still NXDOMAIN"), else the latest attempt with the messages that
// announced it.
func (b *summaryBuilder) dropFailed(acts []int, t msgTags) []int {
	if len(acts) == 0 {
		return acts
	}
	var keep []int
	if len(t.actions) > 0 {
		for _, a := range acts {
			if !sharesClass(b.lc.msgs[a], t) {
				keep = append(keep, a)
			}
		}
		if len(keep) < len(acts) {
			return keep
		}
		keep = keep[:0]
	}
	last := b.lc.msgs[acts[len(acts)-1]]
	for _, a := range acts[:len(acts)-1] {
		if u := b.lc.msgs[a]; a < last.idx-recoveryWindow || !sameAction(u, last) {
			keep = append(keep, a)
		}
	}
	return keep
}

// sharesClass reports whether two messages name an action of the same class.
func sharesClass(a, b msgTags) bool {
	for _, x := range a.actions {
		for _, y := range b.actions {
			if x == y {
				return true
			}
		}
	}
	return false
}

// sameAction reports whether an earlier message a announced the action b
// reports: the same class, or a content word of the action in common
// ("purging / and /index" and "purge done").
func sameAction(a, b msgTags) bool {
	if sharesClass(a, b) {
		return true
	}
	terms := map[string]bool{}
	for _, w := range contentTerms(a.lower) {
		terms[text.Stem(w)] = true
	}
	for _, w := range contentTerms(b.lower) {
		if terms[text.Stem(w)] {
			return true
		}
	}
	return false
}

// recentActs returns the acts at most recoveryWindow messages before idx.
func recentActs(acts []int, idx int) []int {
	for k, a := range acts {
		if a >= idx-recoveryWindow {
			return acts[k:]
		}
	}
	return nil
}

// besideMitigation quotes, cited, the first step in acts after the mitigation
// (quoted from message src) that is another action: a step taken beside it before
// things recovered ("scaling coredns 2 -> 6" and "rolling back the worker"), not
// the report of the same one ("purge done"). It returns the quote and its message;
// "" and -1 when there is none that says what it changed.
func (b *summaryBuilder) besideMitigation(acts []int, src int) (string, int) {
	first := b.lc.msgs[acts[0]]
	for _, a := range acts[1:] {
		t := b.lc.msgs[a]
		if sameAction(b.lc.msgs[src], t) || sameAction(first, t) {
			continue
		}
		m := rowStep(t, clipTrailingClauses(b.sentenceBy(a, mitigationSentenceScore), isActionClause))
		if len(contentTerms(m)) < terseAction || b.used[m] {
			return "", -1
		}
		b.used[m] = true
		b.cites = append(b.cites, copilot.Citation{Text: m, SourceTS: []string{t.msg.TS}})
		return m, a
	}
	return "", -1
}

// timelineRow reports whether a report's message is a row of its timeline: one
// under a Timeline heading, or, in a report without one, a paragraph or list item
// that opens with the clock time of what it tells ("- 16:54 flag switched off").
// A chat message that opens with a time is a status update, not a row.
func timelineRow(t msgTags) bool {
	return sectionIs(t.section, "timeline") || t.msg.Kind == copilot.KindSection && clockRowRE.MatchString(t.msg.Text)
}

// clockRowRE: a row that opens with a clock time, not a date or a range in prose.
var clockRowRE = regexp.MustCompile(`^\W{0,3}\d{1,2}:\d{2}\b`)

// rowLeadRE: a timeline row's time, with the date before it if any, and the cell
// separator after it ("09:05 | ", "06-02 23:40 | ", "2026-06-02 23:40 – ",
// "16 Apr 07:31 | ", "Thu Apr 16 07:31 – ").
var rowLeadRE = regexp.MustCompile(`^\W*(?:` + dueWeekday + `,?\s+)?(?:(?:\d{4}-)?\d{1,2}[-/.]\d{1,2}\s+|\d{1,2}\s+` + dueMonth + `,?\s+|` + dueMonth + `\s+\d{1,2},?\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:utc)?\s*[|:–-]?\s*`)

// timelineAction reports whether a report's timeline row tells a step taken. A
// timeline is written in the historical present after its subject ("Jana reloads
// HAProxy on edge-1", "Tomasz cancels the reindex job") or as a participle after
// what changed ("Limit on the deployment set to 4Gi", "ScaledObject paused"): a
// verb imperative knows, in either form, among the first words of the row's
// first clause. The system's own doings ("workers restart with exit code 137",
// "Killed process") are the words of a failure, and a quoted message is what
// someone said, not a step.
func timelineAction(t msgTags) bool {
	if !timelineRow(t) || t.question || strings.Contains(t.msg.Text, `"`) ||
		untaken(t.lower) || symptomRE.MatchString(t.lower) {
		return false
	}
	words := strings.Fields(clauseSplitRE.Split(rowLeadRE.ReplaceAllString(t.lower, ""), 2)[0])
	for k, w := range words[:min(len(words), 5)] {
		w = strings.Trim(w, ",.:;!`'()")
		if reportingVerbRE.MatchString(w) {
			return false // "Client team confirms 7.12 added a retry": a finding reported
		}
		base := pastVerb(w)
		if base == "" {
			base = presentVerb(w)
		}
		if base == "" {
			continue
		}
		if base == "run" && k+1 < len(words) && sqlChangeRE.MatchString(words[k+1]) {
			return true // "Joana runs CREATE INDEX CONCURRENTLY …": the statement is the step
		}
		if baseVerb[base] != base || diagnosticVerb(base) || failVerbRE.MatchString(w) {
			return false
		}
		// Subject dropped, the verb needs what it changed after it.
		return k > 0 || len(words) > 1
	}
	return false
}

// sqlChangeRE: a statement that changes a database's schema or data, the word
// after "runs" in a row ("runs CREATE INDEX …", "ran ALTER SEQUENCE …"); a query
// run ("runs EXPLAIN", "ran SELECT count(*)") only looks.
var sqlChangeRE = regexp.MustCompile(`^(?:create|alter|drop|reindex|vacuum|delete|update|insert|truncate|grant|revoke|cluster)$`)

// rowFinding reports whether a report's timeline row tells a finding: its first
// verb is one of reporting ("Viktor finds the purge selected galleries where …"),
// whatever past forms the finding holds.
func rowFinding(t msgTags) bool {
	if !timelineRow(t) {
		return false
	}
	words := strings.Fields(clauseSplitRE.Split(rowLeadRE.ReplaceAllString(t.lower, ""), 2)[0])
	for _, w := range words[:min(len(words), 4)] {
		w = strings.Trim(w, ",.:;!`'()")
		if reportingVerbRE.MatchString(w) {
			return true
		}
		if pastVerb(w) != "" || presentVerb(w) != "" {
			return false
		}
	}
	return false
}

// reportingVerbRE: the verbs that introduce what someone said or found; the
// clause after them tells a finding, not a step taken.
var reportingVerbRE = regexp.MustCompile(`^(confirm|notice|say|report|find|see|show|note|explain|reali[sz]e|think|suspect|learn|discover|ask|tell|spot|mention|guess)(s|es|ed)?$|^(said|found|saw|thought|told|learnt)$`)

// presentVerb returns the base form of w when it reads as the third person
// present of a verb imperative knows ("reloads", "cancels", "pushes"), else "".
func presentVerb(w string) string {
	// "applies", "retries": a consonant's y takes -ies.
	if b, ok := strings.CutSuffix(w, "ies"); ok && len(b) > 1 && baseVerb[b+"y"] == b+"y" {
		return b + "y"
	}
	for _, suf := range []string{"es", "s"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) > 2 && baseVerb[b] == b {
			return b
		}
	}
	return ""
}

// rowStep is the step a quote from t tells without the time a timeline row opens
// with ("09:05 | Jana reloads HAProxy" -> "Jana reloads HAProxy"): the field names
// the action, the timeline its time, and the citation keeps the row.
func rowStep(t msgTags, quote string) string {
	if !timelineRow(t) {
		return quote
	}
	if s := rowLeadRE.ReplaceAllString(quote, ""); len(contentTerms(s)) > 0 {
		return s
	}
	return quote
}

// ownStepRE: a responder's announcement of their own next step ("I'll roll it
// back", "ok, we'll fail over to the secondary").
var ownStepRE = regexp.MustCompile(`^\W*(?:(?:ok|okay|so|then|now|next)\W{0,2} )?(?:i'?ll|i will|we'?ll|we will|(?:i'?m |we'?re )?going to) (?:now )?([a-z-]+)\b`)

// tellingVerbRE: the verbs of looking, telling and tracking, whose announcement is no step
// on the system ("I'll post an update", "I'll ping the vendor").
var tellingVerbRE = regexp.MustCompile(`^(look|dig|investigate|see|find|figure|watch|wait|monitor|post|send|email|mail|ping|ask|tell|write|share|announce|open|file|page|call|notify|message|follow|keep|take|let|get|grab|join|try|start|do|be|have)$`)

// ownStepAnnounced reports whether low announces the speaker's own next step on
// the system: a verb after "I'll", neither a look (check, dig) nor a telling.
func ownStepAnnounced(low string) bool {
	m := ownStepRE.FindStringSubmatch(low)
	return m != nil && !diagnosticVerb(m[1]) && !tellingVerbRE.MatchString(m[1]) && !hedgeRE.MatchString(low)
}

// mitigationSentence picks the sentence of message idx that states the mitigation
// (mitigationSentenceScore). A report often tells the step, the recovery it brought,
// and then what was done later ("…; handshakes succeeded again at 08:47. The next day
// the delegation was restored"): the sentences after the one that tells the recovery
// are the permanent fix, not the step that stopped the bleeding. They are quoted only
// when no other sentence can be.
func (b *summaryBuilder) mitigationSentence(idx int) string {
	later := map[string]bool{}
	labelOnly := map[string]bool{} // "Containment." heads the paragraph: no step
	recoveredAt := false
	for k, raw := range splitSentences(b.lc.msgs[idx].msg.Text) {
		low := lowerClean(raw)
		if l, rest := labelOf(strings.TrimSpace(raw)); l != "" && strings.TrimSpace(rest) == "" {
			labelOnly[low] = true
		}
		if recoveredAt {
			later[low] = true
			continue
		}
		recoveredAt = recoveryAfterStep(low, k)
	}
	return b.sentenceBy(idx, func(low string) float64 {
		if later[low] {
			return -0.9
		}
		if labelOnly[low] {
			return -1
		}
		return mitigationSentenceScore(low)
	})
}

// recoveryAfterStep reports whether sentence k of a message tells a recovery after
// a step told before it: in an earlier sentence, or in a clause of its own before the
// recovery ("…and loaded it on the gateway fleet; handshakes succeeded again").
func recoveryAfterStep(low string, k int) bool {
	if strings.Contains(low, "?") || notHelpedRE.MatchString(low) {
		return false
	}
	for _, re := range []*regexp.Regexp{verifyRE, recoveryRE} {
		if loc := re.FindStringIndex(low); loc != nil && (k > 0 || len(contentTerms(low[:loc[0]])) >= 2) {
			return true
		}
	}
	return false
}

// stepUnderWayBefore finds, for a recovery at idx that no known action explains,
// the nearest message before it (after the last attempt that did not help, within
// recoveryWindow) that tells a step under way in the progressive after its doer:
// "I am adding their IP to the allowlist now", "vendor support on the case: they are
// shifting traffic away from the bad devices". A step done by another team or a
// vendor is told so, not in the responders' own action words. -1 when none does.
func (b *summaryBuilder) stepUnderWayBefore(idx, noHelp int) int {
	for j := idx - 1; j > noHelp && j >= idx-recoveryWindow; j-- {
		t := b.lc.msgs[j]
		if t.bot || t.question || !narrates(t) || hasSecret(t.msg.Text) {
			continue
		}
		for _, raw := range splitSentences(t.msg.Text) {
			if low := lowerClean(raw); !untaken(low) && stepUnderWay(low) {
				return j
			}
		}
	}
	return -1
}

// stepUnderWayRE: a doer, then "am/is/are" and a verb in -ing: a step told while it is
// taken, by the speaker or by someone named ("they are shifting", "the dns team is
// moving").
var stepUnderWayRE = regexp.MustCompile(`\b(?:i'?m|i am|we'?re|we are|they'?re|they are|(?:team|support|provider|vendor|[a-z]+) is) (?:now |already )?([a-z-]+ing) ([a-z0-9'._-]+)`)

// stepUnderWay reports whether low tells a step under way on the system: a verb
// imperative knows, not a look, with an object after it.
func stepUnderWay(low string) bool {
	for _, m := range stepUnderWayRE.FindAllStringSubmatch(low, -1) {
		if base := baseVerb[m[1]]; base != "" && !diagnosticVerb(base) {
			return true
		}
	}
	return false
}

// reportOfStep finds the message that reports the step message a tells or
// announces: the next person's message before end, within two, when it names
// what a did and does not say it failed, and tells it taken, by its action words
// or its grammar, or, from a's own speaker in a chat, in any words: a terse
// passive or a state ("on-demand base capacity 10 set", "rate limit live on the
// NLB", "log level is INFO now"). -1 when none does.
func (b *summaryBuilder) reportOfStep(a, end int) int {
	t := b.lc.msgs[a]
	for _, u := range b.lc.msgs[a+1 : min(end, a+3)] {
		if u.bot || ackOnlyRE.MatchString(u.lower) {
			continue // "+1, doing that on 01": taken on, the report comes next
		}
		if u.question && speaker(u.msg) != speaker(t.msg) && !sameAction(t, u) {
			continue // "what do I tell agents?" asked meanwhile by someone else
		}
		if u.question || !sameAction(t, u) || failedAttempt(u) || reportsNoHelp(u) {
			return -1
		}
		if u.taken || shapedAction(u) || ownReport(t, u) {
			return u.idx
		}
		return -1
	}
	return -1
}

// ackOnlyRE: a reply that only takes a directed step on ("+1, doing that on 01",
// "ok doing it").
var ackOnlyRE = regexp.MustCompile(`^\W*(?:\+1|ok(?:ay)?|yes|yep|sure|ack|on it|will do)?[,.!]?\s*(?:doing (?:that|it|this)|on it|will do)\b[^.?!]{0,30}(?:[.!]|$)`)

// ownReport reports whether u is a chat message of t's speaker that states
// something done rather than a plan, a hedge, a denial or a finding. A report's
// paragraphs share their heading, not a speaker.
func ownReport(t, u msgTags) bool {
	return t.section == "" && u.section == "" && u.msg.UserName != "" && u.msg.UserName == t.msg.UserName &&
		!untaken(u.lower) && !hasSecret(u.msg.Text) && u.cause < 2 && !planned(u)
}

// sequencedPlanRE: an announcement of steps in sequence ("reset the password
// and then push it", "put log level INFO and after that delete old files").
var sequencedPlanRE = regexp.MustCompile(`\b(then|after that|afterwards)\b`)

// sequencedPlan reports whether an announcement names more than one step in order.
func sequencedPlan(low string) bool { return sequencedPlanRE.MatchString(low) }

// reportedStep quotes the step a report of an announced plan tells: its first
// sentence, without the check after it ("restarted ci-dispatcher, new pushes
// trigger again" -> "restarted ci-dispatcher").
func (b *summaryBuilder) reportedStep(r int) string {
	for _, raw := range splitSentences(b.lc.msgs[r].msg.Text) {
		if q := quote(raw); len(contentTerms(q)) > 0 {
			return clipTrailingClauses(q, isActionClause)
		}
	}
	return ""
}

// stepAnnounced reports whether a person's message announces a step on the system
// or asks for one: "I'll fail over", "purging the dlq", "Please pause the billing
// job", "taking auth-3 out of the pool now" (a verb in -ing opening the message,
// with "now", is a step under way whatever the verb).
func (b *summaryBuilder) stepAnnounced(t msgTags) bool {
	// "don't find -delete 6M files one by one. stop the predictor, mv the work
	// dir aside…": the step directed in a sentence of its own, whatever the
	// sentence before it turns down.
	for _, raw := range splitSentences(t.msg.Text) {
		if low := lowerClean(raw); directsStep(low) && !proposalRE.MatchString(low) && !hedgeRE.MatchString(low) {
			return true
		}
	}
	if proposalRE.MatchString(t.lower) && !ownStepRE.MatchString(t.lower) || hedgeRE.MatchString(t.lower) || notDoneRE.MatchString(t.lower) {
		return false
	}
	if ownStepAnnounced(t.lower) || announcedAction(t.lower) {
		return true
	}
	for _, raw := range splitSentences(t.msg.Text) {
		if asksOrAnnouncesStep(lowerClean(raw)) {
			return true
		}
	}
	return false
}

// directedOnly reports whether a person's message directs a step (directsStep in
// one of its sentences) and says nothing of having done it.
func directedOnly(t msgTags) bool {
	if t.section != "" || t.taken {
		return false
	}
	for _, raw := range splitSentences(t.msg.Text) {
		if directsStep(lowerClean(raw)) {
			return true
		}
	}
	return false
}

// copulaRE: a word after a noun that makes it the subject ("purge is enough").
var copulaRE = regexp.MustCompile(`^(?:is|are|was|were|will|would|should|can|could|has|have|had|did|does|seems?|looks?|worked|helped|done)$`)

// directsStep reports whether a sentence opens with a step in the imperative
// ("stop the predictor, mv the work dir aside, mkdir a fresh one"): a verb in
// its base form that changes the system, not a look, a telling or a wait. "run"
// and "set" are left out: they open queries and statements of a value as often.
func directsStep(low string) bool {
	f := strings.Fields(low)
	if len(f) < 2 {
		return false
	}
	w := strings.Trim(f[0], ",.:;!")
	if copulaRE.MatchString(strings.Trim(f[1], ",.:;!")) {
		return false // "purge is enough": the step named, not directed
	}
	return baseVerb[w] == w && !diagnosticVerb(w) && !tellingVerbRE.MatchString(w) && w != "run" && w != "set"
}

// asksOrAnnouncesStep reports whether a sentence asks for a step ("please pause
// the job") or announces one under way with "now" ("taking auth-3 out of the pool
// now").
func asksOrAnnouncesStep(low string) bool {
	if m := requestRE.FindStringSubmatch(low); m != nil && baseVerb[m[1]] != "" && !diagnosticVerb(baseVerb[m[1]]) {
		return true
	}
	m := gerundNowRE.FindStringSubmatch(clockLeadRE.ReplaceAllString(low, ""))
	return m != nil && !lookingRE.MatchString(m[1])
}

// requestRE: a step asked of someone ("Hana please terminate the session").
var requestRE = regexp.MustCompile(`\bplease ([a-z-]+)\b`)

// gerundNowRE: a message that opens with a verb in -ing and an object and says
// "now": the speaker's step under way.
var gerundNowRE = regexp.MustCompile(`^\W*([a-z-]{3,}ing) (?:the |a |an |our |their |all |both )?[a-z0-9][^.;!?]*\bnow\b`)

// lookingRE: the verbs in -ing of looking, waiting and telling, which are no step.
var lookingRE = regexp.MustCompile(`^(look|check|investigat|digg|see|watch|wait|monitor|read|search|tail|grepp|query|inspect|review|debugg|trac|test|verify|try|work|think|gett|go|join|call|ping|ask|writ|post|send|open|fil|pag|follow|keep|tell|updat|draft|prepar|escalat)ing$`)

// reportsStepAndRecovery reports whether a report's paragraph (not a chat message)
// opens a sentence with a step in the past tense after its doer ("we took", "the
// team restarted") and tells the recovery after it, in the same sentence or the
// next: whatever its verb, the step that worked.
func reportsStepAndRecovery(t msgTags) bool {
	if t.msg.Kind != copilot.KindSection || !narrates(t) || t.question || timelineRow(t) {
		return false
	}
	sents := splitSentences(t.msg.Text)
	for k, raw := range sents {
		low := lowerClean(raw)
		if untaken(low) || notHelpedRE.MatchString(low) {
			continue
		}
		first := clauseSplitRE.Split(cleanText(raw), 2)[0]
		if verb, _ := openingReport(first); verb == "" || diagnosticVerb(verb) || toolRE.MatchString(strings.ToLower(first)) {
			continue
		}
		if recoveryAfterStep(low, 0) || k+1 < len(sents) && recoveryAfterStep(lowerClean(sents[k+1]), 1) {
			return true
		}
	}
	return false
}

// dropFailedInSection is dropFailed for a report: its sections are not told in
// the order things happened, so a "What we tried" paragraph saying an attempt did
// not help speaks of the attempts of its own section, not of the mitigation a
// Summary section labels. A chat reads on in order.
func (b *summaryBuilder) dropFailedInSection(acts []int, t msgTags) []int {
	if t.msg.Kind != copilot.KindSection {
		return b.dropFailed(acts, t)
	}
	var own, other []int
	for _, a := range acts {
		if b.lc.msgs[a].section == t.section {
			own = append(own, a)
		} else {
			other = append(other, a)
		}
	}
	if len(other) == 0 {
		return b.dropFailed(acts, t)
	}
	keep := b.dropFailed(own, t)
	out := make([]int, 0, len(keep)+len(other))
	for _, a := range acts {
		if !containsInt(own, a) || containsInt(keep, a) {
			out = append(out, a)
		}
	}
	return out
}

// labelLeadRE: a short label and its colon opening a message ("quick fix: ",
// "Update 15:04: ").
var labelLeadRE = regexp.MustCompile(`^\s*[A-Za-z][\w -]{0,24}:\s+`)

// presentStepRE: the speaker's step in the simple present ("I cordon pool-b-7 and
// delete the pods there"), as a report reads in a second language.
var presentStepRE = regexp.MustCompile(`^\W*(?:(?:ok|so|now|then),? )?(?:i|we|(?:the )?[a-z]+ team) (?:now |first |then |also )?([a-z-]+) ([a-z0-9][\w.-]*)`)

// presentStep reports whether low opens with the speaker and a verb imperative
// knows in its base form, with an object after it: not a look, not a telling, and
// not a verb that takes another ("I try to …").
func presentStep(low string) bool {
	m := presentStepRE.FindStringSubmatch(low)
	if m == nil || baseVerb[m[1]] != m[1] || diagnosticVerb(m[1]) || tellingVerbRE.MatchString(m[1]) || m[2] == "to" {
		return false
	}
	return !objectlessRE.MatchString(m[2]) && !(pronouns[m[2]] && len(strings.Fields(low)) < 4)
}

// passiveStepRE: a report that names the thing changed first and the step after it
// as a participle, the doer left out or given after "by" ("campaign paused in
// braze by jonas", "chronyd enabled and started on batch-01..06"). An auxiliary
// before the participle ("hosts were rebuilt on friday") tells a history, not a
// report of a step just taken.
//
// A value after "to" is the setting the step gave ("reminder-worker scaled to 0",
// "retention set back to 7 days"), unless the participle tells how a measure moved
// by itself ("connections grew to 497", "the cluster doubled to 400 nodes").
var passiveStepRE = regexp.MustCompile(`^\W*((?:[\w.'-]+ ){1,3}?)([a-z-]+ed|rebuilt|reran|set|cut)(?: and ([a-z-]+ed))? (?:on|in|by|for|across|via|everywhere|(?:back |down |up )?to (?:\d|zero\b))`)

// passiveSetRE: a setting named, however long its name, and the participle that
// gave it a value ("global traffic manager weights for tokenisation set to site
// A 100 / site B 0", "the canary pool repointed to the old build", "exception
// added to uni-edge-v14"): these verbs are done to a setting by someone, never
// moved by the measure itself.
var passiveSetRE = regexp.MustCompile(`^\W*((?:[\w.'/-]+ ){1,7}?)(?:set|reset|switched|pinned|flipped|pointed|repointed|lowered|raised|added|re-?added|appended|attached) (?:back )?to\b`)

// movedByItselfRE: the participles of a measure that moved on its own.
var movedByItselfRE = regexp.MustCompile(`^(doubled|tripled|grew|grown|increased|decreased|dropped|fell|rose|climbed|spiked|jumped|peaked|recovered|returned|reached|went|came|stayed|remained)$`)

// passiveStep reports whether low opens with a step told in the passive: its
// participle is a verb imperative knows, not a look.
func passiveStep(low string) bool {
	if m := passiveSetRE.FindStringSubmatch(low); m != nil && !auxiliaryRE.MatchString(m[1]) && !symptomRE.MatchString(low) {
		return true
	}
	m := passiveStepRE.FindStringSubmatch(low)
	if m == nil || auxiliaryRE.MatchString(m[1]) || symptomRE.MatchString(low) {
		return false
	}
	if movedByItselfRE.MatchString(m[2]) {
		return false
	}
	if m[2] == "set" || m[2] == "cut" {
		return true // the participle is the base form
	}
	v := baseVerb[m[2]]
	return v != "" && v != m[2] && !diagnosticVerb(v)
}

// auxiliaryRE: a verb that makes the participle after it a tense or a state.
var auxiliaryRE = regexp.MustCompile(`\b(?:is|are|was|were|be|been|being|has|have|had|got|gets|get|not|never)\b`)

// planLabelRE: a label that makes what follows an intent, not a step taken ("Plan:
// enable the v1 client, then replay", "| 08:30 | Proposal: fail over"), at the
// start of a message or of a table row's cell.
var planLabelRE = regexp.MustCompile(`(?:^|\|)\W*(?:the )?(?:plan|proposal|idea|options?|intent)\s*:`)

// planned reports whether a message is labelled a plan.
func planned(t msgTags) bool {
	return planLabelRE.MatchString(t.lower)
}

// passiveRow reports whether a timeline row tells a step in the passive after its
// clock ("09:05 | flag fcm_http_v1 enabled for all android sends").
func passiveRow(t msgTags) bool {
	return timelineRow(t) && !untaken(t.lower) && passiveStep(datedRowLeadRE.ReplaceAllString(t.lower, ""))
}

// datedRowLeadRE: a row's clock, a short date before it allowed ("07-07 09:05 |").
var datedRowLeadRE = regexp.MustCompile(`^\W*(?:\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:utc)?\s*[|:–—-]?\s*`)

// commsOpenRE: a sentence that opens, after no subject or the writers' own ("I",
// "we", "also"), with a verb of telling or asking someone: a call, a mail, a post,
// a page.
var commsOpenRE = regexp.MustCompile(`^\W*(?:(?:i|we|i've|we've|i'm|we're|just|also|then|already|have|and)\s+){0,3}(call(?:ed|ing)?|phon(?:ed|ing)|rang|email(?:ed|ing)?|mail(?:ed|ing)|text(?:ed|ing)|post(?:ed|ing)?|tweet(?:ed|ing)?|told|tell(?:ing)?|inform(?:ed|ing)?|notif(?:y|ied|ying)|contact(?:ed|ing)?|messag(?:ed|ing)|ping(?:ed|ing)|pag(?:ed|ing)|escalat(?:ed|ing)|announc(?:ed|ing)|repl(?:ied|ying)|respond(?:ed|ing)|warn(?:ed|ing)?|brief(?:ed|ing))\b\s*(\S*)`)

// commsTicketRE: a ticket or a case raised with someone ("raising a P1 with
// them", "opened a quota increase request with the provider").
var commsTicketRE = regexp.MustCompile(`^\W*(?:(?:i|we|i've|we've|i'm|we're|just|also|then|already|have|and)\s+){0,3}(?:rais|open|fil|logg|creat|submitt?)(?:e|es|ed|ing)? (?:a |an |the |another )?(?:[\w-]+ ){0,2}?(?:p[0-4]|sev ?[0-4]|case|request)\b`)

// apiCallRE: what follows "called" when it is a request to a system ("called
// POST /v2/batches/…/cancel"), a change made through its API.
var apiCallRE = regexp.MustCompile(`^(?:post|get|put|patch|delete|/|` + "`" + `|https?:|the (?:api|endpoint))`)

// commsSentence reports whether a sentence tells of someone told or asked.
func commsSentence(low string) bool {
	if ix := commsOpenRE.FindStringSubmatchIndex(low); ix != nil {
		verb, next := low[ix[2]:ix[3]], low[ix[4]:ix[5]]
		// "post-incident: …" is no post; "called POST /v2/…" is an API call.
		return !strings.HasPrefix(low[ix[3]:], "-") && !(strings.HasPrefix(verb, "call") && apiCallRE.MatchString(next))
	}
	return commsTicketRE.MatchString(low)
}

// postedQuoteRE: the colon and opening quote before a post's wording.
var postedQuoteRE = regexp.MustCompile(`:\s*['"“‘]`)

// commsOnly reports whether a message tells only of people told or asked ("I
// called dispatch, they watch the vendor terminal meanwhile", "Posted on insta +
// facebook", "Contacted support to add the new IPs, they say 2-4 hours"): keeping
// people informed, or asking them to act, changes nothing in the system yet. The
// step that stops the bleeding is the change made after. A message that also
// tells a step in a sentence of its own is not comms only. A command written in
// capitals ("POST _aliases …") is a request to a system, not a post.
func commsOnly(t msgTags) bool {
	comms := false
	text := t.msg.Text
	// "posted: 'Some users see a security warning … Fix in progress.'": what
	// was posted, quoted after the colon, is the post's wording, not a step.
	if loc := postedQuoteRE.FindStringIndex(text); loc != nil && commsOpenRE.MatchString(lowerClean(text[:loc[0]])) {
		text = text[:loc[0]]
	}
	for _, raw := range splitSentences(text) {
		first := clauseSplitRE.Split(cleanText(raw), 2)[0]
		if f := strings.Fields(first); len(f) > 0 && len(f[0]) > 1 && f[0] != strings.ToLower(f[0]) && f[0] == strings.ToUpper(f[0]) {
			return false
		}
		if commsSentence(lowerClean(first)) {
			comms = true
			continue
		}
		low := lowerClean(raw)
		for _, ac := range actionClasses {
			if ac.re.MatchString(low) {
				return false
			}
		}
	}
	return comms
}
