package failure

import (
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// Token is one normalized word of a text. S is the lowercased surface form (after
// spelling variants such as "k8s" were rewritten); Alias and PhraseAlias are the
// canonical tokens a synonym table attached to it ("db" carries Alias "database",
// the "memory" of "out of memory" carries PhraseAlias "oom"). Empty when none.
type Token struct {
	S           string
	Alias       string
	PhraseAlias string
	Ticket      bool // a tracker key such as "PAY-881", kept as one token "pay881"
}

// Has reports whether the token is w under any of its forms.
func (t Token) Has(w string) bool {
	return t.S == w || (t.Alias != "" && t.Alias == w) || (t.PhraseAlias != "" && t.PhraseAlias == w)
}

// Tokens splits text into normalized tokens: letters and digits runs, lowercased,
// with synonyms attached. Slack markup that carries no meaning (user and channel
// ids, broadcast marks, emoji shortcodes, the query string and fragment of links)
// is dropped, and tracker keys such as "PAY-881" stay one token so that their
// number is not read as an HTTP status.
//
// The token strings share one allocation; callers may keep them.
func Tokens(text string) []Token {
	return AppendTokens(nil, text)
}

// AppendTokens appends the tokens of text to dst and returns the extended slice,
// so that a caller embedding many texts can reuse one slice.
func AppendTokens(dst []Token, s string) []Token {
	n := len(dst)
	text.ChatWords(s, func(w string, ticket bool) {
		dst = append(dst, tokenOf(w, ticket))
	})
	attachPhraseAliases(dst[n:])
	return dst
}

// tokenOf attaches the word aliases to one word of text.ChatWords.
func tokenOf(w string, ticket bool) Token {
	if ticket {
		return Token{S: w, Ticket: true}
	}
	if a, ok := wordAliases[w]; ok {
		if a.replace {
			return Token{S: a.canon}
		}
		return Token{S: w, Alias: a.canon}
	}
	return Token{S: w}
}

// Normalize lowercases text and rewrites common synonyms and abbreviations to
// canonical tokens: every HTTP 5xx form gains "http5xx", db/postgres/pg/psql gain
// "database", k8s/kube become "kubernetes", OOMKilled and "out of memory" gain "oom",
// and so on. The original word is kept next to its canonical form unless it is a
// mere spelling variant. The result is the tokens joined by single spaces.
func Normalize(text string) string {
	toks := Tokens(text)
	var b strings.Builder
	b.Grow(len(text) + len(toks)*2)
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.S)
		// A canonical word already written out right after its synonym (as in
		// normalized text) is not repeated, so Normalize is idempotent.
		if t.Alias != "" && t.Alias != t.S && !followedBy(toks[i+1:], t.Alias) {
			b.WriteByte(' ')
			b.WriteString(t.Alias)
		}
		if p := t.PhraseAlias; p != "" && p != t.S && p != t.Alias && !followedBy(toks[i+1:], p) {
			b.WriteByte(' ')
			b.WriteString(p)
		}
	}
	return b.String()
}

// followedBy reports whether w is one of the next two surface words.
func followedBy(next []Token, w string) bool {
	for i := 0; i < len(next) && i < 2; i++ {
		if next[i].S == w {
			return true
		}
	}
	return false
}
