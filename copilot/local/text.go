package local

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// Text handling shared by the local engine's capabilities: cleaning transcript text
// into quotable sentences and reducing it to comparable content terms.

var (
	fencedCodeRE = regexp.MustCompile("(?s)```.*?(```|$)")
	inlineCodeRE = regexp.MustCompile("`([^`\n]*)`")
	// A normalized Slack link reads "label (url)"; a raw one "<url|label>" or "<url>".
	labelURLRE   = regexp.MustCompile(`\s*\(https?://[^\s)]+\)`)
	slackLinkRE  = regexp.MustCompile(`<(https?://[^|>\s]+)(?:\|([^>]*))?>`)
	bareURLRE    = regexp.MustCompile(`https?://\S+`)
	addressingRE = regexp.MustCompile(`^(?:\s*(?:@[\w.\-]+|<@[A-Z0-9]+(?:\|[^>]*)?>)[:,]?\s*)+`)
	// A postmortem timeline row starts with its time; the timeline shows it apart.
	rowTimeRE = regexp.MustCompile(`^\W*\d{4}-\d{2}-\d{2}[ T]+\d{1,2}:\d{2}(:\d{2})?\s*\|?\s*`)
	// emojiRE: a shortcode (":tada:", ":+1:"), not the digits between two times
	// or the minutes of a time with seconds or a colon after it ("23:40:",
	// "05:00:03", "11:03-11:25").
	emojiRE = regexp.MustCompile(`:(?:[a-z0-9_+\-]*[a-z_][a-z0-9_+\-]*|[+-]1):`)
	spaceRE = regexp.MustCompile(`\s+`)
	// A sentence ends at . ! or ? followed by white space, or at a line break.
	// abbreviationEndRE: a title or a Latin abbreviation closing the text before a
	// full stop.
	abbreviationEndRE = regexp.MustCompile(`(?i)(?:^|[\s(])(?:dr|mr|mrs|ms|prof|sr|jr|e\.g|i\.e|vs|approx)$`)
	sentenceEndRE     = regexp.MustCompile(`[.!?]+["')\]]*\s+|\n+|;\s+`)
)

// maxSentenceRunes bounds a quoted sentence so that a summary stays readable in
// half a minute; longer sentences are cut at a word boundary.
const maxSentenceRunes = 220

// cleanText removes what does not read well when quoted: code blocks, URLs, emoji
// codes, leading @-addressing, repeated white space.
func cleanText(s string) string {
	s = fencedCodeRE.ReplaceAllString(s, " ")
	s = inlineCodeRE.ReplaceAllString(s, "$1")
	s = slackLinkRE.ReplaceAllStringFunc(s, func(m string) string {
		sub := slackLinkRE.FindStringSubmatch(m)
		return sub[2]
	})
	s = labelURLRE.ReplaceAllString(s, "")
	s = bareURLRE.ReplaceAllString(s, "")
	s = emojiRE.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, "&gt;", ">")
	s = strings.ReplaceAll(s, "&lt;", "<")
	s = strings.ReplaceAll(s, "&amp;", "&")
	s = strings.TrimLeft(s, "> ")
	// "Set the spill limits on the cluster — https://…/issues/1187": the dash
	// led to the link and goes with it.
	s = linkDashRE.ReplaceAllString(s, "")
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

// linkDashRE: a dash left at the end of a line whose link was taken out.
var linkDashRE = regexp.MustCompile(`(?m)\s+[—–-]+[ \t]*$`)

// splitSentences cuts a message into sentences (after fenced code is removed, so log
// lines do not count as sentences).
func splitSentences(text string) []string {
	text = fencedCodeRE.ReplaceAllString(text, "\n")
	var out []string
	last := 0
	for _, loc := range sentenceEndRE.FindAllStringIndex(text, -1) {
		// "Dr. Ama Owusu", "e.g. the cache": a title or an abbreviation goes on.
		if text[loc[0]] == '.' && loc[1]-loc[0] == 2 && abbreviationEndRE.MatchString(text[last:loc[0]]) {
			continue
		}
		// "add a 'removes or changes a cache?' checkbox": a question quoted
		// inside a sentence, its closing quote followed by the sentence's next
		// word, ends nothing.
		if quotedInside(text, last, loc) {
			continue
		}
		// Keep the terminal punctuation with its sentence.
		end := loc[0]
		for end < loc[1] && strings.ContainsRune(".!?\"')]", rune(text[end])) {
			end++
		}
		if s := strings.TrimSpace(text[last:end]); s != "" {
			out = append(out, s)
		}
		last = loc[1]
	}
	if s := strings.TrimSpace(text[last:]); s != "" {
		out = append(out, s)
	}
	return out
}

// quotedInside reports whether the sentence end at loc closes a quotation that
// opened in the same sentence (a quote mark after a space, since last) and the
// text goes on in lower case right after it.
func quotedInside(text string, last int, loc []int) bool {
	q := strings.IndexAny(text[loc[0]:loc[1]], `"'`)
	if q < 0 || loc[1] >= len(text) {
		return false
	}
	if r := rune(text[loc[1]]); !unicode.IsLower(r) {
		return false
	}
	mark := text[loc[0]+q]
	for i := last; i < loc[0]; i++ {
		if text[i] == mark && (i == last || text[i-1] == ' ' || text[i-1] == '(') {
			return true
		}
	}
	return false
}

// shortDateRowRE: a timeline row's lead that gives the day without the year
// ("07-07 09:05 | ").
var shortDateRowRE = regexp.MustCompile(`^\W*\d{2}-\d{2} \d{1,2}:\d{2}(:\d{2})?\s*\|\s*`)

// quote turns a transcript sentence into a summary sentence: cleaned, shortened,
// capitalised, ending with punctuation, and inert for Slack. Leading @-addressing
// ("@sam: restarted it") is dropped.
func quote(s string) string { return quoteText(s, true) }

// quoteText is quote with the choice to keep leading mentions, which matter in a
// follow-up ("@sam can you own…").
func quoteText(s string, dropAddressing bool) string {
	s = cleanText(s)
	s = rowTimeRE.ReplaceAllString(s, "")
	s = shortDateRowRE.ReplaceAllString(s, "")
	if dropAddressing {
		s = addressingRE.ReplaceAllString(s, "")
	}
	s = strings.TrimLeft(s, "-–—*•·|: ")
	s = strings.TrimRight(s, " |")
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	s = text.ClipWords(copilot.SafeText(s), maxSentenceRunes)
	r, size := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[size:]
	}
	if last, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune(".!?…", last) {
		s += "."
	}
	return copilot.SafeText(s)
}

// hasSecret reports whether s holds a masked credential. The engine reads masked
// text only (the memory masks at ingest, copilot.Copilot masks incidents given
// whole), and a sentence that was a secret would quote as a bare placeholder: the
// local engine never picks one.
func hasSecret(s string) bool { return copilot.HasMaskedSecret(s) }

// synonyms map general operations vocabulary to one canonical stem so that a ticket
// titled "Alert on DB pool saturation" and a message saying "page us when postgres
// connections run out" share terms.
var synonyms = map[string]string{
	"alert": "alert", "alarm": "alert", "page": "alert", "pager": "alert", "notify": "alert",
	"notif": "alert", "notification": "alert", "pag": "alert", "pagerduty": "alert", "opsgenie": "alert",
	"monitor": "monitor", "observability": "monitor", "visibility": "monitor",
	"db": "db", "database": "db", "postgres": "db", "postgresql": "db", "pg": "db", "mysql": "db",
	"rds": "db", "aurora": "db",
	"conn": "conn", "connection": "conn",
	"k8s": "k8s", "kubernetes": "k8s", "kube": "k8s", "eks": "k8s", "gke": "k8s", "aks": "k8s",
	"cert": "cert", "certificate": "cert", "tls": "cert", "ssl": "cert", "x509": "cert",
	"mem": "memory", "memory": "memory", "ram": "memory", "oom": "memory", "oomkill": "memory",
	"dash": "dashboard", "dashboard": "dashboard", "grafana": "dashboard", "panel": "dashboard",
	"doc": "doc", "documentation": "doc", "document": "doc", "wiki": "doc", "readme": "doc",
	"runbook": "runbook", "playbook": "runbook",
	"test": "test", "testing": "test", "e2e": "test", "integration": "test",
	"quota": "limit", "limit": "limit", "cap": "limit", "ceiling": "limit",
	"autoscal": "autoscal", "autoscaler": "autoscal", "hpa": "autoscal", "autoscaling": "autoscal",
	"retry": "retry", "retri": "retry", "backoff": "retry",
	"deploy": "deploy", "deployment": "deploy", "release": "deploy", "rollout": "deploy",
	"ship":   "deploy",
	"config": "config", "configuration": "config", "setting": "config", "conf": "config",
	"flag": "flag", "toggle": "flag",
	"disk": "disk", "volume": "disk", "pvc": "disk", "storage": "disk", "inode": "disk",
	"queue": "queue", "backlog": "queue", "lag": "queue",
	"cron": "cron", "cronjob": "cron", "schedul": "cron", "scheduler": "cron", "job": "cron",
	"dns": "dns", "resolver": "dns", "coredns": "dns", "nxdomain": "dns",
	"lb": "lb", "alb": "lb", "elb": "lb", "nlb": "lb", "loadbalancer": "lb", "ingress": "lb",
	"vendor": "vendor", "provider": "vendor", "upstream": "vendor", "supplier": "vendor",
	"expiry": "expir", "expir": "expir", "expiration": "expir", "expire": "expir",
	"renewal": "renew", "renew": "renew",
	"rotation": "rotat", "rotat": "rotat",
	"automate": "automat", "automat": "automat", "automation": "automat", "script": "automat",
	"check": "check", "probe": "check", "healthcheck": "check", "validation": "check",
	"validat": "check", "guard": "check", "guardrail": "check", "lint": "check", "linter": "check",
	"ticket": "ticket", "jira": "ticket", "issue": "ticket",
	"sat": "saturat", "saturat": "saturat", "saturation": "saturat", "exhaust": "saturat",
	"exhaustion": "saturat", "full": "saturat",
}

// stemmedSynonyms adds the stem of every synonym, so that inflected forms
// ("automated", "validating") meet their canonical term through text.Stem.
var stemmedSynonyms = func() map[string]string {
	m := make(map[string]string, 2*len(synonyms))
	for w, c := range synonyms {
		m[w] = c
	}
	for w, c := range synonyms {
		if s := text.Stem(w); m[s] == "" {
			m[s] = c
		}
	}
	return m
}()

// canonical returns the comparable form of one lower-case content word: its
// synonym group, else its stem.
func canonical(w string) string {
	if c, ok := stemmedSynonyms[w]; ok {
		return c
	}
	s := text.Stem(w)
	if c, ok := stemmedSynonyms[s]; ok {
		return c
	}
	return s
}

// contentTerms returns the canonical content terms of s (text.ContentWords of the
// cleaned text, through the synonym groups), in order of appearance, unique.
func contentTerms(s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range text.ContentWords(cleanText(s)) {
		c := canonical(w)
		if c == "" || text.IsStopWord(c) || seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	return out
}

// termOverlap measures how much two term lists share: shared terms over the size of
// the smaller list (the overlap coefficient), which suits a short ticket title
// compared with a longer message. It also returns the number of shared terms.
func termOverlap(a, b []string) (float64, int) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	set := map[string]bool{}
	for _, t := range a {
		set[t] = true
	}
	n := 0
	for _, t := range b {
		if set[t] {
			n++
		}
	}
	m := min(len(a), len(b))
	return float64(n) / float64(m), n
}

// jaccard is the shared share of the union of two term lists.
func jaccard(a, b []string) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	set := map[string]bool{}
	for _, t := range a {
		set[t] = true
	}
	n := 0
	union := len(set)
	for _, t := range b {
		if set[t] {
			n++
		} else {
			union++
		}
	}
	return float64(n) / float64(union)
}

// sortedMessages returns a copy of the incident's messages in ts order, with raw
// Slack mentions (<@U123>) of people who speak in the channel turned into @name so
// that quotes read well and owners are names. inc is not touched.
func sortedMessages(inc *copilot.Incident) []copilot.Message {
	ms := append([]copilot.Message(nil), inc.Messages...)
	sort.SliceStable(ms, func(i, j int) bool { return copilot.TSLess(ms[i].TS, ms[j].TS) })
	names := userNames(ms)
	for i := range ms {
		ms[i].Text = text.PlainMarks(ms[i].Text)
		if strings.Contains(ms[i].Text, "<@") {
			ms[i].Text = rawMentionRE.ReplaceAllStringFunc(ms[i].Text, func(m string) string {
				sub := rawMentionRE.FindStringSubmatch(m)
				if sub[2] != "" {
					return "@" + strings.TrimPrefix(sub[2], "@")
				}
				if n, ok := names[sub[1]]; ok {
					return "@" + n
				}
				return m
			})
		}
	}
	return ms
}

var rawMentionRE = regexp.MustCompile(`<@([A-Z0-9]+)(?:\|([^>]*))?>`)

// speaker names the author of a message for owners and attributions.
func speaker(m copilot.Message) string {
	if m.UserName != "" {
		return m.UserName
	}
	return m.User
}
