package postgres

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

var _ copilot.TicketLedger = (*Store)(nil)

// ReserveFollowUpTicket claims a follow-up in one statement, so that of two clicks
// racing on two replicas exactly one inserts the row; the other reads it back. A
// pending row older than copilot.StaleReservation was left by a process that died
// between reserving and completing: the same statement takes it over.
//
// Errors: ENOTFOUND for an unknown incident, EUNAVAILABLE.
func (s *Store) ReserveFollowUpTicket(ctx context.Context, t copilot.FollowUpTicket) (copilot.FollowUpTicket, bool, error) {
	// A record can vanish between the insert and the read back (its filing failed
	// and was released); then claiming it again is the right answer.
	for range 3 {
		var at time.Time
		err := s.pool.QueryRow(ctx, `
			INSERT INTO followup_tickets (incident_id, follow_up_id, key, url, tracker, created_by, pending)
			SELECT id, $2, $3, $4, $5, $6, $7 FROM incidents WHERE external_id = $1
			ON CONFLICT (incident_id, follow_up_id) DO UPDATE SET key = EXCLUDED.key, url = EXCLUDED.url,
				tracker = EXCLUDED.tracker, created_by = EXCLUDED.created_by, created_at = now(), pending = EXCLUDED.pending
			WHERE followup_tickets.pending AND followup_tickets.created_at < now() - make_interval(secs => $8)
			RETURNING created_at`,
			t.IncidentID, t.FollowUpID, t.Key, t.URL, t.Tracker, t.CreatedBy, t.Pending, copilot.StaleReservation.Seconds(),
		).Scan(&at)
		if err == nil {
			t.CreatedAt = at.UTC()
			return t, true, nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return copilot.FollowUpTicket{}, false, mapError(err)
		}
		recs, err := s.followUpTickets(ctx, t.IncidentID, t.FollowUpID)
		if err != nil {
			return copilot.FollowUpTicket{}, false, err
		}
		if len(recs) == 1 {
			return recs[0], false, nil
		}
		var exists bool
		if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM incidents WHERE external_id = $1)`, t.IncidentID).Scan(&exists); err != nil {
			return copilot.FollowUpTicket{}, false, mapError(err)
		}
		if !exists {
			return copilot.FollowUpTicket{}, false, copilot.Errorf(copilot.ENOTFOUND, "Incident %q not found.", t.IncidentID)
		}
	}
	return copilot.FollowUpTicket{}, false, copilot.Errorf(copilot.EUNAVAILABLE, "Follow-up %s of %s keeps changing; try again.", t.FollowUpID, t.IncidentID)
}

// CompleteFollowUpTicket stores the ticket of a reserved follow-up. It writes the
// record even when the reservation was taken over meanwhile: the tracker files one
// ticket per follow-up either way. An incident deleted while its follow-up was filed
// keeps no record, as deleting it would have removed the record too.
//
// Errors: EUNAVAILABLE.
func (s *Store) CompleteFollowUpTicket(ctx context.Context, t copilot.FollowUpTicket) error {
	_, err := s.pool.Exec(ctx, `
		INSERT INTO followup_tickets (incident_id, follow_up_id, key, url, tracker, created_by, pending)
		SELECT id, $2, $3, $4, $5, $6, false FROM incidents WHERE external_id = $1
		ON CONFLICT (incident_id, follow_up_id) DO UPDATE SET key = EXCLUDED.key, url = EXCLUDED.url,
			tracker = EXCLUDED.tracker, created_by = EXCLUDED.created_by, pending = false`,
		t.IncidentID, t.FollowUpID, t.Key, t.URL, t.Tracker, t.CreatedBy)
	return mapError(err)
}

// ReleaseFollowUpTicket drops a pending reservation; a finished record stays.
//
// Errors: EUNAVAILABLE.
func (s *Store) ReleaseFollowUpTicket(ctx context.Context, incidentID, followUpID string) error {
	_, err := s.pool.Exec(ctx, `
		DELETE FROM followup_tickets f USING incidents i
		WHERE f.incident_id = i.id AND i.external_id = $1 AND f.follow_up_id = $2 AND f.pending`,
		incidentID, followUpID)
	return mapError(err)
}

// FollowUpTickets lists an incident's records, oldest first.
//
// Errors: EUNAVAILABLE.
func (s *Store) FollowUpTickets(ctx context.Context, incidentID string) ([]copilot.FollowUpTicket, error) {
	return s.followUpTickets(ctx, incidentID, "")
}

// followUpTickets lists an incident's records, or the one of followUpID when set.
func (s *Store) followUpTickets(ctx context.Context, incidentID, followUpID string) ([]copilot.FollowUpTicket, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT i.external_id, f.follow_up_id, f.key, f.url, f.tracker, f.created_by, f.created_at, f.pending
		FROM followup_tickets f JOIN incidents i ON i.id = f.incident_id
		WHERE i.external_id = $1 AND ($2 = '' OR f.follow_up_id = $2)
		ORDER BY f.created_at, f.follow_up_id`, incidentID, followUpID)
	if err != nil {
		return nil, mapError(err)
	}
	out := []copilot.FollowUpTicket{}
	var r copilot.FollowUpTicket
	_, err = pgx.ForEachRow(rows, []any{&r.IncidentID, &r.FollowUpID, &r.Key, &r.URL, &r.Tracker, &r.CreatedBy, &r.CreatedAt, &r.Pending}, func() error {
		r.CreatedAt = r.CreatedAt.UTC()
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, mapError(err)
	}
	return out, nil
}
