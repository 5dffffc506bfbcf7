package postgres

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/retrieval"
)

// MaxLimit bounds how many incidents one search returns.
const MaxLimit = 50

// Search finds incidents similar to a text or to a stored incident: pgvector cosine
// search over the HNSW index and PostgreSQL full-text search, fused by reciprocal
// rank, then grouped per incident.
//
// Errors: EINVALID for an empty query or bad limit, ENOTFOUND for an unknown (or
// invisible) query incident, EUNAVAILABLE.
func (s *Store) Search(ctx context.Context, q copilot.SearchQuery) ([]copilot.SearchResult, error) {
	if q.Limit == 0 {
		q.Limit = 5
	}
	if q.Limit < 1 || q.Limit > MaxLimit {
		return nil, copilot.Errorf(copilot.EINVALID, "limit: %d is outside 1..%d", q.Limit, MaxLimit)
	}
	var (
		vec                []float32
		words, conceptText string
		services           []string
		err                error
	)
	switch {
	case q.IncidentID != "":
		inc, err := s.FindIncidentByID(ctx, q.IncidentID, q.Filter.IncludePrivate)
		if err != nil {
			return nil, err
		}
		if vec, err = s.incidentVector(ctx, q.IncidentID); err != nil {
			return nil, err
		}
		words = copilot.IncidentText(inc, maxIncidentQueryBytes)
		conceptText = words
		services = inc.Services
		q.Filter.ExcludeIDs = append(q.Filter.ExcludeIDs, q.IncidentID)
	case strings.TrimSpace(q.Text) != "":
		if len(q.Text) > 64<<10 {
			return nil, copilot.Errorf(copilot.EINVALID, "query: longer than 64 KiB")
		}
		words, conceptText = q.Text, q.Text
		if vec, err = s.model.EmbedQuery(ctx, q.Text); err != nil {
			return nil, fmt.Errorf("embed query: %w", err)
		}
		services = q.Filter.Services
	default:
		return nil, copilot.Errorf(copilot.EINVALID, "query: give a text or an incident id")
	}
	return s.search(ctx, vec, words, conceptText, services, q)
}

// incidentVector is the centroid of an incident's chunk vectors: a summary of what
// the whole transcript is about.
func (s *Store) incidentVector(ctx context.Context, externalID string) ([]float32, error) {
	rows, err := s.pool.Query(ctx, `SELECT c.embedding FROM chunks c JOIN incidents i ON i.id = c.incident_id
		WHERE i.external_id = $1 AND c.embedder = $2`, externalID, s.model.EmbedderID())
	if err != nil {
		return nil, mapError(err)
	}
	sum := make([]float64, s.model.Dimensions())
	n := 0
	var v pgvector.Vector
	_, err = pgx.ForEachRow(rows, []any{&v}, func() error {
		for i, x := range v.Slice() {
			if i < len(sum) {
				sum[i] += float64(x)
			}
		}
		n++
		return nil
	})
	if err != nil {
		return nil, mapError(err)
	}
	if n == 0 {
		return nil, copilot.Errorf(copilot.EUNAVAILABLE, "Incident %q has no vectors of embedder %s yet; run `copilot reembed`.", externalID, s.model.EmbedderID())
	}
	var norm float64
	for _, x := range sum {
		norm += x * x
	}
	norm = math.Sqrt(norm)
	out := make([]float32, len(sum))
	for i, x := range sum {
		if norm > 0 {
			out[i] = float32(x / norm)
		}
	}
	return out, nil
}

// maxIncidentQueryBytes bounds the transcript a by-incident query reads words and
// concepts from; far beyond any channel's length, it only guards against a runaway one.
const maxIncidentQueryBytes = 1 << 20

// search runs the hybrid query: vec for the vector side; words (free text, or an
// incident's title) for the full-text side; conceptText for failure concepts, which
// for an incident is its whole transcript.
func (s *Store) search(ctx context.Context, vec []float32, words, conceptText string, queryServices []string, q copilot.SearchQuery) ([]copilot.SearchResult, error) {
	depth := q.Limit * 10
	if depth < 60 {
		depth = 60
	}
	where, args := filterSQL(q.Filter, 3)
	embedderID, dim := s.model.EmbedderID(), s.model.Dimensions()
	// The embedder is a literal so the planner can match the partial index; the
	// vector expression is the index's expression.
	vecSQL := fmt.Sprintf(`SELECT c.id, c.incident_id, (c.embedding::vector(%d) <=> $1::vector(%d)) AS dist
		FROM chunks c JOIN incidents i ON i.id = c.incident_id
		WHERE c.embedder = %s %s
		ORDER BY c.embedding::vector(%d) <=> $1::vector(%d) LIMIT $2`, dim, dim, quoteLiteral(embedderID), where, dim, dim)

	// The full-text side is an extra: when a statement that prepares it runs out of
	// time, the search answers from the vector side and says so (Why.TextSkipped).
	concepts := failure.Concepts(conceptText)
	textSkipped := false
	tsq := ""
	stats, err := s.conceptFrequencies(ctx)
	switch {
	case isStatementTimeout(ctx, err):
		textSkipped = true
	case err != nil:
		return nil, err
	default:
		tsq, err = s.textQuery(ctx, words, stats.Discriminating(concepts), stats)
		if isStatementTimeout(ctx, err) {
			textSkipped, tsq = true, ""
		} else if err != nil {
			return nil, err
		}
	}
	textSQL := fmt.Sprintf(`SELECT c.id, c.incident_id, ts_rank_cd(c.tsv, q) AS r
		FROM chunks c JOIN incidents i ON i.id = c.incident_id, to_tsquery('simple', $1) q
		WHERE c.embedder = %s AND c.tsv @@ q %s
		ORDER BY r DESC, c.id LIMIT $2`, quoteLiteral(embedderID), where)

	// The full-text side runs beside the vector side on its own connection.
	textc := make(chan textResult, 1)
	go func() { textc <- s.textHits(ctx, textSQL, tsq, depth, args) }()

	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, mapError(err)
	}
	defer tx.Rollback(ctx)
	// Iterative index scans keep reading the graph until the filters have let
	// through enough rows, so a filtered search still returns `limit` results.
	if _, err := tx.Exec(ctx, fmt.Sprintf("SET LOCAL hnsw.ef_search = %d; SET LOCAL hnsw.iterative_scan = relaxed_order", s.opts.HNSW.EfSearch)); err != nil {
		return nil, mapError(err)
	}
	vectorHits := func() ([]retrieval.Hit, error) {
		rows, err := tx.Query(ctx, vecSQL, append([]any{pgvector.NewVector(vec), depth}, args...)...)
		if err != nil {
			return nil, mapError(err)
		}
		var hits []retrieval.Hit
		var h retrieval.Hit
		_, err = pgx.ForEachRow(rows, []any{&h.ChunkID, &h.IncidentID, &h.Distance}, func() error {
			hits = append(hits, h)
			return nil
		})
		return hits, mapError(err)
	}
	vc, err := vectorHits()
	if err != nil {
		return nil, err
	}
	// A selective filter can exhaust the iterative scan's budget before enough rows
	// pass it. The rows that do pass are then few, so an exact scan over them is cheap
	// and returns everything that exists.
	if len(vc) < depth && hasSelectiveFilter(q.Filter) {
		if _, err := tx.Exec(ctx, "SET LOCAL enable_indexscan = off"); err != nil {
			return nil, mapError(err)
		}
		if vc, err = vectorHits(); err != nil {
			return nil, err
		}
		if _, err := tx.Exec(ctx, "SET LOCAL enable_indexscan = on"); err != nil {
			return nil, mapError(err)
		}
	}
	text := <-textc
	if text.err != nil {
		return nil, text.err
	}

	// Fuse, then let each incident take the score of its best chunks.
	hits := retrieval.Merge(vc, text.hits)
	retrieval.Fuse(hits, s.opts.Fusion)
	ranked := retrieval.GroupByIncident(hits, q.Limit)
	if len(ranked) == 0 {
		return []copilot.SearchResult{}, nil
	}

	// Load what the answer shows: incident rows and the best chunks' text.
	ids := make([]int64, len(ranked))
	var chunkIDs []int64
	for i, g := range ranked {
		ids[i] = g.IncidentID
		for _, h := range g.Evidence() {
			chunkIDs = append(chunkIDs, h.ChunkID)
		}
	}
	results := map[int64]*copilot.SearchResult{}
	rows, err := tx.Query(ctx, `SELECT id, external_id, title, severity, status, services, team, started_at, resolved_at
		FROM incidents WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, mapError(err)
	}
	var (
		rowID int64
		r     copilot.SearchResult
	)
	_, err = pgx.ForEachRow(rows, []any{&rowID, &r.IncidentID, &r.Title, &r.Severity, &r.Status, &r.Services, &r.Team, &r.StartedAt, &r.ResolvedAt}, func() error {
		rr := r
		results[rowID] = &rr
		return nil
	})
	if err != nil {
		return nil, mapError(err)
	}
	evidence := map[int64]retrieval.Evidence{}
	rows, err = tx.Query(ctx, `SELECT id, text, terms, message_ts FROM chunks WHERE id = ANY($1)`, chunkIDs)
	if err != nil {
		return nil, mapError(err)
	}
	var (
		cid int64
		ev  retrieval.Evidence
	)
	_, err = pgx.ForEachRow(rows, []any{&cid, &ev.Text, &ev.Terms, &ev.MessageTS}, func() error {
		evidence[cid] = ev
		return nil
	})
	if err != nil {
		return nil, mapError(err)
	}

	query := retrieval.Query{Concepts: concepts, Terms: retrieval.ContentTerms(conceptText), Services: queryServices}
	out := make([]copilot.SearchResult, 0, len(ranked))
	for _, g := range ranked {
		res := results[g.IncidentID]
		if res == nil {
			continue
		}
		retrieval.Explain(res, g, query, evidence, text.timedOut || textSkipped)
		out = append(out, *res)
	}
	return out, nil
}

// hasSelectiveFilter reports whether a filter beyond visibility and the excluded
// query incident narrows the search.
func hasSelectiveFilter(f copilot.IncidentFilter) bool {
	return len(f.Services) > 0 || f.Team != "" || f.Status != "" || !f.Since.IsZero() || !f.Until.IsZero()
}

type textResult struct {
	hits     []retrieval.Hit
	timedOut bool
	err      error
}

// TextBudget bounds the full-text side of a search. Ranking every chunk that shares
// a common word can take longer than a responder should wait; past the budget the
// search answers from the vector side alone, which is always bounded by the index.
const TextBudget = 25 * time.Millisecond

// textHits runs the full-text ranking within TextBudget. It waits for a connection
// no longer than the budget either: the caller holds one for the vector side, and
// requests that each held one while waiting for a second would starve the pool.
func (s *Store) textHits(ctx context.Context, textSQL, tsq string, depth int, args []any) textResult {
	if tsq == "" {
		return textResult{}
	}
	actx, cancel := context.WithTimeout(ctx, TextBudget)
	conn, err := s.pool.Acquire(actx)
	cancel()
	if err != nil {
		if ctx.Err() == nil && actx.Err() != nil {
			return textResult{timedOut: true}
		}
		return textResult{err: mapError(err)}
	}
	defer conn.Release()
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return textResult{err: mapError(err)}
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	// A timeout can surface from any of the three calls, depending on when it fires.
	if _, err := tx.Exec(ctx, fmt.Sprintf("SET LOCAL statement_timeout = %d", TextBudget.Milliseconds())); err != nil {
		return textFailed(ctx, err)
	}
	rows, err := tx.Query(ctx, textSQL, append([]any{tsq, depth}, args...)...)
	if err != nil {
		return textFailed(ctx, err)
	}
	var res textResult
	var h retrieval.Hit
	_, err = pgx.ForEachRow(rows, []any{&h.ChunkID, &h.IncidentID, &h.TextScore}, func() error {
		res.hits = append(res.hits, h)
		return nil
	})
	if err != nil {
		return textFailed(ctx, err)
	}
	return res
}

// textFailed is the full-text side's answer to err: skipped when the budget ran out,
// the error otherwise.
func textFailed(ctx context.Context, err error) textResult {
	if isStatementTimeout(ctx, err) {
		return textResult{timedOut: true}
	}
	return textResult{err: mapError(err)}
}

// filterSQL renders the filter as SQL conditions on incidents i, numbering its
// parameters from next.
func filterSQL(f copilot.IncidentFilter, next int) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, arg any) {
		conds = append(conds, fmt.Sprintf(cond, next))
		args = append(args, arg)
		next++
	}
	if !f.IncludePrivate {
		conds = append(conds, "i.visibility = 'public'")
	}
	if len(f.Services) > 0 {
		add("i.services && $%d", f.Services)
	}
	if f.Team != "" {
		add("i.team = $%d", f.Team)
	}
	if f.Status != "" {
		add("i.status = $%d", f.Status)
	}
	if !f.Since.IsZero() {
		add("i.started_at >= $%d", f.Since)
	}
	if !f.Until.IsZero() {
		add("i.started_at < $%d", f.Until)
	}
	if len(f.ExcludeIDs) > 0 {
		add("i.external_id <> ALL($%d)", f.ExcludeIDs)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "AND " + strings.Join(conds, " AND "), args
}
