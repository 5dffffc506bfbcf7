package text

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// chatTokenizer names the rules of ChatWords; Version covers it, so bump it when a
// rule changes what a chat text reduces to.
const chatTokenizer = "chat-words/1"

// ChatWords calls emit with each word of chat text s, in order: runs of letters and
// digits, lower-cased. Slack markup that carries no meaning is dropped (user and
// channel ids, broadcast marks, emoji shortcodes, the query string and fragment of
// links; the human label of a reference is kept), and a tracker key such as
// "PAY-881" is one word "pay881" with ticket set, so that its number is not read as
// an HTTP status.
//
// The words of one call share one allocation; emit may keep them.
func ChatWords(s string, emit func(w string, ticket bool)) {
	sc := scanners.Get().(*scanner)
	sc.buf, sc.spans = sc.buf[:0], sc.spans[:0]
	sc.scan(s)
	all := string(sc.buf)
	for _, sp := range sc.spans {
		emit(all[sp.start:sp.end], sp.ticket)
	}
	if cap(sc.buf) <= 1<<16 {
		// Huge texts would pin their buffers; let those go.
		scanners.Put(sc)
	}
}

// scanners reuses scratch buffers: the words are copied out of them.
var scanners = sync.Pool{New: func() any { return new(scanner) }}

// span is a token under construction: byte offsets into scanner.buf.
type span struct {
	start, end int
	ticket     bool
}

type scanner struct {
	buf   []byte // lowercased token bytes, back to back
	spans []span
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
			if n := TicketKeyLen(src, i); n > 0 {
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
