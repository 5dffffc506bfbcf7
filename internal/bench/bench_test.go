package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/internal/synth"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

func testSchema(name string) string { return fmt.Sprintf("bench_t%d_%s", os.Getpid(), name) }

// schemaExists asks the database whether the bench left its schema behind.
func schemaExists(t *testing.T, url, schema string) bool {
	t.Helper()
	model, err := embeddings.NewLocal(dimensions)
	if err != nil {
		t.Fatal(err)
	}
	db, err := openDB(context.Background(), url, schema, model, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ok, err := db.SchemaExists(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

func checkLatency(t *testing.T, name string, l Latency, n int) {
	t.Helper()
	if l.N != n {
		t.Errorf("%s: %d timings, want %d", name, l.N, n)
	}
	if !(l.P50Ms > 0 && l.P50Ms <= l.P95Ms && l.P95Ms <= l.P99Ms && l.P99Ms <= l.MaxMs && l.MeanMs > 0) {
		t.Errorf("%s: latencies not positive and ordered: %+v", name, l)
	}
}

func TestRunIngestSmall(t *testing.T) {
	t.Parallel()
	url := dbtest.URL(t)
	schema := testSchema("ingest")
	// The harness, not the speed: 3 runs (a median between two others) of 5 incidents,
	// the last one cut short to make the message count exact. The default count of
	// runs is TestIngestConfigValidation's.
	const messages, runs = 90, 3
	rep, err := RunIngest(context.Background(), IngestConfig{DatabaseURL: url, Schema: schema, Messages: messages, Runs: runs, Command: "copilot bench ingest --messages 90"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Corpus.Messages != messages || rep.Corpus.Incidents != 5 || rep.Corpus.Chunks < rep.Corpus.Incidents {
		t.Errorf("corpus = %+v, want %d messages in 5 incidents, at least a chunk each", rep.Corpus, messages)
	}
	if len(rep.Runs) != runs {
		t.Fatalf("%d runs, want %d", len(rep.Runs), runs)
	}
	for i, r := range rep.Runs {
		if r.Seconds <= 0 || math.Abs(r.MessagesPerSec-messages/r.Seconds) > 0.01*r.MessagesPerSec+0.1 {
			t.Errorf("run %d = %+v: rate does not match %d messages over its time", i, r, messages)
		}
	}
	if !(rep.MinMessagesPerSec <= rep.MedianMessagesPerSec && rep.MedianMessagesPerSec <= rep.MaxMessagesPerSec && rep.MinMessagesPerSec > 0) {
		t.Errorf("median %v outside [%v, %v]", rep.MedianMessagesPerSec, rep.MinMessagesPerSec, rep.MaxMessagesPerSec)
	}
	if rep.Environment.Postgres == "" || rep.Environment.PGVector == "" || rep.Environment.Embedder != "local/v1/384/lex-"+failure.Version()+"/text-"+text.Version() {
		t.Errorf("environment = %+v", rep.Environment)
	}
	if schemaExists(t, url, schema) {
		t.Errorf("schema %s was left behind", schema)
	}
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "`copilot bench ingest --messages 90`") {
		t.Errorf("table lacks the command:\n%s", b.String())
	}
}

func TestRunSearchSmall(t *testing.T) {
	t.Parallel()
	url := dbtest.URL(t)
	schema := testSchema("search")
	// Enough chunks for every path and the HNSW recall points to run (the recall
	// scans force the index at any size); the figures themselves come from the
	// command at 100k. The test checks the harness, not the speed.
	const chunks, queries = 200, 9
	rep, err := RunSearch(context.Background(), SearchConfig{DatabaseURL: url, Schema: schema, Chunks: chunks, Queries: queries, Command: "copilot bench search"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if schemaExists(t, url, schema) {
		t.Errorf("schema %s was left behind", schema)
	}
	c := rep.Corpus
	if c.Chunks < chunks || c.Chunks > chunks+50 || c.Incidents == 0 || c.PublicIncidents == 0 || c.Messages != c.Incidents*searchMsgsPer {
		t.Errorf("corpus = %+v, want about %d chunks of %d-message incidents", c, chunks, searchMsgsPer)
	}
	if rep.Ours.Chunks != c.Chunks || rep.Langchaingo.Chunks != c.Chunks || rep.Langchaingo.Batch != DefaultLangchainBatch {
		t.Errorf("inserts ours %+v, langchaingo %+v, want %d chunks each", rep.Ours, rep.Langchaingo, c.Chunks)
	}
	for name, in := range map[string]Insert{"ours": rep.Ours, "langchaingo": rep.Langchaingo} {
		if in.Seconds <= 0 || in.ChunksPerSec <= 0 {
			t.Errorf("%s insert = %+v", name, in)
		}
	}
	q := rep.Queries
	if q.Total != queries || q.Text+q.ByIncident != queries || q.ByIncident != queries/3 || q.K != 10 {
		t.Errorf("queries = %+v", q)
	}
	for name, p := range map[string]PathLatency{"in process": rep.Latency.InProcess, "http": rep.Latency.HTTP, "langchaingo": rep.Latency.Langchaingo, "vector": rep.Latency.VectorHNSW} {
		checkLatency(t, name, p.All, queries)
		checkLatency(t, name+" text", p.Text, q.Text)
		checkLatency(t, name+" by incident", p.ByIncident, q.ByIncident)
		if p.Empty != 0 {
			t.Errorf("%s: %d queries found nothing", name, p.Empty)
		}
	}

	rc := rep.Recall
	if rc.K != 10 || rc.Queries != queries || rc.ExactUsedIndex || rc.DefaultEfSearch != postgres.DefaultHNSW.EfSearch {
		t.Errorf("recall = %+v", rc)
	}
	checkLatency(t, "exact", rc.Exact, queries)
	if len(rc.Points) != len(DefaultEfSearch) {
		t.Fatalf("%d recall points, want %d", len(rc.Points), len(DefaultEfSearch))
	}
	for i, pt := range rc.Points {
		if pt.EfSearch != DefaultEfSearch[i] || !pt.IndexUsed {
			t.Errorf("point %d = %+v, want ef_search %d through the index", i, pt, DefaultEfSearch[i])
		}
		if pt.Recall < 0 || pt.Recall > 1 || pt.MinRecall < 0 || pt.MinRecall > pt.Recall {
			t.Errorf("ef_search %d: recall %v (min %v) out of range", pt.EfSearch, pt.Recall, pt.MinRecall)
		}
		// The overall mean is the kinds' means weighted by their counts.
		weighted := (pt.RecallText*float64(q.Text) + pt.RecallByIncident*float64(q.ByIncident)) / float64(queries)
		if math.Abs(weighted-pt.Recall) > 1e-3 || pt.RecallText < pt.MinRecall || pt.RecallByIncident < pt.MinRecall {
			t.Errorf("ef_search %d: recall %v does not match text %v and by incident %v", pt.EfSearch, pt.Recall, pt.RecallText, pt.RecallByIncident)
		}
		checkLatency(t, fmt.Sprintf("ef_search %d", pt.EfSearch), pt.Latency, queries)
	}

	x := rep.Ratios
	for name, v := range map[string]float64{
		"insert": x.InsertOursOverLangchaingo, "http/in process": x.HTTPOverInProcessP50, "in process/langchaingo": x.InProcessOverLangchaingoP50,
		"hnsw/langchaingo": x.VectorHNSWOverLangchaingoP50, "hnsw/exact": x.HNSWOverExactP50,
	} {
		if v <= 0 {
			t.Errorf("ratio %s = %v, want > 0", name, v)
		}
	}
	if want := ratio(rep.Ours.ChunksPerSec, rep.Langchaingo.ChunksPerSec); x.InsertOursOverLangchaingo != want {
		t.Errorf("insert ratio = %v, want %v", x.InsertOursOverLangchaingo, want)
	}

	// The JSON carries every section the table is made from.
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"command", "environment", "corpus", "insert_ours", "insert_langchaingo", "queries", "latency", "recall", "ratios"} {
		if _, ok := m[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
}

func TestRunSearchLeavesAnExistingSchemaAlone(t *testing.T) {
	url := dbtest.URL(t)
	schema := testSchema("taken")
	model, err := embeddings.NewLocal(dimensions)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := postgres.Open(ctx, url, model, postgres.Options{Schema: schema, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		defer s.Close()
		if err := s.DropSchema(context.Background()); err != nil {
			t.Errorf("drop %s: %v", schema, err)
		}
	})
	db, err := openDB(ctx, url, schema, model, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.CreateSchema(ctx); err != nil {
		t.Fatal(err)
	}

	_, err = RunSearch(ctx, SearchConfig{DatabaseURL: url, Schema: schema, Chunks: 100, Queries: 3}, nil)
	if copilot.ErrorCode(err) != copilot.ECONFLICT {
		t.Errorf("RunSearch into an existing schema = %v, want ECONFLICT", err)
	}
	// --keep reuses only a schema a finished --keep run loaded.
	_, err = RunSearch(ctx, SearchConfig{DatabaseURL: url, Schema: schema, Chunks: 100, Queries: 3, Keep: true}, nil)
	if copilot.ErrorCode(err) != copilot.ECONFLICT {
		t.Errorf("RunSearch --keep into a schema no keep run loaded = %v, want ECONFLICT", err)
	}
	if !schemaExists(t, url, schema) {
		t.Errorf("RunSearch dropped schema %s, which it did not create", schema)
	}
}

// TestRunSearchKeepReuses: a --keep run leaves its loaded schema, a second one with
// the same corpus reuses it without loading, and one with another corpus refuses it.
func TestRunSearchKeepReuses(t *testing.T) {
	url := dbtest.URL(t)
	schema := testSchema("keep")
	ctx := context.Background()
	t.Cleanup(func() {
		db, err := openDB(context.Background(), url, schema, mustLocal(t), 0)
		if err != nil {
			t.Error(err)
			return
		}
		defer db.Close()
		if _, err := db.pool.Exec(context.Background(), "DROP SCHEMA IF EXISTS "+schema+" CASCADE"); err != nil {
			t.Error(err)
		}
	})
	cfg := SearchConfig{DatabaseURL: url, Schema: schema, Chunks: 100, Queries: 3, EfSearch: []int{40}, Keep: true}
	first, err := RunSearch(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Reused || !first.Kept || first.Ours.Chunks != first.Corpus.Chunks {
		t.Fatalf("first keep run: reused %v, kept %v, loaded %+v", first.Reused, first.Kept, first.Ours)
	}
	if !schemaExists(t, url, schema) {
		t.Fatalf("--keep dropped schema %s", schema)
	}
	second, err := RunSearch(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !second.Reused || second.Ours != first.Ours || second.Corpus != first.Corpus {
		t.Errorf("second keep run: reused %v, load %+v (first %+v)", second.Reused, second.Ours, first.Ours)
	}
	if second.Latency.InProcess.Empty == second.Queries.Total {
		t.Error("the reused corpus answered no query")
	}
	only := cfg
	only.SearchOnly = true
	third, err := RunSearch(ctx, only, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkLatency(t, "search only, in process", third.Latency.InProcess.All, third.Queries.Total)
	if l := third.Latency; l.HTTP.All.N+l.Langchaingo.All.N+l.VectorHNSW.All.N != 0 || len(third.Recall.Points) != 0 {
		t.Errorf("--search-only timed other paths (%+v) or measured recall (%d points)", l, len(third.Recall.Points))
	}
	only.RecallOnly = true
	if _, err := RunSearch(ctx, only, nil); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("--search-only with --recall-only = %v, want EINVALID", err)
	}
	other := cfg
	other.Chunks = 150
	if _, err := RunSearch(ctx, other, nil); copilot.ErrorCode(err) != copilot.ECONFLICT {
		t.Errorf("keep run with another corpus = %v, want ECONFLICT", err)
	}
	if _, err := RunSearch(ctx, SearchConfig{DatabaseURL: url, Chunks: 100, Queries: 3, Keep: true}, nil); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("keep without a schema = %v, want EINVALID", err)
	}
}

func mustLocal(t *testing.T) *embeddings.Local {
	t.Helper()
	m, err := embeddings.NewLocal(dimensions)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestVectorTopK checks the bench's measuring stick against a brute-force search in
// Go over the same vectors: exact mode must return the true nearest distances, and
// the HNSW mode can never beat them.
func TestVectorTopK(t *testing.T) {
	url := dbtest.URL(t)
	ctx := context.Background()
	model, err := embeddings.NewLocal(dimensions)
	if err != nil {
		t.Fatal(err)
	}
	s, db, cleanup, err := openFresh(ctx, url, testSchema("topk"), model)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := cleanup(); err != nil {
			t.Error(err)
		}
	})
	incs := synth.Incidents(60, searchMsgsPer, 7, "V")
	if _, err := s.Ingest(ctx, incs, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, inc := range incs {
		texts = append(texts, chunkTexts(inc)...)
	}
	vecs, err := model.EmbedDocuments(ctx, texts)
	if err != nil {
		t.Fatal(err)
	}
	const k = 10
	for _, qtext := range []string{"FATAL: sorry, too many clients already", "x509: certificate has expired", "rolling back checkout-api"} {
		qv, err := model.EmbedQuery(ctx, qtext)
		if err != nil {
			t.Fatal(err)
		}
		var want []float64
		for _, v := range vecs {
			want = append(want, cosineDistance(qv, v))
		}
		sort.Float64s(want)
		want = want[:k]

		exact, err := db.VectorTopK(ctx, qv, k, VectorScan{Exact: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(exact) != k {
			t.Fatalf("%q: exact returned %d hits", qtext, len(exact))
		}
		for i, h := range exact {
			if math.Abs(h.Distance-want[i]) > 1e-4 {
				t.Errorf("%q: exact hit %d at distance %.6f, brute force %.6f", qtext, i, h.Distance, want[i])
			}
		}
		approx, err := db.VectorTopK(ctx, qv, k, VectorScan{EfSearch: 200})
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range approx {
			if h.Distance < want[i]-1e-4 {
				t.Errorf("%q: hnsw hit %d nearer (%.6f) than the true %d-th neighbour (%.6f)", qtext, i, h.Distance, i+1, want[i])
			}
		}
		if r := recallAt(exact, approx, k); r < 0 || r > 1 {
			t.Errorf("recall %v", r)
		}
	}

	// The HNSW mode measures the index even on a table this small, where the planner
	// on its own may prefer a sequential scan; the exact mode must never use it.
	used, err := db.VectorScanUsesIndex(ctx, VectorScan{})
	if err != nil || !used {
		t.Errorf("hnsw plan uses index = %v, %v; want true", used, err)
	}
	used, err = db.VectorScanUsesIndex(ctx, VectorScan{Exact: true})
	if err != nil || used {
		t.Errorf("exact plan uses index = %v, %v; want false", used, err)
	}

	for _, tt := range []struct {
		name string
		vec  []float32
		k    int
		scan VectorScan
	}{
		{"wrong dimension", make([]float32, 3), k, VectorScan{}},
		{"k zero", make([]float32, dimensions), 0, VectorScan{}},
		{"k too large", make([]float32, dimensions), MaxVectorTopK + 1, VectorScan{}},
		{"ef_search too large", make([]float32, dimensions), k, VectorScan{EfSearch: 5000}},
	} {
		if _, err := db.VectorTopK(ctx, tt.vec, tt.k, tt.scan); copilot.ErrorCode(err) != copilot.EINVALID {
			t.Errorf("%s: err = %v, want EINVALID", tt.name, err)
		}
	}
}

func cosineDistance(a, b []float32) float64 {
	var dot, na, nb float64
	for i := range a {
		dot += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	return 1 - dot/math.Sqrt(na*nb)
}

func TestDropSchemaNeedsOwnSchema(t *testing.T) {
	url := dbtest.URL(t)
	model, err := embeddings.NewLocal(dimensions)
	if err != nil {
		t.Fatal(err)
	}
	s, err := postgres.Open(context.Background(), url, model, postgres.Options{Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db, err := openDB(context.Background(), url, "", model, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for name, f := range map[string]func(context.Context) error{"drop": s.DropSchema, "create": db.CreateSchema} {
		if err := f(context.Background()); copilot.ErrorCode(err) != copilot.EINVALID {
			t.Errorf("%s without a schema of its own = %v, want EINVALID", name, err)
		}
	}
}
