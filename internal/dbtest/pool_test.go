package dbtest

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestMigratedResets: a schema comes back from the pool with its rows gone and
// identities restarted (of a table emptied by the test too), its migration records
// kept, and its HNSW indexes dropped.
func TestMigratedResets(t *testing.T) {
	migrations := 0
	pool := NewMigrated(func(ctx context.Context, url, schema string) error {
		migrations++
		return execAll(ctx, url,
			"CREATE SCHEMA "+schema,
			"CREATE TABLE "+schema+".goose_db_version (version int)",
			"INSERT INTO "+schema+".goose_db_version VALUES (1)",
			"CREATE TABLE "+schema+".chunks (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text)",
			"CREATE TABLE "+schema+".notes (id bigserial, chunk int REFERENCES "+schema+".chunks (id))")
	})
	var first string
	t.Run("use", func(t *testing.T) {
		first = pool.Schema(t)
		if err := execAll(context.Background(), URL(t),
			"INSERT INTO "+first+".chunks (body) VALUES ('a'), ('b')",
			"INSERT INTO "+first+".notes (chunk) VALUES (1), (2)",
			"DELETE FROM "+first+".notes",
			"CREATE INDEX chunks_hnsw_local_64 ON "+first+".chunks (body)"); err != nil {
			t.Fatal(err)
		}
	})
	schema := pool.Schema(t)
	if schema != first || migrations != 1 {
		t.Fatalf("second schema %s after %d migrations, want %s reused after 1", schema, migrations, first)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var rows, versions, indexes, next int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM "+schema+".chunks").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM "+schema+".goose_db_version").Scan(&versions); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_indexes WHERE schemaname = $1", schema).Scan(&indexes); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, "INSERT INTO "+schema+".chunks (body) VALUES ('c') RETURNING id").Scan(&next); err != nil {
		t.Fatal(err)
	}
	var nextNote int
	if err := conn.QueryRow(ctx, "INSERT INTO "+schema+".notes (chunk) VALUES ($1) RETURNING id", next).Scan(&nextNote); err != nil {
		t.Fatal(err)
	}
	if rows != 0 || versions != 1 || indexes != 1 || next != 1 || nextNote != 1 {
		t.Errorf("reused schema has %d rows, %d versions, %d indexes (the primary key), next ids %d and %d; want 0, 1, 1, 1 and 1", rows, versions, indexes, next, nextNote)
	}
}

func TestPidOf(t *testing.T) {
	for name, want := range map[string]int{"tp_123_4": 123, "t_99_123456_7": 99, "tp_x_1": 0, "eval_5": 0, "tp_": 0} {
		if got, _ := pidOf(name); got != want {
			t.Errorf("pidOf(%q) = %d, want %d", name, got, want)
		}
	}
}

func execAll(ctx context.Context, url string, statements ...string) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	for _, s := range statements {
		if _, err := conn.Exec(ctx, s); err != nil {
			return err
		}
	}
	return nil
}
