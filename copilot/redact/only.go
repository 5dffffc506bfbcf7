package redact

import (
	"regexp"
	"strings"
	"unicode"
)

var placeholderRE = regexp.MustCompile(`\[REDACTED:[A-Za-z0-9_.-]+\]`)

// Only reports whether s holds at least one placeholder and nothing else but
// punctuation and white space: a text that was all secret. The answer engines drop
// such items rather than show an empty quote.
func Only(s string) bool {
	if !strings.Contains(s, placeholderPrefix) {
		return false
	}
	rest := placeholderRE.ReplaceAllString(s, "")
	for _, r := range rest {
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return true
}

// Has reports whether s holds a credential, or a placeholder of one, that String
// would mask. Email addresses and phone numbers do not count: a sentence that names
// a person is not a secret once they are masked.
func Has(s string) bool {
	for _, m := range placeholderRE.FindAllString(s, -1) {
		if k := m[len(placeholderPrefix) : len(m)-1]; k != "email" && k != "phone" {
			return true
		}
	}
	return redact(s, false) != s
}
