package copilot

import (
	"regexp"
	"strings"
)

// Slack turns these into notifications. Answers are drafted from transcript content,
// which anyone (a customer ticket pasted in, say) could have written, so nothing the
// copilot posts may ping people or channels.
var (
	slackSpecialRE = regexp.MustCompile(`<!(?:channel|here|everyone)(?:\|[^>]*)?>|<!subteam\^[^>]*>|<@[A-Z0-9]+(?:\|[^>]*)?>|<#[A-Z0-9]+(?:\|[^>]*)?>`)
	atBroadcastRE  = regexp.MustCompile(`(?i)(^|[^\w])@(channel|here|everyone)\b`)
)

// SafeText makes drafted text inert for Slack: broadcast mentions and user, group or
// channel pings become plain words that notify no one.
func SafeText(s string) string {
	s = slackSpecialRE.ReplaceAllStringFunc(s, func(m string) string {
		inner := strings.TrimSuffix(strings.TrimPrefix(m, "<"), ">")
		if _, label, ok := strings.Cut(inner, "|"); ok {
			inner = label
		} else {
			inner = strings.TrimPrefix(inner, "!")
			inner = strings.TrimPrefix(inner, "@")
			inner = strings.TrimPrefix(inner, "#")
		}
		return strings.TrimLeft(inner, "@#!")
	})
	// A zero-width joiner after @ keeps the word readable while Slack no longer
	// recognises it as a broadcast.
	return atBroadcastRE.ReplaceAllString(s, "${1}@\u2060${2}")
}
