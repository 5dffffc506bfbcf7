package bench

import (
	"fmt"
	"os"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// Defaults of the two benchmarks; BENCHMARKS.md quotes runs made with them.
const (
	DefaultChunks         = 100_000
	DefaultQueries        = 300
	DefaultMessages       = 10_000
	DefaultIngestRuns     = 5
	DefaultLangchainBatch = 512 // langchaingo's own embedder batch size, the size its users meet first
	DefaultK              = 10
	DefaultWarmup         = 20
	NoWarmup              = -1
	dimensions            = 384
	maxQueries            = 10_000 // keeps every phase's request count bounded
	maxChunks             = 2_000_000
	maxMessages           = 5_000_000
)

// DefaultEfSearch are the HNSW candidate-list sizes whose recall the search bench
// measures: pgvector's default (40), narrower beams than the store's (300) that show
// what it buys, and a wider one that shows what more recall costs.
var DefaultEfSearch = []int{40, 100, 200, 300, 400}

// HNSWBuild is one set of HNSW build parameters.
type HNSWBuild struct {
	M              int `json:"m"`
	EfConstruction int `json:"ef_construction"`
}

// SearchConfig configures RunSearch. Zero fields take the defaults.
type SearchConfig struct {
	DatabaseURL string
	// Schema is the throw-away schema both stores live in; bench_<pid> when empty.
	// It must not exist yet, and is dropped at the end, unless Keep is set.
	Schema string
	// Keep leaves the schema and its loaded corpus in place at the end, and reuses a
	// schema an earlier Keep run loaded with the same Chunks and Seed instead of
	// loading it again (a 100k-chunk load takes minutes). It needs a named Schema.
	Keep bool
	// HNSW lists the index builds whose recall is measured, each over EfSearch; the
	// store's defaults when empty. The index the store searches with is rebuilt with
	// its default parameters at the end.
	HNSW    []HNSWBuild
	Chunks  int // at least this many chunks in the corpus
	Queries int
	// Warmup is how many queries of their own (never the timed ones) run untimed
	// through every path first: a server that has been answering for a while has
	// its pages in memory and its connections' first-use costs paid. 0 means
	// DefaultWarmup; NoWarmup (-1) runs none.
	Warmup int
	// RecallOnly skips the timed query paths and the lexical comparison: a run that
	// measures HNSW builds on a kept corpus.
	RecallOnly bool
	// LexicalOnly measures the bounded lexical side against the full read and
	// nothing else.
	LexicalOnly bool
	// SearchOnly times the in-process path (Store.Search) alone, and measures no
	// recall and no lexical comparison: a run of a minute or two on a kept corpus,
	// to compare two builds of the store taking turns.
	SearchOnly bool
	// SkipLangchaingo leaves langchaingo's query path untimed (it takes about 20
	// times ours, so it dominates a run on a busy machine); its row stays empty.
	SkipLangchaingo bool
	// EfSearch lists the ef_search values whose recall is measured.
	EfSearch []int
	// LangchainBatch is how many documents go to one langchaingo AddDocuments call.
	LangchainBatch int
	Seed           uint64
	// Command is the command line quoted in the report.
	Command string
}

// IngestConfig configures RunIngest. Zero fields take the defaults.
type IngestConfig struct {
	DatabaseURL string
	Schema      string // as in SearchConfig; re-created for every run
	Messages    int
	Runs        int
	Seed        uint64
	Command     string
}

func defaultSchema() string { return fmt.Sprintf("bench_%d", os.Getpid()) }

func checkCommon(url, schema string) error {
	if strings.TrimSpace(url) == "" {
		return copilot.Errorf(copilot.EINVALID, "DATABASE_URL: not set; the bench needs a PostgreSQL server with pgvector (it works in a schema of its own and drops it)")
	}
	if !strings.HasPrefix(schema, "bench_") {
		// The bench drops its schema at the end: insisting on the prefix keeps a typo
		// from ever naming a schema that holds real data.
		return copilot.Errorf(copilot.EINVALID, "schema %q: must start with bench_", schema)
	}
	return nil
}

func (c *SearchConfig) setDefaults() error {
	if c.Schema == "" {
		if c.Keep {
			return copilot.Errorf(copilot.EINVALID, "--keep: needs --schema, the name a later run reuses")
		}
		c.Schema = defaultSchema()
	}
	if len(c.HNSW) == 0 {
		c.HNSW = []HNSWBuild{{M: postgres.DefaultHNSW.M, EfConstruction: postgres.DefaultHNSW.EfConstruction}}
	}
	for _, h := range c.HNSW {
		if h.M < 2 || h.M > 100 {
			return copilot.Errorf(copilot.EINVALID, "--m: %d is outside 2..100", h.M)
		}
		if h.EfConstruction < 2*h.M || h.EfConstruction > 1000 {
			return copilot.Errorf(copilot.EINVALID, "--ef-construction: %d must be between 2*m (%d) and 1000", h.EfConstruction, 2*h.M)
		}
	}
	if c.Chunks == 0 {
		c.Chunks = DefaultChunks
	}
	if c.Queries == 0 {
		c.Queries = DefaultQueries
	}
	switch c.Warmup {
	case 0:
		c.Warmup = DefaultWarmup
	case NoWarmup:
		c.Warmup = 0
	}
	if len(c.EfSearch) == 0 {
		c.EfSearch = DefaultEfSearch
	}
	if c.LangchainBatch == 0 {
		c.LangchainBatch = DefaultLangchainBatch
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	switch {
	case c.Chunks < 100 || c.Chunks > maxChunks:
		return copilot.Errorf(copilot.EINVALID, "--chunks: %d is outside 100..%d", c.Chunks, maxChunks)
	case c.Queries < 3 || c.Queries > maxQueries:
		// Three is the smallest count that holds every query kind.
		return copilot.Errorf(copilot.EINVALID, "--queries: %d is outside 3..%d", c.Queries, maxQueries)
	case c.Warmup < 0 || c.Warmup > maxQueries:
		return copilot.Errorf(copilot.EINVALID, "--warmup: %d is outside 0..%d", c.Warmup, maxQueries)
	case c.SearchOnly && (c.RecallOnly || c.LexicalOnly):
		return copilot.Errorf(copilot.EINVALID, "--search-only: times searches, which --recall-only and --lexical-only leave out")
	case c.LangchainBatch < 1 || c.LangchainBatch > 100_000:
		return copilot.Errorf(copilot.EINVALID, "langchaingo batch: %d is outside 1..100000", c.LangchainBatch)
	}
	for _, ef := range c.EfSearch {
		if ef < DefaultK || ef > 1000 {
			return copilot.Errorf(copilot.EINVALID, "ef_search: %d is outside %d..1000", ef, DefaultK)
		}
	}
	return checkCommon(c.DatabaseURL, c.Schema)
}

func (c *IngestConfig) setDefaults() error {
	if c.Schema == "" {
		c.Schema = defaultSchema()
	}
	if c.Messages == 0 {
		c.Messages = DefaultMessages
	}
	if c.Runs == 0 {
		c.Runs = DefaultIngestRuns
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	switch {
	case c.Messages < 1 || c.Messages > maxMessages:
		return copilot.Errorf(copilot.EINVALID, "--messages: %d is outside 1..%d", c.Messages, maxMessages)
	case c.Runs < 1 || c.Runs > 50:
		return copilot.Errorf(copilot.EINVALID, "runs: %d is outside 1..50", c.Runs)
	}
	return checkCommon(c.DatabaseURL, c.Schema)
}
