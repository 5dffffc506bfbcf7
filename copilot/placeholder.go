package copilot

import (
	"regexp"
	"strings"
	"unicode"
)

// Masked text holds placeholders "[REDACTED:kind]" where a secret or personal data
// was. copilot/redact writes them at ingest and before anything leaves the process;
// this is the reading side of that contract, so the engines can tell masked text
// without depending on the masker. A test in copilot/redact holds both sides to it.
const PlaceholderPrefix = "[REDACTED:"

var placeholderRE = regexp.MustCompile(`\[REDACTED:[A-Za-z0-9_.-]+\]`)

// personalKinds are the placeholder kinds of masked personal data rather than
// credentials.
var personalKinds = map[string]bool{"email": true, "phone": true}

// HasMaskedSecret reports whether s holds the placeholder of a masked credential.
// Masked emails and phone numbers do not count: a sentence that named a person can
// be quoted once they are masked, one that held a credential reads as nothing.
func HasMaskedSecret(s string) bool {
	if !strings.Contains(s, PlaceholderPrefix) {
		return false
	}
	for _, m := range placeholderRE.FindAllString(s, -1) {
		if !personalKinds[m[len(PlaceholderPrefix):len(m)-1]] {
			return true
		}
	}
	return false
}

// OnlyPlaceholders reports whether s holds at least one placeholder and nothing else
// but punctuation, symbols and white space: a text that was all secret.
func OnlyPlaceholders(s string) bool {
	if !strings.Contains(s, PlaceholderPrefix) {
		return false
	}
	for _, r := range placeholderRE.ReplaceAllString(s, "") {
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return true
}
