package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// conceptStats counts in how many incidents each failure concept occurs, so search
// can tell a telling concept (connection exhaustion) from one half the memory shares
// (an HTTP 5xx, a deploy).
type conceptStats struct {
	at        time.Time
	incidents int
	df        map[string]int
	// chunks and words count full-text lexemes of message text per chunk, so the
	// text side of a query keeps only words that tell chunks apart.
	chunks int
	words  map[string]int
}

// conceptStatsTTL bounds how stale the counts may be; ingest also refreshes them.
const conceptStatsTTL = 5 * time.Minute

// maxConceptShare: a query concept found in more than this share of incidents does
// not discriminate and is left out of the full-text query.
const maxConceptShare = 0.25

// maxWordShare: a query word found in more than this share of chunks matches too
// much to rank cheaply or usefully.
const maxWordShare = 0.05

// minChunksForShare: below this many chunks every word counts.
const minChunksForShare = 2000

// minIncidentsForShare: below this many incidents shares mean little; every concept counts.
const minIncidentsForShare = 20

func (s *Store) conceptFrequencies(ctx context.Context) (*conceptStats, error) {
	s.dfMu.Lock()
	defer s.dfMu.Unlock()
	if s.df != nil && time.Since(s.df.at) < conceptStatsTTL {
		return s.df, nil
	}
	st := &conceptStats{at: time.Now(), df: map[string]int{}}
	embedder := s.model.EmbedderID()
	if err := s.pool.QueryRow(ctx, `SELECT count(DISTINCT incident_id) FROM chunks WHERE embedder = $1`, embedder).Scan(&st.incidents); err != nil {
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
	if _, err := pgx.ForEachRow(rows, []any{&tok, &n}, func() error { st.df[tok] = n; return nil }); err != nil {
		return nil, mapError(err)
	}
	st.words = map[string]int{}
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM chunks WHERE embedder = $1`, embedder).Scan(&st.chunks); err != nil {
		return nil, mapError(err)
	}
	if st.chunks >= minChunksForShare {
		rows, err = s.pool.Query(ctx, `SELECT word, ndoc FROM ts_stat($1, 'd')`,
			"SELECT tsv FROM chunks WHERE embedder = "+quoteLiteral(embedder))
		if err != nil {
			return nil, mapError(err)
		}
		if _, err := pgx.ForEachRow(rows, []any{&tok, &n}, func() error { st.words[tok] = n; return nil }); err != nil {
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

// discriminating keeps the concepts rare enough to tell incidents apart.
func (st *conceptStats) discriminating(concepts []string) []string {
	if st.incidents < minIncidentsForShare {
		return concepts
	}
	var out []string
	for _, c := range concepts {
		if float64(st.df[conceptToken(c)]) <= maxConceptShare*float64(st.incidents) {
			out = append(out, c)
		}
	}
	return out
}

// textQuery builds the full-text side of a query as a to_tsquery('simple') string of
// lexemes: the discriminating concepts first, then the query's words most frequent
// first, leaving out stop words, chatter and words most chunks share. Lexemes come
// from PostgreSQL's own English parser so they match the stored vectors exactly.
func (s *Store) textQuery(ctx context.Context, words string, concepts []string, st *conceptStats) (string, error) {
	terms := make([]string, 0, len(concepts))
	for _, c := range concepts {
		terms = append(terms, conceptToken(c))
	}
	nConcepts := len(terms)
	terms = append(terms, contentTerms(words)...)
	rows, err := s.pool.Query(ctx, `SELECT coalesce((SELECT string_agg(lexeme, ' ') FROM unnest(to_tsvector('english', w))), '')
		FROM unnest($1::text[]) WITH ORDINALITY AS t(w, ord) ORDER BY ord`, terms)
	if err != nil {
		return "", mapError(err)
	}
	lexemes, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", mapError(err)
	}
	var parts []string
	seen := map[string]bool{}
	n := 0
	for i, ls := range lexemes {
		for _, lx := range strings.Fields(ls) {
			if seen[lx] {
				continue
			}
			if i >= nConcepts {
				if n == maxQueryTerms {
					break
				}
				if st.chunks >= minChunksForShare && float64(st.words[lx]) > maxWordShare*float64(st.chunks) {
					continue
				}
				n++
			}
			seen[lx] = true
			parts = append(parts, "'"+strings.ReplaceAll(lx, "'", "''")+"'")
		}
	}
	return strings.Join(parts, " | "), nil
}
