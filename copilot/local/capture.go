package local

import (
	"math"
	"regexp"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// Capture by meaning: a ticket that the channel never cites (exported by the tracker
// integration) captures a follow-up when its title says the same thing in other
// words. Words are not equal evidence: "checkout" or "alert" appear in half an
// incident's messages, "goroutine" or "truststore" in one. So a term counts by its
// rarity in the incident (inverse document frequency over the messages and ticket
// titles), and the score is the share of the title's weight that the follow-up's
// message also carries. Titles are short summaries of one item; a message may hold
// an explanation too, so coverage of the title is the fair measure.

// TicketScores are the measures matchTickets compares one follow-up and one
// ticket by: the IDF-weighted share of the title's terms the follow-up's message
// holds and how many, the share of the item's own terms the title holds and how
// many, and the embedding cosine (NaN without an embedder). A measurement reads
// them through the engine's ticket trace to choose thresholds on dev pairs.
type TicketScores struct {
	TitleCovered float64
	TitleShared  int
	ItemCovered  float64
	ItemShared   int
	Cosine       float64
}

// termWeights are the IDF weights of an incident's content terms.
type termWeights struct {
	df map[string]int
	n  int
}

func weightsOf(msgs []msgTags, tickets []copilot.Ticket) termWeights {
	w := termWeights{df: map[string]int{}}
	add := func(text string) {
		w.n++
		for _, t := range contentTerms(text) {
			w.df[t]++
		}
	}
	for _, t := range msgs {
		add(t.msg.Text)
	}
	for _, tk := range tickets {
		add(tk.Title)
	}
	return w
}

func (w termWeights) of(term string) float64 {
	return math.Log(float64(w.n+1) / (float64(w.df[term]) + 0.5))
}

// coverage is the share of title's term weight that terms also hold, and how many
// title terms they share. A compound written as one word on one side and as two on
// the other ("NodeLocal DNSCache", "dns cache") is the same term: terms also hold
// the joins of their neighbours.
func (w termWeights) coverage(terms, title []string) (float64, int) {
	have := map[string]bool{}
	for i, t := range terms {
		have[t] = true
		if i > 0 {
			have[terms[i-1]+t] = true
		}
	}
	var shared, total float64
	n := 0
	for _, t := range title {
		wt := w.of(t)
		total += wt
		if have[t] {
			shared += wt
			n++
		}
	}
	if total == 0 {
		return 0, 0
	}
	return shared / total, n
}

// withParts is an item's terms with the parts of its snake_case identifiers
// added: "max_slot_wal_keep_size" says "slot" and "wal" to a title that writes
// them apart. Only the item's side is widened: a title's identifier names the one
// thing the ticket is about, and its parts alone are no match for it.
func withParts(terms []string) []string {
	out := terms
	for _, t := range terms {
		if !strings.Contains(t, "_") {
			continue
		}
		if len(out) == len(terms) {
			out = append([]string(nil), terms...)
		}
		for _, p := range strings.Split(t, "_") {
			if p != "" && text.IsContent(p) {
				out = append(out, canonical(p))
			}
		}
	}
	return out
}

// onlyWhere reports whether every term an item shares with a ticket's title lies
// in the title's "component:" prefix (up to four words, "Depot print agent: retry
// on 5xx with backoff") or names the kind of deliverable both deliver ("runbook"):
// the two then agree on where the work is, or on its kind, but not on what it
// is; a kind word counts as where only when both sides name that kind.
// The item "can we have a manual fallback label printing?" shares
// "depot" and "print" with that ticket and asks for other work.
func onlyWhere(title, item string, itemTerms []string) bool {
	both := deliverables(title) & deliverables(item)
	what := title
	where := map[string]bool{}
	if i := strings.Index(title, ": "); i > 0 && i < 50 && len(strings.Fields(title[:i])) <= 4 {
		what = title[i+2:]
		// A part of the component's identifier said again after it
		// ("vehicle-lookup-adapter: cache VRM lookups") still names where.
		for _, f := range strings.Fields(title[:i]) {
			if strings.ContainsAny(f, "-_") {
				for _, t := range identifierParts(f) {
					where[t] = true
				}
			}
		}
	}
	have := map[string]bool{}
	for _, t := range itemTerms {
		have[t] = true
	}
	for _, t := range contentTerms(what) {
		if have[t] && !where[t] && kindOfTerm(t)&both == 0 && !changeVerbTerms[t] {
			return false
		}
	}
	return true
}

// kindOfTerm is the deliverable kind (deliverableREs' bit) a content term names,
// 0 for none.
func kindOfTerm(term string) int {
	for i, re := range deliverableREs {
		if re.MatchString(term) {
			return 1 << i
		}
	}
	return 0
}

// ticketTitleTerms are a title's content terms without the prefix of one or two words
// a tracker title often starts with ("checkout-api: …", "invoice-pdf Dockerfile: …"),
// which names where, not what.
func ticketTitleTerms(title string) []string {
	if _, rest, ok := titlePrefix(title); ok {
		if terms := contentTerms(rest); len(terms) >= 2 {
			return terms
		}
	}
	return contentTerms(title)
}

// titlePrefix splits a tracker title at its "component:" prefix of one or two
// words ("checkout-api: …", "Alerting: …"); ok is false when it has none.
func titlePrefix(title string) (prefix, rest string, ok bool) {
	i := strings.Index(title, ": ")
	if i <= 0 || i >= 40 || len(strings.Fields(title[:i])) > 2 {
		return "", title, false
	}
	return title[:i], title[i+2:], true
}

// A ticket that sets a setting or a flag (statement_timeout=30s, --dry-run,
// maxPoolSize to 50) is about that setting: another setting of the same component
// is another piece of work, however many of the component's words the two share.
// settingDiffers reports whether title sets a setting whose words the item does
// not all hold. The item may say it in words ("a statement timeout on the role"),
// so an identifier is compared by its parts. Only an identifier given a value or
// written as a flag counts: a column or a table ("(customer_id, period)") names
// what the work touches, which a ticket at another granularity may well add.
// The item gives the setting in its own words when it gives it the title's value
// and holds most of its parts; callers pass the item's whole message, where a
// promise to "ship it" follows the sentence that names the setting.
func settingDiffers(title, item string) bool {
	have := map[string]bool{}
	for _, w := range settingWordRE.FindAllString(item, -1) {
		for _, p := range identifierParts(w) {
			have[p] = true
		}
	}
	values := map[string]bool{}
	for _, v := range settingValueRE.FindAllString(item, -1) {
		values[v] = true
	}
	// An item that holds every value of the title, two or more, and names no
	// setting of its own ("I'll get 120 / 90 into the helm values" for "…
	// maxReplicas=120 … ASG max=90 …") names its settings by those values.
	titleValues := settingValueRE.FindAllString(title, -1)
	givesAll := len(titleValues) >= 2 && !settingRE.MatchString(item)
	for _, v := range titleValues {
		givesAll = givesAll && values[v]
	}
	for _, at := range settingRE.FindAllStringSubmatchIndex(title, -1) {
		id := ""
		for g := 2; g+1 < len(at); g += 2 {
			if at[g] >= 0 {
				id += title[at[g]:at[g+1]]
			}
		}
		parts := identifierParts(id)
		missing := 0
		for _, p := range parts {
			if !have[p] {
				missing++
			}
		}
		if missing == 0 {
			continue
		}
		// The item that gives the setting the title's value ("the pool size
		// pinned to 10" for "maxPoolSize=10") names it in its own words, as
		// long as it holds most of the identifier's parts.
		if v := settingValueRE.FindString(title[at[1]-1 : min(len(title), at[1]+12)]); v != "" && values[v] && (2*missing < len(parts) || givesAll) {
			continue
		}
		return true
	}
	return false
}

var (
	// settingRE: a flag, or an identifier (snake_case, lower camelCase) given a
	// value ("=30s", "to 50").
	settingRE = regexp.MustCompile(`(--[A-Za-z][A-Za-z0-9-]*)|\b([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z]{2,}(?:[A-Z][a-z0-9]+)+)(?:\s*=|\s+(?:to|at)\s+\d)`)
	// settingValueRE: a value as written, versions whole ("8", "2.8.1", "30s").
	settingValueRE = regexp.MustCompile(`\b\d+(?:[.,]\d+)*`)
	// settingWordRE: a word of the item, identifiers whole.
	settingWordRE = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_-]*`)
	camelRE       = regexp.MustCompile(`[A-Z]?[a-z0-9]+|[A-Z]+`)
)

// A ticket that moves a component from one version to another ("ledger-db:
// PostgreSQL 15.6 -> 15.8 minor version upgrade", "bump Node 20 -> 22") is that
// upgrade: it captures only an item that speaks of a version or an upgrade,
// whatever component words the two share. versionDiffers reports whether title is
// such a ticket and item does not.
func versionDiffers(title, item string) bool {
	return versionMoveRE.MatchString(strings.ToLower(title)) && !versionWordRE.MatchString(strings.ToLower(item))
}

var (
	// versionMoveRE: a dotted version moved to another ("15.6 -> 15.8"), or an
	// upgrade named with its version ("bump Node 20 -> 22", "upgrade to 3.3"). A
	// value moved without those words ("raise the buffer from 500 to 5000") is a
	// setting, not a version.
	versionMoveRE = regexp.MustCompile(`\bv?\d+\.\d+(?:\.\d+)*\s*(?:->|→|=>|to)\s*v?\d+\.\d+|\b(?:upgrade|bump|version)\b[^.]{0,40}?\d|\d[^.]{0,40}?\b(?:upgrade|bump|version)\b`)
	// versionWordRE: an item that speaks of versions.
	versionWordRE = regexp.MustCompile(`\b(?:upgrad\w*|bump\w*|version\w*|patch\w*|release)\b|\bv?\d+\.\d+`)
)

// identifierParts splits an identifier into its stemmed words, without numbers
// (a value, "30s", is not the setting).
func identifierParts(id string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(id, func(r rune) bool { return r == '_' || r == '-' }) {
		for _, p := range camelRE.FindAllString(f, -1) {
			p = strings.ToLower(p)
			if p == "" || (p[0] >= '0' && p[0] <= '9') {
				continue
			}
			out = append(out, text.Stem(p))
		}
	}
	return out
}

// The kind of thing a piece of work delivers (an alert, a dashboard, a test or drill, a
// runbook or checklist change: the follow-up kinds DOMAIN.md lists) is its object as
// much as the component it is about. A ticket for a cache hit ratio dashboard is not
// the follow-up to put the cache hit ratio on the alert set, however many of the
// metric's words the two share. deliverableDiffers reports whether title and item
// both name a kind of deliverable and no kind is common to them. A title or an item
// naming none ("rewrite the cleanup with SCAN") is judged by its words alone.
func deliverableDiffers(title, item string) bool {
	tk, ik := deliverables(title), deliverables(item)
	return tk != 0 && ik != 0 && tk&ik == 0
}

// actionDiffers reports whether a ticket does one change to a thing and the item
// delivers something else about it: the item names a kind of deliverable (an
// alert) the title does not, and the title opens with a verb of a particular
// change ("Raise fd limit on snapshot hosts") that the item never says. "Alert when
// fd usage passes 70% of the limit" shares the limit's words with that ticket but
// is not its work. Verbs that only say something will exist ("add", "create",
// "implement") name no particular change and are judged by the words alone.
// When the item's own sentence names no kind, the kinds of the message it was
// said in (msgKinds) tell whether it only writes something down ("… decom
// checklist needs 'drop the replication slot' as an explicit step. I'll add it
// to the data platform decommission page today").
func actionDiffers(title, item string, msgKinds int) bool {
	ik := deliverables(item)
	k := ik
	if k == 0 {
		k = msgKinds
	}
	if k == 0 || deliverables(title) != 0 {
		return false
	}
	head := titleHeadWord(title)
	if !changeVerbs[head] {
		return false
	}
	// Writing about a change is not making it: an item that only delivers
	// something to read (a playbook entry, a macro) is not the ticket's change
	// even where it names it ("the 'charged twice' macro + refund timeline into
	// the cx playbook" against "Refund batch for duplicate captures").
	if k&^(kindDocs|kindSupport) == 0 {
		return true
	}
	if ik == 0 {
		return false
	}
	term := canonical(head)
	for _, w := range strings.Fields(strings.ToLower(item)) {
		if canonical(strings.Trim(w, ".,;:!?\"'()")) == term {
			return false
		}
	}
	return true
}

// changeVerbs name a particular change to something that exists.
var changeVerbs = toSet(`raise increase lower reduce bump revert roll remove rotate upgrade downgrade migrate
replace rename disable enable delete retire deprecate move split shard pin unpin resize scale restart
extend shorten tighten loosen relax purge drop switch refund hold pause send decommission`)

// changeVerbTerms are changeVerbs as content terms.
var changeVerbTerms = func() map[string]bool {
	out := map[string]bool{}
	for v := range changeVerbs {
		for _, t := range contentTerms(v) {
			out[t] = true
		}
	}
	return out
}()

// titleHeadWord is the first word of a ticket title after a "component:" prefix,
// lower-cased, "" when there is none.
func titleHeadWord(title string) string {
	_, title, _ = titlePrefix(strings.TrimLeft(title, ":;-–—·| \t\n"))
	f := strings.Fields(title)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(f[0], ".,;:!?\"'()"))
}

// kindUnsaid reports whether an exported ticket delivers a kind of thing (a
// dashboard, an alert, a test, a runbook) that the item's message never names: the
// tracker titles a ticket by what it delivers, so "payment-router: per-acquirer 3DS
// latency dashboard" is not the promise to make the router fail over by itself,
// however many of the router's words the two share. The item's kinds are read in its
// whole message, as a promise is often quoted as "I'll do both by friday" after the
// sentence naming the test and the alert.
func kindUnsaid(title string, c *fuCandidate) bool {
	return deliverables(title) != 0 && deliverables(c.text)|c.msgKinds == 0
}

// deliverables is the set of deliverable kinds a text names, one bit each.
func deliverables(s string) int {
	low := strings.ToLower(s)
	kinds := 0
	for i, re := range deliverableREs {
		if re.MatchString(low) {
			kinds |= 1 << i
		}
	}
	return kinds
}

// deliverableREs: one pattern per kind. "Page" alone is left out of the alert
// words: it is as often a web page ("the account page") as a pager. A ticket's
// "page on spike in rejected passes" or "page the ledger on-call when …", and
// "pager", are the alert, not the "pager" of a "one-pager", a short document. "page
// someone when …" is left as it was, no kind: its
// "page" is then a shared word ("alert") that, read as the kind, would no longer
// count as what the item and an "Alert on …" title share (onlyWhere).
var deliverableREs = []*regexp.Regexp{
	regexp.MustCompile(`\b(?:alert\w*|alarm\w*|warn\w*|monitor\w*|page[sd]?\s+(?:on|the\s+[\w-]+\s+(?:on-?call|team)))\b|(?:^|[^\w-])pagers?\b`),
	regexp.MustCompile(`\b(?:dashboards?|panels?|graphs?)\b`),
	regexp.MustCompile(`\b(?:tests?|testing|lint(?:s|ing|er|ers)?|drills?|exercises?|game ?days?)\b`),
	regexp.MustCompile(`\b(?:runbooks?|playbooks?|checklists?|procedures?|guides?|docs|documentation|wiki|one-?pagers?|cheat ?sheets?|handouts?)\b`),
	// Support content: what the people answering customers or staff read out or
	// paste (a help-desk macro, a knowledge-base article, a canned reply), not
	// the engineers' runbook.
	regexp.MustCompile(`\b(?:macros?|kb\s+(?:articles?|entr(?:y|ies))|knowledge\s?base|help\s?cent(?:er|re)\s+articles?|canned\s+(?:responses?|repl(?:y|ies))|saved\s+repl(?:y|ies))\b`),
}

// Kinds of deliverable by their bit in deliverables.
const (
	kindDocs    = 1 << 3
	kindSupport = 1 << 4
)

// sharedValues counts the numbers of two or more digits (a limit, a size, a
// timeout: "30", "6,000", "1.16") that both texts name.
func sharedValues(a, b string) int {
	have := map[string]bool{}
	for _, v := range valueRE.FindAllString(a, -1) {
		have[strings.ReplaceAll(v, ",", "")] = true
	}
	n := 0
	for _, v := range valueRE.FindAllString(b, -1) {
		if v = strings.ReplaceAll(v, ",", ""); have[v] {
			n++
			delete(have, v)
		}
	}
	return n
}

// valueRE: a number of two or more digits, with thousands or a decimal part.
var valueRE = regexp.MustCompile(`\b\d[\d,]*\d(?:\.\d+)?\b`)

// A ticket titled by what it does ("Decommission old gateway pair") is that work; an
// item that speaks of things in the state the work leaves them ("a monitor for SYNs
// hitting decommissioned IPs") presupposes the work rather than promising it.
// presupposedHead is the term of the verb that opens a ticket's description (after a
// "component:" prefix) when the item holds that verb only as a participle before a
// noun, not after "be" or "get" ("get decommissioned" is the work, passive); ""
// otherwise. That term is no evidence the two are one piece of work.
func presupposedHead(desc, item string) string {
	desc = strings.TrimLeft(desc, ":;-–—·| \t\n") // what a removed key left
	if i := strings.Index(desc, ": "); i > 0 && i < 40 && len(strings.Fields(desc[:i])) <= 2 {
		desc = desc[i+2:]
	}
	f := strings.Fields(desc)
	if len(f) < 2 {
		return ""
	}
	head := strings.ToLower(strings.Trim(f[0], ".,;:!?\"'()"))
	if !headVerbRE.MatchString(head) || strings.HasSuffix(head, "ed") || strings.HasSuffix(head, "ing") {
		return ""
	}
	term := canonical(head)
	if term == "" {
		return ""
	}
	words := strings.Fields(strings.ToLower(item))
	seen := false
	for i, w := range words {
		w = strings.Trim(w, ".,;:!?\"'()")
		if canonical(w) != term {
			continue
		}
		if !strings.HasSuffix(w, "ed") || i+1 >= len(words) || (i > 0 && beGetRE.MatchString(words[i-1])) {
			return ""
		}
		seen = true
	}
	if !seen {
		return ""
	}
	return term
}

var (
	// headVerbRE: a word that can open a title as its verb (letters only).
	headVerbRE = regexp.MustCompile(`^[a-z]{3,}$`)
	// beGetRE: the auxiliaries of a passive, which make a participle the work itself.
	beGetRE = regexp.MustCompile(`^(?:be|is|are|was|were|been|being|get|gets|got|getting)$`)
)

// withoutTerm is terms without t.
func withoutTerm(terms []string, t string) []string {
	if t == "" {
		return terms
	}
	out := make([]string, 0, len(terms))
	for _, x := range terms {
		if x != t {
			out = append(out, x)
		}
	}
	return out
}

// incidentRecord reports whether a ticket's title makes it the record of an
// incident rather than a piece of work: it opens with a severity ("SEV1 BRL
// payout batch amounts mismatch", "[SEV2] Cycle 14 bills with abnormal amounts
// posted") or names an incident or its review ("INC 2026-03-10: gate validation
// outage", "INC-3004: search-api 5xx after deploy", "Postmortem INC-2041").
// Trackers hold such tickets beside the follow-ups (the incident ticket, the
// postmortem's own); they tell what broke, in the words of the failure, and so
// share words with any remark about it. No follow-up is captured by one by its
// words; a follow-up that cites one by key still is.
func incidentRecord(title string) bool { return incidentRecordRE.MatchString(title) }

// incidentRecordRE: a severity, or an incident or its review named by its id or
// date, opening a title ("Incident runbook: …" and "Postmortem template: …" are
// work).
var incidentRecordRE = regexp.MustCompile(`(?i)^\W*(?:sev\s*-?\s*\d\b|(?:inc|incident|post-?mortem|post-incident review|pir|rca)[\s#:-]*(?:[a-z]+-)?\d)`)

// datedRecord reports whether a ticket's title names a calendar day ("Reinstate
// holds expired unclaimed 16-18 May (notices outage)", "Refund duplicate
// collections of 2026-06-01", "Check 380 duplicate returns of 29 April"): the
// one-off work on the incident's own days (a refund, a repair, a notice, its
// review), which shares the failure's words with every remark about it. Over
// dev2-dev78 the 36 such tickets the channel never cites by key capture no
// labelled follow-up by their words; one cited by key still captures.
func datedRecord(title string) bool { return datedTitleRE.MatchString(title) }

// datedTitleRE: a day and a month named (dueMonth), either order, or an ISO date.
var datedTitleRE = regexp.MustCompile(`(?i)\b\d{1,2}(?:\s*[-–]\s*\d{1,2})?(?:st|nd|rd|th)?\s+` + dueMonth + `\b|\b` + dueMonth + `\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{4}-\d{2}-\d{2}\b`)

// defectReport reports whether a ticket's title states a defect rather than the
// work on it: no verb of work opens its description (after a "component:"
// prefix), and it says what is wrong ("label-api: pickup_window not rendered on
// PDF labels", "TURN credential TTL too short for visits longer than 60 min",
// "flaky validate_ticket integration test on CI"). Such a ticket is a bug filed
// on its own, not a piece of work someone promised in the channel: it may
// capture an item that says the same thing by the first pass's bar, but it is no
// evidence that some item of the incident is about it, which the mutual pass
// assumes of the tickets it pairs.
//
// A prefix that names the kind of work ("Alerting: paid orders waiting too long
// for a print-ready render", "Monitoring: …") titles the deliverable, and what
// follows is the condition it watches for, not a defect filed on its own. A
// prefix written as an identifier ("policy-docs: PDF render times out") names a
// component, whatever words it is made of.
func defectReport(title string) bool {
	if imperativeVerbs[titleHeadWord(title)] {
		return false
	}
	if prefix, _, ok := titlePrefix(title); ok && plainWordsRE.MatchString(prefix) && deliverables(prefix) != 0 {
		return false
	}
	return defectRE.MatchString(title)
}

// plainWordsRE: words of letters only, no identifier.
var plainWordsRE = regexp.MustCompile(`^\s*\p{L}+(?:\s+\p{L}+)*\s*$`)

// defectRE: the words of a defect: a state that should not be ("not rendered",
// "failing", "too short", "wrong", "hard to tell apart", "flaky", "PDF render times out").
var defectRE = regexp.MustCompile(`(?i)\b(?:(?:is |are )?not (?:rendered|working|sent|shown|loading|updating|reaching|delivered|applied|found|closed|cleared|saved|refreshed)|failing|broken|too (?:short|long|slow|low|high|small|big|large)|abnormal|wrong|hard to|flaky|times out|timing out|intermittent(?:ly)?|crash(?:es|ing)?)\b`)

// One name, two surface forms: a ticket title writes an identifier whole
// ("CooperativeStickyAssignor") where the channel writes its words
// ("cooperative-sticky"), or spells out what a message abbreviates ("group
// Managed Service Account" for "gMSA", "time to live" for "TTL"). namedTerms
// returns the terms that make such a pair meet: the title's identifier when the
// item holds most of its words (two at least), the title's words an item's
// acronym stands for, and the title's acronym when the item spells it out.
// Each is read from the structure of the words alone, with no list of names.
func namedTerms(title, item string) []string {
	var out []string
	itemTerms := map[string]bool{}
	for _, t := range withParts(contentTerms(item)) {
		itemTerms[t] = true
	}
	for _, u := range identWordRE.FindAllString(title, -1) {
		parts := identifierParts(u)
		if len(parts) < 2 || !camelWordRE.MatchString(u) {
			continue
		}
		n := 0
		for _, p := range parts {
			if itemTerms[p] {
				n++
			}
		}
		if n >= 2 && 2*n >= len(parts) {
			out = append(out, contentTerms(u)...)
		}
	}
	// The item's identifier in the title's words ("maxReplicas x maximumPoolSize"
	// for "maxReplicas x pool size"): the parts the title holds.
	titleTerms := map[string]bool{}
	for _, t := range contentTerms(title) {
		titleTerms[t] = true
	}
	for _, v := range identWordRE.FindAllString(item, -1) {
		if !camelWordRE.MatchString(v) {
			continue
		}
		for _, p := range identifierParts(v) {
			if titleTerms[p] {
				out = append(out, p)
			}
		}
	}
	out = append(out, spelledOut(title, item)...)
	for _, a := range acronymRE.FindAllString(title, -1) {
		if acronymOf(a, item) {
			out = append(out, contentTerms(a)...)
		}
	}
	return out
}

var (
	// identWordRE: a word that may be an identifier written whole.
	identWordRE = regexp.MustCompile(`\p{L}[\p{L}\p{N}]*`)
	// camelWordRE: a lower-case letter followed by an upper-case one, inside a
	// word: CamelCase, "gMSA".
	camelWordRE = regexp.MustCompile(`\p{Ll}\p{Lu}`)
	// acronymRE: an abbreviation of three to six letters, two of them capitals
	// at least ("DST", "gMSA", "PVCs").
	acronymRE = regexp.MustCompile(`\b\p{L}*\p{Lu}\p{L}*\p{Lu}\p{L}*\b`)
	// spelledWordRE: a word of a text an acronym may stand for.
	spelledWordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)
)

// spelledOut returns the content terms of the words of long that an acronym of
// short stands for: consecutive words whose first letters spell it.
func spelledOut(long, short string) []string {
	var out []string
	words := spelledWordRE.FindAllString(long, -1)
	// The words of a CamelCase identifier spell its acronym too ("PDBs" for
	// "PodDisruptionBudget"): the parts are spelled, the identifier is the term.
	var parts []string
	var whole []int // the word of words each part is from
	for w, word := range words {
		ps := []string{word}
		if camelWordRE.MatchString(word) {
			ps = camelRE.FindAllString(word, -1)
		}
		for _, p := range ps {
			parts = append(parts, p)
			whole = append(whole, w)
		}
	}
	for _, a := range acronymRE.FindAllString(short, -1) {
		if i, k := acronymAt(a, parts); i >= 0 {
			out = append(out, contentTerms(strings.Join(words[whole[i]:whole[i+k-1]+1], " "))...)
		}
	}
	return out
}

// acronymOf reports whether words of s spell acronym a.
func acronymOf(a, s string) bool {
	i, _ := acronymAt(a, spelledWordRE.FindAllString(s, -1))
	return i >= 0
}

// acronymAt finds the first run of words whose first letters spell a (case
// ignored, a plural "s" dropped), as its start and length; -1 when none does or
// a is no acronym of three to six letters.
func acronymAt(a string, words []string) (int, int) {
	letters := []rune(strings.ToLower(a))
	if n := len(letters); n > 3 && letters[n-1] == 's' && a[len(a)-1] == 's' {
		letters = letters[:n-1]
	}
	k := len(letters)
	if k < 3 || k > 6 {
		return -1, 0
	}
	for i := 0; i+k <= len(words); i++ {
		ok := true
		for j := 0; j < k && ok; j++ {
			r := []rune(strings.ToLower(words[i+j]))
			ok = len(r) > 1 && r[0] == letters[j]
		}
		if ok {
			return i, k
		}
	}
	return -1, 0
}
