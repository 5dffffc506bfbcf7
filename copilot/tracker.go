package copilot

import "context"

// TicketRequest is what a tracker needs to file one follow-up as a ticket.
type TicketRequest struct {
	IncidentID    string
	IncidentTitle string
	// FollowUpID identifies the follow-up across recomputed answers; trackers use it
	// to find a ticket they already filed for it, so filing twice files once.
	FollowUpID string
	Summary    string // the follow-up's text
	Owner      string // who committed to it: an email or a name; may be empty
	Due        string // YYYY-MM-DD when known
	Permalink  string // the message the follow-up came from
	// IncidentURL links the incident in the copilot, when it has a public address.
	IncidentURL string
	// RequestedBy is who asked for the ticket (a Slack user, a token name).
	RequestedBy string
}

// TrackedTicket is a ticket as its tracker sees it.
type TrackedTicket struct {
	Key    string `json:"key"`
	URL    string `json:"url"`
	Status string `json:"status"`
	// Done is set when the tracker counts the ticket as finished.
	Done bool `json:"done"`
}

// Tracker files follow-ups as tickets and looks tickets up (Jira is the first).
//
// Errors: EINVALID for a request the tracker refuses, ENOTFOUND for an unknown key,
// EUNAVAILABLE when the tracker cannot be reached, rate-limits past its retries or
// refuses the configured credentials.
type Tracker interface {
	// Name says which tracker this is ("jira").
	Name() string
	// CreateTicket files the follow-up, or returns the ticket already filed for
	// req.FollowUpID.
	CreateTicket(ctx context.Context, req TicketRequest) (TrackedTicket, error)
	// Ticket looks a ticket up by key.
	Ticket(ctx context.Context, key string) (TrackedTicket, error)
}
