package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Stats counts incidents, messages, chunks of the active embedder, tickets and runbooks.
//
// Errors: EUNAVAILABLE.
func (s *Store) Stats(ctx context.Context) (copilot.Stats, error) {
	st := copilot.Stats{Embedder: s.model.EmbedderID()}
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM incidents),
		(SELECT count(*) FROM incidents WHERE visibility = 'private'),
		(SELECT count(*) FROM messages),
		(SELECT count(*) FROM chunks WHERE embedder = $1),
		(SELECT count(*) FROM tickets),
		(SELECT count(*) FROM runbooks)`, st.Embedder,
	).Scan(&st.Incidents, &st.PrivateIncidents, &st.Messages, &st.Chunks, &st.Tickets, &st.Runbooks)
	return st, mapError(err)
}

// FindIncidentByID returns an incident with its messages and tickets. A private
// incident is reported missing unless includePrivate is set, so its id does not
// reveal that it exists.
//
// Errors: ENOTFOUND, EUNAVAILABLE.
func (s *Store) FindIncidentByID(ctx context.Context, id string, includePrivate bool) (*copilot.Incident, error) {
	incs, err := s.findIncidents(ctx, []string{id}, includePrivate)
	if err != nil {
		return nil, err
	}
	if len(incs) == 0 {
		return nil, copilot.Errorf(copilot.ENOTFOUND, "Incident %q not found.", id)
	}
	return incs[0], nil
}

// FindIncidentsByIDs returns the incidents among ids that exist and are visible, in
// the order of ids.
func (s *Store) FindIncidentsByIDs(ctx context.Context, ids []string, includePrivate bool) ([]*copilot.Incident, error) {
	return s.findIncidents(ctx, ids, includePrivate)
}

func (s *Store) findIncidents(ctx context.Context, ids []string, includePrivate bool) ([]*copilot.Incident, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT id, external_id, title, severity, status, visibility, services, team,
			channel_id, channel_name, started_at, resolved_at, source
		FROM incidents WHERE external_id = ANY($1) AND ($2 OR visibility = 'public')`, ids, includePrivate)
	if err != nil {
		return nil, mapError(err)
	}
	byRow := map[int64]*copilot.Incident{}
	byExt := map[string]*copilot.Incident{}
	var rowIDs []int64
	for rows.Next() {
		var (
			rowID            int64
			inc              copilot.Incident
			started, resolve *time.Time
		)
		if err := rows.Scan(&rowID, &inc.ID, &inc.Title, &inc.Severity, &inc.Status, &inc.Visibility,
			&inc.Services, &inc.Team, &inc.ChannelID, &inc.ChannelName, &started, &resolve, &inc.Source); err != nil {
			rows.Close()
			return nil, mapError(err)
		}
		if started != nil {
			inc.StartedAt = started.UTC()
		}
		if resolve != nil {
			inc.ResolvedAt = resolve.UTC()
		}
		inc.Messages, inc.Tickets = []copilot.Message{}, []copilot.Ticket{}
		byRow[rowID], byExt[inc.ID] = &inc, &inc
		rowIDs = append(rowIDs, rowID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	if len(rowIDs) == 0 {
		return nil, nil
	}

	// Messages and tickets in one round trip.
	b := &pgx.Batch{}
	b.Queue(`SELECT incident_id, ts, user_id, user_name, text, thread_ts, kind
		FROM messages WHERE incident_id = ANY($1) ORDER BY incident_id, posted_at NULLS LAST, ts`, rowIDs)
	b.Queue(`SELECT incident_id, key, title, url, status
		FROM tickets WHERE incident_id = ANY($1) ORDER BY incident_id, key`, rowIDs)
	if err := readTranscripts(s.pool.SendBatch(ctx, b), byRow); err != nil {
		return nil, err
	}

	out := make([]*copilot.Incident, 0, len(byExt))
	for _, id := range ids {
		if inc := byExt[id]; inc != nil {
			out = append(out, inc)
			delete(byExt, id)
		}
	}
	return out, nil
}

// readTranscripts reads findIncidents' batch, messages then tickets, into the
// incidents by row id, and closes it.
func readTranscripts(br pgx.BatchResults, byRow map[int64]*copilot.Incident) error {
	defer br.Close()
	var (
		rowID int64
		m     copilot.Message
		t     copilot.Ticket
	)
	rows, err := br.Query()
	if err != nil {
		return mapError(err)
	}
	if _, err = pgx.ForEachRow(rows, []any{&rowID, &m.TS, &m.User, &m.UserName, &m.Text, &m.ThreadTS, &m.Kind}, func() error {
		inc := byRow[rowID]
		inc.Messages = append(inc.Messages, m)
		return nil
	}); err != nil {
		return mapError(err)
	}
	if rows, err = br.Query(); err != nil {
		return mapError(err)
	}
	if _, err = pgx.ForEachRow(rows, []any{&rowID, &t.Key, &t.Title, &t.URL, &t.Status}, func() error {
		inc := byRow[rowID]
		inc.Tickets = append(inc.Tickets, t)
		return nil
	}); err != nil {
		return mapError(err)
	}
	return mapError(br.Close())
}
