package copilot

import "strings"

// TicketRef returns the first ticket that text refers to, read the way the follow-up
// engine reads it, so that a reader marking an action item as ticketed and the engine
// counting it as captured agree: a tracker link (a Jira "/browse/OPS-12" link gives
// its key, any other tracker link is its own key), else a tracker key such as
// "OPS-12" whose prefix is not a standard or severity (CVE-, SEV-, ISO-…). ok is false
// when text names no ticket.
func TicketRef(text string) (key, url string, ok bool) {
	if u := trackerURLRE.FindString(text); u != "" {
		u = strings.TrimRight(u, ".,;:")
		if sub := browseKeyRE.FindStringSubmatch(u); sub != nil {
			return sub[1], u, true
		}
		return u, u, true
	}
	for _, k := range ticketKeyRE.FindAllString(text, -1) {
		if !notTicketPrefixes[k[:strings.IndexByte(k, '-')]] {
			return k, "", true
		}
	}
	return "", "", false
}
