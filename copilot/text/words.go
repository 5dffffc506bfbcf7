package text

import (
	"strings"
	"unicode"
)

// Words returns the lower-case words of s in order: runs of letters, digits and
// underscores (so identifiers such as "max_connections" stay whole), with inner
// apostrophes kept ("don't") and a possessive "'s" dropped.
func Words(s string) []string {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\'' || r == '’')
	})
	out := fields[:0]
	for _, w := range fields {
		w = strings.ReplaceAll(w, "’", "'")
		w = strings.TrimSuffix(strings.Trim(w, "'"), "'s")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// ContentWords returns the words of s that carry content, in order and with
// repeats: not stop words or negations, not numbers, at least two bytes long.
func ContentWords(s string) []string {
	ws := Words(s)
	out := ws[:0]
	for _, w := range ws {
		if IsContent(w) {
			out = append(out, w)
		}
	}
	return out
}

// IsContent reports whether the lower-case word w is a content word (see
// ContentWords).
func IsContent(w string) bool {
	return len(w) >= 2 && !stopWords[w] && !negations[w] && !IsNumber(w)
}

// ContentTerms returns the distinct stems of the content words of s, in order of
// first appearance: the comparable form of a text.
func ContentTerms(s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range ContentWords(s) {
		t := Stem(w)
		if t == "" || seen[t] || stopWords[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}

// IsNumber reports whether s is a non-empty run of decimal digits (any script).
func IsNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
