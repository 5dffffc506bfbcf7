package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// ReembedResult counts a re-embed.
type ReembedResult struct {
	Incidents int    `json:"incidents"`
	Chunks    int    `json:"chunks"`
	Pruned    int64  `json:"pruned"`
	Embedder  string `json:"embedder"`
}

// reembedBatch is how many incidents are loaded and embedded at a time.
const reembedBatch = 200

// Reembed computes the active embedder's vectors for every incident that lacks them
// (all incidents with all set). Vectors of other embedders stay, so the old ones can
// keep serving until the switch, unless prune removes them afterwards.
//
// Errors: EUNAVAILABLE.
func (s *Store) Reembed(ctx context.Context, all, prune bool, progress func(done, total int)) (ReembedResult, error) {
	res := ReembedResult{Embedder: s.model.EmbedderID()}
	defer s.stale.forget()
	sql := `SELECT external_id FROM incidents i WHERE $2 OR NOT EXISTS
		(SELECT 1 FROM chunks c WHERE c.incident_id = i.id AND c.embedder = $1) ORDER BY id`
	rows, err := s.pool.Query(ctx, sql, s.model.EmbedderID(), all)
	if err != nil {
		return res, mapError(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return res, mapError(err)
	}
	rebuild := len(ids) > 0 && all
	if rebuild {
		if err := s.dropIndex(ctx); err != nil {
			return res, err
		}
	}
	for start := 0; start < len(ids); start += reembedBatch {
		end := min(start+reembedBatch, len(ids))
		incs, err := s.findIncidents(ctx, ids[start:end], true)
		if err != nil {
			return res, err
		}
		var work []*pending
		for _, inc := range incs {
			work = append(work, &pending{inc: inc, hash: s.contentHash(inc), chunks: copilot.ChunkIncident(inc, s.opts.Chunking)})
		}
		if err := s.embedPending(ctx, work); err != nil {
			return res, err
		}
		for _, w := range work {
			if err := s.replaceChunks(ctx, w); err != nil {
				return res, fmt.Errorf("incident %s: %w", w.inc.ID, err)
			}
			res.Incidents++
			res.Chunks += len(w.chunks)
		}
		if progress != nil {
			progress(end, len(ids))
		}
	}
	if err := s.ensureIndex(ctx); err != nil {
		return res, err
	}
	if prune {
		tag, err := s.pool.Exec(ctx, `DELETE FROM chunks WHERE embedder <> $1`, s.model.EmbedderID())
		if err != nil {
			return res, mapError(err)
		}
		res.Pruned = tag.RowsAffected()
	}
	return res, nil
}

// replaceChunks swaps one incident's chunks of the active embedder in a transaction.
func (s *Store) replaceChunks(ctx context.Context, w *pending) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return mapError(err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var id int64
	if err := tx.QueryRow(ctx, `UPDATE incidents SET content_hash = $2, updated_at = now() WHERE external_id = $1 RETURNING id`,
		w.inc.ID, w.hash).Scan(&id); err != nil {
		return mapError(err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM chunks WHERE incident_id = $1 AND embedder = $2`, id, s.model.EmbedderID()); err != nil {
		return mapError(err)
	}
	if err := s.copyChunks(ctx, tx, id, w); err != nil {
		return err
	}
	return mapError(tx.Commit(ctx))
}
