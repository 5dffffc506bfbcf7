package local

import (
	"regexp"
	"strconv"
	"strings"
)

// A channel argues its way to the cause: a first guess ("auth-svc deploy 15:00
// changed the cookie. maybe thats it") is answered by a later message ("rolled
// back, still logouts. not the cookie"), and a finding is agreed to by someone
// else ("yep. the 15:50 deploy of email-sender"). What a later message says about
// an earlier one outweighs how the earlier one reads on its own. The trigger also
// tends to be told before anything broke: a change announced before the first
// alert (a bot reporting an apply or a deploy is not that alert).

// causeContext is what the messages of an incident say about one another's causes.
type causeContext struct {
	// denied holds the messages the next message answers with a bare "no",
	// "nope": a guess someone checked and dropped.
	denied map[int]bool
	// ruledOut holds, per message that rules something out ("not the cookie",
	// "its not bloat, its wal"), the terms it rules out; they count against what
	// earlier messages said, not later ones.
	ruledOut []ruling
	// confirmed holds the messages another speaker agrees with next ("yep",
	// "confirm, 7.2 ships …").
	confirmed map[int]bool
	// alert is the first message that reports the failure (an alert or a
	// symptom), -1 when none does; before it a change is the prime suspect.
	alert int
}

// alertWithin: the alert opens a channel; a change told before it comes in
// the first messages. A channel that opens with people talking has no alert
// to be before.
const alertWithin = 3

// ruleOutWindow: how many messages back a ruling reaches. A guess is checked
// and dropped within a few messages; a term ruled out much later is about
// something else.
const ruleOutWindow = 8

// ruling is one message's ruling out of some terms.
type ruling struct {
	at    int
	terms map[string]bool
}

var (
	// denyOpenRE: a reply that opens by saying no.
	denyOpenRE = regexp.MustCompile(`^\W*(?:(?:no|nah)\s*[,.!:;—–-]|nope\b|negative\b)`)
	// confirmOpenRE: a reply that opens by agreeing, or by drawing the conclusion
	// of what was just said ("ah so the pool is full because …"); a question
	// ("so is it the db?") agrees with nothing, and "ok so" turns to what next.
	confirmOpenRE = regexp.MustCompile(`^\W*(?:yes|yep|yup|yeah|confirm(?:ed)?|exactly|correct|indeed|bingo|right[,.!]|\+1)\b|^\W*(?:(?:ah|oh)\W+)?so\b`)
	// soLeadRE: the opening up to a leading "so", whose idioms ("so far", "so
	// sorry") draw no conclusion.
	soLeadRE = regexp.MustCompile(`^\W*(?:(?:ah|oh)\W+)?so\b`)
	// notClauseRE: a clause that opens by ruling something out ("not the cookie",
	// "its not bloat", "so not flaky", "that wasn't the db"). A "not" inside a
	// clause ("deleted the connector but not the slot") tells what was left, not
	// a guess dropped.
	notClauseRE = regexp.MustCompile(`(?:^|[,.;:!?—–(]\s*|\b(?:so|it'?s|its|that'?s|thats|this is|it is|it was|definitely|def|prob|probably|also|and)\s+)(?:not|(?:it|that|this) (?:isn'?t|wasn'?t))\s+(?:a |an |the |our |their |my |your |from |in |on )?([a-z0-9][\w.-]*)(?:\s+([a-z0-9][\w.-]*))?`)
	// notQualifierRE: words after "not" that qualify the clause rather than name
	// a suspect ("not yet", "not sure", "not all of them").
	notQualifierRE = regexp.MustCompile(`^(yet|sure|all|only|just|much|many|really|fully|enough|always|every|even|too|so|that|this|it|there|here|now|again|clear|great|good|bad|ideal|worse|better|same|able|likely|every\w*|\w+ly|\w+ed|\w+ing)$`)
)

// causeContextOf reads the replies, rulings and the change before the alert of an
// incident's messages.
func (b *summaryBuilder) causeContextOf() causeContext {
	cx := causeContext{denied: map[int]bool{}, confirmed: map[int]bool{}, alert: -1}
	prev := -1 // the last person's chat message
	for _, t := range b.lc.msgs {
		if t.section != "" {
			continue
		}
		// A bot's message is an alert unless it reports a change ("Apply
		// succeeded: … 3 to destroy"), which may be the trigger itself.
		if cx.alert < 0 && t.idx < alertWithin && (t.detection || t.bot && !changeTold(t.lower)) {
			cx.alert = t.idx
		}
		if t.bot {
			continue
		}
		if prev >= 0 {
			switch {
			case denyOpenRE.MatchString(t.lower):
				cx.denied[prev] = true
			case !t.question && confirmOpenRE.MatchString(t.lower) && !soIdiomRE.MatchString(soLeadRE.ReplaceAllString(t.lower, "")) && b.lc.msgs[prev].msg.User != t.msg.User:
				cx.confirmed[prev] = true
			}
		}
		if terms := ruledOutTerms(t.msg.Text); len(terms) > 0 {
			cx.ruledOut = append(cx.ruledOut, ruling{t.idx, terms})
		}
		prev = t.idx
	}
	return cx
}

// ruledOutTerms returns the terms a message rules out, nil when it rules nothing
// out. A sentence telling an action ("UNLINKing the keys via SCAN (not KEYS)")
// says how it was done, not what was suspected.
func ruledOutTerms(text string) map[string]bool {
	var out map[string]bool
	for _, raw := range splitSentences(text) {
		low := lowerClean(raw)
		if responderAction(low) {
			continue
		}
		for _, m := range notClauseRE.FindAllStringSubmatch(low, -1) {
			if notQualifierRE.MatchString(m[1]) {
				continue
			}
			for _, w := range contentTerms(strings.TrimSpace(m[1] + " " + m[2])) {
				if out == nil {
					out = map[string]bool{}
				}
				out[w] = true
			}
		}
	}
	return out
}

// changeTold reports a text that tells a change: something applied, deployed,
// enabled, moved or expired, or a release named by its version number ("7.4.0
// from 18:40 adds the compression middleware").
func changeTold(low string) bool {
	return triggerRE.MatchString(low) || changeNounRE.MatchString(low) || actionCueRE.MatchString(low) || releaseVersionRE.MatchString(low)
}

// releaseVersionRE: a version number of three parts ("5.2.0", "v3.19.0",
// "2026.03.1"), which names a release by its form; an address has four parts.
var releaseVersionRE = regexp.MustCompile(`(^|[^\d.])v?\d{1,4}\.\d{1,3}\.\d{1,3}([^\d.]|\.?$|\.\s)`)

// ruledOutLater reports a sentence of message idx whose terms a later message
// rules out.
func (cx causeContext) ruledOutLater(idx int, terms []string) bool {
	for _, r := range cx.ruledOut {
		if r.at <= idx || r.at > idx+ruleOutWindow {
			continue
		}
		if sharesTerm(r.terms, terms) {
			return true
		}
	}
	return false
}

// placedBefore reports a sentence that places what it tells before the first
// signal: a day ("yesterday", "last night") or a clock time that is not after the
// signal. A time after it ("so it doesnt delete it again at 08:30") places an
// action in the response, not before the incident. onset is the first signal's
// minute of the day, -1 when unknown; chat says whether the message is a chat's,
// whose time is when it was said (a report's messages have made-up times).
func placedBefore(low string, onset int, chat bool) bool {
	if onset >= 0 && chat {
		low = clockRE.ReplaceAllStringFunc(low, func(c string) string {
			m := clockRE.FindStringSubmatch(c)
			h, _ := strconv.Atoi(m[1])
			mi, _ := strconv.Atoi(m[2])
			if d := ((h*60+mi-onset)%(24*60) + 24*60) % (24 * 60); d > 5 && d <= 12*60 {
				return ""
			}
			return c
		})
	}
	return whenRE.MatchString(low)
}

// attemptFailedRE: a report that an action just told did not help ("flush did
// nothing", "restarted, no better", "rolled back, still logouts", "worse").
var attemptFailedRE = regexp.MustCompile(notHelpedRE.String() + `|` + failedAttemptRE.String() + `|\bdid nothing\b|\bno (better|diff|use)\b|\bstill\b|\bworse\b|\bfails the same\b`)

// stillFineRE: "still" said of what works ("still fine", "old sessions still
// work").
var stillFineRE = regexp.MustCompile(`\bstill (ok|fine|good|works?|working|healthy|green|up|serving)\b`)

// heldFix is the first action from message first on that was not reported, in
// its own message or the next one of the responders, to have changed nothing:
// the fix the cause is found before. Responders try a restart or a scale-up
// before they know the cause; those attempts are not where the finding ends.
// It returns -1 when every action failed.
func (b *summaryBuilder) heldFix(first int) int {
	if first < 0 {
		return first
	}
	msgs := b.lc.msgs
	for i := first; i < len(msgs); i++ {
		t := msgs[i]
		if i > first && (!t.taken || t.bot || t.section != "") {
			continue
		}
		if !b.failedLater(i) {
			return i
		}
	}
	return -1
}

// failedLater reports an action of message i that it or the next person's
// message says did not help.
func (b *summaryBuilder) failedLater(i int) bool {
	seen := 0
	for _, u := range b.lc.msgs[i:] {
		if u.bot {
			continue
		}
		if attemptFailedRE.MatchString(u.lower) && !u.verify && !stillFineRE.MatchString(u.lower) {
			return true
		}
		if u.idx > i && (u.taken || seen == 1) {
			return false // the next action, or too far to be about this one
		}
		if u.idx > i {
			seen++
		}
	}
	return false
}
