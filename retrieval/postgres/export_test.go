package postgres

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// IndexedVectorPlan returns PostgreSQL's plan for the vector side's index path under
// the settings Search gives it, for tests that check the index is what answers.
func IndexedVectorPlan(ctx context.Context, s *Store, f copilot.IncidentFilter) (string, error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return "", err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var version string
	if err := tx.QueryRow(ctx, `SELECT extversion FROM pg_extension WHERE extname = 'vector'`).Scan(&version); err != nil {
		return "", err
	}
	if err := s.indexedVectorSettings(ctx, tx, version); err != nil {
		return "", err
	}
	where, args := filterSQL(f, 3)
	rows, err := tx.Query(ctx, "EXPLAIN "+s.indexedVectorSQL(where), append([]any{pgvector.NewVector(make([]float32, s.model.Dimensions())), 400}, args...)...)
	if err != nil {
		return "", err
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return strings.Join(lines, "\n"), err
}
