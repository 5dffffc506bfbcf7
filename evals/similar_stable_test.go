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
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// devMemory stores the dev corpus in a schema of its own and returns a function that
// opens a new store on it: a cold process, with nothing cached.
func devMemory(t *testing.T) func() *postgres.Store {
	t.Helper()
	c, err := evals.LoadCorpus("testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	url, schema := dbtest.URL(t), dbtest.Schema(t)
	ctx := context.Background()
	open := func() *postgres.Store {
		model, err := embeddings.NewLocal(384)
		if err != nil {
			t.Fatal(err)
		}
		s, err := postgres.Open(ctx, url, model, postgres.Options{Schema: schema, MaxConns: 4, Redact: redact.String, RedactVersion: redact.Version})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.Close)
		return s
	}
	s := open()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ingest(ctx, c.All, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}
	return open
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
// through a pool smaller than the crowd.
func TestSimilarIsDeterministic(t *testing.T) {
	t.Parallel()
	open := devMemory(t)
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
