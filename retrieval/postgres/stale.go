package postgres

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// staleTTL bounds how often readiness probes count stale vectors: the count reads
// every chunk of the other embedders, too much for a probe every few seconds.
const staleTTL = time.Minute

// staleCache keeps the last staleness answer of a store.
type staleCache struct {
	mu       sync.Mutex
	at       time.Time
	warnings []string
	err      error // EUNAVAILABLE: no vectors of the configured embedder
}

func (c *staleCache) forget() {
	c.mu.Lock()
	c.at = time.Time{}
	c.mu.Unlock()
}

// staleVectors names the incidents search cannot find because only other embedders
// made their vectors. A loose index scan lists the embedders present, so a memory
// holding the configured embedder's vectors alone costs a few index probes.
func (s *Store) staleVectors(ctx context.Context) ([]string, error) {
	c := &s.stale
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at.IsZero() || time.Since(c.at) >= staleTTL {
		warnings, missing, err := s.countStale(ctx)
		if err != nil {
			return nil, err // the database failed: ask again next time
		}
		c.at, c.warnings, c.err = time.Now(), warnings, nil
		if missing != "" {
			c.warnings, c.err = nil, copilot.Errorf(copilot.EUNAVAILABLE, "%s", missing)
		}
	}
	return c.warnings, c.err
}

// countStale returns a warning per other embedder whose vectors are an incident's
// only ones, and, when the configured embedder has no vectors at all while others
// do, why the memory cannot serve.
func (s *Store) countStale(ctx context.Context) (warnings []string, missing string, err error) {
	rows, err := s.pool.Query(ctx, `WITH RECURSIVE e(embedder) AS (
			(SELECT embedder FROM chunks ORDER BY embedder LIMIT 1)
			UNION ALL
			SELECT (SELECT c.embedder FROM chunks c WHERE c.embedder > e.embedder ORDER BY c.embedder LIMIT 1)
			FROM e WHERE e.embedder IS NOT NULL)
		SELECT embedder FROM e WHERE embedder IS NOT NULL`)
	if err != nil {
		return nil, "", mapError(err)
	}
	embedders, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, "", mapError(err)
	}
	want := s.model.EmbedderID()
	have := false
	for _, e := range embedders {
		have = have || e == want
	}
	if len(embedders) == 0 || len(embedders) == 1 && have {
		return nil, "", nil
	}
	rows, err = s.pool.Query(ctx, `SELECT c.embedder, count(DISTINCT c.incident_id), count(*) FROM chunks c
		WHERE c.embedder <> $1 AND NOT EXISTS
			(SELECT 1 FROM chunks n WHERE n.incident_id = c.incident_id AND n.embedder = $1)
		GROUP BY c.embedder ORDER BY count(*) DESC, c.embedder`, want)
	if err != nil {
		return nil, "", mapError(err)
	}
	var (
		embedder          string
		incidents, chunks int
	)
	if _, err := pgx.ForEachRow(rows, []any{&embedder, &incidents, &chunks}, func() error {
		warnings = append(warnings, fmt.Sprintf("%d chunks of %d incidents were embedded by %s, not the configured %s: search cannot find those incidents until `copilot reembed` runs",
			chunks, incidents, embedder, want))
		return nil
	}); err != nil {
		return nil, "", mapError(err)
	}
	if !have {
		return nil, fmt.Sprintf("No chunk was embedded by the configured embedder %s; %s.", want, strings.Join(warnings, "; ")), nil
	}
	return warnings, "", nil
}
