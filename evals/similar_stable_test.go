package evals_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/evals"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// devMemory stores the dev corpus in a schema of its own and returns a function that
// opens a new store on it: a cold process, with nothing cached.
func devMemory(t *testing.T) func() *postgres.Store {
	t.Helper()
	open := devMemoryOpener(t)
	return func() *postgres.Store { return open(postgres.HNSW{}) }
}

// devMemoryWith is devMemory with stores opened with the given HNSW settings.
func devMemoryWith(t *testing.T, hnsw postgres.HNSW) func() *postgres.Store {
	t.Helper()
	open := devMemoryOpener(t)
	return func() *postgres.Store { return open(hnsw) }
}

// devMemoryOpener stores the dev corpus and returns a function that opens a new
// store on it with the given HNSW settings.
func devMemoryOpener(t *testing.T) func(postgres.HNSW) *postgres.Store {
	t.Helper()
	open := devMemoryOptions(t)
	return func(h postgres.HNSW) *postgres.Store { return open(postgres.Options{HNSW: h}) }
}

// devStored is the dev corpus stored once per test binary: the tests below only read
// it, each through stores of its own.
var devStored struct {
	sync.Mutex
	schema string
}

// devSchema returns the schema holding the dev corpus, storing it on first use. A
// test that fails to store it leaves it unset, so the next test tries again.
func devSchema(t *testing.T) string {
	t.Helper()
	devStored.Lock()
	defer devStored.Unlock()
	if devStored.schema != "" {
		return devStored.schema
	}
	c, err := evals.LoadCorpus("testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	schema := dbtest.Kept(t)
	s := openDev(t, schema, postgres.Options{})
	ctx := context.Background()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ingest(ctx, c.All, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}
	devStored.schema = schema
	return schema
}

// openDev opens a store on schema with the given options (pool size and redaction
// are set), closed when the test ends.
func openDev(t *testing.T, schema string, o postgres.Options) *postgres.Store {
	t.Helper()
	model, err := embeddings.NewLocal(384)
	if err != nil {
		t.Fatal(err)
	}
	s, err := postgres.Open(context.Background(), dbtest.URL(t), model, postgres.Options{Schema: schema, MaxConns: 4, HNSW: o.HNSW, Fusion: o.Fusion,
		LexicalExactBelow: o.LexicalExactBelow, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// devMemoryOptions returns a function that opens a new store on the stored dev
// corpus with the given options.
func devMemoryOptions(t *testing.T) func(postgres.Options) *postgres.Store {
	t.Helper()
	schema := devSchema(t)
	return func(o postgres.Options) *postgres.Store { return openDev(t, schema, o) }
}

// rankings ranks every query, a few at a time (each search mostly waits for the
// database); the i-th ranking answers the i-th query.
func rankings(t *testing.T, s *postgres.Store, queries []copilot.SearchQuery) [][]string {
	out := make([][]string, len(queries))
	next := make(chan int)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = ranking(t, s, queries[i])
			}
		}()
	}
	for i := range queries {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func ranking(t *testing.T, s *postgres.Store, q copilot.SearchQuery) []string {
	res, err := s.Search(context.Background(), q)
	if err != nil {
		t.Error(err)
		return nil
	}
	ids := make([]string, len(res))
	for i, r := range res {
		ids[i] = r.IncidentID
	}
	return ids
}

// TestSimilarIsDeterministic: the same query ranks the same incidents in the same
// order from a cold store, a warm one asked again and again, and eight at once
// through a pool smaller than the crowd; with the vector side exact (the dev memory
// is small) and with its candidates from the HNSW index.
func TestSimilarIsDeterministic(t *testing.T) {
	t.Parallel()
	for name, hnsw := range map[string]postgres.HNSW{"exact": {}, "index": {ExactBelow: -1}} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			testDeterministic(t, devMemoryWith(t, hnsw))
		})
	}
}

func testDeterministic(t *testing.T, open func() *postgres.Store) {
	queries := []copilot.SearchQuery{
		{IncidentID: "INC-1003", Limit: 10},
		{Text: "checkout 5xx: too many clients already, pool exhausted", Limit: 10},
	}
	for _, q := range queries {
		want := ranking(t, open(), q)
		if len(want) < 3 {
			t.Fatalf("%+v: only %d results", q, len(want))
		}
		for i := 0; i < 3; i++ {
			if got := ranking(t, open(), q); !slices.Equal(got, want) {
				t.Errorf("cold run %d of %+v = %v, want %v", i, q, got, want)
			}
		}
		warm := open()
		for i := 0; i < 5; i++ {
			if got := ranking(t, warm, q); !slices.Equal(got, want) {
				t.Errorf("warm run %d of %+v = %v, want %v", i, q, got, want)
			}
		}
		var wg sync.WaitGroup
		got := make([][]string, 8)
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[i] = ranking(t, warm, q)
			}()
		}
		wg.Wait()
		for i, g := range got {
			if !slices.Equal(g, want) {
				t.Errorf("concurrent run %d of %+v = %v, want %v", i, q, g, want)
			}
		}
	}
}

// TestIndexedVectorSideRanksLikeExact: on the dev memory, a store that takes the
// vector side's candidates from the HNSW index ranks every query (each incident by
// id, and each title as free text, private incidents in scope) exactly as a store
// that compares every chunk.
func TestIndexedVectorSideRanksLikeExact(t *testing.T) {
	t.Parallel()
	c, err := evals.LoadCorpus("testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	open := devMemoryOpener(t)
	exact, indexed := open(postgres.HNSW{}), open(postgres.HNSW{ExactBelow: -1})
	if len(c.All) < 40 {
		t.Fatalf("dev corpus has %d incidents", len(c.All))
	}
	var queries []copilot.SearchQuery
	for _, inc := range c.All {
		f := copilot.IncidentFilter{IncludePrivate: true}
		queries = append(queries, copilot.SearchQuery{IncidentID: inc.ID, Limit: 10, Filter: f}, copilot.SearchQuery{Text: inc.Title, Limit: 10, Filter: f})
	}
	nonEmpty := 0
	wants, gots := rankings(t, exact, queries), rankings(t, indexed, queries)
	for i, q := range queries {
		want, got := wants[i], gots[i]
		if !slices.Equal(got, want) {
			t.Errorf("%+v: index path %v, exact %v", q, got, want)
		}
		if len(want) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < len(queries)*9/10 {
		t.Errorf("only %d of %d queries found anything; the comparison proves little", nonEmpty, len(queries))
	}
}

// TestBoundedLexicalSideRanksLikeExact: the capped lexical read (the rarest query
// terms, the highest-impact postings of each) ranks like the full one where the
// caps take nothing away: each dev title as a query has fewer terms than the term
// cap, and no dev term is in more incidents than the posting cap. Lexical ranking
// alone, so the vector side cannot hide a difference.
func TestBoundedLexicalSideRanksLikeExact(t *testing.T) {
	t.Parallel()
	c, err := evals.LoadCorpus("testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	open := devMemoryOptions(t)
	exact := open(postgres.Options{Fusion: retrieval.FusionLexical})
	bounded := open(postgres.Options{Fusion: retrieval.FusionLexical, LexicalExactBelow: -1})
	var queries []copilot.SearchQuery
	for _, inc := range c.All {
		queries = append(queries, copilot.SearchQuery{Text: inc.Title, Limit: 10, Filter: copilot.IncidentFilter{IncludePrivate: true}})
	}
	nonEmpty := 0
	wants, gots := rankings(t, exact, queries), rankings(t, bounded, queries)
	for i, inc := range c.All {
		want, got := wants[i], gots[i]
		if !slices.Equal(got, want) {
			t.Errorf("%q: bounded %v, exact %v", inc.Title, got, want)
		}
		if len(want) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < len(c.All)*9/10 {
		t.Errorf("only %d of %d titles found anything; the comparison proves little", nonEmpty, len(c.All))
	}
}

// TestNonsenseFindsNothing: a query that shares no word with any incident and is
// unlike all of them answers no similar incident, while a real one still does.
func TestNonsenseFindsNothing(t *testing.T) {
	t.Parallel()
	s := devMemory(t)()
	for _, q := range []string{"xyzzy plugh frobnicate", "qwertyuiop asdfghjkl"} {
		if got := ranking(t, s, copilot.SearchQuery{Text: q, Limit: 5}); len(got) != 0 {
			t.Errorf("%q found %v, want nothing", q, got)
		}
	}
	if got := ranking(t, s, copilot.SearchQuery{Text: "redis OOM evicting session keys", Limit: 5}); len(got) == 0 {
		t.Error("a real query found nothing")
	}
}
