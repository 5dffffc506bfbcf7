package bench

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func fixedEnv() Environment {
	return Environment{
		StartedAt: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), GoVersion: "go1.26.0", OS: "linux", Arch: "amd64",
		CPUs: 2, GOMAXPROCS: 2, Postgres: "15.20", PGVector: "0.8.0", Embedder: "local/v1/384", LoadAvg: 0.42,
		SharedBuffers: "1GB", HugePages: 540,
	}
}

func fixedLatency(p50 float64) Latency {
	return Latency{N: 300, P50Ms: p50, P95Ms: p50 * 2, P99Ms: p50 * 3, MeanMs: p50 * 1.2, MaxMs: p50 * 4}
}

func fixedPath(p50 float64) PathLatency {
	return PathLatency{All: fixedLatency(p50), Text: fixedLatency(p50 * 0.9), ByIncident: fixedLatency(p50 * 1.3)}
}

func fixedSearchReport() *SearchReport {
	return &SearchReport{
		Command: "copilot bench search --chunks 20000 --queries 300", Environment: fixedEnv(), Schema: "bench_4242",
		Corpus:      Corpus{Incidents: 6702, PublicIncidents: 6031, Messages: 268080, Chunks: 20000},
		Ours:        Insert{Chunks: 20000, Seconds: 41.5, ChunksPerSec: 481.9},
		Langchaingo: Insert{Chunks: 20000, Seconds: 60.25, ChunksPerSec: 331.95, Batch: 512},
		Queries:     Queries{Total: 300, Text: 200, ByIncident: 100, Warmup: 20, K: 10},
		Latency:     Paths{InProcess: fixedPath(8.5), HTTP: fixedPath(9.25), Langchaingo: fixedPath(40), VectorHNSW: fixedPath(1.75)},
		TextSkipped: TextSkipped{Queries: 0, Of: 320},
		Lexical:     LexicalRecall{K: 10, Queries: 300, Recall: 0.97, MinRecall: 0.6, Full: fixedLatency(30), Bounded: fixedLatency(4)},
		Recall: Recall{K: 10, Queries: 300, DefaultEfSearch: 100, Exact: fixedLatency(35), IncidentExact: fixedLatency(40),
			Builds: []IndexBuild{{M: 24, EfConstruction: 128}, {M: 16, EfConstruction: 64, Seconds: 20.5}},
			Points: []RecallPoint{
				{M: 24, EfConstruction: 128, EfSearch: 40, Recall: 0.9512, RecallText: 0.97, RecallByIncident: 0.9136, MinRecall: 0.6, IncidentRecall: 0.97, MinIncidentRecall: 0.7, IndexUsed: true, Latency: fixedLatency(0.9)},
				{M: 24, EfConstruction: 128, EfSearch: 100, Recall: 0.9901, RecallText: 0.995, RecallByIncident: 0.9803, MinRecall: 0.8, IncidentRecall: 0.99, MinIncidentRecall: 0.8, IncidentLatency: fixedLatency(6), IndexUsed: true, Latency: fixedLatency(1.4)},
				{M: 24, EfConstruction: 128, EfSearch: 200, Recall: 0.998, RecallText: 1, RecallByIncident: 0.994, MinRecall: 0.9, IncidentRecall: 1, MinIncidentRecall: 1, IndexUsed: true, Latency: fixedLatency(2.2)},
				{M: 16, EfConstruction: 64, EfSearch: 100, Recall: 0.995, RecallText: 1, RecallByIncident: 0.99, MinRecall: 0.9, IncidentRecall: 1, MinIncidentRecall: 1, IndexUsed: true, Latency: fixedLatency(1.6)},
			}},
		Ratios:  Ratios{InsertOursOverLangchaingo: 1.452, HTTPOverInProcessP50: 1.088, HTTPOverInProcessP95: 1.088, InProcessOverLangchaingoP50: 0.213, VectorHNSWOverLangchaingoP50: 0.044, VectorHNSWOverLangchaingoP95: 0.044, HNSWOverExactP50: 0.04},
		Seconds: 312.4,
	}
}

func fixedIngestReport() *IngestReport {
	return &IngestReport{
		Command: "copilot bench ingest --messages 10000", Environment: fixedEnv(), Schema: "bench_4242",
		Corpus:               Corpus{Incidents: 500, PublicIncidents: 450, Messages: 10000, Chunks: 712},
		Runs:                 []IngestRun{{Seconds: 2.5, MessagesPerSec: 4000}, {Seconds: 2, MessagesPerSec: 5000}, {Seconds: 2.25, MessagesPerSec: 4444.4}},
		MedianMessagesPerSec: 4444.4, MinMessagesPerSec: 4000, MaxMessagesPerSec: 5000, MedianSeconds: 2.25, MedianChunksPerSec: 316.4,
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run `go test ./internal/bench -run Golden -update` if the change is meant.\ngot:\n%s", path, got)
	}
}

func TestSearchTableGolden(t *testing.T) {
	var b bytes.Buffer
	if err := fixedSearchReport().WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "search_table.golden.md", b.Bytes())
}

func TestIngestTableGolden(t *testing.T) {
	var b bytes.Buffer
	if err := fixedIngestReport().WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "ingest_table.golden.md", b.Bytes())
}

func TestSearchReportJSONGolden(t *testing.T) {
	b, err := json.MarshalIndent(fixedSearchReport(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "search_report.golden.json", append(b, '\n'))
}

func TestTableMarksDefaultEfSearch(t *testing.T) {
	var b strings.Builder
	if err := fixedSearchReport().WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	// The default is ef_search 100 (this report's) on the store's default build, not
	// on the m=16 build.
	if strings.Count(b.String(), "(default)") != 1 || !strings.Contains(b.String(), "| 24 | 128 | built | 100 (default) |") {
		t.Errorf("the default ef_search row is not marked alone:\n%s", b.String())
	}
}
