package copilot

import (
	"context"
	"time"
)

// IncidentFilter narrows a search. Private incidents are searched only with
// IncludePrivate; without it they are invisible, in results and in counts.
type IncidentFilter struct {
	Services       []string  `json:"services,omitempty"`
	Team           string    `json:"team,omitempty"`
	Status         string    `json:"status,omitempty"`
	Since          time.Time `json:"since,omitzero"`
	Until          time.Time `json:"until,omitzero"`
	ExcludeIDs     []string  `json:"exclude,omitempty"`
	IncludePrivate bool      `json:"-"`
}

// SearchQuery asks for incidents like an incident (IncidentID) or like a text.
type SearchQuery struct {
	Text       string         `json:"text,omitempty"`
	IncidentID string         `json:"incident_id,omitempty"`
	Limit      int            `json:"limit"`
	Filter     IncidentFilter `json:"filters"`
}

// Snippet is a matching excerpt with the messages it came from.
type Snippet struct {
	Text     string   `json:"text"`
	SourceTS []string `json:"source_ts"`
}

// Why explains a result: where its incident ranked in each retriever, how close its
// closest chunk is, and what its cited chunks share with the query.
type Why struct {
	VectorRank       int      `json:"vector_rank,omitempty"`
	TextRank         int      `json:"text_rank,omitempty"`
	VectorSimilarity float64  `json:"vector_similarity"`
	SharedServices   []string `json:"shared_services"`
	SharedSignatures []string `json:"shared_signatures"`
	SharedTerms      []string `json:"shared_terms"`
	// TextSkipped is set when the ranking is the vector side's alone. The incident
	// lexical side has no time budget, so today's store never sets it.
	TextSkipped bool `json:"text_skipped,omitempty"`
}

// SearchResult is one similar incident.
type SearchResult struct {
	IncidentID string     `json:"incident_id"`
	Title      string     `json:"title"`
	Severity   string     `json:"severity"`
	Status     string     `json:"status"`
	Services   []string   `json:"services"`
	Team       string     `json:"team,omitempty"`
	StartedAt  *time.Time `json:"started_at"`
	ResolvedAt *time.Time `json:"resolved_at"`
	Score      float64    `json:"score"`
	Snippets   []Snippet  `json:"snippets"`
	Why        Why        `json:"why"`
	// OpenFixes are the incident's tickets the tracker still has open (only from
	// Copilot.Similar with a tracker configured).
	OpenFixes []TrackedTicket `json:"open_fixes,omitempty"`
}

// IngestResult counts what an ingest read and what it changed.
type IngestResult struct {
	Incidents int     `json:"incidents"`
	Messages  int     `json:"messages"`
	Chunks    int     `json:"chunks"`
	Tickets   int     `json:"tickets"`
	Written   int     `json:"written"`   // incidents inserted or replaced
	Unchanged int     `json:"unchanged"` // incidents already stored as they are
	Seconds   float64 `json:"seconds"`
}

// Stats counts what the memory holds.
type Stats struct {
	Incidents        int    `json:"incidents"`
	PrivateIncidents int    `json:"private_incidents"`
	Messages         int    `json:"messages"`
	Chunks           int    `json:"chunks"`
	Tickets          int    `json:"tickets"`
	Runbooks         int    `json:"runbooks"`
	Embedder         string `json:"embedder"`
}

// Page asks for one page of a listing: at most Limit items after Cursor, the
// NextCursor of the previous page (empty for the first page).
type Page struct {
	Limit  int
	Cursor string
}

// MaxListLimit bounds one page of a listing.
const MaxListLimit = 200

// IncidentSummary is an incident as a listing shows it: without its transcript.
type IncidentSummary struct {
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	Severity   string     `json:"severity"`
	Status     string     `json:"status"`
	Visibility string     `json:"visibility"`
	Services   []string   `json:"services"`
	Team       string     `json:"team,omitempty"`
	StartedAt  *time.Time `json:"started_at"`
	ResolvedAt *time.Time `json:"resolved_at"`
	Messages   int        `json:"messages"`
	Tickets    int        `json:"tickets"`
}

// IncidentList is one page of incidents. NextCursor, when set, asks for the next
// page; the last page has none.
type IncidentList struct {
	Incidents  []IncidentSummary `json:"incidents"`
	NextCursor string            `json:"next_cursor,omitempty"`
}

// Memory is the incident memory the capabilities read and the API writes.
type Memory interface {
	// FindIncidentByID returns an incident with its transcript and tickets. A private
	// incident without includePrivate is reported exactly like a missing one.
	// Errors: ENOTFOUND, EUNAVAILABLE.
	FindIncidentByID(ctx context.Context, id string, includePrivate bool) (*Incident, error)
	// FindIncidentsByIDs returns the visible incidents among ids, in that order.
	// Errors: EUNAVAILABLE.
	FindIncidentsByIDs(ctx context.Context, ids []string, includePrivate bool) ([]*Incident, error)
	Writer
	// Search finds incidents like a text or a stored incident.
	// Errors: EINVALID, ENOTFOUND, EUNAVAILABLE.
	Search(ctx context.Context, q SearchQuery) ([]SearchResult, error)
	// MatchRunbooks ranks the runbook library against a text.
	// Errors: EUNAVAILABLE.
	MatchRunbooks(ctx context.Context, text string, limit int) ([]RunbookMatch, error)
	// ListIncidents lists the incidents f selects, newest first, one page at a time;
	// private incidents only with f.IncludePrivate, exactly as Search sees them.
	// Errors: EINVALID for a limit outside 1..MaxListLimit or a cursor this memory
	// did not issue, EUNAVAILABLE.
	ListIncidents(ctx context.Context, f IncidentFilter, p Page) (IncidentList, error)
	// Stats counts what the memory holds. Errors: EUNAVAILABLE.
	Stats(ctx context.Context) (Stats, error)
	// Ready reports whether the database answers, its schema is current and it
	// holds vectors of the configured embedder. Warnings name what serves but
	// degraded, e.g. incidents whose vectors only another embedder (or lexicon
	// version) made, which search cannot find until a re-embed.
	// Errors: EUNAVAILABLE, also when no chunk of the configured embedder exists
	// while chunks of another do.
	Ready(ctx context.Context) (warnings []string, err error)
}
