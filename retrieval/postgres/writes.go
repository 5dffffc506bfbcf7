package postgres

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// errPrivateTarget refuses a write that would replace or publish a stored private
// incident. It names the id the caller sent and nothing of the stored incident.
func errPrivateTarget(id string) error {
	return copilot.Errorf(copilot.EFORBIDDEN, "Incident %s: replacing it needs the %q scope.", id, "private")
}

// audit records one entry inside the transaction that makes the change, so the log
// and the change commit together or not at all.
func audit(ctx context.Context, tx pgx.Tx, by copilot.Actor, action, incidentID, detail string) error {
	actor := by.Name
	if actor == "" {
		actor = "unknown"
	}
	_, err := tx.Exec(ctx, `INSERT INTO audit_log (actor, action, incident_id, detail) VALUES ($1, $2, $3, $4)`,
		actor, action, incidentID, detail)
	return mapError(err)
}

// DeleteIncident removes an incident; its messages, chunks and tickets go with it
// (foreign keys cascade), and the audit log records who did it. A private incident
// is reported missing to an actor without Private, as reads report it.
//
// Errors: EINVALID for a malformed id, ENOTFOUND, EUNAVAILABLE.
func (s *Store) DeleteIncident(ctx context.Context, id string, by copilot.Actor) error {
	if err := copilot.CheckID(`incident id`, id); err != nil {
		return err
	}
	defer s.stale.forget()
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return mapError(err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var vis string
	err = tx.QueryRow(ctx, `DELETE FROM incidents WHERE external_id = $1 AND ($2 OR visibility = 'public') RETURNING visibility`,
		id, by.Private).Scan(&vis)
	if errors.Is(err, pgx.ErrNoRows) {
		return copilot.Errorf(copilot.ENOTFOUND, "Incident %q not found.", id)
	}
	if err != nil {
		return mapError(err)
	}
	if err := audit(ctx, tx, by, copilot.AuditDelete, id, vis); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return mapError(err)
	}
	return nil
}

// MaxAuditLimit bounds one page of the audit log.
const MaxAuditLimit = 1000

// AuditLog lists the newest audit entries first.
//
// Errors: EINVALID for a limit outside 1..MaxAuditLimit, EUNAVAILABLE.
func (s *Store) AuditLog(ctx context.Context, limit int) ([]copilot.AuditEntry, error) {
	if limit < 1 || limit > MaxAuditLimit {
		return nil, copilot.Errorf(copilot.EINVALID, "limit: %d is outside 1..%d", limit, MaxAuditLimit)
	}
	rows, err := s.pool.Query(ctx, `SELECT id, at, actor, action, incident_id, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, mapError(err)
	}
	out := []copilot.AuditEntry{}
	var e copilot.AuditEntry
	_, err = pgx.ForEachRow(rows, []any{&e.ID, &e.At, &e.Actor, &e.Action, &e.IncidentID, &e.Detail}, func() error {
		e.At = e.At.UTC()
		out = append(out, e)
		return nil
	})
	return out, mapError(err)
}

// RedactResult counts what RedactStored changed.
type RedactResult struct {
	Incidents int `json:"incidents"` // incidents read
	Masked    int `json:"masked"`    // incidents whose text held a secret until now
	Rewritten int `json:"rewritten"` // incidents whose rows, chunks, vectors and text index were rebuilt
	Runbooks  int `json:"runbooks"`  // runbooks rebuilt
}

// redactBatch is how many incidents RedactStored loads at once.
const redactBatch = 200

// RedactStored masks secrets in what was stored before the current redaction rules
// (or before redaction at ingest existed): every incident is read back, masked and
// written again where its text or the rules changed, which rebuilds its messages,
// chunks, vectors and full-text index, since those were computed from the secrets.
// Each incident whose text changed gets an audit entry. Runbooks are re-masked too.
//
// Errors: EUNAVAILABLE.
func (s *Store) RedactStored(ctx context.Context, by copilot.Actor) (RedactResult, error) {
	var res RedactResult
	by.Private = true
	rows, err := s.pool.Query(ctx, `SELECT external_id FROM incidents ORDER BY id`)
	if err != nil {
		return res, mapError(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return res, mapError(err)
	}
	for start := 0; start < len(ids); start += redactBatch {
		batch := ids[start:min(start+redactBatch, len(ids))]
		incs, err := s.findIncidents(ctx, batch, true)
		if err != nil {
			return res, err
		}
		res.Incidents += len(incs)
		var masked []string
		for _, inc := range incs {
			before, _ := json.Marshal(inc)
			copilot.MaskIncident(inc, s.opts.Redact)
			after, _ := json.Marshal(inc)
			if string(before) != string(after) {
				masked = append(masked, inc.ID)
			}
		}
		r, err := s.Ingest(ctx, incs, copilot.IngestOptions{Actor: by})
		res.Rewritten += r.Written
		if err != nil {
			return res, err
		}
		for _, id := range masked {
			if err := s.auditNow(ctx, by, copilot.AuditRedact, id, "secrets masked in stored text"); err != nil {
				return res, err
			}
		}
		res.Masked += len(masked)
	}

	rbRows, err := s.pool.Query(ctx, `SELECT id, title, path, text FROM runbooks ORDER BY id`)
	if err != nil {
		return res, mapError(err)
	}
	var rbs []*copilot.Runbook
	var rb copilot.Runbook
	if _, err := pgx.ForEachRow(rbRows, []any{&rb.ID, &rb.Title, &rb.Path, &rb.Text}, func() error {
		c := rb
		rbs = append(rbs, &c)
		return nil
	}); err != nil {
		return res, mapError(err)
	}
	if len(rbs) > 0 {
		r, err := s.IngestRunbooks(ctx, rbs)
		if err != nil {
			return res, err
		}
		res.Runbooks = r.Written
	}
	return res, nil
}

func (s *Store) auditNow(ctx context.Context, by copilot.Actor, action, id, detail string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return mapError(err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := audit(ctx, tx, by, action, id, detail); err != nil {
		return err
	}
	return mapError(tx.Commit(ctx))
}
