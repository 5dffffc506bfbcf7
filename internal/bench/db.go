package bench

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pgvector/pgvector-go"
	pgxvec "github.com/pgvector/pgvector-go/pgx"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/retrieval"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// This file holds the database work the benchmarks need beyond the product's own, on
// a pool of their own so that the store's API stays what the product uses: a raw
// vector top-k that can bypass the HNSW index (to measure its recall), the exact
// texts the store embeds (to load the same corpus into another store), and the
// lifecycle of a throw-away schema.

// benchDB is the bench's own connection to one schema of the store's database.
type benchDB struct {
	pool     *pgxpool.Pool
	schema   string
	embedder string
	dim      int
	efSearch int // the store's configured ef_search
}

// openDB connects to url with schema first on the search path.
func openDB(ctx context.Context, url, schema string, model interface {
	EmbedderID() string
	Dimensions() int
}, efSearch int) (*benchDB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, copilot.Errorf(copilot.EINVALID, "DATABASE_URL: not a valid PostgreSQL connection string")
	}
	cfg.MaxConns = 4
	if schema != "" {
		cfg.ConnConfig.RuntimeParams["search_path"] = schema + ",public"
	}
	cfg.AfterConnect = func(ctx context.Context, conn *pgx.Conn) error {
		if err := pgxvec.RegisterTypes(ctx, conn); err != nil {
			return fmt.Errorf("register vector type: %w", err)
		}
		return nil
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, copilot.Errorf(copilot.EUNAVAILABLE, "bench database: %v", err)
	}
	return &benchDB{pool: pool, schema: schema, embedder: model.EmbedderID(), dim: model.Dimensions(), efSearch: efSearch}, nil
}

func (s *benchDB) Close() { s.pool.Close() }

// VectorHit is one chunk of a raw vector search.
type VectorHit struct {
	ChunkID  int64
	Distance float64 // cosine distance, 0 = same direction
}

// VectorScan says how VectorTopK reads the vectors.
type VectorScan struct {
	// Exact turns index scans off, so PostgreSQL compares the query with every
	// vector: the true nearest neighbours, the reference for recall.
	Exact bool
	// EfSearch is the HNSW candidate list; 0 means the store's configured value.
	EfSearch int
	// LetPlannerChoose leaves the choice between the HNSW index and a scan-and-sort
	// to PostgreSQL, as Search does. Otherwise a non-exact scan has sorting turned off,
	// which rules out every plan but the index that returns rows in distance order, so
	// it measures the index even where the planner would rather not use it: with fresh
	// statistics it prefers a sequential scan on tables of a few thousand chunks.
	LetPlannerChoose bool
}

// MaxVectorTopK bounds k in VectorTopK.
const MaxVectorTopK = 1000

// vectorTopKSQL is the nearest-neighbour query on the active embedder's vectors, in
// the shape the partial HNSW index serves: the embedder as a literal and the index's
// typed expression. It has no join and no filter, so it measures the index alone.
func (s *benchDB) vectorTopKSQL() string {
	dim := s.dim
	return fmt.Sprintf(`SELECT id, embedding::vector(%d) <=> $1::vector(%d) FROM chunks
		WHERE embedder = '%s' ORDER BY embedding::vector(%d) <=> $1::vector(%d) LIMIT $2`,
		dim, dim, strings.ReplaceAll(s.embedder, "'", "''"), dim, dim)
}

// scanSettings prepares a transaction for one kind of scan.
func (s *benchDB) scanSettings(ctx context.Context, tx pgx.Tx, scan VectorScan) error {
	if scan.Exact {
		_, err := tx.Exec(ctx, "SET LOCAL enable_indexscan = off")
		return err
	}
	ef := scan.EfSearch
	if ef == 0 {
		ef = s.efSearch
	}
	if _, err := tx.Exec(ctx, fmt.Sprintf("SET LOCAL hnsw.ef_search = %d", ef)); err != nil {
		return err
	}
	if !scan.LetPlannerChoose {
		_, err := tx.Exec(ctx, "SET LOCAL enable_sort = off")
		return err
	}
	return nil
}

func (scan VectorScan) validate() error {
	if scan.EfSearch < 0 || scan.EfSearch > 1000 {
		return copilot.Errorf(copilot.EINVALID, "ef_search: %d is outside 1..1000", scan.EfSearch)
	}
	return nil
}

// VectorTopK returns the k chunks (of the store's embedder) nearest to vec by cosine
// distance, nearest first, without the incident join, filters or text search of
// Search.
//
// Errors: EINVALID for a vector of the wrong dimension or a bad k or ef_search,
// EUNAVAILABLE.
func (s *benchDB) VectorTopK(ctx context.Context, vec []float32, k int, scan VectorScan) ([]VectorHit, error) {
	if len(vec) != s.dim {
		return nil, copilot.Errorf(copilot.EINVALID, "query vector: %d dimensions, want %d", len(vec), s.dim)
	}
	if k < 1 || k > MaxVectorTopK {
		return nil, copilot.Errorf(copilot.EINVALID, "k: %d is outside 1..%d", k, MaxVectorTopK)
	}
	if err := scan.validate(); err != nil {
		return nil, err
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := s.scanSettings(ctx, tx, scan); err != nil {
		return nil, err
	}
	rows, err := tx.Query(ctx, s.vectorTopKSQL(), pgvector.NewVector(vec), k)
	if err != nil {
		return nil, err
	}
	hits := make([]VectorHit, 0, k)
	var h VectorHit
	if _, err := pgx.ForEachRow(rows, []any{&h.ChunkID, &h.Distance}, func() error {
		hits = append(hits, h)
		return nil
	}); err != nil {
		return nil, err
	}
	return hits, nil
}

// VectorScanUsesIndex reports whether PostgreSQL plans VectorTopK with the embedder's
// HNSW index under scan: a benchmark of the index must check that it measured one.
//
// Errors: EUNAVAILABLE.
func (s *benchDB) VectorScanUsesIndex(ctx context.Context, scan VectorScan) (bool, error) {
	if err := scan.validate(); err != nil {
		return false, err
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return false, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := s.scanSettings(ctx, tx, scan); err != nil {
		return false, err
	}
	// EXPLAIN without ANALYZE plans the query with a zero vector; the plan does not
	// depend on the value.
	rows, err := tx.Query(ctx, "EXPLAIN "+s.vectorTopKSQL(), pgvector.NewVector(make([]float32, s.dim)), 10)
	if err != nil {
		return false, err
	}
	var plan strings.Builder
	var line string
	if _, err := pgx.ForEachRow(rows, []any{&line}, func() error {
		plan.WriteString(line + "\n")
		return nil
	}); err != nil {
		return false, err
	}
	// The active embedder's index, not another embedder's left in a kept schema.
	return strings.Contains(plan.String(), postgres.HNSWIndexName(s.embedder)), nil
}

// chunkTexts returns the texts the store embeds for an incident's chunks, in chunk
// order: the bench opens stores with the default chunking, and the store embeds
// retrieval.EmbedText.
func chunkTexts(inc *copilot.Incident) []string {
	chunks := copilot.ChunkIncident(inc, copilot.DefaultChunkOptions)
	out := make([]string, len(chunks))
	for i, c := range chunks {
		out[i] = retrieval.EmbedText(inc, c)
	}
	return out
}

// CreateSchema creates the bench's schema and fails when it already exists, so
// a benchmark never writes into (and later drops) a schema it did not make.
//
// Errors: EINVALID when the bench has no schema of its own, ECONFLICT when the schema
// exists, EUNAVAILABLE.
func (s *benchDB) CreateSchema(ctx context.Context) error {
	if s.schema == "" {
		return copilot.Errorf(copilot.EINVALID, "schema: the bench has no schema of its own")
	}
	exists, err := s.SchemaExists(ctx)
	if err != nil {
		return err
	}
	if exists {
		return copilot.Errorf(copilot.ECONFLICT, "schema %s already exists; drop it or choose another name", s.schema)
	}
	if _, err := s.pool.Exec(ctx, "CREATE SCHEMA "+s.schema); err != nil {
		return (fmt.Errorf("create schema %s: %w", s.schema, err))
	}
	return nil
}

// SchemaExists reports whether the bench's schema exists.
//
// Errors: EINVALID when the bench has no schema of its own, EUNAVAILABLE.
func (s *benchDB) SchemaExists(ctx context.Context) (bool, error) {
	if s.schema == "" {
		return false, copilot.Errorf(copilot.EINVALID, "schema: the bench has no schema of its own")
	}
	var exists bool
	err := s.pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", s.schema).Scan(&exists)
	if err != nil {
		return false, err
	}
	return exists, nil
}

// ServerVersions returns the PostgreSQL and pgvector versions and the server's
// shared_buffers, for benchmark reports.
//
// Errors: EUNAVAILABLE.
func (s *benchDB) ServerVersions(ctx context.Context) (postgres, vector, sharedBuffers string, err error) {
	err = s.pool.QueryRow(ctx, `SELECT current_setting('server_version'),
		COALESCE((SELECT extversion FROM pg_extension WHERE extname = 'vector'), ''), current_setting('shared_buffers')`).Scan(&postgres, &vector, &sharedBuffers)
	return postgres, vector, sharedBuffers, err
}

// AnalyzeSchema refreshes the planner statistics and the visibility map of every
// table in the bench's schema (VACUUM ANALYZE). A benchmark calls it after a bulk
// load so that query plans, and whether the lexical side's postings are read from
// the index alone, do not depend on whether autovacuum happened to get there first.
//
// Errors: EINVALID when the bench has no schema of its own, EUNAVAILABLE.
func (s *benchDB) AnalyzeSchema(ctx context.Context) error {
	if s.schema == "" {
		return copilot.Errorf(copilot.EINVALID, "schema: the bench has no schema of its own")
	}
	rows, err := s.pool.Query(ctx, "SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", s.schema)
	if err != nil {
		return err
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, t := range tables {
		name := pgx.Identifier{s.schema, t}.Sanitize()
		if _, err := s.pool.Exec(ctx, "VACUUM (ANALYZE) "+name); err != nil {
			return (fmt.Errorf("vacuum analyze %s: %w", name, err))
		}
	}
	return nil
}

// benchCorpusTable records, in a kept schema, which corpus was loaded into it.
const benchCorpusTable = "bench_corpus"

// MarkLoaded records that the schema holds the corpus of cfg, with its load figures,
// so that a later --keep run can reuse it.
//
// Errors: EUNAVAILABLE.
func (s *benchDB) MarkLoaded(ctx context.Context, cfg SearchConfig, ours, lc Insert) error {
	name := pgx.Identifier{s.schema, benchCorpusTable}.Sanitize()
	_, err := s.pool.Exec(ctx, `CREATE TABLE `+name+` (chunks int NOT NULL, seed numeric NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now(),
		ours_chunks int NOT NULL, ours_seconds float8 NOT NULL, ours_rate float8 NOT NULL,
		lc_chunks int NOT NULL, lc_seconds float8 NOT NULL, lc_rate float8 NOT NULL, lc_batch int NOT NULL)`)
	if err != nil {
		return fmt.Errorf("record kept corpus: %w", err)
	}
	_, err = s.pool.Exec(ctx, `INSERT INTO `+name+` (chunks, seed, ours_chunks, ours_seconds, ours_rate, lc_chunks, lc_seconds, lc_rate, lc_batch)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, cfg.Chunks, fmt.Sprint(cfg.Seed), ours.Chunks, ours.Seconds, ours.ChunksPerSec,
		lc.Chunks, lc.Seconds, lc.ChunksPerSec, lc.Batch)
	if err != nil {
		return fmt.Errorf("record kept corpus: %w", err)
	}
	return nil
}

// LoadedCorpus reads what an earlier --keep run recorded in the schema, and checks
// that it is the corpus cfg asks for.
//
// Errors: ECONFLICT when the schema holds no record or another corpus, EUNAVAILABLE.
func (s *benchDB) LoadedCorpus(ctx context.Context, cfg SearchConfig) (keptCorpus, error) {
	var found bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2)`,
		s.schema, benchCorpusTable).Scan(&found); err != nil {
		return keptCorpus{}, err
	}
	if !found {
		return keptCorpus{}, copilot.Errorf(copilot.ECONFLICT, "schema %s exists but no finished --keep run loaded it; drop it or choose another name", s.schema)
	}
	var (
		k     keptCorpus
		chunk int
		seed  string
	)
	name := pgx.Identifier{s.schema, benchCorpusTable}.Sanitize()
	err := s.pool.QueryRow(ctx, `SELECT chunks, seed::text, loaded_at, ours_chunks, ours_seconds, ours_rate, lc_chunks, lc_seconds, lc_rate, lc_batch FROM `+name+` LIMIT 1`).
		Scan(&chunk, &seed, &k.loadedAt, &k.ours.Chunks, &k.ours.Seconds, &k.ours.ChunksPerSec, &k.lc.Chunks, &k.lc.Seconds, &k.lc.ChunksPerSec, &k.lc.Batch)
	if err != nil {
		return keptCorpus{}, err
	}
	if chunk != cfg.Chunks || seed != fmt.Sprint(cfg.Seed) {
		return keptCorpus{}, copilot.Errorf(copilot.ECONFLICT, "schema %s holds the corpus of --chunks %d (seed %s), not --chunks %d; drop it or choose another name", s.schema, chunk, seed, cfg.Chunks)
	}
	k.loaded = true
	return k, nil
}

// BuildIndex makes the store's HNSW index (the one named for the active embedder,
// postgres.HNSWIndexName) have build parameters b, building it again when they
// differ, and returns the seconds the build took (0 when it already had them). A
// kept schema re-embedded since its load also holds the old embedder's index;
// picking the first chunks_hnsw_ index by name rebuilt that one instead.
//
// Errors: EINTERNAL when the schema has no such index, EUNAVAILABLE.
func (s *benchDB) BuildIndex(ctx context.Context, b HNSWBuild) (float64, error) {
	var (
		name string
		opts []string
	)
	err := s.pool.QueryRow(ctx, `SELECT c.relname, coalesce(c.reloptions, '{}') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = $1 AND c.relkind = 'i' AND c.relname = $2`, s.schema, postgres.HNSWIndexName(s.embedder)).Scan(&name, &opts)
	if err != nil {
		if err == pgx.ErrNoRows {
			return 0, copilot.Errorf(copilot.EINTERNAL, "schema %s has no chunks HNSW index", s.schema)
		}
		return 0, err
	}
	m, efc := 16, 64 // pgvector's defaults, when the index was built without options
	for _, o := range opts {
		k, v, _ := strings.Cut(o, "=")
		var n int
		if _, err := fmt.Sscan(v, &n); err != nil {
			continue
		}
		switch k {
		case "m":
			m = n
		case "ef_construction":
			efc = n
		}
	}
	if m == b.M && efc == b.EfConstruction {
		return 0, nil
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Release()
	ident := pgx.Identifier{s.schema, name}.Sanitize()
	start := time.Now()
	// The build runs as the store's own bulk load builds it, in one session with the
	// graph in memory.
	for _, stmt := range []string{
		"SET maintenance_work_mem = '1GB'",
		"DROP INDEX " + ident,
		fmt.Sprintf(`CREATE INDEX %s ON %s USING hnsw ((embedding::vector(%d)) vector_cosine_ops) WITH (m = %d, ef_construction = %d) WHERE embedder = '%s'`,
			pgx.Identifier{name}.Sanitize(), pgx.Identifier{s.schema, "chunks"}.Sanitize(), s.dim, b.M, b.EfConstruction, strings.ReplaceAll(s.embedder, "'", "''")),
		"ANALYZE " + pgx.Identifier{s.schema, "chunks"}.Sanitize(),
		"RESET maintenance_work_mem",
	} {
		if _, err := conn.Exec(ctx, stmt); err != nil {
			return 0, fmt.Errorf("rebuild HNSW index (m=%d, ef_construction=%d): %w", b.M, b.EfConstruction, err)
		}
	}
	return time.Since(start).Seconds(), nil
}
