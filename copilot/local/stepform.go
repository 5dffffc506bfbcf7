package local

import (
	"regexp"
	"strings"
)

// The forms below tell a step by the shape of the report, not by its verb being one
// the action classes name. Terse chat reports a change in a few fixed shapes whatever
// the stack or the writer: the thing, its participle and the clock ("key …7QX4
// deactivated at 09:25", "Block removed 09:52"); a lone participle opening the
// message ("reloaded. 429 ratio 0.58 → 0.01"); a switch stated with the time it took
// effect ("retry off since 12:08"); a setting given a new value ("memory limit 512Mi
// -> 2Gi"); and a step announced for now in the progressive ("deactivating the key
// now"). Each form is held to what makes it a step: the participle is a verb's
// (morphology, not a list), is no look nor a failure nor a measure moving by itself,
// and no auxiliary turns it into a state or a history.

// clockedParticipleRE: up to four words naming the thing, a participle, and the
// clock it was done at.
var clockedParticipleRE = regexp.MustCompile(`^\W*((?:[^\s]+ ){1,4}?)([a-z-]+ed|set|cut|rebuilt|reran)(?: (?:back|out|over|off|on|up|down))? (?:at |since |from )?~?\d{1,2}:\d{2}\b`)

// rangeAfterRE: the rest of a clock range ("-09:25").
var rangeAfterRE = regexp.MustCompile(`^\s*(?:-|–|to)\s*~?\d{1,2}:\d{2}`)

// releaseVerbRE: the participles that tell a release went out.
var releaseVerbRE = regexp.MustCompile(`^(?:deployed|released|shipped|published|rolled)$`)

// loneParticipleRE: a message that opens with a participle and nothing else in its
// first clause ("reloaded.", "Purged, /var has 380 GB free").
var loneParticipleRE = regexp.MustCompile(`^\W*([a-z-]+ed)(?: (?:back|out|over|off|on|up|down))?\s*(?:[.,;:!]|\s[—–-])(?:\s|$)`)

// switchedAtRE: a switch stated with the time it took effect ("retry off since
// 12:08", "waiting room on at 19:02", "maintenance page live from 03:10").
var switchedAtRE = regexp.MustCompile(`^\W*((?:[^\s]+ ){1,4}?)(?:is |now )*(on|off|live|disabled|enabled|paused|frozen) (?:since|at|from) ~?\d{1,2}:\d{2}\b`)

// settingChangeRE: a setting given a new value with an arrow. The setting is named
// as configuration is (an identifier with "_" or ".", or an upper-case name) or by
// a noun of capacity; a measure that moved ("429 ratio 0.58 → 0.01", "db cpu 100 ->
// 55") names neither.
var settingChangeRE = regexp.MustCompile(`(?:\b[a-z][a-z0-9]*[_.][\w.]*[a-z0-9]|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+|(?i:\b(?:limits?|timeouts?|replicas|concurrency|ttl|max[\w.-]*|min[\w.-]*|retention[\w.-]*|quota|pool[_ ]size|heap|memory|capacity))\b)\s*(?:\(?[\w.:/%-]+\)?\s*)?(?:->|→|=>)\s*[\w.:/%-]+`)

// settingValue reports whether the new value of a setting change holds a digit
// ("512Mi -> 2Gi", "→ pgbouncer:6432"): an arrow between words ("course_code ->
// code", "pg_stat_activity -> mine") tells a rename or an owner.
func settingValue(change string) bool {
	_, after, _ := strings.Cut(strings.NewReplacer("→", "->", "=>", "->").Replace(change), "->")
	return strings.ContainsAny(after, "0123456789")
}

// seenRE: words before a setting change that make it a thing read, not a change
// made ("helm diff shows … 3Gi -> 1536Mi").
var seenRE = regexp.MustCompile(`\b(?:shows?|showed|says|said|see|saw|was|were|had|diff|from|since)\b`)

// progressiveNowRE: a step announced for now in the progressive, subject dropped
// ("deactivating the key now", "failing over to the standby now").
var progressiveNowRE = regexp.MustCompile(`^\W*(?:(?:ok|okay|yes|yep|right|so),? )?([a-z-]{3,}ing) (?:[^\s]+ ){0,6}?now\b`)

// stillStateRE: words that make what follows a participle a state or a look
// rather than a step ("pods crashed at 09:10", "alert fired 03:12").
var stillStateRE = regexp.MustCompile(`\b(?:still|again|not|never|no longer|keeps?|kept)\b`)

// formStep reports whether one sentence (lower case, cleaned) tells a step by one
// of the forms above. raw keeps the case the setting names need.
func formStep(low, raw string) bool {
	if !firstClauseStep(low) {
		return false
	}
	if reportForm(low) {
		return true
	}
	if loc := settingChangeRE.FindStringIndex(raw); loc != nil && settingValue(raw[loc[0]:loc[1]]) &&
		loc[0] <= 40 && !seenRE.MatchString(strings.ToLower(raw[:loc[0]])) && !verifyRE.MatchString(clauseSplitRE.Split(low, 2)[0]) && !labelLeadRE.MatchString(raw) {
		// A label before the change ("Quickest knob: max.poll.records 500 ->
		// 50") offers it; a label that names the mitigation is read elsewhere.
		return true
	}
	if m := progressiveNowRE.FindStringSubmatch(low); m != nil && stepGerund(m[1]) {
		return true
	}
	return false
}

// firstClauseStep reports whether a sentence's first clause may tell a step: no
// symptom, no "still" or "again", no proposal, hedge or denial. What follows the
// first clause may be the step's effect ("Block cleared at 07:35, indexer writing
// again") or a warning ("…, CI deploys will fail until we rotate").
func firstClauseStep(low string) bool {
	first := clauseSplitRE.Split(low, 2)[0]
	return !symptomRE.MatchString(first) && !stillStateRE.MatchString(first) && !proposalRE.MatchString(first) && !hedgeRE.MatchString(first) && !notDoneRE.MatchString(first)
}

// reportForm reports whether a sentence reports a step done in one of the terse
// forms that state it finished: the thing, its participle and the clock; a lone
// participle; a switch with the time it took effect.
func reportForm(low string) bool {
	if loc := clockedParticipleRE.FindStringSubmatchIndex(low); loc != nil && !auxiliaryRE.MatchString(low[loc[2]:loc[3]]) &&
		stepParticiple(low[loc[4]:loc[5]]) && !rangeAfterRE.MatchString(low[loc[1]:]) && !labelLeadRE.MatchString(low) &&
		!(versionRE.MatchString(low[loc[2]:loc[3]]) && releaseVerbRE.MatchString(low[loc[4]:loc[5]])) {
		// "key exposed 08:35-09:25": a clock range is how long a state lasted.
		// "5.2.0 deployed 13:17": the release that went out is the change the
		// channel looks at; a step back to a version says "back".
		return true
	}
	if m := loneParticipleRE.FindStringSubmatch(low); m != nil && stepParticiple(m[1]) && baseVerb[m[1]] != "" {
		return true // a lone word must be a verb imperative knows: "confirmed." is none
	}
	if m := switchedAtRE.FindStringSubmatch(low); m != nil && !auxiliaryRE.MatchString(strings.TrimSuffix(m[1], " ")) {
		return true
	}
	return false
}

// reportsActOf reports whether t, a terse report of a finished step, reports the
// step of the act at a rather than one of its own: a lone participle ("rolled.")
// names nothing else, and a clocked report that shares a word with the act
// ("I am disabling … the toggle …" then "Toggle off at 09:22") tells it done. The
// mitigation is then where the step was first announced.
func reportsActOf(t, a msgTags) bool {
	ss := splitSentences(t.msg.Text)
	if len(ss) == 0 || t.taken {
		return false
	}
	low := lowerClean(ss[0])
	if !firstClauseStep(low) || !reportForm(low) {
		return false
	}
	if loneParticipleRE.MatchString(low) {
		return true
	}
	_, n := termOverlap(contentTerms(a.lower), contentTerms(clauseSplitRE.Split(low, 2)[0]))
	return n > 0
}

// stepParticiple reports whether w is the participle of a step: a verb's past form
// that is neither a look, a failure, nor a measure moving by itself.
func stepParticiple(w string) bool {
	if failVerbRE.MatchString(w) && baseVerb[w] == "" || movedByItselfRE.MatchString(w) || statusParticipleRE.MatchString(w) {
		return false
	}
	var base string
	switch w {
	case "set", "cut", "rebuilt", "reran":
		base = w
	default:
		base = pastVerb(w)
	}
	return base != "" && !diagnosticVerb(base) && !tellingVerbRE.MatchString(base)
}

// statusParticipleRE: participles that declare a state of the incident or tell
// what a system did on its own ("mitigated 09:12", "resolved at 13:22",
// "invoice-run executed 01:15", "jobs queued since 13:10"), not a step taken.
var statusParticipleRE = regexp.MustCompile(`^(?:resolved|mitigated|recovered|closed|declared|marked|posted|called|executed|queued|scheduled|completed|finished|processed|received|returned|succeeded|logged|acknowledged|acked|escalated|created)$`)

// stepGerund reports whether an -ing word announces a step: the progressive of a
// verb (its stem takes the past ending as a verb would) that is no look, no wait
// and no telling.
func stepGerund(w string) bool {
	if diagnosticRE.MatchString(w) || waitingGerundRE.MatchString(w) {
		return false
	}
	if b := baseVerb[w]; b != "" {
		return !diagnosticVerb(b)
	}
	stem := strings.TrimSuffix(w, "ing")
	if len(stem) < 3 {
		return false
	}
	// "deactivating" -> "deactivate" -> "deactivated": the stem is a verb's when
	// its past form undoes to it.
	b := pastVerb(stem + "ed")
	if b == "" || b != stem && b != stem+"e" {
		return false
	}
	return !diagnosticVerb(b) && !tellingVerbRE.MatchString(b)
}

// waitingGerundRE: progressives of waiting, looking, thinking and talking, which
// announce no change to the system.
var waitingGerundRE = regexp.MustCompile(`^(?:wait|look|see|think|talk|watch|monitor|investigat|debugg|digg|read|try|go|gett|do|work|hop|plann|pag|call|ask|writ|typ|join|grabb|ping|follow|reproduc|test|verify|confirm|escalat|coordinat|draft|hand|head|jump|log|sign|stand|sitt|hold|check|tak|lett|keep|com|lead)ing$`)
