package local

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// Who owns a follow-up, and whether it is one at all, is often settled by the
// conversation around it rather than by its own words: an idea is put to someone
// ("@maria can you take X?", "pablo you do it?", "bjorn?") and that person accepts
// ("sure", "on it", "mine. friday") or declines ("not this week") and someone else
// volunteers; an idea is assigned in the third person ("X is on dave", "abena to look
// at that one", "(owner: tunde)"); or it is turned down ("no, not worth it"). These
// are speech acts with a grammar of their own — a request names its addressee and
// asks; an acceptance is a short affirmation by the person asked, or a first-person
// take — so they carry across teams and languages better than lists of phrases about
// the work itself.

var (
	// upRequestRE: the form of a request once an addressee is named.
	upRequestRE = regexp.MustCompile(`\?|\b(can|could|would|will) (?:you|u)\b|\byou (take|do|own|handle|pick|grab|want)\b|\b(please|pls|plz|kindly)\b|\byours\b|\byou or me\b|\bown (this|that|it|the)\b|\btake (this|that|it|the)\b`)
	// upAffirmRE: a short affirmation, an acceptance only from the person asked.
	// A thumbs-up or an OK hand from the person asked says yes too ("👍 by end of
	// next week").
	upAffirmRE = regexp.MustCompile(`^\W*(yes|yep|yup|ya|yeah|yah|ja|jep|sure|ok|okay|k|kk|ack|noted|understood|fine|oui|si|haan|roger|can do|doable|feasible|got it|will do|on it|done|right|of course|np|no problem|absolutely|definitely)\b|^\s*(?:👍|👌|🙋|✋)`)
	// upTakeRE: a first-person take, an acceptance from anyone ("mine", "on it",
	// "I'll take the replica one", "me. by 31st", "I can take the freshness one").
	upTakeRE = regexp.MustCompile(`(?:^|[.!,;:]\s*)on it\b|\bmine\b|^\W*me\b|\bi(?:'ll| will| can| could| would)? (?:take|own|grab|handle|pick)\b|\bi(?:'ll| will| can| could)? do (?:it|this|that|them|the)\b|\bi(?:'m| am) on (?:it|that|this)\b|\bi(?:'ve)? (?:have|got) (?:it|this|that)\b|\b(?:assign|put) (?:it|that|this) (?:to|on) me\b|\bi own (?:it|that|this|the)\b|\bi'?ll (?:own|be on) (?:it|this|that)\b|\bleave it (?:to|with) me\b|\bdoe ik\b|^\W*(?:i'?m |i am )?(?:gonna|going to|will) (?:do|take|handle|own) (?:it|that|this)\b|\b(?:this|that) one,? i(?:'m| am|'ll| will| can| make| do| take| own| handle)\b`)
	// upAddRE: a message that opens by adding to what was said ("and …", "also …").
	upAddRE = regexp.MustCompile(`^\W*(?:and|also|plus|\+)\s`)
	// upDeclineRE: the person asked says no.
	upDeclineRE = regexp.MustCompile(`\bnot (?:this|next) (?:week|sprint)\b|\bnot me\b|(?:\b(?:i|we)\s+|^\W*)can'?t (?:take|do|own)\b|\bno (?:time|capacity|bandwidth)\b|\bon (?:leave|vacation|holiday|pto)\b|\bswamped\b|\bleave it open\b|\bsomeone else\b|\bmoving teams?\b|\bnot (?:now|today),? sorry\b|^\W*sorry\b`)
	// upRejectRE: an idea turned down ("no, …", "lol no", "I'd rather not", "drop that",
	// "I don't think that works for us, …",
	// "not now, OPS-512 covers what bit us", "then the prices are wrong forever 😅 no").
	// A reply that ends "…, not now" or
	// "… not for now" puts the idea off to no time.
	upRejectRE = regexp.MustCompile(`^\W*(?:(?:hmm+|honestly|well|eh|lol|ha|haha|agreed?|agree)[,.]?\s+)?(?:no\b|maybe (?:one day|some ?day|in a future life)\b|nope\b|nah\b|meh\b|-1\b|not now\b|i'?d rather not\b|rather not\b|(?:i'?d|i would) say no\b|i vote no\b|not worth\b|don'?t think so\b|(?:i\s+)?don'?t think (?:that|this|it)(?:'d| would| will|'ll)? (?:works?|flies|fly|helps?)\b|let'?s not\b|please don'?t\b|drop (?:it|that)\b)|^\W*(?:[\w']+\W+){0,3}actually,? (?:no|nah|nope)\b|\bok,? drop (?:it|that)\b|[,;.]\s*not (?:for )?now\W*$|[.!]\s+no[.!]*\s*$|\p{So}\s*no[.!]*\s*$|^\W*(?:(?:we|you|u) )?(?:can'?t|cannot)\s*[,.;:!-]|^\W*(?:we|you|u) (?:can'?t|cannot) do (?:that|this)\b|\bnot worth (?:it|the (?:effort|pain|hassle|complexity|risk))\b|\bnot adding (?:another|one|it|that|this)\b|^\W*(?:[\w'-]+\W+){0,3}but no\s*[,.;!]|^\W*(?:absolutely|definitely|certainly) not\b|[,.;!]\s*park (?:it|that|this)(?: for\b[^.;!?]*| until\b[^.;!?]*| for now)?\W*$|^\W*park (?:it|that|this)\b|\bnot happening\b|\bnot (?:making|turning) (?:that|this|it) (?:into )?(?:an? )?(?:action|action item|follow-?up|item|ticket)\b|\bno,? we won'?t\b|^\W*(?:nice|good|great|cool|neat|interesting) (?:idea|thought|one),? but\b|^\W*(?:ok,? |okay,? |agreed?,? )?not doing (?:that|this|it)\b|(?:^|[,.;]\s*)(?:i'?d |id )?rather not\W*$|^\W*(?:maybe,? |hmm+,? )?(?:we'?ll|let'?s) see(?: (?:after|once|when|later|next)\b|\W*$)`)
	// upSelfRejectRE: an idea its author turns down in the same breath.
	// "we could flatten the record instead, but with the CI check that's not worth
	// the pain"; "we'd need a week to audit them all, not now".
	upSelfRejectRE = regexp.MustCompile(`\bbut (?:no|nah)\b|\bbut honestly (?:it'?s|its|that'?s|thats) not\b|\bbut\b[^.?!]{0,60}\b(?:not worth|overkill|unnecessary|not needed|no need)\b|[,;]\s*not now\W*$`)
	// upAssignRE: a third-person assignment; group 1 or 2 is a name to check
	// against the participants ("X is on dave", "abena to look at it", "owner: tunde",
	// "Ravi will be taking up this one", "lee has it", "julien will handle it").
	upAssignRE = regexp.MustCompile(`\b(?:is|'s|are) on @?([\w.\-]+)|@?([\w.\-]+),? (?:will (?:handle|take|own|do|drive|look|pick|be taking|be owning|follow)|is (?:taking|owning|handling|doing)|to (?:look|own|take|do|handle|drive|write|add|fix|pick|follow|check)|has (?:it|this|that|the)|owns (?:it|this|that|the)|takes (?:it|this|that|the))\b|\bowners?\b[^:()\n]{0,30}[:=]\s*@?([\w.\-]+)|[—–]\s*@([\w.\-]+)`)
	// upNameWordRE is a word that may be a participant's name as people write it.
	upNameWordRE = regexp.MustCompile(`@?[A-Za-z][\w.\-]*`)
	// upAuxFirstRE: a question that opens like this asks about the state of things,
	// not for an improvement ("did the alert fire?", "is it back?").
	upAuxFirstRE = regexp.MustCompile(`^\W*(did|do|does|is|are|was|were|has|have|had|who|what|when|where|why|how|which|any|anyone|anybody|can|could|should|would|will|shall|may|might|must|am)\b`)
)

// participants maps the ways people write a participant's name ("jonas.b", "jonas",
// "kenta-san" → "kenta") to the user name the transcript shows. A short form two
// people share is dropped: it names nobody.
type participants map[string]string

// speakersOf is the participants of a transcript: every human speaker whose name
// is not a user id. A Slack export names them in user_name; a document's "user"
// is often the name itself ("mel").
func speakersOf(msgs []msgTags) participants {
	return nameForms(msgs, func(m copilot.Message) bool { return !upUserIDRE.MatchString(speaker(m)) })
}

// upUserIDRE is a chat platform's user id ("U04A2M8YKD") rather than a name.
var upUserIDRE = regexp.MustCompile(`^[UW][A-Z0-9]{2,}$`)

// nameForms maps the ways people write the names of the human speakers that named
// accepts to those names.
func nameForms(msgs []msgTags, named func(copilot.Message) bool) participants {
	p := participants{}
	clash := map[string]bool{}
	add := func(form, name string) {
		if len(form) < 3 || clash[form] {
			return
		}
		if prev, ok := p[form]; ok && prev != name {
			delete(p, form)
			clash[form] = true
			return
		}
		p[form] = name
	}
	for _, t := range msgs {
		name := speaker(t.msg)
		if t.bot || name == "" || !named(t.msg) {
			continue
		}
		low := strings.ToLower(name)
		add(low, name)
		for _, part := range strings.FieldsFunc(low, func(r rune) bool { return r == '.' || r == '_' || r == '-' }) {
			if part != low && !nameStopWords[part] {
				add(part, name)
			}
		}
	}
	return p
}

// nameStopWords are name parts that are ordinary words ("dev_mike" is not "dev").
var nameStopWords = toSet(`dev ops sre bot the and admin user team eng oncall`)

// who returns the participant a written word names, or "".
func (p participants) who(word string) string {
	w := strings.ToLower(strings.Trim(word, "@.,:;!?()-–"))
	w = strings.TrimSuffix(w, "-san")
	w = strings.TrimSuffix(w, "'s")
	return p[w]
}

// named reports whether a message names the participant anywhere in its words
// ("yes pls joao. by friday?").
func (p participants) named(raw, name string) bool {
	for _, w := range upNameWordRE.FindAllString(raw, -1) {
		if p.who(w) == name {
			return true
		}
	}
	return false
}

// addressee is the participant a message asks for something: named at the start of
// a sentence ("Jonas, you take…?", "chen can you…"), alone before a question mark
// ("…, joost?"), with an honorific ("kenta-san") or by mention; "" when the message
// addresses nobody or only its speaker.
func (p participants) addressee(raw string, names map[string]string, self string) string {
	if sub := fuAskRE.FindStringSubmatch(raw); sub != nil {
		for _, g := range sub[1:] {
			if g != "" {
				if n := resolveName(g, names); n != self {
					return n
				}
			}
		}
	}
	low := strings.ToLower(cleanText(raw))
	if !upRequestRE.MatchString(low) {
		return ""
	}
	for _, s := range followUpSentences(cleanText(raw)) {
		words := nonPossessiveWords(s)
		if len(words) == 0 {
			continue
		}
		// The first word of a sentence, or the one after a greeting or a filler.
		cands := []string{words[0]}
		if len(words) > 1 && fillerWords[strings.ToLower(words[0])] {
			cands = append(cands, words[1])
		}
		// The first word after a short opening that acknowledges, when what
		// follows asks ("good idea, mel can you take it with the statuspage
		// folks?").
		if cl := upClauseRE.Split(s, 2); len(cl) == 2 && len(strings.Fields(cl[0])) <= 3 {
			if w := upNameWordRE.FindString(cl[1]); w != "" && upRequestRE.MatchString(strings.ToLower(cl[1])) {
				cands = append(cands, w)
			}
		}
		// The word before a question mark that ends the sentence ("…, joost?").
		if strings.HasSuffix(strings.TrimSpace(s), "?") {
			cands = append(cands, words[len(words)-1])
		}
		for _, w := range upNameWordRE.FindAllString(s, -1) {
			if strings.HasSuffix(strings.ToLower(w), "-san") || strings.HasPrefix(w, "@") {
				cands = append(cands, w)
			}
		}
		for _, w := range cands {
			if n := p.who(w); n != "" && n != self {
				return n
			}
		}
	}
	return ""
}

// nonPossessiveWords is the words of s that may name a person addressed: a name
// with "'s" after it ("fiona's team clicked publish 20 times") speaks about its
// person's things, not to them.
func nonPossessiveWords(s string) []string {
	var out []string
	for _, loc := range upNameWordRE.FindAllStringIndex(s, -1) {
		if possessiveNext(s[loc[1]:]) {
			continue
		}
		out = append(out, s[loc[0]:loc[1]])
	}
	return out
}

// possessiveNext reports whether rest opens with "'s" or "’s": the word before
// it owns what follows ("fiona's team", "today's commands").
func possessiveNext(rest string) bool {
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")
}

// upClauseRE ends a clause inside a sentence.
var upClauseRE = regexp.MustCompile(`[,;:]\s+|\s+[—–-]\s+`)

var fillerWords = toSet(`hey hi ok okay so and also haan ja yes then hmm well`)

// upYoursRE: a message or its last sentence handing the idea to a person
// ("joao yours", "ok. @mel, yours.", "… from now on. rik file it"); group 1 is
// the person.
var upYoursRE = regexp.MustCompile(`(?:^|[.!,;:]\s*)@?([\w.\-]+),? (?:yours|(?:pls |please )?(?:file|ticket|take|own|grab) (?:it|that|this)(?: one)?(?: pls| please)?)[.!]*\s*$`)

// assigned returns the participant a message assigns work to in the third person.
func (p participants) assigned(low string, self string) string {
	// "joao yours" hands the idea over; "@hanna yours?" asks.
	if m := upYoursRE.FindStringSubmatch(low); m != nil {
		if n := p.who(m[1]); n != "" {
			return n
		}
	}
	for _, sub := range upAssignRE.FindAllStringSubmatch(low, -1) {
		for _, g := range sub[1:] {
			if n := p.who(g); g != "" && n != "" {
				_ = self
				return n
			}
		}
	}
	return ""
}

// upLookRE: looking at something, which takes on no work.
var upLookRE = regexp.MustCompile(`\b(?:take|have|grab) an? (?:quick |closer |first )?(?:look|peek|glance)\b`)

// upDoItRE: a first-person commitment whose object points back at what was said
// ("I'll do that", "I will raise the ticket for same", "I make it until friday",
// "will add it there" with the subject left out, as chat does).
var upDoItRE = regexp.MustCompile(`(?:^|[\s,.;:!(])(?:(?:i|we)(?:'ll| will| can| could|'m going to| am going to)?|will)(?: to)? (\w+(?: up)?) (?:it|that|this|same|them|the ticket|a ticket)\b(?: (up|out|together)\b)?|\bfor same\b`)

// doesIt reports an upDoItRE commitment whose verb makes or takes on work ("do",
// "raise", "bring", "fix"), not one of looking or firefighting ("I'll rerun it").
func doesIt(low string) bool {
	if upStartOnRE.MatchString(low) {
		return true
	}
	for _, m := range upDoItRE.FindAllStringSubmatch(low, -1) {
		if m[1] == "" {
			return true // "for same"
		}
		if strings.HasSuffix(m[1], "ed") {
			continue // "I added this incident to it" reports
		}
		// "I'll set that up": the particle after the pronoun belongs to the verb.
		for _, v := range []string{m[1], m[1] + " " + m[2]} {
			if (fuMakeRE.MatchString(v) || upTakeVerbs[v]) && !fuTriageRE.MatchString(v) {
				return true
			}
		}
	}
	return false
}

// opensTaking reports a message whose first sentence opens with a promise whose
// object points back ("I'll write it, incl …", "ok, I can add that by friday"):
// nothing of its own is said before the pronoun.
func opensTaking(low string) bool {
	if upClaimOpenRE.MatchString(low) {
		return true
	}
	lead := leadSentence(low)
	loc := upDoItRE.FindStringIndex(lead)
	if loc == nil || !doesIt(lead[loc[0]:loc[1]]) || len(contentTerms(upAffirmRE.ReplaceAllString(lead[:loc[0]], ""))) > 0 {
		return false
	}
	// "I add this field to the form": "this" with a noun after it is no pointer
	// back, it names the thing.
	next := strings.Fields(lead[loc[1]:])
	return len(next) == 0 || next[0] == "one" || len(contentTerms(next[0])) == 0 || lkDateRE.MatchString(next[0])
}

// upClaimOpenRE: a message that opens by claiming the idea before it ("that one's
// mine, I'll put it on the CMS roadmap", "mine. friday"): what follows says how
// the claimer will do it, not an idea of their own.
var upClaimOpenRE = regexp.MustCompile(`^\W*(?:(?:ok(?:ay)?|sure|yes|yep|yeah)\W+)?` + upClaimMine + `\b`)

// upClaimMine: a claim of the work ("mine", "that one's mine", "this is mine").
const upClaimMine = `(?:(?:that|this)(?: one)?(?:'s| is) )?mine`

// upStartOnRE: setting to work on what was said ("I'll start on it next week",
// "will get on that", "I can get to it friday").
var upStartOnRE = regexp.MustCompile(`(?:^|[\s,.;:!(])(?:(?:i|we)(?:'ll| will| can|'m going to| am going to)?|will) (?:start|get|work|crack) (?:on|to) (?:it|that|this|them)\b`)

var upTakeVerbs = toSet(`do bring take handle own drive chase sort raise`)

// upTarget is what the conversation said about one proposal.
type upTarget struct {
	asked    string // the participant asked to take it
	declined bool   // the person asked said no
	taken    bool   // someone took it: a later take by another does not replace them
}

// applyUptake reads the replies to proposals: requests, acceptances, declines,
// rejections and third-person assignments. An accepted or assigned proposal becomes
// a follow-up (with the owner and a due date the reply gives), the acceptance itself
// is merged into it, and a proposal turned down is dropped. A wrap-up message that
// names a lasting improvement, or proposes by its grammar, becomes a candidate when
// someone takes it or it is assigned.
func applyUptake(lc *incidentLifecycle, cands map[int]*fuCandidate, order *[]int, names map[string]string, threadOf func(copilot.Message) string) {
	parts := speakersOf(lc.msgs)
	state := map[int]*upTarget{}
	get := func(i int) *upTarget {
		if state[i] == nil {
			state[i] = &upTarget{}
		}
		return state[i]
	}
	rejected := map[int]bool{}
	merged := map[int]int{}  // a request or an answer merged into the idea it is about
	aimedAt := map[int]int{} // the idea each message was read as answering
	// termDF counts in how many messages of people (not bots) each term is said;
	// built the first time a restatement is weighed, which most chats never reach.
	var df map[string]int
	termDF := func() map[string]int {
		if df == nil {
			df = map[string]int{}
			for _, t := range lc.msgs {
				if !t.bot {
					for _, term := range contentTerms(t.msg.Text) {
						df[term]++
					}
				}
			}
		}
		return df
	}
	// foldInto merges the idea at target into the promise said in full at at:
	// the item stays where the promise is, owned by its speaker unless it names
	// someone, and the idea counts as taken.
	foldInto := func(item *fuCandidate, self string, at, target int, st *upTarget) {
		if item.owner == "" {
			item.owner = self
		}
		delete(cands, target)
		merged[target] = at
		st.taken = true
	}
	ensure := func(i int) *fuCandidate {
		if c := cands[i]; c != nil {
			return c
		}
		t := lc.msgs[i]
		if !afterIncident(lc, t) || !(fuLastingRE.MatchString(t.lower) || proposalForm(t.lower, true)) {
			return nil
		}
		// Taken up or not, the incident's own business stays what it is ("can
		// somebody write an official note to the 340 students?" … "I do it
		// today"), and so does a question for a fact or for whether something is
		// owed ("do we owe the council a report on this?" … "i'll handle the
		// council side").
		// Nor is a take-back an idea to take up ("actually dropping the circuit
		// breaker, … not doing it" … "ok. postmortem thursday, i'll write it up"),
		// or an intention told in the past ("was going to script the renewal …
		// but they don't have one" … "postmortem monday, I'll draft it").
		// Nor is a stopgap ("@joon_cc can we keep the 12G for now?" … "yes,
		// billed hourly … I'll note it on the ticket"): said to last only until
		// the real change, it is no work to outlive the incident, taken or not.
		if paperwork(t.lower) || remedy(t.lower) || reportMeta(t.lower) || planAsked(t.lower) || immediateAsk(t.lower) || infoQuestion(t.lower) || reasonedRetract(t.lower) || abandonedIntent(t.lower) || fuStopgapRE.MatchString(withoutNames(t.lower)) {
			return nil
		}
		c := newCandidate(t, t.msg.Text, names)
		cands[i] = c
		*order = append(*order, i)
		return c
	}

	for _, t := range lc.msgs {
		if t.bot || t.section != "" {
			continue
		}
		self := speaker(t.msg)
		low := t.lower
		// A proposal that asks or assigns someone in its own words.
		if who := parts.assigned(low, self); who != "" {
			if c := ensure(t.idx); c != nil && (c.owner == "" || c.owner == who) {
				c.owner, c.accepted = who, true
				get(t.idx).asked = who
			}
		} else if c := cands[t.idx]; c != nil {
			if who := parts.addressee(t.msg.Text, names, self); who != "" {
				get(t.idx).asked = who
				if c.owner == "" {
					c.owner = who
				}
			} else if c.owner != "" && c.owner != self {
				// "Ravi will be taking this one": named in the proposal itself.
				get(t.idx).asked = c.owner
			}
		}
		// A quoted label ("a macro for 'charged but no pass'") turns nothing down.
		if c := cands[t.idx]; c != nil && upSelfRejectRE.MatchString(unquoted(low)) {
			rejected[t.idx] = true
		}
		target := replyTarget(lc, cands, t, threadOf)
		if target < 0 || caretElsewhere(lc, t, target) {
			continue
		}
		// In a thread, the answer of someone whose own item was just asked about
		// ("I can add an alert …" … "yes pls joao. by friday?" … "Yes, by Friday
		// it is ok.") answers that item, not the latest idea of another before it.
		for k := t.idx - 1; k > target; k-- {
			if to, ok := aimedAt[k]; ok && to > target && cands[to] != nil && speaker(lc.msgs[to].msg) == self && speaker(lc.msgs[k].msg) != self && parts.named(lc.msgs[k].msg.Text, self) &&
				threadOf(lc.msgs[to].msg) == threadOf(t.msg) && threadOf(lc.msgs[k].msg) == threadOf(t.msg) {
				target = to
				if st := get(to); st.asked == "" {
					st.asked = self // the reply between asked them about it
				}
				break
			}
		}
		// An answer to a request answers the idea the request was about.
		for hops := 0; hops < 4; hops++ {
			if to, ok := merged[target]; ok {
				target = to
			}
		}
		aimedAt[t.idx] = target
		tm := lc.msgs[target]
		st := get(target)
		author := speaker(tm.msg)
		inThread := t.msg.ThreadTS != "" && t.msg.ThreadTS != t.msg.TS
		own := agreementTerms(low)
		ov, shared := termOverlap(own, contentTerms(tm.msg.Text))
		// "that is a marketing decision, we will raise it, no promise": a reply
		// that takes the idea on without committing to it does not adopt it.
		if (rejects(low) || notCommitted(low) || deniesTheVerb(low, tm.lower)) && !upTakeRE.MatchString(low) {
			if c := cands[target]; self == author || c == nil || c.owner == "" {
				rejected[target] = true
			}
			continue
		}
		// "sorry all, should've load tested #2217" apologises for the incident;
		// it declines nothing.
		if upDeclineRE.MatchString(low) && !onlyRegrets(low) && (st.asked == self || st.asked == "") {
			if c := cands[target]; c != nil && c.owner == self {
				c.owner = ""
			}
			st.declined, st.asked = true, ""
			continue
		}
		// A message with an idea of its own is not an answer to the one before it
		// ("on my side I'll add a step to the checklist" after "could we get a check?"),
		// unless it comes from the person asked or points back in its first words
		// ("i will bring this to our weekly").
		// A request or an assignment that carries no idea of its own ("yours mike?",
		// "Rohit can you check effort by Monday?") is about the idea before it.
		// A request that names the earlier thing but asks for a different change to it
		// ("can you move the db certs to vault?" after "an alert on db cert expiry")
		// is an idea of its own: it says more than the pointer back.
		// A request the detector did not list as an idea may still carry one
		// ("@lucia could your ops team prepare a driver message template for
		// 'card payments down'?"): it says more than names and a pointer back.
		earlier := contentTerms(tm.msg.Text)
		back := pointsBack(low, earlier, parts)
		noIdea := cands[t.idx] == nil && (back || freshTerms(withoutDue(t), earlier, parts) <= 3)
		// An agreement that goes on to ask someone by name ("agree. @jon can you
		// write that down as an actual rule somewhere people will see it") asks
		// them to take the idea it agrees with; it takes nothing itself.
		addressed := parts.addressee(t.msg.Text, names, self)
		// One that carries an idea of its own ("Agreed. And the manoeuvre
		// procedure: … jules, can you add that to the procedure.") is read as
		// before.
		agreeAsks := addressed != "" && cands[t.idx] == nil && upAgreeOpenRE.MatchString(low) && upAskBackRE.MatchString(low)
		asks := (addressed != "" || parts.assigned(low, self) != "") &&
			(noIdea || (strings.Contains(low, "?") && back) || agreeAsks)
		// "+1, I'll write it up as a feature for Q3" right after a question takes
		// the question on: it agrees first and its object points back.
		// So does "doable, offline redemption w a daily cap … filing LOY-347,
		// mine": it agrees first and ends by claiming the work.
		agreedTake := self != author && target == t.idx-1 && upAgreeOpenRE.MatchString(low) && (upPronounCommitRE.MatchString(low) || upClaimEndRE.MatchString(low)) && !agreeAsks
		// "someone has to sweep every image for a bundled G2 before the 30th" …
		// "i'll do the sweep, scan the registry images for the G2 fingerprint and
		// list owners by the 25th": a promise right after someone's idea nobody
		// owns yet, naming the idea's rare things (sharesRare), takes it on in
		// its own words rather than adding an idea of its own. The date is then
		// the taker's ("by the 25th" for "before the 30th").
		restated := !agreedTake && self != author && target == t.idx-1 && !tm.question && st.asked == "" && !st.taken && sentenceCommits(low) &&
			cands[target] != nil && cands[target].owner == "" && !deliverableDiffers(tm.msg.Text, t.msg.Text) && sharesRare(termDF(), tm.msg.Text, t.msg.Text)
		agreedTake = agreedTake || restated
		if !(inThread || asks || st.asked == self || len(own) <= 3 || ov >= 0.5 || doesIt(leadSentence(low)) || agreedTake) {
			continue
		}
		// A follow-up in its own right, outside the thread and about something else,
		// adds an idea ("also a retention cleanup script, I'll do that too", "and I'll
		// require 2 reviewers") rather than answering the one before it, unless it is
		// the first word from the person asked.
		// One that opens by taking the idea by a pronoun ("I'll write it, incl
		// the retention command and the poll settings") takes it, and the rest
		// says what the taker will put in it.
		if c := cands[t.idx]; c != nil && c.accepted && !inThread && !asks && len(own) >= 3 && ov < 0.5 && !(st.asked == self && !st.taken) && !agreedTake && !opensTaking(low) {
			continue
		}
		// "and upload limit 5MB for logo, I do it this week": an entry that opens by
		// adding to the list and says something the idea before it does not is a
		// new idea its author takes, whatever verb of taking it ends with.
		if (!inThread || shared == 0) && !asks && len(own) >= 3 && ov < 0.5 && upAddRE.MatchString(low) && (upTakeRE.MatchString(low) || sentenceCommits(low)) {
			if c := ensure(t.idx); c != nil {
				c.accepted = true
				if c.owner == "" {
					c.owner = self
				}
				if c.due == "" {
					c.dueText, c.due = findDue(t.msg.Text, t.msg.Time(), true)
				}
			}
			continue
		}
		// "can we not just give them paper sheets every day" … "ha no, …" … "fair.
		// i'll get a printed set of last weeks rounds kept in both depot offices as
		// a backup tho": conceding the refusal of one's own idea and promising a
		// smaller thing in full is an idea of one's own, not a take of the item
		// before the refused one.
		if !asks && len(own) >= 3 && concedesOwnRefused(lc, t) && sentenceCommits(low) && !upPronounCommitRE.MatchString(low) {
			if c := ensure(t.idx); c != nil {
				c.accepted = true
				if c.owner == "" {
					c.owner = self
				}
			}
			continue
		}
		// "the purge job needs to delete in small batches … I'll take that one":
		// a message that states an idea and then takes one takes its own, in a
		// thread as anywhere, not the idea before it.
		if !asks && st.asked != self && !agreedTake && takesOwnIdea(low) {
			if c := ensure(t.idx); c != nil {
				c.accepted = true
				if c.owner == "" {
					c.owner = self
				}
			}
			continue
		}
		// Out of a thread, a commitment answers the idea before it when its object
		// points back ("I'll do that", "I will raise the ticket for same") or it
		// restates the idea.
		commits := sentenceCommits(low) && len(tm.actions) == 0
		// In the idea's thread, a promise whose object points back ("I'll scope it
		// for next sprint") takes it, whatever the idea's own message did.
		mine := upTakeRE.MatchString(low) || doesIt(low) || (commits && (inThread || ov >= 0.5 || st.asked == self)) || agreedTake ||
			(inThread && t.msg.ThreadTS == tm.msg.TS && upPronounCommitRE.MatchString(low))
		// "… — scratch mine, the per-partition one covers it" takes back the
		// speaker's own idea; it takes nobody's.
		// "i'll raise a case with aws about why the storage died" opens a case
		// with a vendor: a look of its own, not the idea before it taken.
		if upLookRE.MatchString(low) || upRetractMineRE.MatchString(low) || vendorCase(low) {
			mine = false // "I'll take a look" is triage, not taking the work
		}
		affirm := upAffirmRE.MatchString(low)
		switch {
		case (parts.assigned(low, self) != "" || parts.addressee(t.msg.Text, names, self) != "") &&
			(asks || noIdea || len(own) < 3 || ov >= 0.5):
			// A request in a thread that puts an idea of its own to someone
			// ("@kenji silences without expiry: can you make alertmanager refuse
			// them?" under another idea) is that idea's item, not a request about
			// the thread's.
			c := cands[target]
			if c == nil {
				c = ensure(target)
			}
			if c == nil {
				break
			}
			// A promise its speaker made for themselves ("i'll do the prometheus
			// rule") is not handed to someone else by a later request ("are there
			// other int4 sequences about to blow? dmitri can you check all of
			// them"): the request asks for other work, its own idea.
			if who := cmp.Or(parts.assigned(low, self), addressed); c.owner != "" && c.owner == author && who != author {
				if own := ensure(t.idx); own != nil {
					own.accepted, own.owner = true, who
					get(t.idx).asked = who
				}
				break
			}
			if who := parts.assigned(low, self); who != "" {
				c.owner, c.accepted = who, true
				st.asked = who
			} else {
				st.asked = parts.addressee(t.msg.Text, names, self)
			}
			if c.due == "" {
				if words, date := findDue(t.msg.Text, t.msg.Time(), true); date != "" {
					c.due, c.dueText = date, words
				}
			}
			if c.askedAt == 0 && t.idx > c.idx {
				c.askedAt = t.idx // cited: it names the owner and often the date
			}
			mergeReply(cands, t, c)
			merged[t.idx] = target
		case mine || (affirm && st.asked == self):
			// A commitment complete in its own words after a remark that proposed
			// nothing by itself ("we should have had a lag alert since forever" …
			// "I'll add alerting on replica lag, page if…") is the follow-up; the
			// remark does not take it over.
			// Agreeing with a complaint that proposed nothing ("honestly we found
			// out from patrons. the registration alert fired an hour and a half
			// after" … "+1, I'll tighten the anomaly alert, 1.5x over 30 min") is
			// no take of it either: the complaint is answered by the promise.
			if item := cands[t.idx]; item != nil && item.accepted && len(own) >= 3 &&
				(cands[target] == nil && !agreedTake || cands[target] != nil && cands[target].complaintOnly) {
				break
			}
			// A speaker who regrets something of their own and then, in the next
			// words, promises the work in full ("honestly should've bounced the
			// java apps after the switchover. the runbook just doesn't say so" …
			// "I'll add it to the switchover runbook: after the switchover check
			// …") commits where the promise is said; the regret was no idea to
			// take, so it is folded into the promise, not the promise into it.
			if item := cands[t.idx]; item != nil && item.accepted && self == author && len(own) >= 3 && !inThread &&
				cands[target] != nil && onlyRegrets(tm.lower) {
				foldInto(item, self, t.idx, target, st)
				break
			}
			// Nor does an idea already turned down take over a promise said in
			// full after it ("maybe we also run the access analyzer?" … "not now"
			// … "I'll also put the 403 case into the dock runbook"): the promise
			// is new work, not the refused idea taken on after all.
			if item := cands[t.idx]; item != nil && item.accepted && rejected[target] && len(own) >= 3 && ov < 0.2 {
				break
			}
			// So is one that answers a question put to nobody in particular ("can
			// campaigns be capped at a send rate by default?" … "good one. I'll add
			// a default 1,000/s cap in the campaign config"): the promise is made
			// where it is said in full, and the question is merged into it.
			if item := cands[t.idx]; item != nil && item.accepted && self != author && st.asked == "" && !st.taken &&
				cands[target] != nil && cands[target].owner == "" && len(own) >= 3 {
				// It says the thing again in its own words ("cap", "campaign",
				// "default"), rather than pointing back ("I'll open it with them").
				if _, q := questionOnly(tm.lower, true); q && shared >= 2 {
					foldInto(item, self, t.idx, target, st)
					break
				}
			}
			// Nor does a promise of one's own, said in full, take over an item
			// someone else already took ("I add a TLS breakdown to the dashboard" …
			// "and changes to edge policies need a TLS review in the change
			// template, I will update the template"): related work, another item.
			if item, prev := cands[t.idx], cands[target]; item != nil && item.accepted && len(own) >= 3 && st.asked != self &&
				prev != nil && prev.accepted && prev.owner != "" && prev.owner != self {
				break
			}
			// Nor, in a wrap-up thread where each reply adds an idea, does a
			// promise said in full that shares no word with the idea before it and
			// makes another kind of thing take it ("someone should run a load test
			// at rollover volume" … "I'll add 'pool changes need a DBA review' to
			// the release checklist"): a test is not a checklist entry.
			if item := cands[t.idx]; item != nil && item.accepted && len(own) >= 3 && shared == 0 && st.asked != self &&
				!upTakeRE.MatchString(low) && !opensTaking(low) && deliverableDiffers(tm.msg.Text, t.msg.Text) {
				break
			}
			// A request taken on for the next hour ("can we get the list of the
			// portal ones so call center can reach out?" … "yes I'll pull it after
			// this, give me an hour") is a step of the response, when the request
			// names nothing lasting.
			// So is one the taker carries out as they answer ("tomasz can we drop
			// the pool to 8 per pod?" … "yep, changing hikari maximumPoolSize 15 ->
			// 8 and hpa max to 20. deploying").
			if (upSoonRE.MatchString(low) || upUnderWayRE.MatchString(low)) && !fuStrongLastingRE.MatchString(tm.lower) {
				rejected[target] = true
				break
			}
			c := ensure(target)
			if c == nil {
				break
			}
			c.accepted = true
			if c.owner == "" || st.asked == self || (mine && !st.taken) || st.declined {
				c.owner = self
			}
			// The proposer's own yes to a request to take their idea is the
			// take too ("could partners get a status page component?" … "mel can
			// you take it?" … "sure, I'll get one by end of month").
			if !st.taken && (self != author || st.asked == self) {
				c.takenAt = t.idx
				c.takeTerms = contentTerms(t.msg.Text)
			}
			st.taken = true
			if restated {
				if words, date := findDue(t.msg.Text, t.msg.Time(), true); date != "" {
					c.due, c.dueText = date, words
				}
			}
			// The taker's own date is the one they commit to: "priya can you own
			// the gate change? end of next week" … "yep, by fri 22nd".
			if words, date := replyDue(t); date != "" && (c.due == "" || self != author) {
				c.due, c.dueText = date, words
			}
			mergeReply(cands, t, c)
			merged[t.idx] = target
		case affirm && st.asked == "" && self != author && isReplyOnly(t) && afterIncident(lc, tm):
			// "agreed", "ok" from someone not asked: the idea stands, unowned.
			if c := cands[target]; c != nil {
				c.accepted = true
				mergeReply(cands, t, c)
				merged[t.idx] = target
			}
		}
	}
	for i := range rejected {
		delete(cands, i)
	}
	// "@yuki" is the participant "yuki.t" when only one name fits.
	for _, c := range cands {
		if c.owner != "" && parts[strings.ToLower(c.owner)] != c.owner {
			if n := parts.who(c.owner); n != "" {
				c.owner = n
			}
		}
	}
}

// afterIncident: a message of the wrap-up, after the incident was resolved, that a
// person wrote (not a bot, not a report's section) and that names no action taken.
func afterIncident(lc *incidentLifecycle, t msgTags) bool {
	// A question's step is asked for, not done ("can we get an in-app banner we
	// can flip when the backend is degraded?").
	if t.bot || t.section != "" || len(t.actions) > 0 && !t.question || fuHopeRE.MatchString(t.lower) || len(contentTerms(t.msg.Text)) < 3 {
		return false
	}
	// Without a recognised mitigation or resolution the wrap-up is the last part of
	// the channel (wrapUpStart), or what follows a terse "done" / "closing".
	if lc.mitigated < 0 && lc.resolvedAt < 0 {
		if end := terseClose(lc); end >= 0 {
			return t.idx > end
		}
	}
	return t.idx >= lc.wrapUpStart() && (lc.resolvedAt < 0 || t.idx > lc.resolvedAt)
}

// upCloseRE is a sentence that only closes the incident ("done", "ok closed",
// "solved", "fixed", "closing").
var upCloseRE = regexp.MustCompile(`^\W*(?:ok(?:ay)?[,.]?\s*)?(?:done|closed|closing|close it|fixed|solved|all good|resolved|c'est bon)\W*$`)

// terseClose is the index of the first message one of whose sentences only closes
// the incident, -1 when none.
func terseClose(lc *incidentLifecycle) int {
	for _, t := range lc.msgs {
		if t.bot || t.idx == 0 {
			continue
		}
		for _, s := range followUpSentences(t.lower) {
			if upCloseRE.MatchString(s) {
				return t.idx
			}
		}
	}
	return -1
}

// givenRef reports whether low names something already said with a definite noun
// phrase of two or more content terms, all of which the earlier message holds ("can
// you look into the anomaly alert?" after "a cost anomaly alert per bucket…").
func givenRef(low string, earlier []string) bool {
	have := map[string]bool{}
	for _, t := range earlier {
		have[t] = true
	}
	for _, m := range upTheRE.FindAllStringSubmatch(low, -1) {
		terms := contentTerms(m[1])
		if len(terms) < 2 {
			continue // one word ("the platform") is too common to point back
		}
		all := true
		for _, t := range terms {
			all = all && have[t]
		}
		if all {
			return true
		}
	}
	return false
}

// pointsBack reports whether a sentence of low names something the earlier message
// said (givenRef) or takes it as a pronoun ("can you take it to them?"), and adds at
// most two terms of its own to it, participants' names aside: "can you look into
// the anomaly alert?" points back, "can you move the db certs to vault auto-renew?"
// asks for a change of its own.
func pointsBack(low string, earlier []string, parts participants) bool {
	fresh := func(s string) int { return freshTerms(contentTerms(s), earlier, parts) }
	sents := followUpSentences(low)
	for i, sent := range sents {
		// A pronoun points back only when the rest of the message says nothing
		// it could stand for ("also we should move to token auth. @olu can you
		// own that?" asks for its own idea).
		pronoun := upItRE.MatchString(sent) && fresh(strings.Join(sents[:i], " ")+" "+strings.Join(sents[i+1:], " ")) <= 2
		if !givenRef(sent, earlier) && !pronoun {
			continue
		}
		if fresh(sent) <= 2 {
			return true
		}
	}
	return false
}

// freshTerms counts the terms of own that the earlier message does not say and that
// name no participant.
func freshTerms(own, earlier []string, parts participants) int {
	have := toSet(strings.Join(earlier, " "))
	n := 0
	for _, t := range own {
		if !have[t] && parts.who(t) == "" {
			n++
		}
	}
	return n
}

// withoutDue is the agreement terms of t without its deadline ("by Monday").
func withoutDue(t msgTags) []string {
	low := t.lower
	if words, _ := findDue(t.msg.Text, t.msg.Time(), true); words != "" {
		low = strings.Replace(low, strings.ToLower(words), " ", 1)
	}
	return agreementTerms(low)
}

// upAgreeOpenRE: a reply that opens by agreeing with the idea before it, or by
// taking it ("mine, …").
var upAgreeOpenRE = regexp.MustCompile(`^\W*(?:\+1|agreed?|mine|good (?:idea|point|call|shout|one|thought)|great idea|yes|yeah|yep|sure|makes sense|doable|can do)\b`)

// upClaimEndRE: a message that ends by claiming the work in a clause of its own
// ("… filing LOY-347, mine", "… that one's mine").
var upClaimEndRE = regexp.MustCompile(`(?:^|[,.;:!]\s*)` + upClaimMine + `\W*$`)

// upSoonRE: a horizon of minutes or hours for taking something on ("give me an
// hour", "after this", "in 10 min").
var upSoonRE = regexp.MustCompile(`\bgive me (?:an? |a few |\d+ |half an )?(?:hour|hr|min\w*|sec\w*)s?\b|\bafter this\b|\bin (?:\d+|a few|ten|five|fifteen|twenty) ?(?:min\w*|m)\b`)

// upUnderWayRE: a reply that reports the change being made as it answers: an
// affirmation and a change verb in the progressive ("yep, changing the pool
// to 8", "ok, bumping it now"), or one that closes on the deploy under way
// ("… deploying", "applying now").
var upUnderWayRE = regexp.MustCompile(`^\W*(?:(?:yep|yes|yeah|ok|okay|sure|on it|doing it|will do)\b[\W_]*)+(?:changing|setting|bumping|dropping|lowering|raising|scaling|rolling|reverting|restarting|applying|deploying|pushing|flipping|disabling|enabling|increasing|decreasing|reducing)\b|\b(?:deploying|applying|rolling (?:it )?out|pushing (?:it )?(?:out|now))(?: (?:now|it now))?\W*$`)

// upAskBackRE: a request whose object points back ("can you write that down",
// "could you own it"); "can you write the cert rotation runbook" names its own.
var upAskBackRE = regexp.MustCompile(`\b(?:can|could|would|will) (?:you|u) (?:\w+ )?(?:it|that|this)\b`)

// concedesOwnRefused reports whether t opens by conceding ("fair.", "ok fair")
// right after another person turned down the idea its speaker put just before.
func concedesOwnRefused(lc *incidentLifecycle, t msgTags) bool {
	if !upCorrectOpenRE.MatchString(t.lower) {
		return false
	}
	var prev []msgTags
	for i := t.idx - 1; i >= 0 && len(prev) < 2; i-- {
		if o := lc.msgs[i]; !o.bot && o.section == "" {
			prev = append(prev, o)
		}
	}
	return len(prev) == 2 && speaker(prev[1].msg) == speaker(t.msg) && speaker(prev[0].msg) != speaker(t.msg) &&
		refuses(prev[0].lower)
}

// upPronounCommitRE: a promise whose object is the idea pointed back at ("I'll
// write it up", "I'll scope it", "will do that").
var upPronounCommitRE = regexp.MustCompile(`\b(?:i'?ll|i will|we'?ll|we will|will|i can|can)\s+(?:[a-z]+\s+)?(?:it|that|this)\b`)

// upItRE: work whose object is a pronoun for what was said ("@tom can you take it
// to them?").
var upItRE = regexp.MustCompile(`\b(?:take|do|own|handle|raise|bring|chase|drive|pick up|sort out) (?:it|this|that)\b`)

var upTheRE = regexp.MustCompile(`\bthe ((?:[\w-]+ ){0,2}[\w-]+)`)

// leadSentence is the first sentence of low that is more than an affirmation.
func leadSentence(low string) string {
	sents := followUpSentences(low)
	for _, s := range sents {
		if upAffirmRE.MatchString(s) && len(agreementTerms(s)) <= 1 {
			continue
		}
		return s
	}
	return ""
}

// mergeReply removes a reply's own candidate when it only takes on the target
// ("I will raise the ticket for same", "^ i'll fix the routing").
func mergeReply(cands map[int]*fuCandidate, t msgTags, target *fuCandidate) {
	if c := cands[t.idx]; c != nil && c != target {
		if target.due == "" && c.due != "" {
			target.due, target.dueText = c.due, c.dueText
		}
		delete(cands, t.idx)
	}
}

// sentenceCommits: a first-person commitment to make or change something, in the
// future ("I'll fix the routing"), the present progressive ("I'm adding…") or the
// present simple that many speakers use for the near future ("I add step today").
func sentenceCommits(low string) bool {
	if m := fuCommitRE.FindStringIndex(low); m != nil && fuMakeRE.MatchString(low[m[1]:]) {
		return true
	}
	return presentCommits(low)
}

// upPresentRE: "I" with the present simple of a verb of making, which many speakers
// use for the near future ("I add step today"), or "I"/"we" with the present
// progressive ("we are changing…", "I'm adding…"). A modal or a conjunction before
// the subject makes it a question or a condition ("could we add…?", "when we
// add…"); see presentCommits.
var upPresentRE = regexp.MustCompile(`(?:^|[\s,.;:!(])(\w+[\s,]+)?(?:i (?:add|write|fix|create|put|bring|set up|prepare|update|raise|lower|file|open|change|build|take|move|remove|pin|cap|bump|split|switch|migrate|replace|rotate|enable|disable)|(?:i'm|i am|we're|we are) (?:now |also |already )?(?:unmut\w*|going through|adding|writing|fixing|creating|changing|building|doing|making|moving|putting|setting up|updating|reviewing|migrating|replacing|partitioning|wiring|automating|documenting))\b`)

// presentCommits reports whether low holds a present-tense first-person commitment
// (upPresentRE) not turned into a question or a condition by the word before it.
func presentCommits(low string) bool {
	for _, m := range upPresentRE.FindAllStringSubmatch(low, -1) {
		if !notCommitLead[strings.TrimRight(strings.TrimSpace(m[1]), ",")] {
			return true
		}
	}
	// With the subject dropped, as chat drops it ("also adding 'check gw clock'
	// as step 1 in the telemetry-gap runbook"), adding commits when what it adds
	// to is a kind of deliverable (a runbook, a checklist, an alert, a test).
	// A fix being written ("writing the parser fix meanwhile") is the response.
	// The deliverable is what the clause makes: "writing the parser fix
	// meanwhile: … + unit test" is the fix, its test a part of it.
	// So does one with a deadline after "by" or "before" ("also putting
	// handheld-gateway in the service catalogue … by the 20th"): work still
	// to do, whatever it makes.
	// A help-desk macro is edited in a minute while the incident runs ("👍 adding
	// 'please reload' to the macro"): adding to it is done, not promised.
	if upDroppedPresentRE.MatchString(low) && (deliverables(firstClause(low))&^kindSupport != 0 || byDeadline(low)) {
		return true
	}
	// The same after the clause that says what ("and cert-manager upgrades get a
	// release notes review for changed defaults, … adding that to the platform
	// upgrade checklist").
	for _, loc := range upLaterDroppedRE.FindAllStringIndex(low, -1) {
		if deliverables(firstClause(low[loc[1]:])) != 0 {
			return true
		}
	}
	return false
}

// byDeadline reports whether low sets a deadline with "by" or "before" ("by
// the 20th", "before friday"), the words that make a date one to meet.
func byDeadline(low string) bool {
	for _, m := range dueTriggeredRE.FindAllStringIndex(low, -1) {
		if w := low[m[0]:]; strings.HasPrefix(w, "by ") || strings.HasPrefix(w, "before ") {
			return true
		}
	}
	return false
}

// upLaterDroppedRE: "adding that to …" after a sentence or clause break; what
// follows it names the list.
var upLaterDroppedRE = regexp.MustCompile(`[.;,!]\s+(?:also |and |plus )?(?:adding|putting) (?:that|it|this|them|those) (?:to|in|on|into)\b`)

// firstClause is s up to its first colon, semicolon, comma or sentence end.
func firstClause(s string) string {
	if i := strings.IndexAny(s, ":;,.!?"); i >= 0 {
		return s[:i]
	}
	return s
}

// upDroppedPresentRE: a message that opens with adding to a list or writing or
// putting a deliverable, its subject dropped ("also adding …", "adding broker
// cert to night checklist", "also putting pool wait on the match-day dashboard").
var upDroppedPresentRE = regexp.MustCompile(`^\W*(?:also |and |plus )?(?:adding|documenting|putting|writing)\b`)

var notCommitLead = toSet(`could can should would shall will if when whenever why how whether maybe unless until before after that do did what where once while`)

// replyTarget is the proposal a message answers: the root of its thread (or the
// latest candidate in that thread), else among the few messages before it (past
// short answers, declines and requests) the candidate or lasting idea it shares most
// words with, the latest when it shares none. -1 when none.
func replyTarget(lc *incidentLifecycle, cands map[int]*fuCandidate, t msgTags, threadOf func(copilot.Message) string) int {
	self := speaker(t.msg)
	if t.msg.ThreadTS != "" && t.msg.ThreadTS != t.msg.TS {
		root := -1
		for i := t.idx - 1; i >= 0; i-- {
			m := lc.msgs[i].msg
			if m.TS == t.msg.ThreadTS {
				root = i
				break
			}
			if threadOf(m) == t.msg.ThreadTS && cands[i] != nil && speaker(m) != self && !isReplyOnly(lc.msgs[i]) {
				return i
			}
		}
		return root
	}
	own := agreementTerms(t.lower)
	if prev := t.idx - 1; prev >= 0 && (upAgreeOpenRE.MatchString(t.lower) && upPronounCommitRE.MatchString(t.lower) || opensTaking(t.lower) || upRejectOpenRE.MatchString(t.lower)) {
		// "yes, we'll add it to the dashboards" right after someone else's idea
		// ("and an alert on >1 capture per invoice?", or one numbered entry of a
		// wrap-up list, "2) alert on replication slots"): the pronoun stands for
		// the idea just said, whatever words the reply adds. So does a bare
		// "nah" or "no" opening a reply ("nah, overkill for one encoder. truncation
		// fix + the field audit covers it" turns down the lint rule just proposed,
		// not the audit its reason names).
		p := lc.msgs[prev]
		if !p.bot && speaker(p.msg) != self && (p.msg.ThreadTS == "" || p.msg.ThreadTS == p.msg.TS) && !isReplyOnly(p) && !upAgreeOpenRE.MatchString(p.lower) &&
			(cands[prev] != nil || fuLastingRE.MatchString(p.lower) || proposalForm(p.lower, true) || fuEnumLeadRE.MatchString(p.lower)) {
			return prev
		}
	}
	best, bestOv := -1, 0.0
	for i := t.idx - 1; i >= max(0, t.idx-4); i-- {
		prev := lc.msgs[i]
		m := prev.msg
		if prev.bot || (m.ThreadTS != "" && m.ThreadTS != m.TS) {
			continue // a bot, or a reply in another thread
		}
		idea := cands[i] != nil || fuLastingRE.MatchString(prev.lower) || proposalForm(prev.lower, true)
		if speaker(m) == self {
			// Answering a question about one's own idea ("pablo you do it?" … "yes"),
			// or taking it ("app should read from primary" … "I own that").
			if idea && best < 0 && (cands[i] != nil || i == t.idx-1) {
				return i
			}
			// A refusal after someone else's idea ("what about a delayed replica
			// as well?" … "with PITR it buys nothing … i'd rather not") turns that
			// idea down, whatever words it shares with its speaker's own.
			if idea && len(own) > 0 && !(best >= 0 && rejects(t.lower)) {
				if ov, n := termOverlap(own, contentTerms(m.Text)); n > 0 && ov > bestOv {
					best, bestOv = i, ov
				}
			}
			continue
		}
		if idea && !isReplyOnly(prev) {
			ov, n := termOverlap(own, contentTerms(m.Text))
			if best < 0 || (n > 0 && ov > bestOv) {
				best, bestOv = i, ov
			}
			if len(own) == 0 {
				return best
			}
			continue
		}
		// Short answers, declines and requests between the idea and this message are
		// part of the same exchange; anything else ends it.
		if !(isReplyOnly(prev) || upDeclineRE.MatchString(prev.lower) || upRequestRE.MatchString(prev.lower) || len(contentTerms(m.Text)) <= 4) {
			break
		}
	}
	return best
}

// isReplyOnly: a message that only answers (an affirmation or a take), not an idea.
func isReplyOnly(t msgTags) bool {
	return (upAffirmRE.MatchString(t.lower) || upTakeRE.MatchString(t.lower)) && len(agreementTerms(t.lower)) <= 3
}

// replyDue is the deadline an acceptance gives: any deadline findDue reads in a
// commitment, or a bare weekday or day of the month ("mine. friday", "me. by 31st").
func replyDue(t msgTags) (string, string) {
	if upStartRE.MatchString(t.lower) || upAssessRE.MatchString(t.lower) {
		// "tomorrow I start" names when work begins, "we'll estimate on thursday"
		// when it is weighed: neither is when it is due.
		return "", ""
	}
	if words, date := findDue(t.msg.Text, t.msg.Time(), true); date != "" {
		return words, date
	}
	if m := dueReplyRE.FindStringSubmatch(t.msg.Text); m != nil {
		if m[2] != "" {
			return m[0], dayOfMonthDue(m[2], t.msg.Time())
		}
		return m[0], resolveDue(m[1], t.msg.Time())
	}
	return "", ""
}

var upStartRE = regexp.MustCompile(`\b(start|starting|begin|beginning)\b`)

// upAssessRE: a reply that promises to weigh the work, not to do it.
var upAssessRE = regexp.MustCompile(`\b(?:estimate|estimating|scope|scoping|size|sizing|discuss|discussing|decide|deciding|prioriti[sz]e|prioriti[sz]ing)\b`)

var dueReplyRE = regexp.MustCompile(`(?i)\b(?:(` + dueWeekday + `)|(\d{1,2})(?:st|nd|rd|th))\b`)

// dayOfMonthDue is the next date on or after the day said whose day of the month is
// day ("by the 31st"), "" when no month within a year has it.
func dayOfMonthDue(day string, said time.Time) string {
	d, err := strconv.Atoi(day)
	if err != nil || d < 1 || d > 31 || said.IsZero() {
		return ""
	}
	said = said.UTC()
	for k := 0; k < 12; k++ {
		t := time.Date(said.Year(), said.Month()+time.Month(k), d, 0, 0, 0, 0, time.UTC)
		if t.Day() == d && !t.Before(time.Date(said.Year(), said.Month(), said.Day(), 0, 0, 0, 0, time.UTC)) {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// upCallOffRE: a clause that calls off something it names ("skip the DLQ", "forget
// the heap dump", "not doing the AWS case", "no need for the cron"). "drop" and
// "cancel" are left out: in operations they delete or stop things ("drop the
// slot", "cancel the reindex"). Group 1 is what is called off.
var upCallOffRE = regexp.MustCompile(`(?:^|[,.;:!]\s*|\b(?:ok|okay|so|then|nvm|ah|actually|and|but)\s+)(?:let'?s\s+)?(?:skip|forget(?: about)?|scrap|scratch|shelve|not doing|won'?t do|no need for|no point (?:in|doing))\s+(?:the |that |this |our |my |a |an )?([^,.;:!?]{2,60})`)

// upAskRE: a question or a request ("priya pls put the banner step in the
// runbook"); "kindly" alone is politeness ("kindly ignore my idea").
var upAskRE = regexp.MustCompile(`\?|\b(?:please|pls|plz)\b|\b(?:can|could|would|will) (?:you|u)\b`)

// upOwnItemRE: a call-off that names the speaker's own item by its kind ("scratch
// my TODO then", "forget my idea"), perhaps with words of it between ("ignore my
// nightly script idea"): group 1 holds those words.
var upOwnItemRE = regexp.MustCompile(`(?:skip|forget(?: about)?|scrap|scratch|shelve|drop|cancel|ignore|withdraw)\s+my\s+((?:[\w-]+\s+){0,3}?)(?:todo|to-do|idea|item|action item|ai|proposal|suggestion|promise|plan)s?\b`)

// upRetractVerbs: the verbs that take back what was said ("scratch that", "drop
// it"), for upRetractRE and upRetractLeadRE.
const upRetractVerbs = `(?:scratch|forget|drop|cancel|scrap|ignore|withdraw)`

// upRetractGerunds: the same verbs as the speaker's doing ("dropping that one").
const upRetractGerunds = `(?:scratching|forgetting|dropping|cancell?ing|scrapping|skipping|withdrawing)`

// upRetractThat: taking back what was just said, by a verb or its gerund
// ("drop that", "dropping that one"), for upRetractLeadRE and upRetractClauseRE.
const upRetractThat = `(?:` + upRetractVerbs + `|` + upRetractGerunds + `)\s+(?:that|it|this)(?:\s+(?:idea|one|proposal))?`

// upRetractClauseRE: a take-back as a clause of a longer message, a reason on
// either side ("… so it's the wrong place, … dropping that one, the checklist
// covers it").
var upRetractClauseRE = regexp.MustCompile(`[.,;:!?]\s+` + upRetractThat + `\s*[,.;:!—–-]`)

// upRetractMineRE: the speaker's own idea taken back by "mine" ("scratch mine",
// "dropping mine").
var upRetractMineRE = regexp.MustCompile(`\b(?:` + upRetractVerbs + `|` + upRetractGerunds + `)\s+mine\b`)

// upRetractRE: a short message taking back what its speaker just said ("ok
// scratch that", "actually forget it", "cancel that", "ok dropping mine",
// "dropping it from my list").
var upRetractRE = regexp.MustCompile(`(?:\b` + upRetractVerbs + `\s+(?:that|it|this|mine|#?\d{1,2}\)?)(?:\s+(?:idea|one|proposal))?|\bnot (?:filing|doing|adding|writing|opening|raising|building) (?:it|that|this|one)|\b(?:leaving|dropping|parking) (?:it|that|this|mine)(?: out| idea| one| proposal)?)(?:\s+(?:from|off) (?:my|the|our) (?:list|plate|todo|to-do)s?)?(?:\s+(?:then|for now))?\W*$`)

// reasonedRetract reports a message whose last clause, after a sentence or
// clause break, is a short retraction and that opens by correcting itself
// ("actually", "ah", "hm", "oh", "wait", "on second thought") or by conceding an
// objection ("fair. going back to 2Gi with the fix, dropping that").
func reasonedRetract(low string) bool {
	loc := upRetractRE.FindStringIndex(low)
	if loc == nil || !upCorrectOpenRE.MatchString(low) {
		return false
	}
	head := strings.TrimRight(low[:loc[0]], " ")
	return head != "" && strings.ContainsAny(head[len(head)-1:], ".,;!")
}

// upCorrectOpenRE: a message that opens by correcting what came before, or by
// conceding to it.
var upCorrectOpenRE = regexp.MustCompile(`^\W*(?:actually|ah|hm+|oh|wait|on second thought|thinking about it|never ?mind|nvm|(?:ok,? |okay,? )?(?:fair|true|good point|point taken|you'?re right))\b`)

// retractWords: how long a retraction may be; a longer message says more.
const retractWords = 8

// deniesTheVerb reports whether a reply opens by saying the very action the
// message it answers proposes cannot be done ("can we just reindex 03" … "cant
// REINDEX a standby - its read only"): a refusal by its reason. "can't believe
// a pause image took down prod" names no action of the message before it.
func deniesTheVerb(low, target string) bool {
	m := upCannotRE.FindStringSubmatch(low)
	if m == nil {
		return false
	}
	return slices.Contains(strings.FieldsFunc(target, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }), m[1])
}

// upCannotRE: a reply that opens with "can't" and a verb (group 1).
var upCannotRE = regexp.MustCompile(`^\W*(?:(?:we|you|u|nope|no)[,.]?\s+)?(?:can'?t|cannot)\s+(?:just\s+|really\s+|simply\s+)?([a-z][a-z-]+)\b`)

// upDropNamedRE: a message that opens by dropping a thing it names ("dropping the
// chain diff thing", "ok, skipping the dashboard", "actually dropping the backoff
// idea", "ok, then no need, I am dropping the cron", "fair. droppin the retry
// thing", "ya nvm on the script then"); group 1 is the thing.
var upDropNamedRE = regexp.MustCompile(`^\W*(?:(?:ok|okay|fine|fair|right|yeah|ya|yea|yep|yup|ah|actually|hm+|on second thought|then|in that case|no need)[,.]?\s+)*(?:i'?m\s+|i am\s+|we'?re\s+|we are\s+)?(?:dropping|droppin'?|drop|skipping|skippin'?|skip|scrapping|scrappin'?|scrap|shelving|parking|abandoning|cancell?ing|not doing|nvm(?:\s+on)?|never ?mind(?:\s+on)?)\s+(?:the|that|this|my|our)\s+([^,.;:!?]{2,60})`)

// upRetractLeadRE: a take-back that opens the message, its reason after it ("ok
// drop that one then, monitoring + the ticket process will have to do", "fair,
// dropping that one. oskar's linter covers it better").
var upRetractLeadRE = regexp.MustCompile(`^\W*(?:(?:ok|okay|fine|fair|right|yeah|true|ah|oh)[,.]?\s+)*` + upRetractThat + `(?:\s+(?:then|for now))?\s*[,.;:!—–-]`)

// threadRoot returns the index of the message t replies to in a thread, -1 when t
// is no reply or its root is not in the transcript.
func threadRoot(lc *incidentLifecycle, t msgTags) int {
	if t.msg.ThreadTS == "" || t.msg.ThreadTS == t.msg.TS {
		return -1
	}
	for _, u := range lc.msgs[:t.idx] {
		if u.msg.TS == t.msg.ThreadTS {
			return u.idx
		}
	}
	return -1
}

// rejects reports whether a reply turns down what was said (upRejectRE). "No
// blame, the review missed it too" answers an apology: it consoles, and turns
// nothing down.
func rejects(low string) bool {
	if upYeahNoRE.MatchString(low) && !upNoTroubleRE.MatchString(low) {
		return true
	}
	return upRejectRE.MatchString(low) && !upConsoleRE.MatchString(low)
}

// upYeahNoRE: "yeah no" opening a reply turns the idea down ("yeah no
// wildcard") after agreeing with the person who turned it down first;
// upNoTroubleRE: the same words that wave a thanks away ("yeah no worries").
var (
	upYeahNoRE    = regexp.MustCompile(`^\W*(?:yeah|yea|ya|yep)[,.]?\s+no\b`)
	upNoTroubleRE = regexp.MustCompile(`^\W*(?:yeah|yea|ya|yep)[,.]?\s+no\s+(?:problem|prob|probs|worries|worry|rush|doubt|kidding|question|issue|biggie)\b`)
)

// refuses reports a message that turns an idea down, by its words (rejects) or
// by opening with a bare no ("no, that just moves the typo to me").
func refuses(low string) bool { return rejects(low) || upNoLeadRE.MatchString(low) }

// upConsoleRE: a reply that opens by consoling ("no blame", "no worries", "no
// harm done", "no need to apologise").
var upConsoleRE = regexp.MustCompile(`^\W*(?:no|nah)[,.]?\s+(?:blame|worries|worry|probs?|problem|stress|sweat|harm done|shame|need to (?:apologi[sz]e|be sorry))\b`)

// upRejectOpenRE: a reply that opens by turning down what was just said.
var upRejectOpenRE = regexp.MustCompile(`^\W*(?:(?:hmm+|honestly|well|eh|lol|ha|haha)[,.]?\s+)?(?:no|nope|nah|-1)\b`)

// upNotNeededRE: a message that opens, after a filler or a few ("ha ok,
// nevermind then", "oh good, nothing to do there then"), by saying what was
// just offered is not needed.
var upNotNeededRE = regexp.MustCompile(`^\W*(?:(?:ok|okay|ah|actually|update|oh|ha|haha|lol|heh|right|nice|cool|great|perfect|good)[,:.!]?\s+){0,3}(?:not needed|no need\b|not necessary|unnecessary|never ?mind|nvm|nothing (?:(?:left|more|else) )?to do\b)`)

// dropCalledOff removes an idea that a later message calls off by naming it: the
// conversation decided against it after it was said ("tom, skip the DLQ, the new
// consumer already has one"; "nvm, not doing the AWS case"). The idea called off is
// the earlier candidate that shares the most of the named thing's words (the latest
// of those), or whose initials it spells ("DLQ" for "dead-letter queue").
//
// A bare take-back ("scratch that one") takes back its speaker's latest idea, the
// one said as said: when a reply already dropped that idea ("that already exists,
// it's the second alert that fired"), the take-back concedes it, and the
// speaker's idea before it stands.
func dropCalledOff(lc *incidentLifecycle, cands map[int]*fuCandidate, said map[int]bool) {
	for _, t := range lc.msgs {
		var own []string
		if !t.bot && t.section == "" {
			own = upOwnItemRE.FindStringSubmatch(t.lower)
		}
		ownItem := own != nil
		if ownItem {
			// "ignore my nightly script idea": the speaker's idea that names the
			// words, else, named by its kind only, the speaker's latest.
			if best := ownNamedIdea(lc, cands, t, contentTerms(own[1])); best >= 0 {
				delete(cands, best)
			}
			// The call-off may come with a new ask ("scratch my TODO then, priya
			// pls put the banner step in the runbook"), itself a candidate; with
			// nothing asked besides it ("kindly ignore my nightly script idea,
			// with Kofi's chrony alert the same is not required") it is no item.
			if rest := upOwnItemRE.ReplaceAllString(t.lower, " "); cands[t.idx] != nil && !fuCommitRE.MatchString(rest) && !upAskRE.MatchString(rest) && !fuShouldRE.MatchString(rest) {
				delete(cands, t.idx)
			}
		}
		// One message takes back one idea by naming it: withdrawn, it is not
		// also called off again below, which would take the next idea sharing
		// a word ("scrap my synthetic check … not doing the synthetic" and a
		// runbook step to "check x-cache").
		if !t.bot && t.section == "" && withdrawOwn(lc, cands, t) {
			continue
		}
		if t.bot || t.section != "" {
			continue
		}
		selfItem := cands[t.idx] != nil
		// "not needed, the provider retries for 72h" right after its speaker's own
		// "I will write a script to replay them" calls that off.
		// "right, actually scratch that" in the thread of its speaker's own
		// "proposal: double the pool to 40 connections" takes the idea back.
		// A longer message may give its reason first and take the idea back in
		// its last clause ("actually the banner comes from the same api, if the
		// api is unreachable the banner is too. dropping that").
		retract := !selfItem && (upRetractRE.MatchString(t.lower) && (len(strings.Fields(t.lower)) <= retractWords || reasonedRetract(t.lower)) || upWithdrawnRE.MatchString(t.lower) || upRetractLeadRE.MatchString(t.lower))
		// In the thread of its speaker's own idea a take-back is about that idea:
		// a bare one ("right, actually scratch that"), or one that names it
		// ("dropping the chain diff thing, noor's canary catches exactly that"
		// under "I'll write a chain diff check …").
		if root := threadRoot(lc, t); root >= 0 && cands[root] != nil && speaker(lc.msgs[root].msg) == speaker(t.msg) {
			named := false
			if m := upDropNamedRE.FindStringSubmatch(t.lower); !selfItem && m != nil {
				_, n := termOverlap(contentTerms(m[1]), cands[root].msgTerms)
				named = n > 0
			}
			// "ugh ok. then I'll point them at the nightly snapshot db instead"
			// under its speaker's "I'll move the compliance notebooks onto the
			// replica": the new promise takes the old one's place.
			replaced := selfItem && upInsteadRE.MatchString(t.lower)
			if named || retract || replaced {
				delete(cands, root)
				if !replaced {
					dropObjections(lc, cands, root, t)
				}
				continue
			}
		}
		// "scratch that, dunmore analyzer is on ntp … not going" in the thread of
		// its speaker's own "I'll drive out to dunmore tomorrow and check the
		// analyzer clock", a look that was never an idea: the take-back is about
		// that look, not about the item its speaker said before it.
		// An idea of its speaker's said after that look is what it takes back.
		if root := threadRoot(lc, t); retract && root >= 0 && cands[root] == nil && !said[root] && speaker(lc.msgs[root].msg) == speaker(t.msg) &&
			!saidSince(lc, said, root, t) {
			continue
		}
		// "dropping the mark-as-paid button, reconciliation covers it" opens by
		// dropping a thing its speaker promised a few messages before, the
		// reason after it: that idea is taken back, wherever it was said.
		if !selfItem && !retract {
			if i, share := droppedOwnIdea(lc, cands, t); i >= 0 && share >= 0.5 {
				delete(cands, i)
				dropObjections(lc, cands, i, t)
				continue
			}
		}
		if !selfItem && upNotNeededRE.MatchString(t.lower) || retract {
			// "actually drop the customs-lookup scaling, … not doing that" names
			// which of its speaker's ideas it takes back: the one sharing the
			// most of the named words, not merely the latest.
			if i, _ := droppedOwnIdea(lc, cands, t); i >= 0 {
				delete(cands, i)
				continue
			}
			for i := t.idx - 1; i >= max(0, t.idx-3); i-- {
				if (cands[i] != nil || said[i]) && speaker(lc.msgs[i].msg) == speaker(t.msg) {
					delete(cands, i)
					if retract {
						dropObjections(lc, cands, i, t)
					}
					break
				}
				// "no need, with auto-renew … there is no single date anymore"
				// right after another's "I'll set a calendar reminder …" answers
				// that offer, not its speaker's own item before it.
				// "nvm" takes back one's own; "no need" answers someone.
				if o := lc.msgs[i]; !retract && upNoNeedRE.MatchString(t.lower) && !o.bot && speaker(o.msg) != speaker(t.msg) && fuCommitRE.MatchString(o.lower) {
					break
				}
			}
		}
		if ownItem {
			continue
		}
		// "re my restart script: nvm, scrap that": the thing called off is named
		// where the reply says what it is about.
		// So is "re game day - if ines' load test covers scale-out lets not do a
		// separate one. dropping it", its reasons before the take-back: the
		// take-back proposes nothing itself unless it commits.
		m := upReCallOffRE.FindStringSubmatch(t.lower)
		reasoned := false
		if m == nil && (upRetractRE.MatchString(t.lower) || upRetractClauseRE.MatchString(t.lower)) {
			m, reasoned = upReTopicRE.FindStringSubmatch(t.lower), true
		}
		if m != nil {
			if named := contentTerms(m[1]); len(named) > 0 && len(named) <= 4 {
				if i := calledOffIdea(lc, cands, t, named); i >= 0 {
					delete(cands, i)
					if reasoned && !fuCommitRE.MatchString(t.lower) {
						delete(cands, t.idx)
					}
					continue
				}
				// What it takes back was its speaker's own words and no item:
				// the take-back is none either unless it promises.
				if ownSaid(lc, cands, t, named) > 0 {
					if !fuCommitRE.MatchString(t.lower) {
						delete(cands, t.idx)
					}
					continue
				}
			}
		}
		for _, m := range upCallOffRE.FindAllStringSubmatch(t.lower, -1) {
			// "scratch my 3), the probe": an entry of a numbered list called off
			// by its number, the speaker's own before anyone else's.
			if n := upEntryRefRE.FindStringSubmatch(m[1]); n != nil {
				if i := numberedEntry(lc, cands, t, n[1]+n[2]+n[3]); i >= 0 {
					delete(cands, i)
					// The reason given for calling it off ("Fair, scratch (4).
					// 500ms is a broadcast budget … we shouldn't need more") is
					// no item of its own unless the message also promises.
					if !fuCommitRE.MatchString(t.lower) {
						delete(cands, t.idx)
					}
				}
				continue
			}
			named := contentTerms(m[1])
			if len(named) == 0 || len(named) > 4 {
				continue
			}
			// Of the earlier ideas, the one sharing the most of the named words
			// (see calledOffIdea), or whose initials they spell ("DLQ").
			best := calledOffIdea(lc, cands, t, named)
			if best >= 0 {
				delete(cands, best)
			}
		}
	}
}

// saidSince reports whether t's speaker put an idea between message from and t.
func saidSince(lc *incidentLifecycle, said map[int]bool, from int, t msgTags) bool {
	for i := from + 1; i < t.idx; i++ {
		if said[i] && speaker(lc.msgs[i].msg) == speaker(t.msg) {
			return true
		}
	}
	return false
}

// dropObjections removes the candidates between an idea and its speaker's
// take-back that others said in answer to it and that commit to nothing: the
// objections the take-back concedes ("I'll open a claim with certaxis" … "we have no contract
// with certaxis, paycore does" … "fair, dropping that"). What they say is why
// the idea went, not a gap of their own to fill.
func dropObjections(lc *incidentLifecycle, cands map[int]*fuCandidate, idea int, t msgTags) {
	for j := idea + 1; j < t.idx; j++ {
		// An answer to the idea: in its thread, or the one message between it
		// and the take-back.
		answers := threadRoot(lc, lc.msgs[j]) == idea || j == idea+1 && t.idx == idea+2
		if c := cands[j]; c != nil && answers && !lc.msgs[j].bot && speaker(lc.msgs[j].msg) != speaker(t.msg) && !fuCommitRE.MatchString(lc.msgs[j].lower) {
			delete(cands, j)
		}
	}
}

// ownNamedIdea is the candidate of t's speaker among the ten messages before t
// that shares the most of named's words, the latest of those; -1 when none
// shares one. With no words named it is the speaker's latest candidate there.
func ownNamedIdea(lc *incidentLifecycle, cands map[int]*fuCandidate, t msgTags, named []string) int {
	best, bestN := -1, 0
	for i := t.idx - 1; i >= max(0, t.idx-10); i-- {
		if cands[i] == nil || speaker(lc.msgs[i].msg) != speaker(t.msg) {
			continue
		}
		if len(named) == 0 {
			return i
		}
		if _, n := termOverlap(named, cands[i].msgTerms); n > bestN {
			best, bestN = i, n
		}
	}
	return best
}

// droppedOwnIdea is the idea of t's speaker that a message opening by dropping
// a thing it names ("dropping the mark-as-paid button", "actually drop the
// customs-lookup scaling") names (ownNamedIdea), with the share of the named
// words that idea's message holds; -1 when it opens otherwise or names none.
func droppedOwnIdea(lc *incidentLifecycle, cands map[int]*fuCandidate, t msgTags) (int, float64) {
	m := upDropNamedRE.FindStringSubmatch(upCorrectOpenRE.ReplaceAllString(t.lower, ""))
	if m == nil {
		return -1, 0
	}
	named := contentTerms(m[1])
	if len(named) == 0 {
		return -1, 0
	}
	i := ownNamedIdea(lc, cands, t, named)
	if i < 0 {
		return -1, 0
	}
	share, _ := termOverlap(named, cands[i].msgTerms)
	return i, share
}

// upWithdrawnRE: an idea declared taken back in the past participle, after an
// acknowledgement or on its own ("lol ok withdrawn, the alert will have to do",
// "that one's retracted").
var upWithdrawnRE = regexp.MustCompile(`(?:^|[,.;:!]\s*|\b(?:ok|okay|lol|fine|fair|right|so)\s+)(?:(?:that|it|this|the idea|my idea|that one'?s?|it'?s|is)\s+)?(?:withdrawn|retracted)\b`)

// upReCallOffRE: a reply that names what it is about ("re my restart script:",
// "re: the DLQ idea -", "about my IdP alert:"; "about the schedule:" may only
// name a topic) and then takes it back ("nvm", "scrap that"); group 1 is
// the thing.
var upReCallOffRE = regexp.MustCompile(upReLead + `\s*(?:ok[,.]?\s*|ah[,.]?\s*|actually[,.]?\s*)?(?:nvm|never ?mind|scrap|scratch|forget|drop|ignore|withdraw|cancel|tak(?:e|ing) (?:that|it|this) back)\b`)

// upReLead: a reply that opens, after a filler at most ("actually re game day
// -"), by naming what it is about ("re the circuit breaker —", "thinking about
// the ansible check again:"); group 1 is the thing.
const upReLead = `^\W*(?:(?:actually|ok|okay|ah|oh|update)[,:]?\s+)?(?:re:?\s+(?:my |the |our |your |that |this )?|(?:about|regarding)\s+my\s+|(?:thinking|thought)\s+(?:about|more about|again about)\s+(?:my |the |our |that |this )?)([^:,.;!?]{2,40}?)\s*[:,\-–—]`

// upReTopicRE: upReLead alone. With a retraction closing the message ("re the
// circuit breaker — thought about it more, … it doesnt buy us much. dropping
// that one") the thing named is what is taken back, after the reasons.
var upReTopicRE = regexp.MustCompile(upReLead)

// calledOffIdea is the earlier candidate that shares the most of named's words:
// "scratch the SDK cache TTL idea" calls off the cache TTL bump, not the later
// dashboard of SDK fallbacks that shares one word. A name whose initials spell
// one of named ("dlq" for "a dead-letter queue") counts as one word shared.
// Between ideas naming as many, the speaker's own: "ok right, forget the move
// then" after "no need to move the bucket @emre" calls off emre's own "I will
// move dock-config bucket…". It returns -1 when none shares one.
func calledOffIdea(lc *incidentLifecycle, cands map[int]*fuCandidate, t msgTags, named []string) int {
	best, bestN, bestOwn := -1, 0, false
	for i := t.idx - 1; i >= 0; i-- {
		c := cands[i]
		if c == nil {
			continue
		}
		_, n := termOverlap(named, c.msgTerms)
		if n == 0 && spellsInitials(named, lc.msgs[i].lower) {
			n = 1
		}
		own := speaker(lc.msgs[i].msg) == speaker(t.msg)
		if n > bestN || (n > 0 && n == bestN && own && !bestOwn) {
			best, bestN, bestOwn = i, n, own
		}
	}
	// "re the soak schedule - taking that back" after its speaker's own "I'll
	// just delete the nightly soak schedule", no item: the idea called off is
	// that one, not another's "scheduled pipeline" sharing one word.
	if ownSaid(lc, cands, t, named) > bestN {
		return -1
	}
	return best
}

// ownSaid is the most of named's words one of t's speaker's own recent messages
// that is no candidate says.
func ownSaid(lc *incidentLifecycle, cands map[int]*fuCandidate, t msgTags, named []string) int {
	most := 0
	for i := t.idx - 1; i >= max(0, t.idx-ownSaidWindow); i-- {
		if o := lc.msgs[i]; cands[i] == nil && !o.bot && speaker(o.msg) == speaker(t.msg) {
			_, n := termOverlap(named, contentTerms(o.msg.Text))
			most = max(most, n)
		}
	}
	return most
}

// ownSaidWindow: how many messages back calledOffIdea looks for the speaker's
// own words that were no item.
const ownSaidWindow = 15

// upEntryRefRE: a called-off thing that is a list entry's number ("3)", "#3",
// "no. 3", "item 3", "3"); the one group that matched is the number. A number
// followed by a word counts something ("forget the 10 years"): it refers to an
// entry only when marked as one or when nothing follows it.
var upEntryRefRE = regexp.MustCompile(`^(?:#|no\.?\s*|item\s+|point\s+|\()(\d{1,2})(?:\)|\.)?(?:\s|$)|^(\d{1,2})(?:\)|\.)(?:\s|$)|^(\d{1,2})\s*$`)

// numberedEntry is the latest candidate before t whose message is the list entry
// numbered num, said by t's speaker if any is, else by anyone; -1 when none.
func numberedEntry(lc *incidentLifecycle, cands map[int]*fuCandidate, t msgTags, num string) int {
	n, _ := strconv.Atoi(num)
	other := -1
	for i := t.idx - 1; i >= 0; i-- {
		if cands[i] == nil || enumNumber(lc.msgs[i].msg.Text) != n {
			continue
		}
		if speaker(lc.msgs[i].msg) == speaker(t.msg) {
			return i
		}
		if other < 0 {
			other = i
		}
	}
	return other
}

// upConcedeRE: a reply that only grants the point ("ok fair", "fair fair", "true",
// "noted 🙈", "ok ok", "right, ignore me", "lol ok ignore me then", "ah ok,
// dropping that one then"),
// nothing else said.
var upConcedeRE = regexp.MustCompile(`^\W*(?:(?:(?:ok(?:ay)?|fair|true|noted|right|understood|point taken|good point|makes sense|ignore me(?: then)?|yeah|ah|hm+|lol|haha|heh)\b[\W_]*)+(?:` + upDropThat + `)?|` + upDropThat + `)$`)

// upConcedeTailRE: a reply that ends by dropping the speaker's point ("…, not
// resizing, dropping that") or that drops it by name ("ok ok, no redis then").
var upConcedeTailRE = regexp.MustCompile(`(?:^|[.,;:!]\s*)(?:(?:so|then|ok|okay),?\s+)?(?:dropping|scrapping|skipping|withdrawing) (?:that|it|this)(?: one| idea)?(?: then)?\W*$|^\W*(?:(?:ok(?:ay)?|fine|fair|right|alright)\b[\s,.!]*)*no [\w-]+(?: [\w-]+){0,2} then\W*$`)

// upDropThat: the speaker dropping the point just argued ("dropping that one
// then", "scrap it", "fair, dropping the limit bump").
const upDropThat = `(?:dropping|drop|scrapping|scrap|skipping|skip|forget|withdrawing) (?:that|it|this|the(?: [\w:.-]+){1,3}?)(?: one| idea)?(?: then)?\b[\W_]*`

// upArgueOpenRE: a reply that opens by agreeing or asking the speaker to go on is
// no objection ("yes good idea, …", "+1 …", "go for it").
var upArgueOpenRE = regexp.MustCompile(`^\W*(?:yes|yep|yup|yeah|sure|ok|okay|agreed?|good (?:idea|call)|great|nice|go (?:for it|ahead)|do it|please do|\+\s?1)\b`)

// withdrawConceded drops a proposal its speaker concedes: someone else answers it
// with an argument that takes nothing on (no promise, no one named to do it, no
// question, no idea added with "and …"), and the proposer's next word only grants
// the point ("could we freeze deploys on fridays?" … "meh, a freeze just moves the
// same bug to monday" … "ok ok"). Over the chats of the dev sets, such proposals
// were labelled look-alikes 34 times and follow-ups 9 times, each of the 9 with a
// promise or a person named in the reply or the concession, which this leaves
// alone.
func withdrawConceded(lc *incidentLifecycle, cands map[int]*fuCandidate) {
	var human []msgTags
	for _, t := range lc.msgs {
		if !t.bot && t.section == "" {
			human = append(human, t)
		}
	}
	for k := 2; k < len(human); k++ {
		p, r, t := human[k-2], human[k-1], human[k]
		if cands[p.idx] == nil || speaker(t.msg) != speaker(p.msg) || speaker(r.msg) == speaker(p.msg) {
			continue
		}
		conceded := upConcedeRE.MatchString(t.lower) && len(strings.Fields(t.lower)) <= 6
		// It may give its reason first ("looked again, with ttls back we sit at
		// 12% at peak. not resizing, dropping that") or name what it drops ("ok
		// ok, no redis then"), promising nothing new; one that calls off an idea
		// by name ("kindly ignore my nightly script idea … Dropping it.") drops
		// that idea, not the one before the objection.
		conceded = conceded || upConcedeTailRE.MatchString(t.lower) && !fuCommitRE.MatchString(t.lower) &&
			!upOwnItemRE.MatchString(t.lower) && !upCallOffRE.MatchString(t.lower)
		if !conceded {
			continue
		}
		// A reply that takes back its own speaker's idea ("re the soak schedule -
		// taking that back, keeping it") argues nothing against p.
		if upReCallOffRE.MatchString(r.lower) {
			continue
		}
		if r.question || strings.HasSuffix(strings.TrimSpace(r.lower), "?") || upArgueOpenRE.MatchString(r.lower) || fuAgreeRE.MatchString(r.lower) || upAddRE.MatchString(r.lower) ||
			fuCommitRE.MatchString(r.lower) || upTakeRE.MatchString(r.lower) || presentCommits(r.lower) || namesTaker(r.msg.Text) || pleaseAsks(r.lower) ||
			len(contentTerms(r.msg.Text)) < 3 {
			continue
		}
		delete(cands, p.idx)
	}
}

// dropRefusals drops an item whose message answers another person's question
// with a no ("should we also switch off retries for every outbound client?" …
// "No. Most of them are GETs and idempotent … Only the payment paths need the
// stable-key rule"): the reply turns the proposal down and gives its reasons,
// and promises nothing of its own.
func dropRefusals(lc *incidentLifecycle, cands map[int]*fuCandidate) {
	var prev *msgTags
	for i := range lc.msgs {
		t := &lc.msgs[i]
		if t.bot || t.section != "" {
			continue
		}
		if c := cands[t.idx]; c != nil && prev != nil && prev.question && speaker(prev.msg) != speaker(t.msg) &&
			upNoLeadRE.MatchString(t.lower) && !lkOwnPromiseRE.MatchString(t.lower) && !fuMarkerRE.MatchString(t.lower) {
			delete(cands, t.idx)
		}
		prev = t
	}
}

// dropNotNeeded drops a promise the next person to speak says is not needed
// ("I'll write a script to restore those streaks in bulk" … "no need,
// streak-service has /admin/streaks/repair, i run it"): what it would build
// exists, and the reply promises nothing lasting in its place. So does an ask the
// next person says is done already ("dee can you have cedar hill call her
// personally" … "yes already asked them to"), and a question the next person
// answers by saying it is so already (upTheyDoRE).
func dropNotNeeded(lc *incidentLifecycle, cands map[int]*fuCandidate) {
	for i := range lc.msgs {
		c := cands[i]
		if c == nil || lc.msgs[i].section != "" {
			continue
		}
		for _, u := range lc.msgs[i+1:] {
			if u.bot {
				continue
			}
			asked := strings.HasSuffix(strings.TrimSpace(lc.msgs[i].lower), "?")
			if speaker(u.msg) != speaker(lc.msgs[i].msg) && (upNoNeedRE.MatchString(u.lower) || upAlreadyDoneRE.MatchString(u.lower) || asked && upTheyDoRE.MatchString(u.lower)) && cands[u.idx] == nil {
				delete(cands, i)
			}
			break
		}
	}
}

// upTheyDoRE: a reply that opens by saying what a question asks for is so
// already ("can't thermotrace just email us before our certs expire?" … "they
// do, to the account owner").
var upTheyDoRE = regexp.MustCompile(`^\W*(?:(?:yes|yeah|yep|ya)[,.!]?\s+)?(?:they|it|we) (?:do|does)\s*[,.;:!—–-]`)

// upNoNeedRE: a reply that opens by saying the thing is not needed.
var upNoNeedRE = regexp.MustCompile(`^\W*(?:no need|not needed|unnecessary|don'?t bother)\b`)

// upAlreadyDoneRE: a reply that opens by saying the thing asked is done already
// ("yes already asked them to", "already did", "done already").
var upAlreadyDoneRE = regexp.MustCompile(`^\W*(?:(?:yes|yep|yeah|ya|sure|ok|okay)[,.!]?\s+)?(?:i\s+|we\s+)?already\s+(?:did|done|asked|sent|called|told|handled|emailed|messaged|posted|on it|took care|fixed)\b|^\W*(?:(?:yes|yep|yeah)[,.!]?\s+)?done already\b`)

// upNoLeadRE: a reply that opens with a no.
var upNoLeadRE = regexp.MustCompile(`^\W*(?:no|nope|nah)\b\s*[.,!;:]`)

// takesOwnIdea reports whether a message opens with an idea of some substance
// and takes it in a later sentence ("the purge job needs to delete in small
// batches. I'll take that one").
func takesOwnIdea(low string) bool {
	ss := splitSentences(low)
	if len(ss) < 2 || upTakeRE.MatchString(ss[0]) || len(contentTerms(ss[0])) < 4 || !proposalForm(ss[0], true) || rejects(ss[0]) || strings.Contains(ss[0], "?") {
		return false
	}
	for _, x := range ss[1:] {
		if upTakeRE.MatchString(x) {
			return true
		}
	}
	return false
}

// upWithdrawRE: a speaker withdrawing a thing they offered, by name ("then no
// script from me", "ok then I don't need the vendor case", "ok, autoscaling
// cancelled", "on reflection not merging pg_wal", "yeah fair, withdrawing the
// second run", "that's better than my check tbh. I'll drop the pipeline check
// then"); the one group that matched is
// the thing.
var upWithdrawRE = regexp.MustCompile(`\bno ([a-z][^,.;:!?]{1,40}?) from me\b|\bi (?:don'?t|do not) need (?:the |that |this |my |a |an )?([^,.;:!?]{2,40})` +
	`|(?:^|[,.;!]\s*)(?:(?:ok|okay|so|then)\s+)?([a-z][\w-]*(?: [a-z][\w-]*)?) (?:cancell?ed|withdrawn|called off)\b` +
	`|(?:^|[.;!]\s+)(?:(?:on reflection|on second thoughts?|actually|ok|okay|so|then|hmm)[,]?\s+)?not ([a-z]+ing (?:the |that |my )?[^,.;:!?]{2,40})` +
	`|\bwithdraw(?:ing)? (?:the |that |my )([a-z][^,.;:!?]{1,40})` +
	`|\b(?:drop|scrap|shelve|skip)(?:ping)? (?:the |my )([a-z][^,.;:!?]{1,40}?) then\b`)

// withdrawOwn drops the latest earlier item of t's speaker that t withdraws by
// naming it, and t itself when it commits to nothing new ("oh nice. then no script
// from me. just switched the digest on").
func withdrawOwn(lc *incidentLifecycle, cands map[int]*fuCandidate, t msgTags) bool {
	self := speaker(t.msg)
	for _, m := range upWithdrawRE.FindAllStringSubmatch(t.lower, -1) {
		named := contentTerms(strings.Join(m[1:], " "))
		if len(named) == 0 || len(named) > 4 {
			continue
		}
		for i := t.idx - 1; i >= 0; i-- {
			if c := cands[i]; c != nil && speaker(lc.msgs[i].msg) == self {
				if _, n := termOverlap(named, c.msgTerms); n > 0 {
					delete(cands, i)
					if cands[t.idx] != nil && !sentenceCommits(upWithdrawRE.ReplaceAllString(t.lower, " ")) {
						delete(cands, t.idx)
					}
					return true
				}
			}
		}
	}
	return false
}

// spellsInitials reports whether one of terms is the initials of consecutive words
// of low ("dlq" in "a dead-letter queue for…").
func spellsInitials(terms []string, low string) bool {
	words := strings.FieldsFunc(low, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
	for _, t := range terms {
		if len(t) < 3 || len(t) > 5 {
			continue
		}
		for i := 0; i+len(t) <= len(words); i++ {
			ok := true
			for k := 0; k < len(t) && ok; k++ {
				ok = words[i+k][0] == t[k]
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// caretElsewhere reports whether a reply that opens with a caret ("^ that's the
// fix from before, mine") points at a message other than the idea it would
// answer: the caret means the message just above, here the tracker bot's
// "created OPS-2291: …", so the claim is of that ticket, not of the item before.
func caretElsewhere(lc *incidentLifecycle, t msgTags, target int) bool {
	if !strings.HasPrefix(strings.TrimSpace(t.msg.Text), "^") || t.idx == 0 {
		return false
	}
	return t.idx-1 != target
}

// sharesRare reports whether b names two or more terms of a that are no kind of
// deliverable (an alert or a runbook, which any two ideas may share) and no verb
// of making ("add", fuMakeRE), one of them said in at most three messages of the
// transcript (upRareDF): the thing the idea is about, not one word of its setting
// ("the cycle total" and "the cycle average" of two different checks).
func sharesRare(df map[string]int, a, b string) bool {
	have := map[string]bool{}
	for _, t := range contentTerms(b) {
		have[t] = true
	}
	shared, rare := 0, false
	for _, t := range contentTerms(a) {
		if have[t] && kindOfTerm(t) == 0 && !fuMakeRE.MatchString(t) {
			shared++
			rare = rare || df[t] <= upRareDF
		}
	}
	return rare && shared >= 2
}

// upRareDF: a term said in this many messages or fewer names one thing.
const upRareDF = 3

// upInsteadRE: a promise given in place of another.
var upInsteadRE = regexp.MustCompile(`\binstead\b`)

// answeredByArgument drops a question that proposed something nobody took
// ("could we move pg_wal to its own volume?") when the first reply to it, by
// someone else, argues about it rather than taking it up: it speaks of the
// same things, opens with no agreement, commits to nothing, asks nobody and
// adds no idea of its own ("it'd just fill that volume and writes stop the same
// way. the keep_size limit is the actual fix"). The question was answered in
// the channel. The first reply is the first message in the question's thread,
// or, for a question outside threads, the next human message outside threads.
func answeredByArgument(lc *incidentLifecycle, cands map[int]*fuCandidate, threadOf func(copilot.Message) string) {
	parts := speakersOf(lc.msgs)
	// Judged on the candidates as they stand, then dropped together: the
	// outcome must not depend on the order the map is walked in.
	var answered []int
	for _, i := range candidateOrder(cands) {
		c := cands[i]
		if c == nil || c.owner != "" || c.takenAt != 0 || c.askedAt != 0 || lc.msgs[i].section != "" || !strings.Contains(c.text, "?") || fuAskRE.MatchString(lc.msgs[i].msg.Text) {
			continue
		}
		q := lc.msgs[i]
		self := speaker(q.msg)
		root := threadOf(q.msg)
		inThread := q.msg.ThreadTS != "" && q.msg.ThreadTS != q.msg.TS
		reply := -1
		for k := i + 1; k < len(lc.msgs); k++ {
			r := lc.msgs[k]
			if r.bot || r.section != "" {
				continue
			}
			rThread := r.msg.ThreadTS != "" && r.msg.ThreadTS != r.msg.TS
			if rThread && threadOf(r.msg) == root || !inThread && !rThread {
				if speaker(r.msg) != self {
					reply = k
				}
				break
			}
		}
		if reply < 0 || cands[reply] != nil {
			continue
		}
		r := lc.msgs[reply]
		// A reply that names a ticket ("there's already SEC-77 for dlp coverage")
		// tells where the idea is tracked; one that opens by correcting itself
		// ("actually scratch the SDK cache TTL idea") speaks of its own.
		if upArgueOpenRE.MatchString(r.lower) || upAffirmRE.MatchString(r.lower) || upTakeRE.MatchString(r.lower) || fuCommitRE.MatchString(r.lower) || doesIt(r.lower) ||
			parts.addressee(r.msg.Text, nil, speaker(r.msg)) != "" || text.HasTicketKey(r.msg.Text) || upCorrectOpenRE.MatchString(r.lower) {
			continue
		}
		if _, n := termOverlap(contentTerms(r.msg.Text), contentTerms(q.msg.Text)); n == 0 || !upCounterRE.MatchString(r.lower) {
			continue
		}
		answered = append(answered, i)
	}
	for _, i := range answered {
		delete(cands, i)
	}
}

// upCounterRE: the words a counter-argument turns on: a negation, or "just",
// "only", "already", "instead" ("it'd just fill that volume", "wouldnt change
// anything", "load test corpus is CT/MR only").
var upCounterRE = regexp.MustCompile(`\b(?:no|not|nothing|never|none|nope|nah|\w+n'?t|just|only|already|instead|pointless|overkill|worse)\b`)
