package copilot

import "time"

// Chat event kinds: what a chat platform (Slack) sent.
const (
	ChatKindEvent       = "event"       // an Events API callback
	ChatKindCommand     = "command"     // a slash command
	ChatKindInteraction = "interaction" // a button click
)

// ChatEvent is one request from a chat platform, kept (masked) until its work is
// done, so that an acknowledged request survives a crash. ID is the platform's
// event id, or an id derived from a command's or a click's trigger.
type ChatEvent struct {
	ID         string    `json:"id"`
	Kind       string    `json:"kind"`
	Team       string    `json:"team,omitempty"`
	Channel    string    `json:"channel,omitempty"`
	Payload    []byte    `json:"-"` // masked JSON
	ReceivedAt time.Time `json:"received_at"`
}

// ChatChannel is what the copilot knows of a chat channel: whether it is an
// incident's channel (by its name, or registered by a person), which incident, and
// whether it is private (its incident is then private too).
type ChatChannel struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Private    bool   `json:"private"`
	IncidentID string `json:"incident_id,omitempty"` // "" when not an incident channel
	Title      string `json:"title,omitempty"`
	Registered bool   `json:"registered"` // by /copilot incident start
}

// ChatAnswer records an answer posted in a chat, so feedback on it can name what
// was answered.
type ChatAnswer struct {
	ID         string    `json:"id"`
	IncidentID string    `json:"incident_id"`
	Capability string    `json:"capability"`
	Channel    string    `json:"channel"`
	TS         string    `json:"ts"`
	Verified   bool      `json:"verified"`
	At         time.Time `json:"at"`
}

// Feedback kinds.
const (
	FeedbackUp          = "up"           // 👍 on an answer
	FeedbackDown        = "down"         // 👎 on an answer
	FeedbackDone        = "already_done" // a follow-up someone says is done
	FeedbackNotFollowUp = "not_followup" // an item that is not a follow-up
)

// Feedback is one person's verdict on an answer or on one follow-up; the eval
// datasets learn from it.
type Feedback struct {
	ID         int64     `json:"id"`
	At         time.Time `json:"at"`
	Kind       string    `json:"kind"`
	AnswerID   string    `json:"answer_id,omitempty"`
	Capability string    `json:"capability,omitempty"`
	IncidentID string    `json:"incident_id,omitempty"`
	FollowUpID string    `json:"follow_up_id,omitempty"`
	User       string    `json:"user"`
	Channel    string    `json:"channel,omitempty"`
	// EventID names the click that gave it, so a retried click is stored once.
	EventID string `json:"-"`
}
