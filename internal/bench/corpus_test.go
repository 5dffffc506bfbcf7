package bench

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

func TestIngestCorpusHoldsExactlyTheMessages(t *testing.T) {
	for _, n := range []int{1, 19, 20, 21, 300, 10_001} {
		incs := ingestCorpus(n, 1)
		total := 0
		ids := map[string]bool{}
		for _, inc := range incs {
			total += len(inc.Messages)
			if len(inc.Messages) == 0 {
				t.Errorf("n=%d: incident %s has no messages", n, inc.ID)
			}
			if ids[inc.ID] {
				t.Errorf("n=%d: id %s twice", n, inc.ID)
			}
			ids[inc.ID] = true
		}
		if total != n {
			t.Errorf("ingestCorpus(%d) holds %d messages", n, total)
		}
	}
}

var errorLineTests = []struct {
	name string
	msgs []string
	want string
}{
	{"quoted error", []string{"5xx up", "looking — seeing `FATAL: sorry, too many clients already`"}, "FATAL: sorry, too many clients already"},
	{"first of several", []string{"`x509: certificate has expired`", "`OOMKilled`"}, "x509: certificate has expired"},
	{"unclosed quote falls back to the title", []string{"seeing `half"}, "Title"},
	{"empty quote is skipped", []string{"`` then `OOMKilled, exit code 137`"}, "Title"},
	{"no quote", []string{"looking"}, "Title"},
}

func TestErrorLine(t *testing.T) {
	for _, tt := range errorLineTests {
		t.Run(tt.name, func(t *testing.T) {
			inc := &copilot.Incident{Title: "Title"}
			for _, m := range tt.msgs {
				inc.Messages = append(inc.Messages, copilot.Message{Text: m})
			}
			if got := errorLine(inc); got != tt.want {
				t.Errorf("errorLine = %q, want %q", got, tt.want)
			}
		})
	}
}

var searchPathTests = []struct {
	name, in, want string
}{
	{"url", "postgres://u:pw@127.0.0.1:5432/db?sslmode=disable", "postgres://u:pw@127.0.0.1:5432/db?search_path=bench_1%2Cpublic&sslmode=disable"},
	{"url without query", "postgresql://h/db", "postgresql://h/db?search_path=bench_1%2Cpublic"},
	{"url replaces a search path", "postgres://h/db?search_path=other", "postgres://h/db?search_path=bench_1%2Cpublic"},
	{"dsn", "host=h dbname=db", "host=h dbname=db search_path=bench_1,public"},
}

func TestWithSearchPath(t *testing.T) {
	for _, tt := range searchPathTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := withSearchPath(tt.in, "bench_1")
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("withSearchPath = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWithSearchPathHidesBadURL(t *testing.T) {
	_, err := withSearchPath("postgres://u:secretpw@h:notaport/db%zz", "bench_1")
	if err == nil {
		t.Fatal("want an error for a malformed URL")
	}
	if strings.Contains(err.Error(), "secretpw") {
		t.Errorf("error repeats the password: %v", err)
	}
}

func FuzzWithSearchPath(f *testing.F) {
	for _, tt := range searchPathTests {
		f.Add(tt.in)
	}
	f.Add("postgres://u:pw@[::1]:5432/db?a=b&a=c")
	f.Fuzz(func(t *testing.T, dsn string) {
		got, err := withSearchPath(dsn, "bench_1")
		if err != nil {
			if strings.Contains(err.Error(), dsn) && dsn != "" {
				t.Errorf("error repeats the connection string: %v", err)
			}
			return
		}
		if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
			u, err := url.Parse(got)
			if err != nil {
				t.Fatalf("result %q does not parse: %v", got, err)
			}
			if sp := u.Query().Get("search_path"); sp != "bench_1,public" {
				t.Errorf("search_path = %q in %q", sp, got)
			}
			return
		}
		if !strings.HasSuffix(got, " search_path=bench_1,public") {
			t.Errorf("dsn result %q lacks the search path", got)
		}
	})
}

func TestScrub(t *testing.T) {
	dsn := "postgres://u:hunter22@h/db"
	err := scrub(errors.New("connect "+dsn+": refused"), dsn)
	if strings.Contains(err.Error(), "hunter22") || !strings.Contains(err.Error(), "<DATABASE_URL>") {
		t.Errorf("scrub = %q", err)
	}
	if scrub(nil, dsn) != nil {
		t.Error("scrub(nil) is not nil")
	}
}

var configTests = []struct {
	name string
	cfg  SearchConfig
	want string // part of the message
}{
	{"no url", SearchConfig{}, "DATABASE_URL"},
	{"schema without prefix", SearchConfig{DatabaseURL: "x", Schema: "public"}, "bench_"},
	{"too few chunks", SearchConfig{DatabaseURL: "x", Chunks: 10}, "--chunks"},
	{"too many queries", SearchConfig{DatabaseURL: "x", Queries: maxQueries + 1}, "--queries"},
	{"negative queries", SearchConfig{DatabaseURL: "x", Queries: -1}, "--queries"},
	{"too many warm-up queries", SearchConfig{DatabaseURL: "x", Warmup: maxQueries + 1}, "--warmup"},
	{"negative warm-up", SearchConfig{DatabaseURL: "x", Warmup: -2}, "--warmup"},
	{"ef below k", SearchConfig{DatabaseURL: "x", EfSearch: []int{5}}, "ef_search"},
	{"bad batch", SearchConfig{DatabaseURL: "x", LangchainBatch: -2}, "batch"},
}

func TestSearchConfigValidation(t *testing.T) {
	for _, tt := range configTests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			err := cfg.setDefaults()
			if copilot.ErrorCode(err) != copilot.EINVALID || !strings.Contains(copilot.ErrorMessage(err), tt.want) {
				t.Errorf("setDefaults = %v, want EINVALID naming %q", err, tt.want)
			}
		})
	}
	cfg := SearchConfig{DatabaseURL: "x"}
	if err := cfg.setDefaults(); err != nil {
		t.Fatal(err)
	}
	if cfg.Chunks != DefaultChunks || cfg.Queries != DefaultQueries || cfg.Warmup != DefaultWarmup || len(cfg.EfSearch) != len(DefaultEfSearch) || !strings.HasPrefix(cfg.Schema, "bench_") {
		t.Errorf("defaults = %+v", cfg)
	}
}

func TestNoWarmupRunsNone(t *testing.T) {
	cfg := SearchConfig{DatabaseURL: "x", Warmup: NoWarmup}
	if err := cfg.setDefaults(); err != nil || cfg.Warmup != 0 {
		t.Errorf("setDefaults = %v, warmup %d; want none", err, cfg.Warmup)
	}
}

// The warm-up must not touch the timed queries' own pages: none of its texts or
// lookups is a timed one, and it still has the count asked for.
func TestWarmupQueriesAreNotTimedOnes(t *testing.T) {
	c := buildCorpus(2000, 1)
	timed, err := makeQueries(c, 300, 1)
	if err != nil {
		t.Fatal(err)
	}
	warm, err := warmupQueries(c, 100, 1, timed)
	if err != nil {
		t.Fatal(err)
	}
	if len(warm) != 100 {
		t.Errorf("%d warm-up queries, want 100", len(warm))
	}
	seen := map[string]bool{}
	for _, q := range timed {
		seen[q.incidentID+"|"+q.text] = true
	}
	kinds := map[bool]int{}
	for _, q := range warm {
		if seen[q.incidentID+"|"+q.text] {
			t.Errorf("warm-up query %q (lookup %q) is a timed one too", q.text, q.incidentID)
		}
		kinds[q.incidentID != ""]++
	}
	if kinds[true] == 0 || kinds[false] == 0 {
		t.Errorf("warm-up kinds = %v, want lookups and texts", kinds)
	}
}

func TestIngestConfigValidation(t *testing.T) {
	for _, tt := range []struct {
		name string
		cfg  IngestConfig
		want string
	}{
		{"no url", IngestConfig{}, "DATABASE_URL"},
		{"negative messages", IngestConfig{DatabaseURL: "x", Messages: -5}, "--messages"},
		{"too many runs", IngestConfig{DatabaseURL: "x", Runs: 51}, "runs"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			err := cfg.setDefaults()
			if copilot.ErrorCode(err) != copilot.EINVALID || !strings.Contains(copilot.ErrorMessage(err), tt.want) {
				t.Errorf("setDefaults = %v, want EINVALID naming %q", err, tt.want)
			}
		})
	}
	cfg := IngestConfig{DatabaseURL: "x"}
	if err := cfg.setDefaults(); err != nil {
		t.Fatal(err)
	}
	if cfg.Messages != DefaultMessages || cfg.Runs != DefaultIngestRuns || cfg.Seed != 1 || !strings.HasPrefix(cfg.Schema, "bench_") {
		t.Errorf("defaults = %+v", cfg)
	}
}
