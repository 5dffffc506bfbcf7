package text

import (
	"regexp"
	"strings"

	"github.com/kyokomi/emoji/v2"
)

// typographic is what phones and word processors put in place of the plain
// apostrophe, quote and space ("I’ll", “ttl”).
var typographic = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "‛", "'", "“", `"`, "”", `"`, "„", `"`, "\u00a0", " ", "\u202f", " ")

// slackEmojiRE is a Slack emoji code (":sweat_smile:", ":+1::skin-tone-2:").
var slackEmojiRE = regexp.MustCompile(`:[a-z0-9_+\-]+:`)

// PlainMarks writes a message the way whatever client typed it: typographic
// apostrophes, quotes and spaces plainly ("I’ll" -> "I'll"), so an iPhone's
// promise reads like a terminal's, and Slack's emoji codes as the emoji they
// stand for (":sweat_smile:" -> "😅"), so a Slack export reads like a source
// that kept the emoji. Codes the emoji table does not know ("12:00:") stay.
func PlainMarks(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r > 0x7f }) >= 0 {
		s = typographic.Replace(s)
	}
	if !strings.Contains(s, ":") {
		return s
	}
	codes := emoji.CodeMap()
	return slackEmojiRE.ReplaceAllStringFunc(s, func(c string) string {
		if e, ok := codes[c]; ok && e != "" {
			return e
		}
		return c
	})
}
