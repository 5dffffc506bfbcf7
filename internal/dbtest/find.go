package dbtest

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TablesContaining lists the tables of schema whose rows, read as text, contain
// needle: tests plant a secret and check that it was stored nowhere.
func TablesContaining(t testing.TB, schema, needle string) []string {
	t.Helper()
	ctx := context.Background()
	conn := connect(t)
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`, schema)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) == 0 {
		t.Fatalf("schema %s has no tables", schema)
	}
	var found []string
	for _, tbl := range tables {
		var n int
		q := `SELECT count(*) FROM ` + pgx.Identifier{schema, tbl}.Sanitize() + ` t WHERE strpos(t::text, $1) > 0`
		if err := conn.QueryRow(ctx, q, needle).Scan(&n); err != nil {
			t.Fatalf("scan %s: %v", tbl, err)
		}
		if n > 0 {
			found = append(found, tbl)
		}
	}
	return found
}

// connect opens a connection to the test database; the caller closes it.
func connect(t testing.TB) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), URL(t))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	return conn
}
