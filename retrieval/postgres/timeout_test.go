package postgres

import (
	"context"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
)

// TestRealStatementTimeoutIsUnavailable: the error PostgreSQL itself raises when a
// statement_timeout fires is EUNAVAILABLE, and search's budget check recognizes it.
func TestRealStatementTimeoutIsUnavailable(t *testing.T) {
	t.Parallel()
	s := openUnmigrated(t, dbtest.URL(t))
	ctx := context.Background()
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SET LOCAL statement_timeout = 1"); err != nil {
		t.Fatal(err)
	}
	_, err = tx.Exec(ctx, "SELECT pg_sleep(1)")
	if !isStatementTimeout(ctx, err) {
		t.Fatalf("pg_sleep past statement_timeout = %v, want a statement timeout", err)
	}
	if code := copilot.ErrorCode(mapError(err)); code != copilot.EUNAVAILABLE {
		t.Fatalf("mapError(statement timeout) code = %s, want %s", code, copilot.EUNAVAILABLE)
	}
}
