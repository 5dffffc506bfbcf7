// Package memtest is an in-memory copilot.Memory for fast unit tests of the Copilot
// service and the API: incidents in a map, visibility and write rules as the
// PostgreSQL store applies them, and search by shared words instead of vectors.
package memtest

import (
	"context"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Memory holds incidents in a map. Its zero value is empty and ready to use.
type Memory struct {
	// Redact masks incidents at ingest, as the store does; nil stores them as given.
	Redact func(string) string
	// Runbooks is the runbook library MatchRunbooks ranks.
	Runbooks []copilot.RunbookMatch

	mu        sync.Mutex
	incidents map[string]*copilot.Incident
	audit     []copilot.AuditEntry
	// tickets is the ledger (ledger.go): incident id → follow-up id → record.
	tickets map[string]map[string]copilot.FollowUpTicket
}

var _ copilot.Memory = (*Memory)(nil)

// clone copies an incident deeply enough that callers cannot change what is stored.
func clone(inc *copilot.Incident) *copilot.Incident {
	c := *inc
	c.Services = slices.Clone(inc.Services)
	c.Messages = slices.Clone(inc.Messages)
	c.Tickets = slices.Clone(inc.Tickets)
	return &c
}

// visible returns the stored incident when the caller may see it.
func (m *Memory) visible(id string, includePrivate bool) *copilot.Incident {
	inc := m.incidents[id]
	if inc == nil || (inc.IsPrivate() && !includePrivate) {
		return nil
	}
	return inc
}

// FindIncidentByID reports a private incident without includePrivate as missing.
func (m *Memory) FindIncidentByID(_ context.Context, id string, includePrivate bool) (*copilot.Incident, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	inc := m.visible(id, includePrivate)
	if inc == nil {
		return nil, copilot.Errorf(copilot.ENOTFOUND, "Incident %q not found.", id)
	}
	return clone(inc), nil
}

// FindIncidentsByIDs returns the visible incidents among ids, in that order.
func (m *Memory) FindIncidentsByIDs(_ context.Context, ids []string, includePrivate bool) ([]*copilot.Incident, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*copilot.Incident
	for _, id := range ids {
		if inc := m.visible(id, includePrivate); inc != nil {
			out = append(out, clone(inc))
		}
	}
	return out, nil
}

// Ingest applies the store's rules: valid ids and text, no duplicates, and an actor
// without Private may neither write a private incident nor replace a stored one;
// such a request writes nothing.
func (m *Memory) Ingest(_ context.Context, incs []*copilot.Incident, opts copilot.IngestOptions) (copilot.IngestResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var res copilot.IngestResult
	seen := map[string]bool{}
	for _, inc := range incs {
		if err := copilot.CheckIncident(inc); err != nil {
			return res, err
		}
		if inc.IsPrivate() && !opts.Actor.Private {
			return res, copilot.Errorf(copilot.EFORBIDDEN, "Incident %s: writing a private incident needs the %q scope.", inc.ID, "private")
		}
		if seen[inc.ID] {
			return res, copilot.Errorf(copilot.EINVALID, "incident %s: appears twice in the input", inc.ID)
		}
		seen[inc.ID] = true
		res.Incidents++
		res.Messages += len(inc.Messages)
		res.Tickets += len(inc.Tickets)
	}
	for _, inc := range incs {
		if old := m.incidents[inc.ID]; old != nil && old.IsPrivate() && !opts.Actor.Private {
			return copilot.IngestResult{}, copilot.Errorf(copilot.EFORBIDDEN, "Incident %s: replacing it needs the %q scope.", inc.ID, "private")
		}
	}
	if m.incidents == nil {
		m.incidents = map[string]*copilot.Incident{}
	}
	for _, inc := range incs {
		copilot.MaskIncident(inc, m.Redact)
		res.Chunks += len(copilot.ChunkIncident(inc, copilot.ChunkOptions{}))
		if old := m.incidents[inc.ID]; old != nil && reflect.DeepEqual(old, inc) {
			res.Unchanged++
			continue
		}
		if old := m.incidents[inc.ID]; old != nil && old.Visibility != inc.Visibility {
			m.record(opts.Actor, copilot.AuditVisibility, inc.ID, old.Visibility+" -> "+inc.Visibility)
		}
		m.incidents[inc.ID] = clone(inc)
		res.Written++
	}
	return res, nil
}

func (m *Memory) record(by copilot.Actor, action, id, detail string) {
	m.audit = append(m.audit, copilot.AuditEntry{ID: int64(len(m.audit) + 1), At: time.Now().UTC(), Actor: by.Name, Action: action, IncidentID: id, Detail: detail})
}

// DeleteIncident reports a private incident missing to an actor without Private.
func (m *Memory) DeleteIncident(_ context.Context, id string, by copilot.Actor) error {
	if err := copilot.CheckID("id", id); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.visible(id, by.Private) == nil {
		return copilot.Errorf(copilot.ENOTFOUND, "Incident %q not found.", id)
	}
	delete(m.incidents, id)
	delete(m.tickets, id) // as the store's ON DELETE CASCADE
	m.record(by, copilot.AuditDelete, id, "")
	return nil
}

// AuditLog lists the newest entries first.
func (m *Memory) AuditLog(_ context.Context, limit int) ([]copilot.AuditEntry, error) {
	if limit < 1 || limit > 1000 {
		return nil, copilot.Errorf(copilot.EINVALID, "limit must be 1..1000, not %d", limit)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	out := []copilot.AuditEntry{}
	for i := len(m.audit) - 1; i >= 0 && len(out) < limit; i-- {
		out = append(out, m.audit[i])
	}
	return out, nil
}

// words are the lower-case words of s longer than two letters.
func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) > 2 {
			out[w] = true
		}
	}
	return out
}

// Search ranks the visible incidents that pass the filter by the share of the
// query's words they hold.
// selected applies a filter as the store does.
func selected(inc *copilot.Incident, f copilot.IncidentFilter) bool {
	switch {
	case inc.IsPrivate() && !f.IncludePrivate,
		f.Team != "" && f.Team != inc.Team, f.Status != "" && f.Status != inc.Status,
		!f.Since.IsZero() && inc.StartedAt.Before(f.Since), !f.Until.IsZero() && inc.StartedAt.After(f.Until),
		len(f.Services) > 0 && !slices.ContainsFunc(f.Services, func(s string) bool { return slices.Contains(inc.Services, s) }):
		return false
	}
	return true
}

// ListIncidents lists the selected incidents newest first; the cursor is the offset.
func (m *Memory) ListIncidents(_ context.Context, f copilot.IncidentFilter, p copilot.Page) (copilot.IncidentList, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if p.Limit < 1 || p.Limit > copilot.MaxListLimit {
		return copilot.IncidentList{}, copilot.Errorf(copilot.EINVALID, "limit: %d is outside 1..%d", p.Limit, copilot.MaxListLimit)
	}
	off := 0
	if p.Cursor != "" {
		n, err := strconv.Atoi(p.Cursor)
		if err != nil || n < 0 {
			return copilot.IncidentList{}, copilot.Errorf(copilot.EINVALID, "cursor: not one this listing issued")
		}
		off = n
	}
	var sel []*copilot.Incident
	for _, inc := range m.incidents {
		if selected(inc, f) {
			sel = append(sel, inc)
		}
	}
	sort.Slice(sel, func(i, j int) bool {
		if !sel[i].StartedAt.Equal(sel[j].StartedAt) {
			return sel[i].StartedAt.After(sel[j].StartedAt)
		}
		return sel[i].ID < sel[j].ID
	})
	out := copilot.IncidentList{Incidents: []copilot.IncidentSummary{}}
	for i := off; i < len(sel) && i < off+p.Limit; i++ {
		inc := sel[i]
		sum := copilot.IncidentSummary{ID: inc.ID, Title: inc.Title, Severity: inc.Severity, Status: inc.Status,
			Visibility: inc.Visibility, Services: inc.Services, Team: inc.Team, Messages: len(inc.Messages), Tickets: len(inc.Tickets)}
		if !inc.StartedAt.IsZero() {
			t := inc.StartedAt
			sum.StartedAt = &t
		}
		if !inc.ResolvedAt.IsZero() {
			t := inc.ResolvedAt
			sum.ResolvedAt = &t
		}
		out.Incidents = append(out.Incidents, sum)
	}
	if off+p.Limit < len(sel) {
		out.NextCursor = strconv.Itoa(off + p.Limit)
	}
	return out, nil
}

func (m *Memory) Search(_ context.Context, q copilot.SearchQuery) ([]copilot.SearchResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	text, exclude := q.Text, slices.Clone(q.Filter.ExcludeIDs)
	if q.IncidentID != "" {
		inc := m.visible(q.IncidentID, q.Filter.IncludePrivate)
		if inc == nil {
			return nil, copilot.Errorf(copilot.ENOTFOUND, "Incident %q not found.", q.IncidentID)
		}
		text = copilot.IncidentText(inc, 16<<10)
		exclude = append(exclude, inc.ID)
	}
	if strings.TrimSpace(text) == "" {
		return nil, copilot.Errorf(copilot.EINVALID, "Give a text or an incident id to search for.")
	}
	query := words(text)
	f := q.Filter
	var out []copilot.SearchResult
	for _, inc := range m.incidents {
		if !selected(inc, f) || slices.Contains(exclude, inc.ID) {
			continue
		}
		have := words(copilot.IncidentText(inc, 16<<10))
		var shared []string
		for w := range query {
			if have[w] {
				shared = append(shared, w)
			}
		}
		if len(shared) == 0 {
			continue
		}
		sort.Strings(shared)
		out = append(out, copilot.SearchResult{
			IncidentID: inc.ID, Title: inc.Title, Severity: inc.Severity, Status: inc.Status,
			Services: inc.Services, Team: inc.Team, Score: float64(len(shared)) / float64(len(query)),
			Snippets: []copilot.Snippet{}, Why: copilot.Why{SharedTerms: shared, SharedServices: []string{}, SharedSignatures: []string{}},
		})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].IncidentID < out[j].IncidentID
	})
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

// MatchRunbooks ranks the library by the share of the text's words in a title.
func (m *Memory) MatchRunbooks(_ context.Context, text string, limit int) ([]copilot.RunbookMatch, error) {
	have := words(text)
	out := []copilot.RunbookMatch{}
	for _, rb := range m.Runbooks {
		title := words(rb.Title)
		n := 0
		for w := range title {
			if have[w] {
				n++
			}
		}
		if n > 0 {
			rb.Score = float64(n) / float64(len(title))
			out = append(out, rb)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Stats counts the incidents and what they hold.
func (m *Memory) Stats(context.Context) (copilot.Stats, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := copilot.Stats{Runbooks: len(m.Runbooks), Embedder: "memtest"}
	for _, inc := range m.incidents {
		st.Incidents++
		if inc.IsPrivate() {
			st.PrivateIncidents++
		}
		st.Messages += len(inc.Messages)
		st.Tickets += len(inc.Tickets)
	}
	return st, nil
}

// Ready always answers: there is no database to wait for.
func (m *Memory) Ready(context.Context) ([]string, error) { return nil, nil }
