package evals

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// TestSearchReportAtAnyConcurrency: incidents are measured several at a time, and
// the report (every metric, miss and family score) is the one a run measuring them
// one by one makes. The dev corpus, runbooks drafted from the similar incidents found
// and a searcher whose answers depend on the query, so a result merged under the
// wrong incident shows.
func TestSearchReportAtAnyConcurrency(t *testing.T) {
	t.Parallel()
	c := first20(t)
	run := func(workers int) *Report {
		t.Helper()
		defer func(w int) { searchWorkers = w }(searchWorkers)
		searchWorkers = workers
		r, err := Run(context.Background(), []*Corpus{c}, RunOptions{Engine: draftingEngine{}, Search: searchQuoted{c.All},
			Ablations: map[string]Searcher{EngineLexical: searchQuoted{reversed(c.All)}}})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	sameReport(t, "one at a time", run(1), "eight at a time", run(8))
}

// first20 is the dev corpus cut to its first 20 incidents: enough to catch a
// mixed-up merge, at a fifth of the whole corpus's cost (the baselines rank the pool
// for every query).
func first20(t *testing.T) *Corpus {
	t.Helper()
	c, err := LoadCorpus(filepath.Join("testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Incidents) < 20 {
		t.Fatalf("dev corpus has %d labelled incidents", len(c.Incidents))
	}
	c.Incidents = c.Incidents[:20]
	c.All = nil
	for _, li := range c.Incidents {
		c.All = append(c.All, li.Incident)
	}
	return c
}

// sameReport fails unless two reports hold the same metrics, misses and family
// scores; the first must hold some.
func sameReport(t *testing.T, aName string, a *Report, bName string, b *Report) {
	t.Helper()
	if len(a.Metrics) == 0 || len(a.Misses) == 0 {
		t.Fatalf("%s measured %d metrics and %d misses; the comparison proves little", aName, len(a.Metrics), len(a.Misses))
	}
	// Metrics are listed in no set order (some come from maps): compare them sorted.
	if !reflect.DeepEqual(sortedMetrics(a.Metrics), sortedMetrics(b.Metrics)) {
		t.Errorf("metrics differ:\n%s %+v\n%s %+v", aName, a.Metrics, bName, b.Metrics)
	}
	if !reflect.DeepEqual(a.Misses, b.Misses) {
		t.Errorf("misses differ:\n%s %+v\n%s %+v", aName, a.Misses, bName, b.Misses)
	}
	if !reflect.DeepEqual(a.Families, b.Families) {
		t.Errorf("family scores differ:\n%s %+v\n%s %+v", aName, a.Families, bName, b.Families)
	}
}

// TestSearchEachReportsAsEachSearcher: a run whose searches go through SearchEach
// (EachFusion: every engine's answers from one call) reports what the same rankings
// asked one engine at a time report, and asks nothing of Search and Ablations.
func TestSearchEachReportsAsEachSearcher(t *testing.T) {
	t.Parallel()
	c := first20(t)
	hybrid, vector, lexical := searchQuoted{c.All}, searchAll{reversed(c.All)}, searchQuoted{reversed(c.All)}
	apart, err := Run(context.Background(), []*Corpus{c}, RunOptions{Engine: draftingEngine{}, Search: hybrid,
		Ablations: map[string]Searcher{EngineVector: vector, EngineLexical: lexical}})
	if err != nil {
		t.Fatal(err)
	}
	fused := &fakeFusions{by: map[string]Searcher{"": hybrid, "v": vector, "l": lexical}}
	refuse := refusing{}
	together, err := Run(context.Background(), []*Corpus{c}, RunOptions{Engine: draftingEngine{}, Search: refuse,
		Ablations:  map[string]Searcher{EngineVector: refuse, EngineLexical: refuse},
		SearchEach: EachFusion(fused, map[string]string{EngineHybrid: "", EngineVector: "v", EngineLexical: "l"})})
	if err != nil {
		t.Fatal(err)
	}
	sameReport(t, "one engine at a time", apart, "every engine at once", together)
	if fused.calls.Load() == 0 {
		t.Error("SearchEach was never asked")
	}
	if _, err := EachFusion(fused, map[string]string{EngineHybrid: ""})(context.Background(), copilot.SearchQuery{Text: "x"}, []string{EngineVector}); err == nil {
		t.Error("EachFusion answered an engine it has no fusion for")
	}
}

// fakeFusions answers each fusion with its own searcher.
type fakeFusions struct {
	by    map[string]Searcher
	calls atomic.Int64
}

func (f *fakeFusions) SearchFusions(ctx context.Context, q copilot.SearchQuery, fusions []string) ([][]copilot.SearchResult, error) {
	f.calls.Add(1)
	out := make([][]copilot.SearchResult, len(fusions))
	for i, fu := range fusions {
		res, err := f.by[fu].Search(ctx, q)
		if err != nil {
			return nil, err
		}
		out[i] = res
	}
	return out, nil
}

// refusing is a searcher that must not be asked.
type refusing struct{}

func (refusing) Search(context.Context, copilot.SearchQuery) ([]copilot.SearchResult, error) {
	return nil, errors.New("asked a searcher that SearchEach replaces")
}

// TestEachAtOnce: every index runs once; after a failure the error of the lowest
// failed index is returned.
func TestEachAtOnce(t *testing.T) {
	var calls [50]atomic.Int32
	if err := eachAtOnce(context.Background(), len(calls), 4, func(i int) error { calls[i].Add(1); return nil }); err != nil {
		t.Fatal(err)
	}
	for i := range calls {
		if n := calls[i].Load(); n != 1 {
			t.Errorf("index %d ran %d times", i, n)
		}
	}
	err := eachAtOnce(context.Background(), 50, 1, func(i int) error {
		if i == 7 || i == 9 {
			return fmt.Errorf("item %d", i)
		}
		return nil
	})
	if err == nil || err.Error() != "item 7" {
		t.Errorf("err = %v, want item 7", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := eachAtOnce(ctx, 3, 2, func(int) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
}

// reversed returns incs last first.
func reversed(incs []*copilot.Incident) []*copilot.Incident {
	out := slices.Clone(incs)
	slices.Reverse(out)
	return out
}

// draftingEngine drafts one runbook step per similar incident, citing it: the
// runbook scores then depend on the search answers of each incident.
type draftingEngine struct{ fakeEngine }

func (draftingEngine) Runbook(_ context.Context, _ *copilot.Incident, similar []*copilot.Incident, _ []copilot.RunbookMatch) (*copilot.RunbookAnswer, error) {
	var steps []copilot.RunbookStep
	for _, s := range similar {
		text := s.Title
		if len(s.Messages) > 0 {
			text = s.Messages[len(s.Messages)-1].Text
		}
		steps = append(steps, copilot.RunbookStep{Text: text, Sources: []copilot.StepSource{{IncidentID: s.ID}}})
	}
	return &copilot.RunbookAnswer{Steps: steps}, nil
}

func sortedMetrics(ms []Metric) []Metric {
	out := slices.Clone(ms)
	slices.SortFunc(out, func(a, b Metric) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Dataset, b.Dataset), cmp.Compare(a.Split, b.Split), cmp.Compare(a.Engine, b.Engine))
	})
	return out
}
