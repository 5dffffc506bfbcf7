package transcript

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// ReadDocuments parses incident documents: one JSON object, a JSON array of them, or JSONL.
// name is used in error messages (the file path). Errors are *copilot.Error EINVALID naming
// name and the line (JSONL line, or the line:column of a JSON syntax error) and field, e.g.
// `incidents.json:12: messages[3].ts: missing`; ETOOLARGE when the file or a message
// passes its limit. An id must match copilot.IDPattern, and no string may hold a NUL
// byte (\u0000), invalid UTF-8 or a lone surrogate escape: what the database or the
// API would refuse later is refused here, before anything is written.
//
// StartedAt defaults to the first message's time when the document leaves it out.
func ReadDocuments(name string, r io.Reader, opts Options) ([]*copilot.Incident, error) {
	lim := opts.Limits.withDefaults()
	data, err := readLimited(name, r, lim.MaxFileBytes)
	if err != nil {
		return nil, err
	}
	return parseDocuments(name, data, lim)
}

func parseDocuments(name string, data []byte, lim Limits) ([]*copilot.Incident, error) {
	data = blankBOM(data)
	if err := checkJSONUTF8(name, data); err != nil {
		return nil, err
	}
	vals, err := splitTopValues(name, data)
	if err != nil {
		return nil, err
	}
	out := make([]*copilot.Incident, 0, len(vals))
	seen := map[string]int{} // id -> offset of its incident; lines are counted only for errors
	for _, v := range vals {
		d := &docReader{name: name, data: data, base: v.base, raw: v.raw, lim: lim}
		inc, err := d.incident()
		if err != nil {
			return nil, err
		}
		if off, dup := seen[inc.ID]; dup {
			line, _ := lineCol(data, off)
			return nil, invalidf("%s:%d: id: %q already appears at line %d", name, d.line(jsonPath{"id"}), inc.ID, line)
		}
		seen[inc.ID] = v.base
		out = append(out, inc)
	}
	return out, nil
}

// docReader decodes one incident document and reports errors at their line.
type docReader struct {
	name string
	data []byte // the whole file, for line numbers
	base int    // where raw starts in data
	raw  []byte
	lim  Limits
}

func (d *docReader) line(p jsonPath) int {
	line, _ := lineCol(d.data, d.base+pathOffset(d.raw, p))
	return line
}

// errAt reports a problem with the value at p; missing values are reported at the
// object that should have held them.
func (d *docReader) errAt(p jsonPath, format string, args ...any) error {
	return invalidf("%s:%d: %s: "+format, append([]any{d.name, d.line(p), p.String()}, args...)...)
}

func (d *docReader) missing(p jsonPath) error {
	return invalidf("%s:%d: %s: missing", d.name, d.line(p[:len(p)-1]), p.String())
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

// str decodes an optional string; absent and null read as "". Every string of a
// document may be stored, so one holding what PostgreSQL rejects (a NUL byte, written
// \u0000 in JSON) is an error here rather than half-way through an ingest.
func (d *docReader) str(raw json.RawMessage, p jsonPath) (string, bool, error) {
	if isNull(raw) {
		return "", false, nil
	}
	// Fast path: the bytes were validated when the file was split, so a quoted value
	// without escapes is the string itself (and, JSON forbidding raw control
	// characters in strings, holds no NUL).
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' && bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1]), true, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false, d.errAt(p, "must be a string")
	}
	if copilot.CheckText("", s) != nil {
		return "", false, copilot.CheckText(fmt.Sprintf("%s:%d: %s", d.name, d.line(p), p), s)
	}
	if lostSurrogate(raw, s) {
		return "", false, d.errAt(p, errLoneSurrogate)
	}
	return s, true, nil
}

func (d *docReader) object(raw json.RawMessage, p jsonPath, v any) error {
	if len(bytes.TrimSpace(raw)) == 0 || bytes.TrimSpace(raw)[0] != '{' {
		return d.errAt(p, "must be an object")
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return d.errAt(p, "must be an object")
	}
	return nil
}

func (d *docReader) array(raw json.RawMessage, p jsonPath) ([]json.RawMessage, error) {
	if isNull(raw) {
		return nil, nil
	}
	var a []json.RawMessage
	if err := json.Unmarshal(raw, &a); err != nil {
		return nil, d.errAt(p, "must be an array")
	}
	return a, nil
}

func (d *docReader) rfc3339(raw json.RawMessage, p jsonPath) (time.Time, error) {
	s, ok, err := d.str(raw, p)
	if err != nil || !ok || s == "" {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, d.errAt(p, "%q is not an RFC 3339 time like 2026-03-02T10:14:00Z", s)
	}
	return t.UTC(), nil
}

type rawIncident struct {
	ID         json.RawMessage `json:"id"`
	Title      json.RawMessage `json:"title"`
	Severity   json.RawMessage `json:"severity"`
	Status     json.RawMessage `json:"status"`
	Visibility json.RawMessage `json:"visibility"`
	Services   json.RawMessage `json:"services"`
	Team       json.RawMessage `json:"team"`
	StartedAt  json.RawMessage `json:"started_at"`
	ResolvedAt json.RawMessage `json:"resolved_at"`
	Channel    json.RawMessage `json:"channel"`
	Messages   json.RawMessage `json:"messages"`
	Tickets    json.RawMessage `json:"tickets"`
}

type rawChannelRef struct {
	ID   json.RawMessage `json:"id"`
	Name json.RawMessage `json:"name"`
}

type rawMessage struct {
	TS       json.RawMessage `json:"ts"`
	User     json.RawMessage `json:"user"`
	UserName json.RawMessage `json:"user_name"`
	Text     json.RawMessage `json:"text"`
	ThreadTS json.RawMessage `json:"thread_ts"`
	Kind     json.RawMessage `json:"kind"`
}

type rawTicket struct {
	Key    json.RawMessage `json:"key"`
	Title  json.RawMessage `json:"title"`
	URL    json.RawMessage `json:"url"`
	Status json.RawMessage `json:"status"`
}

func (d *docReader) incident() (*copilot.Incident, error) {
	var ri rawIncident
	if err := d.object(d.raw, nil, &ri); err != nil {
		return nil, invalidf("%s:%d: incident must be a JSON object", d.name, d.line(nil))
	}
	inc := &copilot.Incident{Source: copilot.SourceDocument, Services: []string{}, Tickets: []copilot.Ticket{}}

	id, ok, err := d.str(ri.ID, jsonPath{"id"})
	if err != nil {
		return nil, err
	}
	inc.ID = strings.TrimSpace(id)
	if !ok {
		return nil, d.missing(jsonPath{"id"})
	}
	if inc.ID == "" {
		return nil, d.errAt(jsonPath{"id"}, "empty")
	}
	// Ids travel in URL paths: one the API could never read back is refused here.
	if !copilot.ValidID(inc.ID) {
		return nil, copilot.CheckID(fmt.Sprintf("%s:%d: id", d.name, d.line(jsonPath{"id"})), inc.ID)
	}
	for _, f := range []struct {
		raw json.RawMessage
		key string
		dst *string
	}{
		{ri.Title, "title", &inc.Title},
		{ri.Severity, "severity", &inc.Severity},
		{ri.Status, "status", &inc.Status},
		{ri.Team, "team", &inc.Team},
		{ri.Visibility, "visibility", &inc.Visibility},
	} {
		if *f.dst, _, err = d.str(f.raw, jsonPath{f.key}); err != nil {
			return nil, err
		}
	}
	switch inc.Visibility {
	case "":
		inc.Visibility = copilot.VisibilityPublic
	case copilot.VisibilityPublic, copilot.VisibilityPrivate:
	default:
		return nil, d.errAt(jsonPath{"visibility"}, "%q is not public or private", inc.Visibility)
	}
	if inc.StartedAt, err = d.rfc3339(ri.StartedAt, jsonPath{"started_at"}); err != nil {
		return nil, err
	}
	if inc.ResolvedAt, err = d.rfc3339(ri.ResolvedAt, jsonPath{"resolved_at"}); err != nil {
		return nil, err
	}
	if !isNull(ri.Channel) {
		var ch rawChannelRef
		if err := d.object(ri.Channel, jsonPath{"channel"}, &ch); err != nil {
			return nil, err
		}
		if inc.ChannelID, _, err = d.str(ch.ID, jsonPath{"channel", "id"}); err != nil {
			return nil, err
		}
		if inc.ChannelName, _, err = d.str(ch.Name, jsonPath{"channel", "name"}); err != nil {
			return nil, err
		}
	}
	if err := d.services(ri.Services, inc); err != nil {
		return nil, err
	}
	if err := d.messages(ri.Messages, inc); err != nil {
		return nil, err
	}
	if err := d.tickets(ri.Tickets, inc); err != nil {
		return nil, err
	}
	if inc.StartedAt.IsZero() && len(inc.Messages) > 0 {
		inc.StartedAt = inc.Messages[0].Time()
	}
	return inc, nil
}

func (d *docReader) services(raw json.RawMessage, inc *copilot.Incident) error {
	items, err := d.array(raw, jsonPath{"services"})
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for i, it := range items {
		s, _, err := d.str(it, jsonPath{"services", i})
		if err != nil {
			return err
		}
		if s = strings.TrimSpace(s); s != "" && !seen[s] {
			seen[s] = true
			inc.Services = append(inc.Services, s)
		}
	}
	return nil
}

func (d *docReader) messages(raw json.RawMessage, inc *copilot.Incident) error {
	// Decode all messages in one pass; only when that fails is each element decoded on
	// its own, to name the one at fault.
	var rms []rawMessage
	if isNull(raw) {
		return nil
	}
	if err := json.Unmarshal(raw, &rms); err != nil {
		items, err := d.array(raw, jsonPath{"messages"})
		if err != nil {
			return err
		}
		rms = make([]rawMessage, len(items))
		for i, it := range items {
			if err := d.object(it, jsonPath{"messages", i}, &rms[i]); err != nil {
				return err
			}
		}
	}
	inc.Messages = make([]copilot.Message, 0, len(rms))
	seen := make(map[time.Time]int, len(rms))
	for i, rm := range rms {
		p := jsonPath{"messages", i}
		var m copilot.Message
		ts, ok, err := d.str(rm.TS, p.add("ts"))
		if err != nil {
			return err
		}
		if !ok {
			return d.missing(p.add("ts"))
		}
		if !validTS(ts) {
			return d.errAt(p.add("ts"), "%q is not a Slack timestamp like \"1772446440.000100\"", ts)
		}
		m.TS = ts
		text, ok, err := d.str(rm.Text, p.add("text"))
		if err != nil {
			return err
		}
		if !ok {
			return d.missing(p.add("text"))
		}
		if len(text) > d.lim.MaxMessageBytes {
			return tooLargef("%s:%d: %s: message ts %s is %d bytes, over the limit of %d",
				d.name, d.line(p.add("text")), p.add("text"), ts, len(text), d.lim.MaxMessageBytes)
		}
		m.Text = text
		if m.User, _, err = d.str(rm.User, p.add("user")); err != nil {
			return err
		}
		if m.UserName, _, err = d.str(rm.UserName, p.add("user_name")); err != nil {
			return err
		}
		if m.ThreadTS, _, err = d.str(rm.ThreadTS, p.add("thread_ts")); err != nil {
			return err
		}
		if m.ThreadTS != "" && !validTS(m.ThreadTS) {
			return d.errAt(p.add("thread_ts"), "%q is not a Slack timestamp like \"1772446440.000100\"", m.ThreadTS)
		}
		if m.Kind, _, err = d.str(rm.Kind, p.add("kind")); err != nil {
			return err
		}
		switch m.Kind {
		case "":
			m.Kind = copilot.KindMessage
		case copilot.KindMessage, copilot.KindBot, copilot.KindSection:
		default:
			return d.errAt(p.add("kind"), "%q is not message, bot or section", m.Kind)
		}
		// Citations point at ts, so two messages may not share one; "1.5" and
		// "1.500000" are the same instant and count as the same ts.
		key := copilot.TSTime(ts)
		if j, dup := seen[key]; dup {
			return d.errAt(p.add("ts"), "duplicate ts %s (also messages[%d])", ts, j)
		}
		seen[key] = i
		inc.Messages = append(inc.Messages, m)
	}
	sort.SliceStable(inc.Messages, func(i, j int) bool { return tsBefore(inc.Messages[i].TS, inc.Messages[j].TS) })
	return nil
}

func (d *docReader) tickets(raw json.RawMessage, inc *copilot.Incident) error {
	items, err := d.array(raw, jsonPath{"tickets"})
	if err != nil {
		return err
	}
	seen := map[string]int{}
	for i, it := range items {
		p := jsonPath{"tickets", i}
		var rt rawTicket
		if err := d.object(it, p, &rt); err != nil {
			return err
		}
		var t copilot.Ticket
		key, ok, err := d.str(rt.Key, p.add("key"))
		if err != nil {
			return err
		}
		if !ok {
			return d.missing(p.add("key"))
		}
		if t.Key = strings.TrimSpace(key); t.Key == "" {
			return d.errAt(p.add("key"), "empty")
		}
		if j, dup := seen[t.Key]; dup {
			return d.errAt(p.add("key"), "duplicate key %q (also tickets[%d])", t.Key, j)
		}
		seen[t.Key] = i
		for _, f := range []struct {
			raw json.RawMessage
			key string
			dst *string
		}{{rt.Title, "title", &t.Title}, {rt.URL, "url", &t.URL}, {rt.Status, "status", &t.Status}} {
			if *f.dst, _, err = d.str(f.raw, p.add(f.key)); err != nil {
				return err
			}
		}
		inc.Tickets = append(inc.Tickets, t)
	}
	return nil
}
