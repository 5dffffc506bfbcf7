package copilot

import (
	"regexp"
	"strings"
)

// Ticket references, read the same way by the parsers and the engines: a tracker key,
// a tracker URL, and the key inside a Jira browse link.
var (
	TicketKeyRE  = regexp.MustCompile(`\b[A-Z][A-Z0-9]+-\d+\b`)
	TrackerURLRE = regexp.MustCompile(`https?://[^\s<>|)]*(?:jira|atlassian\.net|/browse/|linear\.app|/issues?/\d+|youtrack|shortcut\.com|app\.clubhouse|/tickets?/\d+|/-/issues/)[^\s<>|)]*`)
	BrowseKeyRE  = regexp.MustCompile(`(?:/browse/|/issue/|selectedIssue=)([A-Z][A-Z0-9]+-\d+)`)
	// NotTicketPrefixes are key prefixes that name standards, severities or regions,
	// not trackers (CVE-2024-1, SEV-1, ISO-8601, EU-1).
	NotTicketPrefixes = func() map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields("SEV HTTP HTTPS UTF ISO RFC CVE TLS SSL SHA AES RSA MD IPV X GPT INC P PR US EU AP SA CA AZ T3 M5 C5 R5 E2 N1 N2 TCP UDP") {
			m[w] = true
		}
		return m
	}()
)

// TicketRef returns the first ticket that text refers to, read the way the follow-up
// engine reads it, so that a reader marking an action item as ticketed and the engine
// counting it as captured agree: a tracker link (a Jira "/browse/OPS-12" link gives
// its key, any other tracker link is its own key), else a tracker key such as
// "OPS-12" whose prefix is not a standard or severity (CVE-, SEV-, ISO-…). ok is false
// when text names no ticket.
func TicketRef(text string) (key, url string, ok bool) {
	if u := TrackerURLRE.FindString(text); u != "" {
		u = strings.TrimRight(u, ".,;:")
		if sub := BrowseKeyRE.FindStringSubmatch(u); sub != nil {
			return sub[1], u, true
		}
		return u, u, true
	}
	for _, k := range TicketKeyRE.FindAllString(text, -1) {
		if !NotTicketPrefixes[k[:strings.IndexByte(k, '-')]] {
			return k, "", true
		}
	}
	return "", "", false
}
