package postgres

import (
	"context"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
)

func openInSchema(t *testing.T, schema string) *Store {
	t.Helper()
	model, err := embeddings.NewLocal(64)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), dbtest.URL(t), model, Options{Schema: schema, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func hasIndex(t *testing.T, s *Store, schema string) bool {
	t.Helper()
	var n int
	err := s.pool.QueryRow(context.Background(), `SELECT count(*) FROM pg_indexes WHERE schemaname = $1 AND indexname = $2`,
		schema, HNSWIndexName(s.model.EmbedderID())).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n == 1
}

// TestIndexRestoredAfterKilledLoad drops the index as a bulk ingest does, then lets
// the ingest die (its store closes without building it again): the next store that
// opens builds it, unless a load is still under way.
func TestIndexRestoredAfterKilledLoad(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	schema := dbtest.Schema(t)
	first := openInSchema(t, schema)
	if _, err := first.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if !hasIndex(t, first, schema) {
		t.Fatal("migrate did not create the index")
	}

	// A load in progress: its lock is held and the index is dropped.
	release, err := first.holdBulkLoad(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.dropIndex(ctx); err != nil {
		t.Fatal(err)
	}
	other := openInSchema(t, schema)
	if err := other.RestoreIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if hasIndex(t, other, schema) {
		t.Fatal("RestoreIndex built the index under a running load")
	}

	// The load dies without building the index. Its lock goes with its session;
	// release stands in for that here.
	release()
	first.Close()
	next := openInSchema(t, schema)
	if err := next.RestoreIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if !hasIndex(t, next, schema) {
		t.Fatal("after a killed load, reopening the store did not rebuild the index")
	}
	// Migrate takes the same path.
	if err := next.dropIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := next.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if !hasIndex(t, next, schema) {
		t.Fatal("migrate did not rebuild a dropped index")
	}
}

// TestRestoreIndexBeforeMigrate: a store opened on an empty schema has no chunks
// table yet, and RestoreIndex leaves it to Migrate.
func TestRestoreIndexBeforeMigrate(t *testing.T) {
	t.Parallel()
	s := openInSchema(t, dbtest.Schema(t))
	if err := s.RestoreIndex(context.Background()); err != nil {
		t.Fatalf("RestoreIndex on an empty schema = %v", err)
	}
}
