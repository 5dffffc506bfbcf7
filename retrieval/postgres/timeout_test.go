package postgres

import (
	"context"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
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

// TestTextSideSkipsWhenPoolIsBusy: with every connection taken (each concurrent
// search holds one for its vector side), the full-text side gives up after its budget
// and the search goes on without it, instead of waiting for a connection forever.
func TestTextSideSkipsWhenPoolIsBusy(t *testing.T) {
	t.Parallel()
	model := openUnmigrated(t, dbtest.URL(t)).model
	s, err := Open(context.Background(), dbtest.URL(t), model, Options{MaxConns: 2, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		c, err := s.pool.Acquire(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Release()
	}
	res := s.textHits(ctx, "SELECT 1::bigint, 1::bigint, 1::float8 WHERE $1::text <> '' LIMIT $2", "'pool'", 10, nil)
	if res.err != nil || !res.timedOut {
		t.Fatalf("text side with no free connection = %+v, want skipped", res)
	}
}
