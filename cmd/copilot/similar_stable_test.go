package main

import (
	"encoding/json"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/incidentcopilot/incident-copilot/api"
)

// TestSimilarSameFromCLIServerAndCrowd: `copilot similar ID` ranks the same
// incidents in the same order from cold CLI calls (each its own process state and
// connections), from a warm server asked again and again, and from 16 clients at
// once; with the default search (exact at this size) and with both sides on their
// large-memory paths (HNSW candidates, capped lexical read) forced.
func TestSimilarSameFromCLIServerAndCrowd(t *testing.T) {
	t.Parallel()
	for name, kv := range map[string][]string{
		"default":            nil,
		"large-memory paths": {"COPILOT_HNSW_EXACT_BELOW", "-1", "COPILOT_LEXICAL_EXACT_BELOW", "-1"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := envWith(devCorpusEnv(t), kv...)
			ids := func(body string) []string {
				t.Helper()
				var r api.SearchResponse
				if err := json.Unmarshal([]byte(body), &r); err != nil {
					t.Fatalf("%v: %s", err, body)
				}
				out := make([]string, len(r.Results))
				for i, x := range r.Results {
					out[i] = x.IncidentID
				}
				return out
			}
			for _, id := range []string{"INC-1003", "INC-1012"} {
				out, stderr, err := run(t, env, "similar", id, "--limit", "10", "--json")
				if err != nil {
					t.Fatalf("similar %s: %v\n%s", id, err, stderr)
				}
				want := ids(out)
				if len(want) < 3 {
					t.Fatalf("similar %s: only %v", id, want)
				}
				for i := 0; i < 2; i++ {
					out, _, err := run(t, env, "similar", id, "--limit", "10", "--json")
					if err != nil {
						t.Fatal(err)
					}
					if got := ids(out); !slices.Equal(got, want) {
						t.Errorf("cold CLI call %d of %s = %v, want %v", i, id, got, want)
					}
				}
				url := serveWith(t, env) + "/v1/incidents/" + id + "/similar?limit=10"
				for i := 0; i < 3; i++ {
					r := do(t, "GET", url, readerToken, nil)
					expectStatus(t, r, 200)
					if got := ids(r.body); !slices.Equal(got, want) {
						t.Errorf("warm server call %d of %s = %v, want %v", i, id, got, want)
					}
				}
				var wg sync.WaitGroup
				got := make([]response, 16)
				errs := make([]error, len(got))
				for i := range got {
					wg.Add(1)
					go func() {
						defer wg.Done()
						got[i], errs[i] = tryDo("GET", url, readerToken, "")
					}()
				}
				wg.Wait()
				if err := errors.Join(errs...); err != nil {
					t.Fatal(err)
				}
				for i, r := range got {
					expectStatus(t, r, 200)
					if g := ids(r.body); !slices.Equal(g, want) {
						t.Errorf("concurrent client %d of %s = %v, want %v", i, id, g, want)
					}
				}
			}
		})
	}
}
