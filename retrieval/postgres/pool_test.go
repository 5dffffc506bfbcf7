package postgres_test

import (
	"context"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// migrated hands each test a schema migrated once per test binary: the migrations
// (goose's and river's) cost more than most tests here. Tests still call Migrate,
// which finds nothing to apply and creates the HNSW index of their embedder.
var migrated = dbtest.NewMigrated(migrateSchema)

// migratedSchema is the name of an already migrated schema, emptied when t ends.
func migratedSchema(t testing.TB) string {
	t.Helper()
	return migrated.Schema(t)
}

// migrateSchema applies every migration to schema; the pool's schemas hold no HNSW
// index, so which embedder migrates them does not matter.
func migrateSchema(ctx context.Context, url, schema string) error {
	model, err := embeddings.NewLocal(64)
	if err != nil {
		return err
	}
	s, err := postgres.Open(ctx, url, model, postgres.Options{Schema: schema, MaxConns: 2, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = s.Migrate(ctx)
	return err
}
