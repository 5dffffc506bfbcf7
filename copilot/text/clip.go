package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ellipsis marks a cut.
const Ellipsis = "…"

// Clip cuts s to at most n runes and marks the cut with Ellipsis (so the result
// has at most n+1 runes). A string of at most n runes is returned unchanged.
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return clipRunes(s, n, false) + Ellipsis
}

// ClipWords is Clip at a word boundary: the cut falls on the last white space of the
// kept runes when that lies past their middle, and trailing separators go.
func ClipWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return clipRunes(s, n, true) + Ellipsis
}

func clipRunes(s string, n int, atWord bool) string {
	i, k := 0, 0
	for i < len(s) && k < n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		k++
	}
	cut := s[:i]
	if atWord {
		if j := strings.LastIndexFunc(cut, unicode.IsSpace); j >= 0 && utf8.RuneCountInString(cut[:j]) > n/2 {
			cut = cut[:j]
		}
		cut = strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",;:-", r) })
	}
	return cut
}

// ClipBytes cuts s to at most n bytes on a rune boundary, for budgets counted in
// bytes (database columns, prompts), and appends mark when it cut ("" for none;
// the mark is not counted in n).
func ClipBytes(s string, n int, mark string) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + mark
}
