package text

import (
	"regexp"
	"slices"
	"strings"
)

// Ticket references, read the same way by the parsers, the lexicon and the engines:
// a tracker key ("PAY-881"), a tracker URL, and the key inside a Jira browse link.
var (
	ticketKeyRE  = regexp.MustCompile(`\b[A-Z][A-Z0-9]{1,9}-\d+\b`)
	trackerURLRE = regexp.MustCompile(`https?://[^\s<>|)]*(?:jira|atlassian\.net|/browse/|linear\.app|/issues?/\d+|youtrack|shortcut\.com|app\.clubhouse|/tickets?/\d+|/-/issues/)[^\s<>|)]*`)
	browseKeyRE  = regexp.MustCompile(`(?:/browse/|/issue/|selectedIssue=)([A-Z][A-Z0-9]+-\d+)`)
	// repoIssueRE: an issue of a repository as GitHub and GitLab cross-reference it
	// ("infra/ops#212", "mirror-ops#88"): a path of names, "#", the number. A bare
	// "#212" says no tracker; a Slack channel link ("<#C0123|ops>") has no name before
	// its "#". Group 1 is the separator before the reference, group 2 the reference.
	repoIssueRE = regexp.MustCompile(`(^|[\s(\[,;:])((?:[A-Za-z0-9_.-]+/)*[A-Za-z][A-Za-z0-9_.-]*#\d+)\b`)
	// serviceNowRE: a ServiceNow record of work (problem, change, request, task,
	// story), a prefix and seven digits ("PRB0041873", "CHG0098812"). Incident
	// records (INC…) are the incident itself, not a ticket for its follow-up.
	serviceNowRE = regexp.MustCompile(`\b(?:PRB|CHG|RITM|REQ|SCTASK|CTASK|PTASK|TASK|STRY|DFCT|ENHC)\d{7}\b`)
	// repoNamedIssueRE: an issue or pull request numbered first and its repository
	// named after, as tracker bots write it ("opened pull request #4471 in
	// exchange/withdrawal-worker"). Group 1 is the number, group 2 the repository.
	repoNamedIssueRE = regexp.MustCompile(`(?i:\b(?:pull request|merge request|issue|PR|MR))\s+#(\d+)\s+(?:in|on|to|at)\s+((?:[A-Za-z0-9_.-]+/)+[A-Za-z0-9_.-]*[A-Za-z0-9_])`)
)

// OtherTicketRefs returns the references of s that are not Jira-style keys or links:
// repository issues ("infra/ops#212") and ServiceNow records ("PRB0041873"), in
// order.
func OtherTicketRefs(s string) []string {
	type ref struct {
		at  int
		ref string
	}
	var refs []ref
	for _, m := range repoIssueRE.FindAllStringSubmatchIndex(s, -1) {
		refs = append(refs, ref{m[4], s[m[4]:m[5]]})
	}
	for _, m := range serviceNowRE.FindAllStringIndex(s, -1) {
		refs = append(refs, ref{m[0], s[m[0]:m[1]]})
	}
	for _, m := range repoNamedIssueRE.FindAllStringSubmatchIndex(s, -1) {
		refs = append(refs, ref{m[0], s[m[4]:m[5]] + "#" + s[m[2]:m[3]]})
	}
	slices.SortFunc(refs, func(a, b ref) int { return a.at - b.at })
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.ref
	}
	return out
}

// notTicketPrefixes are key prefixes that name standards, severities, regions,
// instance types or a product's error codes, not trackers (CVE-2024-1, SEV-1,
// ISO-8601, EU-1, M5-2, ORA-28001, TNS-12541, RMAN-03009).
var notTicketPrefixes = toSet(`SEV HTTP HTTPS UTF ISO RFC CVE CWE TLS SSL SHA AES RSA MD IPV X GPT
	INC P PR US EU AP SA CA AZ T3 M5 C5 R5 E2 N1 N2 TCP UDP DNS ORA TNS PLS RMAN SP2`)

// NotTicketPrefix reports whether the prefix of a key-shaped word ("CVE" of
// "CVE-2024-1") names a standard or severity rather than a tracker project.
func NotTicketPrefix(prefix string) bool { return notTicketPrefixes[prefix] }

// ErrorCodes returns the key-shaped codes s speaks of as errors ("HLD-400 errors
// stop", "stuck on error LS-29"): names of a failure, not tickets.
func ErrorCodes(s string) []string {
	var out []string
	for _, m := range errorCodeRE.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1]+m[2])
	}
	return out
}

var errorCodeRE = regexp.MustCompile(`\b([A-Z][A-Z0-9]+-\d+)\s+(?:errors?|error codes?)\b|\b(?:error|error code)\s+([A-Z][A-Z0-9]+-\d+)\b`)

// TicketKeys returns every key-shaped word of s ("PAY-881", "CVE-2024-1" too), in
// order. Callers decide which prefixes to trust; see NotTicketPrefix.
func TicketKeys(s string) []string {
	var out []string
	for _, loc := range ticketKeyRE.FindAllStringIndex(s, -1) {
		if TicketKeyLen(s, loc[0]) == loc[1]-loc[0] {
			out = append(out, s[loc[0]:loc[1]])
		}
	}
	return out
}

// HasTicketKey reports whether s holds a tracker key whose prefix is not a standard.
func HasTicketKey(s string) bool {
	for _, k := range TicketKeys(s) {
		if !NotTicketPrefix(k[:strings.IndexByte(k, '-')]) {
			return true
		}
	}
	return len(OtherTicketRefs(s)) > 0
}

// TrackerLinks returns the tracker URLs of s, each with the key a browse link
// carries ("" for other trackers), trailing sentence punctuation removed.
func TrackerLinks(s string) (urls, keys []string) {
	for _, u := range trackerURLRE.FindAllString(s, -1) {
		u = strings.TrimRight(u, ".,;:")
		key := ""
		if sub := browseKeyRE.FindStringSubmatch(u); sub != nil {
			key = sub[1]
		}
		urls, keys = append(urls, u), append(keys, key)
	}
	return urls, keys
}

// WithoutTicketRefs returns s with its tracker URLs and keys removed, so that what
// is left can be compared by its words.
func WithoutTicketRefs(s string) string {
	s = ticketKeyRE.ReplaceAllString(trackerURLRE.ReplaceAllString(s, ""), "")
	// A repository issue's match holds the separator before it: keep that.
	s = repoIssueRE.ReplaceAllString(s, "$1")
	return serviceNowRE.ReplaceAllString(repoNamedIssueRE.ReplaceAllString(s, ""), "")
}

// TicketRef returns the first ticket that s refers to, read the way the follow-up
// engine reads it, so that a parser marking an action item as ticketed and the engine
// counting it as captured agree: a tracker link (a Jira "/browse/OPS-12" link gives
// its key, any other tracker link is its own key), else a tracker key such as
// "OPS-12" whose prefix is not a standard or severity (CVE-, SEV-, ISO-…). ok is false
// when s names no ticket.
func TicketRef(s string) (key, url string, ok bool) {
	if u := trackerURLRE.FindString(s); u != "" {
		u = strings.TrimRight(u, ".,;:")
		if sub := browseKeyRE.FindStringSubmatch(u); sub != nil {
			return sub[1], u, true
		}
		return u, u, true
	}
	for _, k := range TicketKeys(s) {
		if !NotTicketPrefix(k[:strings.IndexByte(k, '-')]) {
			return k, "", true
		}
	}
	if refs := OtherTicketRefs(s); len(refs) > 0 {
		return refs[0], "", true
	}
	return "", "", false
}

// TicketKeyLen returns the length of a tracker key such as "PAY-881" starting at
// s[i] (2–10 upper-case letters or digits starting with a letter, a hyphen, digits),
// or 0. The key must stand alone: not glued to a word, hyphen or dot on either side.
// It is the byte-scanner form of the key rule, for tokenizers that walk text once.
func TicketKeyLen(s string, i int) int {
	if i > 0 && (isWordByte(s[i-1]) || s[i-1] == '-' || s[i-1] == '.') {
		return 0
	}
	j := i
	for j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || j > i && s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if n := j - i; n < 2 || n > 10 || j >= len(s) || s[j] != '-' {
		return 0
	}
	k := j + 1
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == j+1 || k < len(s) && (isWordByte(s[k]) || s[k] == '-') {
		return 0
	}
	return k - i
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
}
