package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/retrieval"
)

// RunbookResult counts a runbook ingest.
type RunbookResult struct {
	Runbooks  int     `json:"runbooks"`
	Written   int     `json:"written"`
	Unchanged int     `json:"unchanged"`
	Seconds   float64 `json:"seconds"`
}

// IngestRunbooks stores library runbooks, replacing changed ones and skipping those
// stored unchanged, all in one transaction.
//
// Errors: EINVALID for a runbook without id, EUNAVAILABLE.
func (s *Store) IngestRunbooks(ctx context.Context, rbs []*copilot.Runbook) (RunbookResult, error) {
	start := time.Now()
	res := RunbookResult{Runbooks: len(rbs)}
	stored := map[string]string{}
	rows, err := s.pool.Query(ctx, `SELECT id, content_hash FROM runbooks`)
	if err != nil {
		return res, mapError(err)
	}
	var id, h string
	if _, err := pgx.ForEachRow(rows, []any{&id, &h}, func() error { stored[id] = h; return nil }); err != nil {
		return res, mapError(err)
	}
	var todo []*copilot.Runbook
	var hashes []string
	for i, rb := range rbs {
		if rb.ID == "" {
			return res, copilot.Errorf(copilot.EINVALID, "runbook %d (%s): id is empty", i+1, rb.Path)
		}
		for _, f := range []struct{ name, v string }{{"id", rb.ID}, {"title", rb.Title}, {"path", rb.Path}, {"text", rb.Text}} {
			if err := copilot.CheckText(fmt.Sprintf("runbook %d (%s), field %q", i+1, rb.Path, f.name), f.v); err != nil {
				return res, err
			}
		}
		// Runbooks are pasted from wikis, secrets and all: mask before storing.
		rb.Title, rb.Text = s.opts.Redact(rb.Title), s.opts.Redact(rb.Text)
		sum := sha256.Sum256([]byte(s.model.EmbedderID() + "\x00" + s.opts.RedactVersion + "\x00" + rb.Title + "\x00" + rb.Path + "\x00" + rb.Text))
		hash := hex.EncodeToString(sum[:])
		if stored[rb.ID] == hash {
			res.Unchanged++
			continue
		}
		todo = append(todo, rb)
		hashes = append(hashes, hash)
	}
	if len(todo) == 0 {
		res.Seconds = time.Since(start).Seconds()
		return res, nil
	}
	texts := make([]string, len(todo))
	for i, rb := range todo {
		texts[i] = rb.Title + "\n" + rb.Text
	}
	vecs, err := s.model.EmbedDocuments(ctx, texts)
	if err != nil {
		return res, fmt.Errorf("embed runbooks: %w", err)
	}
	if len(vecs) != len(texts) {
		return res, copilot.Errorf(copilot.EINVALID, "embedder returned %d vectors for %d runbooks", len(vecs), len(texts))
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return res, mapError(err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	for i, rb := range todo {
		_, err := tx.Exec(ctx, `INSERT INTO runbooks (id, title, path, text, content_hash, embedder, embedding)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, path = EXCLUDED.path, text = EXCLUDED.text,
				content_hash = EXCLUDED.content_hash, embedder = EXCLUDED.embedder, embedding = EXCLUDED.embedding`,
			rb.ID, rb.Title, rb.Path, rb.Text, hashes[i], s.model.EmbedderID(), pgvector.NewVector(vecs[i]))
		if err != nil {
			return res, mapError(fmt.Errorf("runbook %s: %w", rb.ID, err))
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return res, mapError(err)
	}
	res.Written = len(todo)
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// MatchRunbooks ranks library runbooks against a text by evidence (the runbook's alert
// named in the text, shared failure mechanisms, the runbook's component named; see
// runbookscore.go), with cosine similarity and full-text rank fused as tie-breaker.
// Runbooks below minRunbookScore are left out, so the answer may be empty. A library
// holds hundreds of runbooks, so an exact scan is cheap.
//
// Errors: EUNAVAILABLE.
func (s *Store) MatchRunbooks(ctx context.Context, text string, limit int) ([]copilot.RunbookMatch, error) {
	if limit <= 0 {
		limit = 3
	}
	vec, err := s.model.EmbedQuery(ctx, text)
	if err != nil {
		return nil, fmt.Errorf("embed query: %w", err)
	}
	dim := s.model.Dimensions()
	tsq, err := s.textQuery(ctx, text, nil, &retrieval.Frequencies{})
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, fmt.Sprintf(`
		SELECT id, title, path, text, content_hash, 1 - (embedding::vector(%d) <=> $1::vector(%d)) AS sim,
			CASE WHEN $3 = '' THEN 0 ELSE ts_rank_cd(tsv, to_tsquery('simple', $3)) END AS tr
		FROM runbooks WHERE embedder = $2 AND vector_dims(embedding) = %d`, dim, dim, dim),
		pgvector.NewVector(vec), s.model.EmbedderID(), tsq)
	if err != nil {
		return nil, mapError(err)
	}
	type rb struct {
		m            copilot.RunbookMatch
		sim, tr      float64
		evidence     float64
		vrank, trank int
	}
	inc := newIncidentFeatures(text)
	var all []*rb
	var r rb
	var body, hash string
	_, err = pgx.ForEachRow(rows, []any{&r.m.ID, &r.m.Title, &r.m.Path, &body, &hash, &r.sim, &r.tr}, func() error {
		rr := r
		rr.evidence = inc.score(s.runbooks.features(r.m.ID, hash, r.m.Title, r.m.Path, body))
		all = append(all, &rr)
		return nil
	})
	if err != nil {
		return nil, mapError(err)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].sim > all[j].sim })
	for i, x := range all {
		x.vrank = i + 1
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].tr > all[j].tr })
	for i, x := range all {
		if x.tr > 0 {
			x.trank = i + 1
		}
	}
	for _, x := range all {
		x.m.Score = x.evidence + retrieval.RRF(x.vrank) + retrieval.RRF(x.trank)
		x.m.Score = math.Round(x.m.Score*1e6) / 1e6
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].m.Score != all[j].m.Score {
			return all[i].m.Score > all[j].m.Score
		}
		return all[i].m.ID < all[j].m.ID
	})
	out := []copilot.RunbookMatch{}
	for i := 0; i < len(all) && len(out) < limit; i++ {
		if all[i].evidence >= minRunbookScore {
			out = append(out, all[i].m)
		}
	}
	return out, nil
}
