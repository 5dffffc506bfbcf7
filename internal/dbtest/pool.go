package dbtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// keptTables survive a reset: they record which migrations the schema has, so a
// reset schema is still migrated.
var keptTables = map[string]bool{"goose_db_version": true, "river_migration": true}

// Migrated hands out schemas that are already migrated, so a test does not pay for
// the migrations (goose's and river's) again. Each test gets a schema no other test
// holds; at cleanup its rows are truncated and its per-embedder HNSW indexes dropped,
// and the schema goes back for the next test of the same binary. A test that
// changes the schema's structure, or needs it empty, takes Schema instead.
type Migrated struct {
	migrate func(ctx context.Context, url, schema string) error

	mu   sync.Mutex
	free []string
}

// NewMigrated returns a pool whose schemas migrate brings up to date. dbtest
// cannot import the store, so each test package passes its own migrate in.
func NewMigrated(migrate func(ctx context.Context, url, schema string) error) *Migrated {
	return &Migrated{migrate: migrate}
}

// Schema returns the name of a migrated schema with no rows and no HNSW index,
// held by this test until it ends.
func (p *Migrated) Schema(t testing.TB) string {
	t.Helper()
	dbURL := URL(t)
	ctx := context.Background()
	sweepOnce.Do(func() { sweep(ctx, dbURL) })
	p.mu.Lock()
	var name string
	if n := len(p.free); n > 0 {
		name, p.free = p.free[n-1], p.free[:n-1]
	}
	p.mu.Unlock()
	if name == "" {
		name = fmt.Sprintf("%s%d_%d", poolPrefix, os.Getpid(), counter.Add(1))
		if err := p.migrate(ctx, dbURL, name); err != nil {
			dropSchema(ctx, dbURL, name)
			t.Fatalf("migrate pooled schema %s: %v", name, err)
		}
		if err := reset(ctx, dbURL, name); err != nil {
			dropSchema(ctx, dbURL, name)
			t.Fatalf("reset pooled schema %s: %v", name, err)
		}
	}
	t.Cleanup(func() {
		// A schema that cannot be reset (a connection still holds a lock, say) is
		// dropped rather than handed to the next test in an unknown state.
		if err := reset(ctx, dbURL, name); err != nil {
			t.Logf("reset pooled schema %s: %v; dropping it", name, err)
			dropSchema(ctx, dbURL, name)
			return
		}
		p.mu.Lock()
		p.free = append(p.free, name)
		p.mu.Unlock()
	})
	return name
}

// reset empties every table but the migration records, restarting sequences, and
// drops the HNSW indexes that Store.Migrate creates for the embedder in use.
//
// Only the tables holding rows are truncated (with the tables referencing them):
// TRUNCATE swaps every file of each table and index it names, and most tests fill a
// few of the schema's tables, so truncating all of them was most of a reset's cost.
// The sequences a test used restart through setval, which swaps no file.
func reset(ctx context.Context, dbURL, schema string) error {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "SET lock_timeout = '10s'"); err != nil {
		return err
	}
	rows, err := conn.Query(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`, schema)
	if err != nil {
		return err
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	var probes []string
	for _, tb := range tables {
		if !keptTables[tb] {
			id := pgx.Identifier{schema, tb}.Sanitize()
			probes = append(probes, fmt.Sprintf("SELECT %s::text WHERE EXISTS (SELECT FROM %s)", quote(id), id))
		}
	}
	var truncate []string
	if len(probes) > 0 {
		rows, err := conn.Query(ctx, strings.Join(probes, " UNION ALL "))
		if err != nil {
			return fmt.Errorf("find tables with rows: %w", err)
		}
		if truncate, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
			return fmt.Errorf("find tables with rows: %w", err)
		}
	}
	if len(truncate) > 0 {
		if _, err := conn.Exec(ctx, "TRUNCATE "+strings.Join(truncate, ", ")+" CASCADE"); err != nil {
			return fmt.Errorf("truncate: %w", err)
		}
	}
	// The sequences of the migration records keep counting, as TRUNCATE left them.
	if _, err := conn.Exec(ctx, `SELECT setval(format('%I.%I', s.schemaname, s.sequencename), s.start_value, false)
		FROM pg_sequences s
		LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = format('%I.%I', s.schemaname, s.sequencename)::regclass
			AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
		LEFT JOIN pg_class t ON t.oid = d.refobjid
		WHERE s.schemaname = $1 AND s.last_value IS NOT NULL AND coalesce(t.relname, '') <> ALL ($2)`, schema, keptNames()); err != nil {
		return fmt.Errorf("restart sequences: %w", err)
	}
	rows, err = conn.Query(ctx, `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE 'chunks\_hnsw\_%'`, schema)
	if err != nil {
		return err
	}
	indexes, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, ix := range indexes {
		if _, err := conn.Exec(ctx, "DROP INDEX "+pgx.Identifier{schema, ix}.Sanitize()); err != nil {
			return fmt.Errorf("drop index %s: %w", ix, err)
		}
	}
	return nil
}

// quote makes a SQL string literal of s.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func keptNames() []string {
	names := make([]string, 0, len(keptTables))
	for n := range keptTables {
		names = append(names, n)
	}
	return names
}

func dropSchema(ctx context.Context, dbURL, schema string) {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return
	}
	defer conn.Close(ctx)
	conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE") //nolint:errcheck // best effort
}

// Schemas of a test binary carry its pid: pooled ones live until the binary exits
// (nothing drops them then), and a killed binary leaves its per-test ones too.
const (
	poolPrefix = "tp_"
	testPrefix = "t_"
)

var sweepOnce sync.Once

// sweep drops the test schemas of binaries that are gone. Only a server on this
// machine shares our pids, so elsewhere it leaves schemas alone.
func sweep(ctx context.Context, dbURL string) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return
	}
	switch h := u.Hostname(); h {
	case "localhost", "127.0.0.1", "::1", "":
	default:
		return
	}
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return
	}
	defer conn.Close(ctx)
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	rows, err := conn.Query(ctx, `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tp\_%' OR nspname LIKE 't\_%'`)
	if err != nil {
		return
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return
	}
	for _, name := range names {
		if pid, ok := pidOf(name); ok && !alive(pid) {
			conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+pgx.Identifier{name}.Sanitize()+" CASCADE") //nolint:errcheck // another sweep may win
		}
	}
}

// pidOf reads the pid out of tp_<pid>_<n> and t_<pid>_<nanos>_<n>.
func pidOf(schema string) (int, bool) {
	rest, ok := strings.CutPrefix(schema, poolPrefix)
	if !ok {
		rest, ok = strings.CutPrefix(schema, testPrefix)
	}
	if !ok {
		return 0, false
	}
	digits, _, ok := strings.Cut(rest, "_")
	if !ok {
		return 0, false
	}
	pid, err := strconv.Atoi(digits)
	return pid, err == nil && pid > 0
}

func alive(pid int) bool {
	if _, err := os.Stat("/proc/self"); err != nil {
		return true // without /proc (not Linux) we cannot tell: keep the schema
	}
	_, err := os.Stat("/proc/" + strconv.Itoa(pid))
	return !os.IsNotExist(err)
}

// Kept returns the name of a fresh, empty schema that outlives the test, for tests
// of one binary to share a memory they only read. Like Migrated's schemas it lives
// until the binary exits, and a later run's sweep drops it.
func Kept(t testing.TB) string {
	t.Helper()
	dbURL := URL(t)
	ctx := context.Background()
	sweepOnce.Do(func() { sweep(ctx, dbURL) })
	name := fmt.Sprintf("%s%d_%d", poolPrefix, os.Getpid(), counter.Add(1))
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatalf("connect to test database: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatalf("create schema %s: %v", name, err)
	}
	return name
}
