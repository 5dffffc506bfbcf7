package dbtest

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

// JobsQueued counts the river jobs of schema that are still to run or running
// (available, pending, scheduled, retryable, running). A test that asserts what
// did not happen waits for it to reach 0 instead of sleeping: then every job an
// event queued has done all it will do.
func JobsQueued(t testing.TB, schema string) int {
	t.Helper()
	ctx := context.Background()
	conn := connect(t)
	defer conn.Close(ctx)
	var n int
	q := `SELECT count(*) FROM ` + pgx.Identifier{schema, "river_job"}.Sanitize() +
		` WHERE state IN ('available', 'pending', 'scheduled', 'retryable', 'running')`
	if err := conn.QueryRow(ctx, q).Scan(&n); err != nil {
		t.Fatalf("count jobs in %s: %v", schema, err)
	}
	return n
}
