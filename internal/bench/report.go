package bench

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// Environment says where a benchmark ran, so figures are read against their machine.
type Environment struct {
	StartedAt  time.Time `json:"started_at"`
	GoVersion  string    `json:"go_version"`
	OS         string    `json:"os"`
	Arch       string    `json:"arch"`
	CPUs       int       `json:"cpus"`
	GOMAXPROCS int       `json:"gomaxprocs"`
	Postgres   string    `json:"postgres"`
	PGVector   string    `json:"pgvector"`
	Embedder   string    `json:"embedder"`
	// SharedBuffers is the server's shared_buffers; HugePages the 2 MB pages in use
	// on this machine (Linux), which a local server's shared memory is mapped with
	// when it could reserve them (scripts/db.sh).
	SharedBuffers string `json:"shared_buffers"`
	HugePages     int    `json:"huge_pages_in_use"`
	// LoadAvg is the one-minute load average when the run started (Linux only): a
	// busy machine makes every figure slower.
	LoadAvg float64 `json:"load_avg_1m,omitempty"`
}

func environment() Environment {
	return Environment{
		StartedAt: time.Now().UTC().Truncate(time.Second),
		GoVersion: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH,
		CPUs: runtime.NumCPU(), GOMAXPROCS: runtime.GOMAXPROCS(0),
		LoadAvg: loadAvg(), HugePages: hugePagesInUse(),
	}
}

// hugePagesInUse is the number of huge pages in use or reserved on this machine;
// 0 where /proc is absent.
func hugePagesInUse() int {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	var total, free, rsvd int
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		n, _ := strconv.Atoi(f[1])
		switch f[0] {
		case "HugePages_Total:":
			total = n
		case "HugePages_Free:":
			free = n
		case "HugePages_Rsvd:":
			rsvd = n
		}
	}
	return total - free + rsvd
}

// loadAvg reads the one-minute load average; 0 where /proc is absent.
func loadAvg() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0
	}
	x, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return 0
	}
	return x
}

// Corpus describes the synthetic incidents a benchmark loaded.
type Corpus struct {
	Incidents       int `json:"incidents"`
	PublicIncidents int `json:"public_incidents"`
	Messages        int `json:"messages"`
	Chunks          int `json:"chunks"`
}

// Insert is the load throughput of one store, chunking, embedding, writing and
// indexing included.
type Insert struct {
	Chunks       int     `json:"chunks"`
	Seconds      float64 `json:"seconds"`
	ChunksPerSec float64 `json:"chunks_per_sec"`
	// Batch is the documents per AddDocuments call (langchaingo only).
	Batch int `json:"batch,omitempty"`
}

func insertOf(chunks int, d time.Duration, batch int) Insert {
	return Insert{Chunks: chunks, Seconds: round(d.Seconds(), 3), ChunksPerSec: round(float64(chunks)/d.Seconds(), 1), Batch: batch}
}

// PathLatency is one query path's latency over all queries and per query kind.
type PathLatency struct {
	All        Latency `json:"all"`
	Text       Latency `json:"text"`
	ByIncident Latency `json:"by_incident"`
	// Empty counts queries that returned nothing: a path that answers fast by
	// finding nothing is not measuring search.
	Empty int `json:"empty"`
}

// Paths are the four ways a query was answered.
type Paths struct {
	InProcess   PathLatency `json:"search_in_process"`
	HTTP        PathLatency `json:"search_http"`
	Langchaingo PathLatency `json:"langchaingo_similarity_search"`
	VectorHNSW  PathLatency `json:"vector_top10_hnsw"`
}

// Ratios compare the figures; each is the first named over the second.
type Ratios struct {
	InsertOursOverLangchaingo    float64 `json:"insert_chunks_per_sec_ours_over_langchaingo"`
	HTTPOverInProcessP50         float64 `json:"http_over_in_process_p50"`
	HTTPOverInProcessP95         float64 `json:"http_over_in_process_p95"`
	InProcessOverLangchaingoP50  float64 `json:"in_process_over_langchaingo_p50"`
	VectorHNSWOverLangchaingoP50 float64 `json:"vector_hnsw_over_langchaingo_p50"`
	VectorHNSWOverLangchaingoP95 float64 `json:"vector_hnsw_over_langchaingo_p95"`
	// HNSWOverExactP50 compares the database query alone, at the default ef_search.
	HNSWOverExactP50 float64 `json:"hnsw_over_exact_p50"`
}

// RecallPoint is the HNSW index's quality and speed at one build and ef_search.
type RecallPoint struct {
	M              int     `json:"m"`
	EfConstruction int     `json:"ef_construction"`
	EfSearch       int     `json:"ef_search"`
	Recall         float64 `json:"recall_at_k"` // mean over the queries
	MinRecall      float64 `json:"min_recall_at_k"`
	// By query kind: whole-transcript vectors (by incident) sit in dense clusters of
	// similar incidents, where a greedy graph search is likeliest to go astray.
	RecallText       float64 `json:"recall_at_k_text"`
	RecallByIncident float64 `json:"recall_at_k_by_incident"`
	// IncidentRecall is what search sees: of the k incidents the store's vector
	// side ranks first with every chunk compared, the share its index path (at this
	// build and ef_search) also ranks in its first k.
	IncidentRecall    float64 `json:"incident_recall_at_k"`
	MinIncidentRecall float64 `json:"min_incident_recall_at_k"`
	// IncidentLatency times that vector-only Store.Search (embedding included).
	IncidentLatency Latency `json:"incident_latency"`
	// IndexUsed says PostgreSQL planned the query with the HNSW index.
	IndexUsed bool    `json:"index_used"`
	Latency   Latency `json:"latency"`
}

// IndexBuild is one HNSW build the recall was measured on.
type IndexBuild struct {
	M              int     `json:"m"`
	EfConstruction int     `json:"ef_construction"`
	Seconds        float64 `json:"seconds"` // 0 when the index was already built so
}

// Recall compares the HNSW index with exact search on the same query vectors.
type Recall struct {
	K               int     `json:"k"`
	Queries         int     `json:"queries"`
	DefaultEfSearch int     `json:"default_ef_search"`
	Exact           Latency `json:"exact_latency"`
	ExactUsedIndex  bool    `json:"exact_used_index"`
	// PlannerPicksIndex says whether PostgreSQL, left to choose, plans the raw vector
	// query with the HNSW index; the measured points force the index either way.
	PlannerPicksIndex bool          `json:"planner_picks_index"`
	Builds            []IndexBuild  `json:"builds"`
	Points            []RecallPoint `json:"points"`
	// IncidentExact is the latency of the store's exact vector side (Search with
	// every chunk compared, vector ranking only), the reference of IncidentRecall.
	IncidentExact Latency `json:"incident_exact_latency"`
}

// Queries counts the timed queries by kind.
type Queries struct {
	Total      int `json:"total"`
	Text       int `json:"text"`
	ByIncident int `json:"by_incident"`
	Warmup     int `json:"warmup"`
	K          int `json:"k"`
}

// SearchReport is everything `copilot bench search` measured.
type SearchReport struct {
	Command     string      `json:"command"`
	Environment Environment `json:"environment"`
	Schema      string      `json:"schema"`
	// Kept says the schema stays for later runs (--keep); Reused that this run found
	// the corpus loaded by an earlier one, whose load figures it repeats.
	Kept        bool          `json:"kept"`
	Reused      bool          `json:"reused"`
	Corpus      Corpus        `json:"corpus"`
	Ours        Insert        `json:"insert_ours"`
	Langchaingo Insert        `json:"insert_langchaingo"`
	Queries     Queries       `json:"queries"`
	Latency     Paths         `json:"latency"`
	TextSkipped TextSkipped   `json:"text_side_skipped"`
	Lexical     LexicalRecall `json:"lexical"`
	Recall      Recall        `json:"recall"`
	Ratios      Ratios        `json:"ratios"`
	Seconds     float64       `json:"seconds"`
}

// TextSkipped counts the in-process searches (warm-up included) whose answer says
// the lexical side did not run (why.text_skipped): a fault, never a budget; 0 is the
// only good figure.
type TextSkipped struct {
	Queries int     `json:"queries"`
	Of      int     `json:"of"`
	Share   float64 `json:"share"`
}

// LexicalRecall compares the bounded lexical side with the full read (every query
// term, every posting), each ranking alone through Store.Search.
type LexicalRecall struct {
	K         int     `json:"k"`
	Queries   int     `json:"queries"`
	Recall    float64 `json:"recall_at_k"`
	MinRecall float64 `json:"min_recall_at_k"`
	Full      Latency `json:"full_latency"`
	Bounded   Latency `json:"bounded_latency"`
}

// IngestRun is one timed Store.Ingest.
type IngestRun struct {
	Seconds        float64 `json:"seconds"`
	MessagesPerSec float64 `json:"messages_per_sec"`
}

// IngestReport is everything `copilot bench ingest` measured.
type IngestReport struct {
	Command              string      `json:"command"`
	Environment          Environment `json:"environment"`
	Schema               string      `json:"schema"`
	Corpus               Corpus      `json:"corpus"`
	Runs                 []IngestRun `json:"runs"`
	MedianMessagesPerSec float64     `json:"median_messages_per_sec"`
	MinMessagesPerSec    float64     `json:"min_messages_per_sec"`
	MaxMessagesPerSec    float64     `json:"max_messages_per_sec"`
	MedianSeconds        float64     `json:"median_seconds"`
	MedianChunksPerSec   float64     `json:"median_chunks_per_sec"`
}

func (e Environment) line() string {
	load := ""
	if e.LoadAvg > 0 {
		load = fmt.Sprintf(", load %.2f at start", e.LoadAvg)
	}
	mem := ""
	if e.SharedBuffers != "" {
		mem = fmt.Sprintf(", shared_buffers %s, %d huge pages in use", e.SharedBuffers, e.HugePages)
	}
	return fmt.Sprintf("%s/%s, %d CPUs (GOMAXPROCS %d), %s, PostgreSQL %s, pgvector %s%s, embedder %s%s, %s",
		e.OS, e.Arch, e.CPUs, e.GOMAXPROCS, e.GoVersion, e.Postgres, e.PGVector, mem, e.Embedder, load, e.StartedAt.Format("2006-01-02"))
}

// num formats a figure for a table: thousands separated, at most the given decimals.
func num(x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if neg {
		out = "-" + out
	}
	if frac != "" {
		out += "." + frac
	}
	return out
}

// WriteTable writes the report as Markdown, ready for BENCHMARKS.md.
func (r *SearchReport) WriteTable(w io.Writer) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("### Search: %s chunks, %d queries\n\n", num(float64(r.Corpus.Chunks), 0), r.Queries.Total)
	p("Command: `%s`  \n", r.Command)
	p("Machine: %s  \n", r.Environment.line())
	p("Corpus: %s synthetic incidents (%s public), %s messages, %s chunks; both stores in schema %s (%s), HNSW m=%d, ef_construction=%d, cosine; the store's vector side takes index candidates above %s chunks.\n\n",
		num(float64(r.Corpus.Incidents), 0), num(float64(r.Corpus.PublicIncidents), 0), num(float64(r.Corpus.Messages), 0), num(float64(r.Corpus.Chunks), 0), r.Schema, schemaState(r), postgresDefaultM, postgresDefaultEfc, num(float64(postgres.DefaultHNSW.ExactBelow), 0))

	p("| Load (chunk + embed + write + index) | chunks | seconds | chunks/s |\n|---|---:|---:|---:|\n")
	p("| ours: `Store.Ingest` | %s | %s | %s |\n", num(float64(r.Ours.Chunks), 0), num(r.Ours.Seconds, 1), num(r.Ours.ChunksPerSec, 0))
	p("| langchaingo v0.1.14 pgvector: `AddDocuments`, %d docs a call | %s | %s | %s |\n", r.Langchaingo.Batch, num(float64(r.Langchaingo.Chunks), 0), num(r.Langchaingo.Seconds, 1), num(r.Langchaingo.ChunksPerSec, 0))
	p("| **ours / langchaingo** | | | **%.2f×** |\n\n", r.Ratios.InsertOursOverLangchaingo)
	p("Both embed the same chunk texts with the same embedder. Ours also writes the incidents, their %s messages and the full-text index; langchaingo writes chunk text, vector and metadata.\n\n",
		num(float64(r.Corpus.Messages), 0))

	q := r.Queries
	p("| Query path (%d queries: %d text, %d by incident; k=%d; %d warm-up) | p50 ms | p95 ms | p99 ms | p50 text | p50 by incident |\n|---|---:|---:|---:|---:|---:|\n",
		q.Total, q.Text, q.ByIncident, q.K, q.Warmup)
	row := func(name string, l PathLatency) {
		p("| %s | %s | %s | %s | %s | %s |\n", name, num(l.All.P50Ms, 2), num(l.All.P95Ms, 2), num(l.All.P99Ms, 2), num(l.Text.P50Ms, 2), num(l.ByIncident.P50Ms, 2))
	}
	row("(a) `Store.Search` in process (hybrid: closest chunk + BM25, per incident)", r.Latency.InProcess)
	row("(b) HTTP on loopback: `POST /v1/search`, `GET /v1/incidents/{id}/similar`", r.Latency.HTTP)
	row("(c) langchaingo `SimilaritySearch(ctx, q, 10)`", r.Latency.Langchaingo)
	row(fmt.Sprintf("(d) ours: embed + raw vector top-%d via HNSW (ef_search %d)", q.K, r.Recall.DefaultEfSearch), r.Latency.VectorHNSW)
	p("\n")

	x := r.Ratios
	p("Ratios: HTTP / in process p50 %.2f× (p95 %.2f×); in process / langchaingo p50 %.2f×; raw HNSW / langchaingo p50 %.2f× (p95 %.2f×); HNSW (ef_search %d) / exact scan p50, database only, %.2f×.\n\n",
		x.HTTPOverInProcessP50, x.HTTPOverInProcessP95, x.InProcessOverLangchaingoP50, x.VectorHNSWOverLangchaingoP50, x.VectorHNSWOverLangchaingoP95, r.Recall.DefaultEfSearch, x.HNSWOverExactP50)

	p("Lexical side skipped (`why.text_skipped`): %d of %d in-process searches (share %s).\n\n", r.TextSkipped.Queries, r.TextSkipped.Of, num(r.TextSkipped.Share, 4))

	lx := r.Lexical
	p("Lexical side alone (`Store.Search`, lexical ranking), %d free-text queries: the bounded read (the default above %s incidents) keeps %.4f of the full read's top %d on average (min %.2f); p50 / p95 / p99 ms bounded %s / %s / %s, full %s / %s / %s.\n\n",
		lx.Queries, num(float64(postgres.DefaultLexicalExactBelow), 0), lx.Recall, lx.K, lx.MinRecall, num(lx.Bounded.P50Ms, 2), num(lx.Bounded.P95Ms, 2), num(lx.Bounded.P99Ms, 2),
		num(lx.Full.P50Ms, 2), num(lx.Full.P95Ms, 2), num(lx.Full.P99Ms, 2))

	rc := r.Recall
	p("| m | ef_construction | build s | ef_search | chunk recall@%d (mean) | text | by incident | min | incident recall@%d | min | index used | p50 ms | p95 ms | search p50 ms |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|\n", rc.K, rc.K)
	build := map[[2]int]float64{}
	for _, b := range rc.Builds {
		build[[2]int{b.M, b.EfConstruction}] = b.Seconds
	}
	for _, pt := range rc.Points {
		name := strconv.Itoa(pt.EfSearch)
		if pt.EfSearch == rc.DefaultEfSearch && pt.M == postgresDefaultM && pt.EfConstruction == postgresDefaultEfc {
			name += " (default)"
		}
		secs := "built"
		if s := build[[2]int{pt.M, pt.EfConstruction}]; s > 0 {
			secs = num(s, 1)
		}
		p("| %d | %d | %s | %s | %.4f | %.4f | %.4f | %.2f | %.4f | %.2f | %s | %s | %s | %s |\n", pt.M, pt.EfConstruction, secs, name, pt.Recall, pt.RecallText, pt.RecallByIncident, pt.MinRecall,
			pt.IncidentRecall, pt.MinIncidentRecall, yesNo(pt.IndexUsed), num(pt.Latency.P50Ms, 2), num(pt.Latency.P95Ms, 2), num(pt.IncidentLatency.P50Ms, 2))
	}
	p("| | | | exact (index scans off) | 1 | 1 | 1 | 1 | 1 | 1 | %s | %s | %s | %s |\n", yesNo(rc.ExactUsedIndex), num(rc.Exact.P50Ms, 2), num(rc.Exact.P95Ms, 2), num(rc.IncidentExact.P50Ms, 2))
	p("\nChunk recall: the raw top-%d chunks of %d query vectors (the same texts path (c) embeds) against an exact scan; a hit as near as the exact k-th neighbour counts; p50/p95 time that raw query, database only; search p50 times the vector-only `Store.Search` (embedding, both queries, loading the answer). HNSW rows run with sorting off so that only the index can answer; left to choose, the planner picks the index: %s. Incident recall: the store's vector side (`Store.Search`, vector ranking only) taking its candidates from the index at that ef_search, against the same with every chunk compared (exact: p50 %s ms, p95 %s ms). `build s` is the index build time (\"built\": the index was already so). Total run %s s.\n",
		rc.K, rc.Queries, yesNo(rc.PlannerPicksIndex), num(rc.IncidentExact.P50Ms, 2), num(rc.IncidentExact.P95Ms, 2), num(r.Seconds, 0))
	_, err := io.WriteString(w, b.String())
	return err
}

var (
	postgresDefaultM   = postgres.DefaultHNSW.M
	postgresDefaultEfc = postgres.DefaultHNSW.EfConstruction
)

func schemaState(r *SearchReport) string {
	switch {
	case r.Reused:
		return "kept, loaded by an earlier --keep run whose load figures are repeated"
	case r.Kept:
		return "kept for later runs"
	}
	return "dropped at the end"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// WriteTable writes the report as Markdown, ready for BENCHMARKS.md.
func (r *IngestReport) WriteTable(w io.Writer) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("### Ingest: %s messages, %d runs\n\n", num(float64(r.Corpus.Messages), 0), len(r.Runs))
	p("Command: `%s`  \n", r.Command)
	p("Machine: %s  \n", r.Environment.line())
	p("Corpus: %s synthetic incidents, %s messages, %s chunks; `Store.Ingest` end to end (chunk + embed + write + index), a fresh schema (%s) each run.\n\n",
		num(float64(r.Corpus.Incidents), 0), num(float64(r.Corpus.Messages), 0), num(float64(r.Corpus.Chunks), 0), r.Schema)
	p("| messages/s median | min | max | median seconds | chunks/s median |\n|---:|---:|---:|---:|---:|\n")
	p("| %s | %s | %s | %s | %s |\n\n", num(r.MedianMessagesPerSec, 0), num(r.MinMessagesPerSec, 0), num(r.MaxMessagesPerSec, 0), num(r.MedianSeconds, 2), num(r.MedianChunksPerSec, 0))
	runs := make([]string, len(r.Runs))
	for i, run := range r.Runs {
		runs[i] = fmt.Sprintf("%s s", num(run.Seconds, 2))
	}
	p("Runs: %s.\n", strings.Join(runs, ", "))
	_, err := io.WriteString(w, b.String())
	return err
}
