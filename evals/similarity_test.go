package evals_test

import (
	"context"
	"testing"

	"github.com/incidentcopilot/incident-copilot/evals"
	"github.com/incidentcopilot/incident-copilot/retrieval"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// TestSimilarIncidentsOnCorpus: for each sample incident whose family has another
// member, another member ranks in its top 3 for at least 80% of them. The weighted
// fusion is measured beside the default reciprocal-rank fusion (BENCHMARKS.md).
func TestSimilarIncidentsOnCorpus(t *testing.T) {
	t.Parallel()
	c, err := evals.LoadCorpus("testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	for _, fusion := range []string{retrieval.FusionRRF, retrieval.FusionWeighted} {
		t.Run(fusion, func(t *testing.T) {
			t.Parallel()
			res := similarity(t, c, fusion)
			if fusion == retrieval.FusionRRF && res.HitRate() < 0.8 {
				t.Errorf("family hit@3 = %.3f, want >= 0.8", res.HitRate())
			}
		})
	}
}

func similarity(t *testing.T, c *evals.Corpus, fusion string) *evals.SimilarityResult {
	// The dev corpus stored once for the package's read-only tests (similar_stable_test.go).
	s := devMemoryOptions(t)(postgres.Options{Fusion: fusion})
	ctx := context.Background()
	res, err := evals.SimilarityMetrics(ctx, s, c, 3)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("family hit@3 = %.3f (%d/%d), MRR@3 = %.3f", res.HitRate(), res.Hits, res.Queries, res.MRR)
	for _, m := range res.Misses {
		t.Logf("miss: %s", m)
	}
	if res.Queries < 20 {
		t.Fatalf("only %d incidents with a family sibling; the corpus should have more", res.Queries)
	}
	return res
}
