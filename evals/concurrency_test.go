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
	c, err := LoadCorpus(filepath.Join("testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Incidents) < 20 {
		t.Fatalf("dev corpus has %d labelled incidents", len(c.Incidents))
	}
	// Its first 20 incidents are enough to catch a mixed-up merge, and cost a fifth of
	// the whole corpus (the baselines rank the pool for every query).
	c.Incidents = c.Incidents[:20]
	c.All = nil
	for _, li := range c.Incidents {
		c.All = append(c.All, li.Incident)
	}
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
	one, many := run(1), run(8)
	if len(one.Metrics) == 0 || len(one.Misses) == 0 {
		t.Fatalf("the sequential run measured %d metrics and %d misses; the comparison proves little", len(one.Metrics), len(one.Misses))
	}
	// Metrics are listed in no set order (some come from maps): compare them sorted.
	if !reflect.DeepEqual(sortedMetrics(one.Metrics), sortedMetrics(many.Metrics)) {
		t.Errorf("metrics differ:\none at a time %+v\neight at a time %+v", one.Metrics, many.Metrics)
	}
	if !reflect.DeepEqual(one.Misses, many.Misses) {
		t.Errorf("misses differ:\none at a time %+v\neight at a time %+v", one.Misses, many.Misses)
	}
	if !reflect.DeepEqual(one.Families, many.Families) {
		t.Errorf("family scores differ:\none at a time %+v\neight at a time %+v", one.Families, many.Families)
	}
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
