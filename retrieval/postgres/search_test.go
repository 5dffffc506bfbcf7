package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// filterCorpus: 500 public checkout incidents about connection exhaustion, and a few
// incidents of other teams, services and times that are worded differently. 500 is
// fifty times the narrow beam (EfSearch 10) the filter test searches with: a search
// that filtered after a bounded index scan would see none of the few.
func filterCorpus(t *testing.T) []*copilot.Incident {
	t.Helper()
	var incs []*copilot.Incident
	for i := 0; i < 500; i++ {
		inc := sampleIncident(fmt.Sprintf("POOL-%04d", i), 3, "public")
		incs = append(incs, inc)
	}
	base := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	other := func(id, team, svc, status, vis string, at time.Time, text string) *copilot.Incident {
		inc := &copilot.Incident{ID: id, Title: text, Team: team, Services: []string{svc}, Status: status,
			Visibility: vis, StartedAt: at, Source: copilot.SourceDocument}
		for j := 0; j < 4; j++ {
			inc.Messages = append(inc.Messages, copilot.Message{TS: copilot.FormatTS(at.Add(time.Duration(j) * time.Minute)), UserName: "ops", Text: fmt.Sprintf("%s (%d)", text, j)})
		}
		return inc
	}
	incs = append(incs,
		other("DNS-1", "edge", "resolver", "resolved", "public", base, "coredns SERVFAIL for internal names"),
		other("DNS-2", "edge", "resolver", "mitigated", "public", base.AddDate(0, 1, 0), "lookups fail: no such host"),
		other("DNS-3", "edge", "gateway", "resolved", "public", base.AddDate(0, 2, 0), "NXDOMAIN storm from ndots"),
		other("DNS-4", "edge", "gateway", "resolved", "private", base.AddDate(0, 3, 0), "resolver timeouts on :53"),
	)
	return incs
}

// filterHNSW is the narrow graph the filter corpus's index is built with: few
// neighbours, so the incidents that pass a filter sit far from the query's entry.
var filterHNSW = postgres.HNSW{M: 16, EfConstruction: 64}

// filterStored is the filter corpus stored once per test binary: the tests that use
// it only read it, each through a store of its own.
var filterStored struct {
	sync.Mutex
	schema string
}

// filterMemory opens a store with opts on the stored filter corpus, storing it on
// first use (its HNSW index built with filterHNSW). A test that fails to store it
// leaves it unset, so the next one tries again.
func filterMemory(t *testing.T, opts postgres.Options) *postgres.Store {
	t.Helper()
	filterStored.Lock()
	defer filterStored.Unlock()
	if filterStored.schema == "" {
		schema := dbtest.Kept(t)
		s := openOn(t, schema, postgres.Options{HNSW: filterHNSW, Redact: redact.String, RedactVersion: redact.Version})
		ctx := context.Background()
		if _, err := s.Migrate(ctx); err != nil {
			t.Fatalf("migrate: %v", err)
		}
		if _, err := s.Ingest(ctx, filterCorpus(t), copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
			t.Fatal(err)
		}
		filterStored.schema = schema
	}
	return openOn(t, filterStored.schema, opts)
}

// openOn opens a store on an existing schema, closed when t ends.
func openOn(t *testing.T, schema string, opts postgres.Options) *postgres.Store {
	t.Helper()
	model, err := embeddings.NewLocal(64)
	if err != nil {
		t.Fatal(err)
	}
	opts.Schema = schema
	s, err := postgres.Open(context.Background(), dbtest.URL(t), model, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

var filterTests = []struct {
	name   string
	filter copilot.IncidentFilter
	limit  int
	want   []string // exactly these incidents, in any order
}{
	{name: "team", filter: copilot.IncidentFilter{Team: "edge"}, limit: 5, want: []string{"DNS-1", "DNS-2", "DNS-3"}},
	{name: "team with private scope", filter: copilot.IncidentFilter{Team: "edge", IncludePrivate: true}, limit: 5, want: []string{"DNS-1", "DNS-2", "DNS-3", "DNS-4"}},
	{name: "service", filter: copilot.IncidentFilter{Services: []string{"gateway"}}, limit: 5, want: []string{"DNS-3"}},
	{name: "status", filter: copilot.IncidentFilter{Status: "mitigated"}, limit: 5, want: []string{"DNS-2"}},
	{name: "time range", filter: copilot.IncidentFilter{Team: "edge", Since: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 8, 15, 0, 0, 0, 0, time.UTC)}, limit: 5, want: []string{"DNS-2", "DNS-3"}},
	{name: "limit honoured under a filter", filter: copilot.IncidentFilter{Team: "edge", IncludePrivate: true}, limit: 2, want: nil},
	{name: "exclude", filter: copilot.IncidentFilter{Team: "edge", ExcludeIDs: []string{"DNS-1"}}, limit: 5, want: []string{"DNS-2", "DNS-3"}},
}

// TestSearchFilters queries with text that matches the 500 unfiltered incidents
// best, so the few incidents that pass each filter sit far down the HNSW graph, and
// searches with a narrow beam: a search that filtered after a bounded index scan
// would come back short.
//
// It runs with the vector side exact (the corpus is under the default threshold)
// and with its candidates taken from the HNSW index, where pgvector's iterative
// scan must keep reading the graph while the filter rejects rows.
func TestSearchFilters(t *testing.T) {
	t.Parallel()
	for name, exactBelow := range map[string]int{"exact": 0, "index": -1} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := filterHNSW
			h.EfSearch, h.ExactBelow = 10, exactBelow
			testSearchFilters(t, h)
		})
	}
}

func testSearchFilters(t *testing.T, hnsw postgres.HNSW) {
	s := filterMemory(t, postgres.Options{HNSW: hnsw, Redact: redact.String, RedactVersion: redact.Version})
	ctx := context.Background()
	if hnsw.ExactBelow < 0 {
		for _, tt := range filterTests {
			plan, err := postgres.IndexedVectorPlan(ctx, s, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(plan, "chunks_hnsw_") {
				t.Fatalf("%s: the index path is not planned with the HNSW index:\n%s", tt.name, plan)
			}
		}
	}
	for _, tt := range filterTests {
		t.Run(tt.name, func(t *testing.T) {
			// Each DNS incident shares one word with the query, so it is an answer
			// (retrieval.Similar); the pool incidents still match it best.
			res, err := s.Search(ctx, copilot.SearchQuery{Text: "pool exhausted, too many clients already; coredns lookups nxdomain resolver", Limit: tt.limit, Filter: tt.filter})
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == nil {
				if len(res) != tt.limit {
					t.Fatalf("got %d results, want the limit %d", len(res), tt.limit)
				}
				return
			}
			got := map[string]bool{}
			for _, r := range res {
				got[r.IncidentID] = true
			}
			if len(res) != len(tt.want) {
				t.Fatalf("got %v, want %v", ids(res), tt.want)
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Fatalf("got %v, want %v", ids(res), tt.want)
				}
			}
		})
	}
}

func TestSearchExplainsAndExcludesQueryIncident(t *testing.T) {
	t.Parallel()
	// The store's own HNSW settings (the vector side is exact at this size).
	s := filterMemory(t, postgres.Options{MaxConns: 6, Redact: redact.String, RedactVersion: redact.Version})
	ctx := context.Background()
	res, err := s.Search(ctx, copilot.SearchQuery{IncidentID: "DNS-1", Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 {
		t.Fatalf("got %d results", len(res))
	}
	for _, r := range res {
		if r.IncidentID == "DNS-1" || r.IncidentID == "DNS-4" {
			t.Errorf("result %s is the query incident or private", r.IncidentID)
		}
		if len(r.Snippets) == 0 || len(r.Snippets[0].SourceTS) == 0 {
			t.Errorf("%s: no snippet with source ts", r.IncidentID)
		}
		if r.Why.VectorRank == 0 && r.Why.TextRank == 0 {
			t.Errorf("%s: why gives no rank", r.IncidentID)
		}
	}
	if res[0].Score < res[len(res)-1].Score {
		t.Errorf("results not ordered by score: %v", res)
	}
	if _, err := s.Search(ctx, copilot.SearchQuery{IncidentID: "DNS-4", Limit: 3}); copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Errorf("by-incident search of a private incident without scope: %v", err)
	}
	for _, bad := range []copilot.SearchQuery{{}, {Text: "x", Limit: 1000}, {Text: "x", Limit: -1}} {
		if _, err := s.Search(ctx, bad); copilot.ErrorCode(err) != copilot.EINVALID {
			t.Errorf("Search(%+v) err = %v, want EINVALID", bad, err)
		}
	}
}

func ids(rs []copilot.SearchResult) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.IncidentID)
	}
	return out
}
