package copilot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// IDPattern is what an incident id may look like: a letter or digit, then up to 127
// letters, digits, dots, underscores, colons or hyphens. Ids travel in URL paths, Slack
// buttons and ticket descriptions, so a slash, a space or a control character would
// make an incident that can be written but never read back.
const IDPattern = `^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`

var idRE = regexp.MustCompile(IDPattern)

// ValidID reports whether id matches IDPattern.
func ValidID(id string) bool { return idRE.MatchString(id) }

// CheckID returns an EINVALID error naming where the id came from (field: "id",
// `Parameter "id"`, "request body, line 3, field \"id\"") when id is not valid. The
// message quotes at most the first 40 characters of the id, made printable.
func CheckID(where, id string) error {
	if ValidID(id) {
		return nil
	}
	if id == "" {
		return Errorf(EINVALID, "%s: the incident id is empty.", where)
	}
	return Errorf(EINVALID, "%s: %s is not a valid incident id (1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit).", where, Quote(id, 40))
}

// CheckText returns an EINVALID error naming where the text came from when it holds a
// NUL byte or invalid UTF-8: PostgreSQL stores neither, and a value the database
// rejects half-way through an ingest must be caught while parsing instead.
func CheckText(where, s string) error {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return Errorf(EINVALID, "%s: holds a NUL byte (at byte %d).", where, i)
	}
	if i := InvalidUTF8At(s); i >= 0 {
		return Errorf(EINVALID, "%s: is not valid UTF-8 (at byte %d).", where, i)
	}
	return nil
}

// InvalidUTF8At returns the byte offset of the first invalid UTF-8 sequence in s, or
// -1 when s is valid.
func InvalidUTF8At(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// Quote returns s as a Go-quoted string of at most max runes (an ellipsis marks the
// cut), so an error message can repeat a bad value without echoing control characters,
// invalid bytes or ten thousand characters of it.
func Quote(s string, max int) string {
	cut := false
	if utf8.RuneCountInString(s) > max {
		n := 0
		for i := range s {
			if n == max {
				s, cut = s[:i], true
				break
			}
			n++
		}
	}
	q := strconv.QuoteToASCII(s)
	if cut {
		q += "…"
	}
	return q
}

// CheckIncident refuses an incident whose id is not valid or whose text PostgreSQL
// cannot store (NUL bytes, invalid UTF-8), naming the incident and the field. The
// parsers name the file and line; this is the last check before anything is stored
// or answered, for incidents that reach the memory another way.
func CheckIncident(inc *Incident) error {
	if err := CheckID("incident id", inc.ID); err != nil {
		return err
	}
	where := func(field string) string { return fmt.Sprintf("incident %s, field %q", inc.ID, field) }
	for _, f := range []struct{ name, v string }{
		{"title", inc.Title}, {"severity", inc.Severity}, {"status", inc.Status},
		{"visibility", inc.Visibility}, {"team", inc.Team}, {"channel_id", inc.ChannelID},
		{"channel_name", inc.ChannelName}, {"source", inc.Source},
	} {
		if err := CheckText(where(f.name), f.v); err != nil {
			return err
		}
	}
	for i, sv := range inc.Services {
		if err := CheckText(where(fmt.Sprintf("services[%d]", i)), sv); err != nil {
			return err
		}
	}
	for i, m := range inc.Messages {
		for _, f := range []struct{ name, v string }{
			{"ts", m.TS}, {"user", m.User}, {"user_name", m.UserName}, {"text", m.Text},
			{"thread_ts", m.ThreadTS}, {"kind", m.Kind},
		} {
			if err := CheckText(where(fmt.Sprintf("messages[%d].%s", i, f.name)), f.v); err != nil {
				return err
			}
		}
	}
	for i, t := range inc.Tickets {
		for _, f := range []struct{ name, v string }{
			{"key", t.Key}, {"title", t.Title}, {"url", t.URL}, {"status", t.Status},
		} {
			if err := CheckText(where(fmt.Sprintf("tickets[%d].%s", i, f.name)), f.v); err != nil {
				return err
			}
		}
	}
	return nil
}
