package failure

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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
func AppendTokens(dst []Token, text string) []Token {
	s := scanners.Get().(*scanner)
	s.buf, s.spans = s.buf[:0], s.spans[:0]
	s.scan(text)
	n := len(dst)
	dst = s.finish(dst)
	if cap(s.buf) <= 1<<16 {
		// Huge texts would pin their buffers; let those go.
		scanners.Put(s)
	}
	attachPhraseAliases(dst[n:])
	return dst
}

// scanners reuses scratch buffers: the token strings are copied out of them.
var scanners = sync.Pool{New: func() any { return new(scanner) }}

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

// span is a token under construction: byte offsets into scanner.buf.
type span struct {
	start, end int
	ticket     bool
}

type scanner struct {
	buf   []byte // lowercased token bytes, back to back
	spans []span
}

func (s *scanner) finish(toks []Token) []Token {
	all := string(s.buf) // one allocation shared by every token
	toks = slices.Grow(toks, len(s.spans))
	for _, sp := range s.spans {
		w := all[sp.start:sp.end]
		if sp.ticket {
			toks = append(toks, Token{S: w, Ticket: true})
			continue
		}
		if a, ok := wordAliases[w]; ok {
			if a.replace {
				toks = append(toks, Token{S: a.canon})
				continue
			}
			toks = append(toks, Token{S: w, Alias: a.canon})
			continue
		}
		toks = append(toks, Token{S: w})
	}
	return toks
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r'
}

// scan tokenizes text into s.buf/s.spans.
func (s *scanner) scan(src string) {
	if cap(s.buf) < len(src) {
		s.buf = make([]byte, 0, len(src))
	}
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '<' && i+1 < len(src) && (src[i+1] == '@' || src[i+1] == '#' || src[i+1] == '!'):
			// Slack reference: <@U123>, <#C123|name>, <!here>, <!subteam^S1|@sre>.
			// Only a human label after '|' carries meaning.
			end := strings.IndexByte(src[i:min(len(src), i+256)], '>')
			if end < 0 {
				i++
				continue
			}
			ref := src[i+2 : i+end]
			if _, label, ok := strings.Cut(ref, "|"); ok {
				s.scanPlain(label)
			}
			i += end + 1
		case c == ':' && (i == 0 || isSpace(src[i-1])):
			// Emoji shortcode such as :white_check_mark: — decoration, not content.
			if n := emojiLen(src[i:]); n > 0 {
				i += n
				continue
			}
			i++
		case (c == 'h' || c == 'H') && hasURLPrefix(src[i:]):
			i += s.scanURL(src[i:])
		case c < utf8.RuneSelf && isWordByte(c):
			if n := text.TicketKeyLen(src, i); n > 0 {
				s.emitTicket(src[i : i+n])
				i += n
				continue
			}
			i += s.scanWord(src[i:])
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(src[i:])
			if isWordRune(r) {
				i += s.scanWord(src[i:])
				continue
			}
			i += size
		default:
			i++
		}
	}
}

// scanPlain tokenizes a label without Slack or URL handling.
func (s *scanner) scanPlain(text string) {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += s.scanWord(text[i:])
			continue
		}
		i += size
	}
}

// scanWord emits the word starting at text[0] and returns its byte length.
func (s *scanner) scanWord(text string) int {
	start := len(s.buf)
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isWordByte(c) {
				break
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			s.buf = append(s.buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		s.buf = utf8.AppendRune(s.buf, unicode.ToLower(r))
		i += size
	}
	s.spans = append(s.spans, span{start: start, end: len(s.buf)})
	return i
}

// emitTicket emits a tracker key lowercased and without its hyphen, so that the
// normalized text tokenizes back to the same word.
func (s *scanner) emitTicket(w string) {
	start := len(s.buf)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != '-' {
			s.buf = append(s.buf, c)
		}
	}
	s.spans = append(s.spans, span{start: start, end: len(s.buf), ticket: true})
}

func hasURLPrefix(t string) bool {
	return len(t) > 8 && (strings.EqualFold(t[:7], "http://") || strings.EqualFold(t[:8], "https://"))
}

// scanURL emits the host and path words of a link and skips its query string and
// fragment, which hold tracking ids and dashboard state rather than meaning.
func (s *scanner) scanURL(t string) int {
	end := len(t)
	for j := 0; j < len(t); j++ {
		c := t[j]
		if isSpace(c) || c == '>' || c == '|' || c == '"' || c == '\'' || c == ')' {
			end = j
			break
		}
	}
	u := t[:end]
	if q := strings.IndexAny(u, "?#"); q >= 0 {
		u = u[:q]
	}
	_, rest, _ := strings.Cut(u, "://")
	s.scanPlain(rest)
	return end
}

// emojiLen returns the length of a Slack emoji shortcode at t[0] (":name:"), or 0.
// A name needs a letter so that "host:53:" is not mistaken for one.
func emojiLen(t string) int {
	letter := false
	for j := 1; j < len(t) && j < 64; j++ {
		c := t[j]
		switch {
		case c == ':':
			if j > 1 && letter {
				return j + 1
			}
			return 0
		case c >= 'a' && c <= 'z':
			letter = true
		case c >= '0' && c <= '9', c == '_', c == '+', c == '-':
		default:
			return 0
		}
	}
	return 0
}
