package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pressly/goose/v3/lock"

	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// TestMigrationLockIsPerSchema: migrations of one schema wait for each other, but
// never for another schema's; the default schema keeps goose's lock.
func TestMigrationLockIsPerSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	model, err := embeddings.NewLocal(64)
	if err != nil {
		t.Fatal(err)
	}
	open := func(schema string) *postgres.Store {
		s, err := postgres.Open(ctx, dbtest.URL(t), model, postgres.Options{Schema: schema, MaxConns: 2, Redact: redact.String, RedactVersion: redact.Version})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.Close)
		return s
	}
	a, b := open(dbtest.Schema(t)), open(dbtest.Schema(t))
	if postgres.MigrationLockID(a) == postgres.MigrationLockID(b) || postgres.MigrationLockID(a) == lock.DefaultLockID {
		t.Fatalf("lock ids %d and %d (goose's %d): want one per schema", postgres.MigrationLockID(a), postgres.MigrationLockID(b), lock.DefaultLockID)
	}
	if id := postgres.MigrationLockID(open("")); id != lock.DefaultLockID {
		t.Errorf("the default schema's lock id = %d, want goose's %d", id, lock.DefaultLockID)
	}

	// Another session holds a's lock, as a migration of a in progress would.
	conn, err := pgx.Connect(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", postgres.MigrationLockID(a)); err != nil {
		t.Fatal(err)
	}
	if n, err := b.Migrate(ctx); err != nil || n == 0 {
		t.Fatalf("migrating b while a's lock is held: applied %d, err %v", n, err)
	}
	short, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if _, err := a.Migrate(short); err == nil {
		t.Error("a migrated while another session held its lock")
	}
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_unlock($1)", postgres.MigrationLockID(a)); err != nil {
		t.Fatal(err)
	}
	if n, err := a.Migrate(ctx); err != nil || n == 0 {
		t.Fatalf("migrating a once its lock is free: applied %d, err %v", n, err)
	}
}
