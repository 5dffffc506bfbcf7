// Package transcript turns outside input (incident documents, Slack workspace exports,
// Markdown postmortems and runbooks) into domain values. It is pure: no database, no network.
package transcript

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Default limits. A message bigger than 256 KiB is almost certainly a pasted log or a
// binary blob, and it would dominate any chunk it landed in.
const (
	DefaultMaxMessageBytes       = 256 << 10
	DefaultMaxFileBytes    int64 = 512 << 20
	DefaultChannelPattern        = `^inc[-_]`
)

// Limits applied by every reader; zero values mean the defaults.
type Limits struct {
	MaxMessageBytes int   // default 256 KiB: a bigger message text is an error naming file and ts
	MaxFileBytes    int64 // default 512 MiB
}

// Options tune the readers.
type Options struct {
	ChannelPattern string // regexp; default `^inc[-_]`, for Slack exports
	Limits         Limits
	// SkippedChannel, when set, is told the name of every Slack channel that does not
	// match ChannelPattern, so the caller can say what an ingest left out and which
	// flag would pick it.
	SkippedChannel func(name string)
}

func (l Limits) withDefaults() Limits {
	if l.MaxMessageBytes <= 0 {
		l.MaxMessageBytes = DefaultMaxMessageBytes
	}
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultMaxFileBytes
	}
	return l
}

func (o Options) channelRE() (*regexp.Regexp, error) {
	p := o.ChannelPattern
	if p == "" {
		p = DefaultChannelPattern
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, invalidf("channel pattern %q: %v", p, err)
	}
	return re, nil
}

// tsRE is a Slack timestamp: seconds, a dot, up to six fraction digits. More fraction
// digits would collide after copilot.TSTime truncates them to microseconds.
var tsRE = regexp.MustCompile(`^[0-9]{1,12}\.[0-9]{1,6}$`)

// validTS reports whether ts is a well-formed Slack timestamp.
func validTS(ts string) bool { return tsRE.MatchString(ts) }

// tsBefore orders Slack timestamps numerically ("9.5" before "10.1").
func tsBefore(a, b string) bool {
	ta, tb := copilot.TSTime(a), copilot.TSTime(b)
	if !ta.Equal(tb) {
		return ta.Before(tb)
	}
	return a < b
}

func invalidf(format string, args ...any) error {
	return copilot.Errorf(copilot.EINVALID, format, args...)
}

func tooLargef(format string, args ...any) error {
	return copilot.Errorf(copilot.ETOOLARGE, format, args...)
}

// readLimited reads all of r, failing once it passes max bytes so a huge upload is
// never held in memory whole.
func readLimited(name string, r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, tooLargef("%s: file is larger than the limit of %d bytes", name, max)
	}
	return data, nil
}

// checkUTF8 names the line of the first invalid byte: a reader would otherwise pass
// it on (or Go's JSON decoder quietly turn it into U+FFFD) and the stored transcript
// would no longer match its source. JSON files use checkJSONUTF8, which also names the
// field.
func checkUTF8(name string, data []byte) error {
	off := invalidUTF8At(data)
	if off < 0 {
		return nil
	}
	line, col := lineCol(data, off)
	return invalidf("%s:%d:%d: invalid UTF-8", name, line, col)
}

// invalidUTF8At returns the offset of the first byte of data that is not valid UTF-8,
// or -1.
func invalidUTF8At(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			return off
		}
		off += size
	}
	return -1
}

// checkNUL names the line and column of the first NUL byte of a Markdown file:
// PostgreSQL stores no NUL, and Markdown (unlike JSON) lets one through as text.
func checkNUL(name string, data []byte) error {
	off := bytes.IndexByte(data, 0)
	if off < 0 {
		return nil
	}
	line, col := lineCol(data, off)
	return invalidf("%s:%d:%d: holds a NUL byte", name, line, col)
}

// lineCol converts a byte offset into a 1-based line and column.
func lineCol(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		off = 0
	}
	before := data[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	col = off - bytes.LastIndexByte(before, '\n')
	return line, col
}

// blankBOM turns a leading UTF-8 byte order mark, which some Windows tools write, into
// spaces: JSON rejects it, and spaces keep every offset (and so every line:column) true.
func blankBOM(data []byte) []byte {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		data = append([]byte("   "), data[3:]...)
	}
	return data
}

// maxIDLen is the longest incident id copilot.IDPattern allows.
const maxIDLen = 128

// slugID makes an incident id out of a name that is not one (a file name with
// spaces, a channel name in another script): each run of characters an id may not
// hold becomes one '-', separators at either end go, and the result is cut to the
// length an id may have. It returns "" when nothing usable is left.
func slugID(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range name {
		ok := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._:-", r))
		if !ok {
			dash = true
			continue
		}
		if dash {
			// One '-' stands for the whole run, also next to a '-' of the name.
			dash = false
			if ends := strings.HasSuffix(b.String(), "-"); ends && r == '-' {
				continue
			} else if !ends && r != '-' && b.Len() > 0 {
				b.WriteByte('-')
			}
		}
		b.WriteRune(r)
	}
	s := strings.TrimLeft(b.String(), "._:-")
	if len(s) > maxIDLen {
		s = s[:maxIDLen]
	}
	return strings.TrimRight(s, "._:-")
}

// checkStored reports the first field of inc that the database or the API would
// refuse, named as in a JSON document ("messages[3].text"). The readers check their
// input where they can still name its line; this catches what a reader derives from
// elsewhere, such as a title taken from a file name.
func checkStored(name string, inc *copilot.Incident) error {
	if err := copilot.CheckID(name+": id", inc.ID); err != nil {
		return err
	}
	// Paths are formatted only for a bad value: this runs over every message.
	check := func(s, format string, args ...any) error {
		if copilot.CheckText("", s) == nil {
			return nil
		}
		return copilot.CheckText(name+": "+fmt.Sprintf(format, args...), s)
	}
	for _, f := range []struct{ k, s string }{
		{"title", inc.Title}, {"severity", inc.Severity}, {"status", inc.Status},
		{"visibility", inc.Visibility}, {"team", inc.Team},
		{"channel.id", inc.ChannelID}, {"channel.name", inc.ChannelName},
	} {
		if err := check(f.s, "%s", f.k); err != nil {
			return err
		}
	}
	for i, s := range inc.Services {
		if err := check(s, "services[%d]", i); err != nil {
			return err
		}
	}
	for i, m := range inc.Messages {
		for _, f := range []struct{ k, s string }{{"ts", m.TS}, {"user", m.User}, {"user_name", m.UserName}, {"text", m.Text}, {"thread_ts", m.ThreadTS}, {"kind", m.Kind}} {
			if err := check(f.s, "messages[%d].%s", i, f.k); err != nil {
				return err
			}
		}
	}
	for i, t := range inc.Tickets {
		for _, f := range []struct{ k, s string }{{"key", t.Key}, {"title", t.Title}, {"url", t.URL}, {"status", t.Status}} {
			if err := check(f.s, "tickets[%d].%s", i, f.k); err != nil {
				return err
			}
		}
	}
	return nil
}
