package retrieval

import (
	"context"
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
}

// conceptStatsTTL bounds how stale the counts may be; ingest also refreshes them.
const conceptStatsTTL = 5 * time.Minute

// maxConceptShare: a query concept found in more than this share of incidents does
// not discriminate and is left out of the full-text query.
const maxConceptShare = 0.25

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
