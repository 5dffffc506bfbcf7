package copilot

import (
	"context"
	"time"
)

// Actor is who writes to the memory and what they may touch: the CLI (an operator
// with the database's credentials) may touch everything, an API token only what its
// scopes allow.
type Actor struct {
	// Name identifies the writer in the audit log: a token's name, "cli", "eval".
	Name string
	// Private lets the actor create, replace, publish, make private or delete private
	// incidents. Without it, a write that would touch a stored private incident is
	// refused and changes nothing.
	Private bool
}

// IngestOptions say who writes and how to report progress.
type IngestOptions struct {
	Actor Actor
	// Progress reports incidents written so far.
	Progress func(done, total int)
	// Stage announces each long step before it starts: StageEmbed (total = chunks),
	// StageWrite (total = incidents), StageIndex (total = chunks).
	Stage func(stage string, total int)
}

// Ingest stages.
const (
	StageEmbed = "embedding"
	StageWrite = "writing"
	StageIndex = "building the search index"
)

func (o IngestOptions) stage(name string, total int) {
	if o.Stage != nil {
		o.Stage(name, total)
	}
}

// Announce calls Stage when set.
func (o IngestOptions) Announce(name string, total int) { o.stage(name, total) }

// Audit actions.
const (
	AuditDelete     = "delete"
	AuditVisibility = "visibility"
	AuditRedact     = "redact"
)

// AuditEntry records a change that matters for who can see what: a delete, a
// visibility change, a re-redaction.
type AuditEntry struct {
	ID         int64     `json:"id"`
	At         time.Time `json:"at"`
	Actor      string    `json:"actor"`
	Action     string    `json:"action"`
	IncidentID string    `json:"incident_id"`
	Detail     string    `json:"detail,omitempty"`
}

// Writer is the part of the memory that changes it.
type Writer interface {
	// Ingest stores incidents, one transaction each; unchanged ones are skipped. When
	// the actor lacks Private and any incident would create, replace or publish a
	// private one, nothing is written.
	// Errors: EINVALID, EFORBIDDEN, EUNAVAILABLE.
	Ingest(ctx context.Context, incs []*Incident, opts IngestOptions) (IngestResult, error)
	// DeleteIncident removes an incident with its messages, chunks and tickets and
	// records who did it. A private incident is reported missing to an actor without
	// Private. Errors: ENOTFOUND, EUNAVAILABLE.
	DeleteIncident(ctx context.Context, id string, by Actor) error
	// AuditLog lists the newest entries first, at most limit (1..1000).
	// Errors: EINVALID, EUNAVAILABLE.
	AuditLog(ctx context.Context, limit int) ([]AuditEntry, error)
}

// MaskIncident masks secrets in every free text of inc in place: title, severity,
// status, team, services, channel name, message authors and texts, ticket titles,
// URLs and statuses. Ids, timestamps and ticket keys identify things and are kept.
func MaskIncident(inc *Incident, mask func(string) string) {
	if mask == nil {
		return
	}
	inc.Title = mask(inc.Title)
	inc.Severity = mask(inc.Severity)
	inc.Status = mask(inc.Status)
	inc.Team = mask(inc.Team)
	inc.ChannelName = mask(inc.ChannelName)
	for i := range inc.Services {
		inc.Services[i] = mask(inc.Services[i])
	}
	for i := range inc.Messages {
		m := &inc.Messages[i]
		m.Text = mask(m.Text)
		m.UserName = mask(m.UserName)
	}
	for i := range inc.Tickets {
		t := &inc.Tickets[i]
		t.Title = mask(t.Title)
		t.URL = mask(t.URL)
		t.Status = mask(t.Status)
	}
}
