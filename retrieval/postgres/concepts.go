package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/incidentcopilot/incident-copilot/retrieval"
)

// conceptStats are the memory's Frequencies as of at.
type conceptStats struct {
	at time.Time
	retrieval.Frequencies
}

// conceptStatsTTL bounds how stale the counts may be; ingest also refreshes them.
const conceptStatsTTL = 5 * time.Minute

func (s *Store) conceptFrequencies(ctx context.Context) (*conceptStats, error) {
	s.dfMu.Lock()
	defer s.dfMu.Unlock()
	if s.df != nil && time.Since(s.df.at) < conceptStatsTTL {
		return s.df, nil
	}
	st := &conceptStats{at: time.Now(), Frequencies: retrieval.Frequencies{Concepts: map[string]int{}, Words: map[string]int{}}}
	embedder := s.model.EmbedderID()
	if err := s.pool.QueryRow(ctx, `SELECT count(DISTINCT incident_id) FROM chunks WHERE embedder = $1`, embedder).Scan(&st.Incidents); err != nil {
		return nil, mapError(err)
	}
	rows, err := s.pool.Query(ctx, `SELECT t, count(DISTINCT incident_id) FROM
		(SELECT incident_id, unnest(string_to_array(terms, ' ')) AS t FROM chunks WHERE embedder = $1 AND terms <> '') x
		GROUP BY t`, embedder)
	if err != nil {
		return nil, mapError(err)
	}
	var (
		tok string
		n   int
	)
	if _, err := pgx.ForEachRow(rows, []any{&tok, &n}, func() error { st.Concepts[tok] = n; return nil }); err != nil {
		return nil, mapError(err)
	}
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM chunks WHERE embedder = $1`, embedder).Scan(&st.Chunks); err != nil {
		return nil, mapError(err)
	}
	if st.Chunks >= retrieval.MinChunksForShare {
		rows, err = s.pool.Query(ctx, `SELECT word, ndoc FROM ts_stat($1, 'd')`,
			"SELECT tsv FROM chunks WHERE embedder = "+quoteLiteral(embedder))
		if err != nil {
			return nil, mapError(err)
		}
		if _, err := pgx.ForEachRow(rows, []any{&tok, &n}, func() error { st.Words[tok] = n; return nil }); err != nil {
			return nil, mapError(err)
		}
	}
	s.df = st
	return st, nil
}

func (s *Store) forgetConceptFrequencies() {
	s.dfMu.Lock()
	s.df = nil
	s.dfMu.Unlock()
}

// textQuery builds the full-text side of a query as a to_tsquery('simple') string of
// lexemes: the discriminating concepts first, then the query's words most frequent
// first, leaving out stop words, chatter and words most chunks share. Lexemes come
// from PostgreSQL's own English parser so they match the stored vectors exactly.
func (s *Store) textQuery(ctx context.Context, words string, concepts []string, st *conceptStats) (string, error) {
	rows, err := s.pool.Query(ctx, `SELECT coalesce((SELECT string_agg(lexeme, ' ') FROM unnest(to_tsvector('english', w))), '')
		FROM unnest($1::text[]) WITH ORDINALITY AS t(w, ord) ORDER BY ord`, retrieval.QueryWords(words, concepts))
	if err != nil {
		return "", mapError(err)
	}
	lexemes, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) ([]string, error) {
		var ls string
		err := row.Scan(&ls)
		return strings.Fields(ls), err
	})
	if err != nil {
		return "", mapError(err)
	}
	parts := retrieval.SelectLexemes(lexemes, len(concepts), &st.Frequencies)
	for i, lx := range parts {
		parts[i] = "'" + strings.ReplaceAll(lx, "'", "''") + "'"
	}
	return strings.Join(parts, " | "), nil
}
