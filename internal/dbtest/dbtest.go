// Package dbtest gives tests a database: the server named by DATABASE_URL, and a
// schema of their own that is dropped when the test ends, so tests run in parallel.
package dbtest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

var counter atomic.Int64

// URL returns DATABASE_URL. Without it the test is skipped, or fails when
// COPILOT_REQUIRE_DB=1 (as `make test` sets): a test that needs the database must
// never pass by not running.
func URL(t testing.TB) string {
	t.Helper()
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		if os.Getenv("COPILOT_REQUIRE_DB") == "1" {
			t.Fatal("DATABASE_URL is not set and COPILOT_REQUIRE_DB=1: run `make test`")
		}
		t.Skip("DATABASE_URL not set; run `make test` to start the project database")
	}
	return url
}

// Schema returns the name of a fresh, empty schema that is dropped at cleanup.
func Schema(t testing.TB) string {
	t.Helper()
	url := URL(t)
	name := fmt.Sprintf("t_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1_000_000, counter.Add(1))
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect to test database: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			t.Errorf("connect to drop schema: %v", err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+name+" CASCADE"); err != nil && !strings.Contains(err.Error(), "does not exist") {
			t.Errorf("drop schema %s: %v", name, err)
		}
	})
	return name
}
