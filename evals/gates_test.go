package evals

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// TestGateFilesParse: both shipped gates files are valid, and the targets are the
// goals of the quality issues rather than anything a run happens to reach.
func TestGateFilesParse(t *testing.T) {
	target := TargetGates()
	if target.Split != SplitTest || target.MinIncidents != 20 {
		t.Errorf("targets read split %q with min %d incidents, want test and 20", target.Split, target.MinIncidents)
	}
	for _, capName := range copilot.Capabilities {
		if len(target.CapabilityGates(capName)) == 0 {
			t.Errorf("no target gate for %s", capName)
		}
	}
	if _, err := LoadGates("floors.yaml"); err != nil {
		t.Fatal(err)
	}
}

var badGates = []struct{ name, yaml, want string }{
	{"unknown capability", "capabilities:\n  telepathy:\n    - {metric: x, min: 1}\n", "telepathy"},
	{"min and baseline", "capabilities:\n  similar:\n    - {metric: similar.mrr, min: 1, baseline: bm25}\n", "exactly one"},
	{"unknown baseline", "capabilities:\n  similar:\n    - {metric: similar.mrr, baseline: grep}\n", "grep"},
	{"unknown field", "capabilities:\n  similar:\n    - {metric: similar.mrr, minimum: 1}\n", "minimum"},
	{"bad split", "capabilities:\n  similar:\n    - {metric: similar.mrr, min: 1, split: prod}\n", "prod"},
}

func TestParseGatesErrors(t *testing.T) {
	for _, tt := range badGates {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseGates("g.yaml", []byte(tt.yaml))
			if copilot.ErrorCode(err) != copilot.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want EINVALID naming %q", err, tt.want)
			}
		})
	}
}

// TestBaselineGate: a gate against a baseline reads the baseline's value of the
// same metric on the same split.
func TestBaselineGate(t *testing.T) {
	r := &Report{}
	r.Add(
		Metric{Name: MetricSimilarMRR, Split: SplitTest, Engine: EngineHybrid, Value: 0.5},
		Metric{Name: MetricSimilarMRR, Split: SplitTest, Engine: BaselineBM25, Value: 0.6},
		Metric{Name: MetricSimilarMRR, Split: SplitDev, Engine: BaselineBM25, Value: 0.1},
	)
	if r.Check([]Gate{{Metric: MetricSimilarMRR, Baseline: BaselineBM25, Split: SplitTest, Capability: copilot.CapSimilar}}) {
		t.Fatal("0.5 passed a gate at bm25's 0.6")
	}
	if f := r.Failed(); len(f) != 1 || !strings.Contains(f[0], "test/similar.mrr 0.500 < 0.600 (bm25)") {
		t.Errorf("failed = %q", f)
	}
}

// searchAll is a Searcher that returns every incident of a pool in id order.
type searchAll struct{ pool []*copilot.Incident }

func (s searchAll) Search(_ context.Context, q copilot.SearchQuery) ([]copilot.SearchResult, error) {
	var out []copilot.SearchResult
	for _, inc := range s.pool {
		if inc.ID != q.IncidentID {
			out = append(out, copilot.SearchResult{IncidentID: inc.ID, Title: inc.Title})
		}
	}
	return out, nil
}

// TestSmallRunCannotOpenGate: a run on fewer labelled incidents than the gates
// file asks for fails every capability's gates, however good its metrics.
func TestSmallRunCannotOpenGate(t *testing.T) {
	c := loadMini(t)
	r, err := Run(context.Background(), []*Corpus{c}, RunOptions{Engine: fakeEngine{}, Search: searchAll{c.All}})
	if err != nil {
		t.Fatal(err)
	}
	zero := 0.0
	gs := &GateSet{Name: "g", Split: SplitDev, MinIncidents: 20, Capabilities: map[string][]GateSpec{
		copilot.CapSummary: {{Metric: MetricSummaryWords, Min: &zero}},
	}}
	if r.Check(gs.Gates()) || r.CapabilityPassed(copilot.CapSummary) {
		t.Fatalf("a run on %d incidents opened a gate:\n%s", r.Incidents, r.Text())
	}
	if f := r.Failed(); len(f) != 1 || !strings.HasPrefix(f[0], "dev/dataset.incidents") {
		t.Errorf("failed = %q, want the dataset size named", f)
	}
}

// TestBM25 ranks by hand-checkable term statistics: the document sharing the rare
// term wins over the one sharing a common term.
func TestBM25(t *testing.T) {
	inc := func(id, text string) *copilot.Incident {
		return &copilot.Incident{ID: id, Messages: []copilot.Message{{TS: "1", Text: text}}}
	}
	pool := []*copilot.Incident{
		inc("q", "kafka consumer lag rebalance"),
		inc("a", "consumer lag on the kafka topic after rebalance storm"),
		inc("b", "database disk full"),
		inc("c", "kafka broker disk"),
	}
	ix := newLexicalIndex(pool)
	for _, score := range []func(int, map[string]bool) float64{ix.bm25, ix.tfidf} {
		got := ix.rank("q", tokenSet(incidentText(pool[0])), score, 3)
		if len(got) != 2 || got[0] != "a" || got[1] != "c" {
			t.Errorf("ranking = %v, want [a c]", got)
		}
	}
	// One term, tf 1 in a document of average length: idf·(k1+1)/(1+k1).
	n, df := 4.0, 3.0
	want := math.Log(1 + (n-df+0.5)/(df+0.5))
	one := map[string]bool{"kafka": true}
	ix.avgLen = float64(ix.length[3])
	if got := ix.bm25(3, one); math.Abs(got-want) > 1e-9 {
		t.Errorf("bm25 = %v, want %v", got, want)
	}
}

func TestScoreRanking(t *testing.T) {
	family := map[string]string{"q": "f", "a": "f", "b": "g", "c": "f"}
	size := map[string]int{"f": 3, "g": 1}
	s := scoreRanking(ranking{query: &LabeledIncident{Incident: &copilot.Incident{ID: "q"}, Labels: Labels{Family: "f"}}, ids: []string{"b", "a", "c"}}, family, size)
	ideal := 1 + 1/math.Log2(3)
	if s.hit1 != 0 || s.hit3 != 1 || s.rr != 0.5 || math.Abs(s.ndcg-(1/math.Log2(3)+0.5)/ideal) > 1e-9 {
		t.Errorf("score = %+v", s)
	}
}
