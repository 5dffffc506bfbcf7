package copilot

import (
	"strconv"
	"strings"
	"time"
)

// Visibility values. A private incident is visible only to callers holding the
// private scope; everywhere else it behaves as if it did not exist.
const (
	VisibilityPublic  = "public"
	VisibilityPrivate = "private"
)

// Incident sources.
const (
	SourceDocument   = "document"
	SourceSlack      = "slack"
	SourcePostmortem = "postmortem"
)

// Message kinds.
const (
	KindMessage = "message" // a person's message in the channel
	KindBot     = "bot"     // a bot or integration message
	KindSection = "section" // a section or table row of a postmortem document
)

// Incident is one incident with its transcript. ID is the external id (the
// document's "id", the Slack channel name, or the postmortem's number).
type Incident struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Severity    string    `json:"severity,omitempty"`
	Status      string    `json:"status,omitempty"`
	Visibility  string    `json:"visibility"`
	Services    []string  `json:"services"`
	Team        string    `json:"team,omitempty"`
	StartedAt   time.Time `json:"started_at"`
	ResolvedAt  time.Time `json:"resolved_at"`
	ChannelID   string    `json:"channel_id,omitempty"`
	ChannelName string    `json:"channel_name,omitempty"`
	Source      string    `json:"source"`
	Messages    []Message `json:"messages,omitempty"`
	Tickets     []Ticket  `json:"tickets,omitempty"`
}

// IsPrivate reports whether the incident needs the private scope to be seen.
func (inc *Incident) IsPrivate() bool { return inc.Visibility == VisibilityPrivate }

// MessageByTS returns the message with the given ts, or nil.
func (inc *Incident) MessageByTS(ts string) *Message {
	for i := range inc.Messages {
		if inc.Messages[i].TS == ts {
			return &inc.Messages[i]
		}
	}
	return nil
}

// Message is one message of a transcript. TS is a Slack-style timestamp
// ("1772446440.000100"), unique within the incident; it is what citations point at.
type Message struct {
	TS       string `json:"ts"`
	User     string `json:"user,omitempty"`
	UserName string `json:"user_name,omitempty"`
	Text     string `json:"text"`
	ThreadTS string `json:"thread_ts,omitempty"`
	Kind     string `json:"kind,omitempty"`
}

// Time converts the message ts to a time; the zero time when ts is not numeric.
func (m Message) Time() time.Time { return TSTime(m.TS) }

// TSTime converts a Slack ts ("seconds.micros") to a UTC time; zero when malformed.
func TSTime(ts string) time.Time {
	sec, frac, _ := strings.Cut(ts, ".")
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil {
		return time.Time{}
	}
	var us int64
	if frac != "" {
		if len(frac) > 6 {
			frac = frac[:6]
		}
		frac += strings.Repeat("0", 6-len(frac))
		us, _ = strconv.ParseInt(frac, 10, 64)
	}
	return time.Unix(s, us*1000).UTC()
}

// FormatTS formats t as a Slack ts with microsecond precision.
func FormatTS(t time.Time) string {
	return strconv.FormatInt(t.Unix(), 10) + "." + leftPad(strconv.Itoa(t.Nanosecond()/1000), 6)
}

func leftPad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat("0", n-len(s)) + s
}

// Ticket is a tracker issue tied to an incident: a follow-up someone captured.
type Ticket struct {
	Key    string `json:"key"`
	Title  string `json:"title"`
	URL    string `json:"url,omitempty"`
	Status string `json:"status,omitempty"`
}

// Chunk is a piece of a transcript that is embedded and searched. FirstTS and LastTS
// bound the messages it holds, MessageTS lists them all: they become citations.
type Chunk struct {
	IncidentID string    `json:"incident_id"`
	Seq        int       `json:"seq"`
	Text       string    `json:"text"`
	FirstTS    string    `json:"first_ts"`
	LastTS     string    `json:"last_ts"`
	MessageTS  []string  `json:"message_ts"`
	Embedding  []float32 `json:"-"`
}

// Runbook is an operational document (Meaning, Impact, Diagnosis, Mitigation …).
type Runbook struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Path  string `json:"path"`
	Text  string `json:"text"`
}

// ParseTime reads a time filter given as RFC 3339 or as a plain YYYY-MM-DD date
// (midnight UTC); field names it in the error. An empty value is the zero time.
//
// Errors: EINVALID.
func ParseTime(field, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, Errorf(EINVALID, "%s: %q is not an RFC 3339 time or a YYYY-MM-DD date.", field, v)
}
