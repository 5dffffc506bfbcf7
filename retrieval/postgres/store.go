package postgres

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"net"
	"regexp"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	pgxvec "github.com/pgvector/pgvector-go/pgx"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/retrieval"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Model is the domain's embedding model under the name callers of the store know.
type Model = copilot.EmbeddingModel

// HNSW holds the index parameters. On the 100k-chunk bench corpus (300 queries,
// BENCHMARKS.md run C) recall@10 at ef_search 400 was 0.945 with m=16 /
// ef_construction=64 and 0.941 with m=16 / 128; m=24 / 128 reached 0.965 (incident
// recall 0.962), built in 92 s: hence m=24 with twice pgvector's ef_construction. On
// that build, run D's 300 queries kept chunk recall@10 0.976 (incident 0.970) at
// ef_search 300 against 0.978 (0.974) at 400, and the beam is most of what a search
// at that size costs: hence 300. A changed m or ef_construction applies when the
// index is next built (an existing index keeps its parameters until then).
type HNSW struct {
	M              int // links per node
	EfConstruction int // candidate list while building
	EfSearch       int // candidate list while searching
	// ExactBelow is the memory size, in chunks, under which the vector side of
	// similar-incident search compares every chunk (exact) instead of taking its
	// candidates from the index: on small memories a scan is as fast and never misses.
	// A negative value takes the index at every size (tests compare the two paths).
	ExactBelow int
}

// DefaultHNSW is what the store uses when a field is zero.
var DefaultHNSW = HNSW{M: 24, EfConstruction: 128, EfSearch: 300, ExactBelow: 10_000}

// Options configure a Store.
type Options struct {
	// Schema, when set, confines the store to one schema (tests use one per test).
	Schema   string
	MaxConns int32
	HNSW     HNSW
	Chunking copilot.ChunkOptions
	// Fusion combines the vector and lexical incident rankings: retrieval.FusionWeighted
	// (the default: best on the dev split) or retrieval.FusionRRF; FusionVector and FusionLexical rank by one
	// side alone, for comparisons. BENCHMARKS.md compares them.
	Fusion string
	// VectorWeight is the vector side's share of the weighted fusion (0 to 1; nil:
	// retrieval.WeightedVector). It is there to measure other shares with the same
	// build (COPILOT_FUSION_VECTOR_WEIGHT); the default is the one chosen on dev.
	VectorWeight *float64
	// LexicalNorm is how the lexical side weighs long queries and long incidents:
	// LexicalNorm* values joined with "+" ("": DefaultLexicalNorm, chosen on dev). It
	// is there to measure others with the same build (COPILOT_LEXICAL_NORM).
	LexicalNorm string
	lexical     lexicalScoring
	// LexicalExactBelow is the memory size, in incidents, under which the lexical
	// side of similar-incident search ranks with every query term and posting; above
	// it the read is capped (lexicalTerms, lexicalPerTerm). 0 means
	// DefaultLexicalExactBelow; a negative value caps at every size (tests).
	LexicalExactBelow int
	// Redact masks secrets in every text before it is stored or indexed (the binary
	// wires redact.String); RedactVersion names its rules and is part of the content
	// hash, so a rule change re-processes what is stored. Open refuses a store
	// without Redact: a forgotten masker must not mean secrets stored raw.
	Redact        func(string) string
	RedactVersion string
	// ObserveAck, when set, is told how long each phase of AcceptChatEvent took
	// ("begin": a connection from the pool and BEGIN, "insert_event", "insert_job",
	// "commit"); the Slack bench uses it to show where an acknowledgement waits.
	ObserveAck func(phase string, d time.Duration)
}

func (o *Options) validate() error {
	if o.Redact == nil {
		return copilot.Errorf(copilot.EINVALID, "store options: Redact is required (redact.String masks secrets before they are stored)")
	}
	if o.Schema != "" && !identRE.MatchString(o.Schema) {
		return copilot.Errorf(copilot.EINVALID, "schema %q: must be a lowercase identifier", o.Schema)
	}
	if o.HNSW.M == 0 {
		o.HNSW.M = DefaultHNSW.M
	}
	if o.HNSW.EfConstruction == 0 {
		o.HNSW.EfConstruction = DefaultHNSW.EfConstruction
	}
	if o.HNSW.EfSearch == 0 {
		o.HNSW.EfSearch = DefaultHNSW.EfSearch
	}
	if o.LexicalExactBelow == 0 {
		o.LexicalExactBelow = DefaultLexicalExactBelow
	}
	if o.HNSW.ExactBelow == 0 {
		o.HNSW.ExactBelow = DefaultHNSW.ExactBelow
	}
	if o.HNSW.M < 2 || o.HNSW.M > 100 {
		return copilot.Errorf(copilot.EINVALID, "hnsw m: %d is outside 2..100", o.HNSW.M)
	}
	if o.HNSW.EfConstruction < 2*o.HNSW.M || o.HNSW.EfConstruction > 1000 {
		return copilot.Errorf(copilot.EINVALID, "hnsw ef_construction: %d must be between 2*m and 1000", o.HNSW.EfConstruction)
	}
	if o.HNSW.EfSearch < 1 || o.HNSW.EfSearch > 1000 {
		return copilot.Errorf(copilot.EINVALID, "hnsw ef_search: %d is outside 1..1000", o.HNSW.EfSearch)
	}
	if o.Fusion == "" {
		o.Fusion = retrieval.FusionWeighted
	}
	if err := checkFusion(o.Fusion); err != nil {
		return err
	}
	w := retrieval.WeightedVector
	if o.VectorWeight != nil {
		w = *o.VectorWeight
	}
	if !(w >= 0 && w <= 1) {
		return copilot.Errorf(copilot.EINVALID, "fusion vector weight: %v is outside 0..1", w)
	}
	o.VectorWeight = &w // the store's own copy
	ls, err := parseLexicalNorm(o.LexicalNorm)
	if err != nil {
		return err
	}
	o.lexical, o.LexicalNorm = ls, ls.String()
	if o.Chunking.MaxTokens == 0 {
		o.Chunking = copilot.DefaultChunkOptions
	}
	return nil
}

var identRE = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// Store is the incident memory in PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
	// poolConfig is what pool was made from; ReserveAckConns copies it.
	poolConfig *pgxpool.Config
	acks       ackPool
	model      Model
	opts       Options
	backoff    *connBackoff
	// noVector is set when a connection was opened before the vector extension existed.
	noVector *atomic.Bool
	lexicon  string // failure.Version: part of the content hash

	runbooks runbookCache // what MatchRunbooks needs from each library runbook

	stale staleCache // last answer of staleVectors, for readiness probes

	queue queueState // river's insert-only client (queue.go)
}

// Open connects to the database at url. The schema is not touched until Migrate.
//
// While the database is down, connection attempts back off (see connBackoff): calls
// in between fail at once with EUNAVAILABLE instead of dialing.
//
// Errors: EINVALID for a malformed url or options, EUNAVAILABLE when the server cannot be reached.
func Open(ctx context.Context, url string, model Model, opts Options) (*Store, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgx quotes the whole URL, password included: never repeat its message.
		return nil, copilot.Errorf(copilot.EINVALID, "DATABASE_URL: not a valid PostgreSQL connection string")
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	} else if cfg.MaxConns < 8 {
		cfg.MaxConns = 8
	}
	if opts.Schema != "" {
		cfg.ConnConfig.RuntimeParams["search_path"] = opts.Schema + ",public"
	}
	// A database without the vector extension is one `copilot migrate` has not
	// prepared yet: its connections must still serve migrate, which creates the
	// extension (and then resets the pool so new connections know the type).
	noVector := new(atomic.Bool)
	cfg.AfterConnect = func(ctx context.Context, conn *pgx.Conn) error {
		var have bool
		if err := conn.QueryRow(ctx, "SELECT to_regtype('vector') IS NOT NULL").Scan(&have); err != nil {
			return fmt.Errorf("look up vector type: %w", err)
		}
		if !have {
			noVector.Store(true)
			return nil
		}
		if err := pgxvec.RegisterTypes(ctx, conn); err != nil {
			return fmt.Errorf("register vector type: %w", err)
		}
		return nil
	}
	backoff := newConnBackoff()
	cfg.BeforeConnect = backoff.hook
	poolConfig := cfg.Copy()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, mapError(err)
	}
	s := &Store{pool: pool, poolConfig: poolConfig, model: model, opts: opts, backoff: backoff, noVector: noVector, lexicon: failure.Version()}
	return s, nil
}

// Close releases the connections.
func (s *Store) Close() {
	if p := s.acks.get(); p != nil {
		p.Close()
	}
	s.pool.Close()
}

// Ping reports whether the database answers.
//
// Errors: EUNAVAILABLE.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return mapError(err)
	}
	return nil
}

// EmbedderID is the id of the embedder whose vectors this store searches.
func (s *Store) EmbedderID() string { return s.model.EmbedderID() }

func (s *Store) provider() (*goose.Provider, func(), error) {
	db := stdlib.OpenDBFromPool(s.pool)
	locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(s.migrationLockID()))
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("migration lock: %w", err)
	}
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("migrations: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, db, fsys, goose.WithSessionLocker(locker))
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("migrations: %w", err)
	}
	return p, func() { db.Close() }, nil
}

// migrationLockID is the advisory lock migrations of the store's schema take turns
// through. The default schema keeps goose's own, which every version has used; a
// schema of its own (tests, the evaluation, the benches) has one derived from its
// name, as the job queue's migrations do (migrateQueue), so that migrating one schema
// never waits for another's. goose retries a taken lock every 5 seconds: with one
// lock for the whole database, tests migrating their schemas at once queued behind
// each other, each wait rounded up to 5 s. A database without the vector extension
// yet takes the database-wide lock: the first migration creates the extension, and
// two creating it at once would collide.
func (s *Store) migrationLockID() int64 {
	if s.opts.Schema == "" || s.noVector.Load() {
		return lock.DefaultLockID
	}
	h := fnv.New64a()
	h.Write([]byte("goose:" + s.opts.Schema))
	return int64(h.Sum64())
}

// Migrate applies the pending migrations; replicas starting together take turns
// through an advisory lock.
//
// Errors: EUNAVAILABLE when the database cannot be reached, EINTERNAL otherwise.
func (s *Store) Migrate(ctx context.Context) (applied int, err error) {
	if s.opts.Schema != "" {
		if _, err := s.pool.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+s.opts.Schema); err != nil {
			return 0, mapError(err)
		}
	}
	p, done, err := s.provider()
	if err != nil {
		return 0, err
	}
	defer done()
	res, err := p.Up(ctx)
	if err != nil {
		return 0, mapError(fmt.Errorf("migrate: %w", err))
	}
	if s.noVector.Swap(false) {
		// Connections opened before the migrations created the extension cannot
		// encode vectors: replace them.
		s.pool.Reset()
	}
	if err := s.migrateQueue(ctx); err != nil {
		return len(res), err
	}
	if err := s.RestoreIndex(ctx); err != nil {
		return len(res), err
	}
	return len(res), nil
}

// MigrationsCurrent reports whether every embedded migration has been applied.
func (s *Store) MigrationsCurrent(ctx context.Context) (bool, error) {
	p, done, err := s.provider()
	if err != nil {
		return false, err
	}
	defer done()
	pending, err := p.HasPending(ctx)
	if err != nil {
		return false, mapError(err)
	}
	return !pending, nil
}

// checkFusion reports a fusion the store does not know (EINVALID).
func checkFusion(f string) error {
	switch f {
	case retrieval.FusionRRF, retrieval.FusionWeighted, retrieval.FusionVector, retrieval.FusionLexical:
		return nil
	}
	return copilot.Errorf(copilot.EINVALID, "fusion: %q is not %s, %s, %s or %s", f,
		retrieval.FusionRRF, retrieval.FusionWeighted, retrieval.FusionVector, retrieval.FusionLexical)
}

// HNSWIndexName is the name of the partial HNSW index over one embedder's chunk
// vectors.
func HNSWIndexName(embedderID string) string {
	return "chunks_hnsw_" + strings.Trim(nonIdent.ReplaceAllString(strings.ToLower(embedderID), "_"), "_")
}

var nonIdent = regexp.MustCompile(`[^a-z0-9]+`)

// ensureIndex creates the HNSW index over the active embedder's vectors when it is
// missing. The index is partial and on a typed expression because the column holds
// vectors of several embedders and dimensions.
func (s *Store) ensureIndex(ctx context.Context) error {
	id, dim := s.model.EmbedderID(), s.model.Dimensions()
	sql := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON chunks USING hnsw ((embedding::vector(%d)) vector_cosine_ops)
		WITH (m = %d, ef_construction = %d) WHERE embedder = %s`,
		HNSWIndexName(id), dim, s.opts.HNSW.M, s.opts.HNSW.EfConstruction, quoteLiteral(id))
	if _, err := s.pool.Exec(ctx, sql); err != nil {
		return mapError(fmt.Errorf("create hnsw index: %w", err))
	}
	return nil
}

// bulkLoadLock names the advisory lock a bulk load holds (shared) while the index
// is dropped; RestoreIndex takes it exclusively. Each schema has its own.
const bulkLoadLock = `hashtext(current_schema() || '.' || $1)`

// holdBulkLoad takes the bulk-load lock on a connection of its own, for as long as
// the index is dropped. A killed process's session ends, and its lock with it.
func (s *Store) holdBulkLoad(ctx context.Context) (release func(), err error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, mapError(err)
	}
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock_shared("+bulkLoadLock+")", HNSWIndexName(s.model.EmbedderID())); err != nil {
		conn.Release()
		return nil, mapError(err)
	}
	return func() {
		// Unlocking on a broken connection fails; the session's end then unlocks.
		if _, err := conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock_shared("+bulkLoadLock+")", HNSWIndexName(s.model.EmbedderID())); err != nil {
			conn.Conn().Close(context.WithoutCancel(ctx))
		}
		conn.Release()
	}, nil
}

// RestoreIndex builds the active embedder's HNSW index when it is missing and no
// bulk load is under way: a load drops the index and builds it at the end, so an
// index missing with no load running was left by a load that died. Every command
// that opens the store calls it, so search never stays without its index.
//
// Errors: EUNAVAILABLE.
func (s *Store) RestoreIndex(ctx context.Context) error {
	name := HNSWIndexName(s.model.EmbedderID())
	var haveTable, haveIndex bool
	if err := s.pool.QueryRow(ctx, `SELECT to_regclass($1) IS NOT NULL, to_regclass($2) IS NOT NULL`, s.rel("chunks"), s.rel(name)).
		Scan(&haveTable, &haveIndex); err != nil {
		return mapError(err)
	}
	if !haveTable || haveIndex {
		return nil
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return mapError(err)
	}
	defer conn.Release()
	var free bool
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock("+bulkLoadLock+")", name).Scan(&free); err != nil {
		return mapError(err)
	}
	if !free {
		return nil // a load is under way and builds the index when it ends
	}
	defer func() {
		if _, err := conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock("+bulkLoadLock+")", name); err != nil {
			conn.Conn().Close(context.WithoutCancel(ctx))
		}
	}()
	return s.ensureIndex(ctx)
}

func (s *Store) dropIndex(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, "DROP INDEX IF EXISTS "+s.rel(HNSWIndexName(s.model.EmbedderID())))
	return mapError(err)
}

// rel qualifies a relation name with the store's schema. The search path of a
// confined store ends in public (where the vector type lives), so an unqualified
// name missing from the schema would find, or drop, a table or index in public.
func (s *Store) rel(name string) string {
	if s.opts.Schema == "" {
		return name
	}
	return s.opts.Schema + "." + name
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// mapError is the one place where driver errors become domain errors, so no other
// package sees pgx. Everything that says "the database is down, restarting, busy or
// slow" is EUNAVAILABLE (503, try again): only what is our own fault stays EINTERNAL.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	var ce *copilot.Error
	if errors.As(err, &ce) {
		return err
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return copilot.Errorf(copilot.ENOTFOUND, "Not found.")
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err) {
		return &wrapped{copilot.Errorf(copilot.EUNAVAILABLE, "The database did not answer in time."), err}
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch {
		case pgErr.Code == "23505":
			return &wrapped{copilot.Errorf(copilot.ECONFLICT, "Conflicting write; try again."), err}
		case pgErr.Code == "57014": // query_canceled: statement_timeout, or a cancel request
			return &wrapped{copilot.Errorf(copilot.EUNAVAILABLE, "The database did not answer in time."), err}
		case pgErr.Code == "40001", pgErr.Code == "40P01", pgErr.Code == "55P03":
			// serialization failure, deadlock, lock not available: retrying succeeds.
			return &wrapped{copilot.Errorf(copilot.EUNAVAILABLE, "The database is busy; try again."), err}
		case strings.HasPrefix(pgErr.Code, "08"), strings.HasPrefix(pgErr.Code, "53"),
			pgErr.Code == "57P01", pgErr.Code == "57P02", pgErr.Code == "57P03":
			// connection exceptions, insufficient resources, shutdown and startup.
			return &wrapped{copilot.Errorf(copilot.EUNAVAILABLE, "The database is unavailable."), err}
		}
		return err
	}
	var (
		connErr *pgconn.ConnectError
		netErr  net.Error
	)
	if errors.As(err, &connErr) || pgconn.SafeToRetry(err) || errors.As(err, &netErr) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, pgconn.ErrConnClosed) {
		// The connection broke under a statement: the server went away mid-query.
		return &wrapped{copilot.Errorf(copilot.EUNAVAILABLE, "The database is unavailable."), err}
	}
	return err
}

// isStatementTimeout reports whether err is a statement that ran out of its
// statement_timeout while the caller still waits (ctx alive): a budget we set, not an
// outage, so the caller can answer without that part.
func isStatementTimeout(ctx context.Context, err error) bool {
	var pgErr *pgconn.PgError
	return ctx.Err() == nil && errors.As(err, &pgErr) && pgErr.Code == "57014"
}

// wrapped carries a domain error for users and the driver error for logs.
type wrapped struct {
	domain *copilot.Error
	cause  error
}

func (w *wrapped) Error() string { return w.domain.Message + ": " + w.cause.Error() }
func (w *wrapped) Unwrap() []error {
	return []error{w.domain, w.cause}
}

// Ready reports whether the database answers, every migration is applied and the
// stored vectors are the configured embedder's. Incidents with vectors of other
// embedders only (another model, dimension or lexicon version) are invisible to
// search: that is a warning while the configured embedder has vectors, and
// EUNAVAILABLE while it has none, since such a replica finds nothing; the old
// replicas keep serving until `copilot reembed` has run.
//
// Errors: EUNAVAILABLE.
func (s *Store) Ready(ctx context.Context) ([]string, error) {
	if err := s.Ping(ctx); err != nil {
		return nil, err
	}
	ok, err := s.MigrationsCurrent(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, copilot.Errorf(copilot.EUNAVAILABLE, "Database schema is not current; run `copilot migrate`.")
	}
	return s.staleVectors(ctx)
}

var _ copilot.Memory = (*Store)(nil)

// Model is the embedder the store embeds and searches with.
func (s *Store) Model() Model { return s.model }

// SearchSettings names how similar-incident search ranks, with its defaults
// resolved ("fusion weighted, vector share 0.4, lexical qtf+long"): an eval run
// records it, so a gate opened with some settings does not open for others.
func (s *Store) SearchSettings() string {
	return fmt.Sprintf("fusion %s, vector share %g, lexical %s", s.opts.Fusion, *s.opts.VectorWeight, s.opts.LexicalNorm)
}

// RecordEvalRun keeps the outcome of one capability's evaluation, with the
// configuration it measured, so gate decisions have a history.
//
// Errors: EUNAVAILABLE.
func (s *Store) RecordEvalRun(ctx context.Context, run *copilot.EvalRun) error {
	cfg, err := json.Marshal(run.Config)
	if err != nil {
		return fmt.Errorf("encode eval config: %w", err)
	}
	metrics := run.Metrics
	if len(metrics) == 0 {
		metrics = json.RawMessage("[]")
	}
	err = s.pool.QueryRow(ctx, `INSERT INTO eval_runs (capability, engine, metrics, passed, config, dataset_size)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at`,
		run.Capability, run.Engine, []byte(metrics), run.Passed, cfg, run.Config.DatasetSize).Scan(&run.ID, &run.CreatedAt)
	return mapError(err)
}

// EvalRuns lists a capability's runs, newest first.
//
// Errors: EUNAVAILABLE.
func (s *Store) EvalRuns(ctx context.Context, capability string, limit int) ([]copilot.EvalRun, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, capability, engine, metrics, passed, config, created_at
		FROM eval_runs WHERE capability = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, capability, limit)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []copilot.EvalRun
	for rows.Next() {
		var r copilot.EvalRun
		var metrics, cfg []byte
		if err := rows.Scan(&r.ID, &r.Capability, &r.Engine, &metrics, &r.Passed, &cfg, &r.CreatedAt); err != nil {
			return nil, mapError(err)
		}
		r.Metrics = metrics
		if err := json.Unmarshal(cfg, &r.Config); err != nil {
			return nil, fmt.Errorf("eval run %d: config: %w", r.ID, err)
		}
		out = append(out, r)
	}
	return out, mapError(rows.Err())
}

var _ copilot.EvalRuns = (*Store)(nil)

// DropSchema drops the store's schema with everything in it. Only a store confined
// to a schema of its own may do this; the shared public schema is never dropped.
//
// Errors: EINVALID when the store has no schema of its own, EUNAVAILABLE.
func (s *Store) DropSchema(ctx context.Context) error {
	if s.opts.Schema == "" || s.opts.Schema == "public" {
		return copilot.Errorf(copilot.EINVALID, "schema: the store has no schema of its own to drop")
	}
	if _, err := s.pool.Exec(ctx, "DROP SCHEMA IF EXISTS "+s.opts.Schema+" CASCADE"); err != nil {
		return mapError(fmt.Errorf("drop schema %s: %w", s.opts.Schema, err))
	}
	return nil
}
