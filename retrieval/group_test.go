package retrieval

import (
	"slices"
	"testing"
)

func hit(chunk, incident int64, score float64) Hit {
	return Hit{ChunkID: chunk, IncidentID: incident, Score: score}
}

var groupTests = []struct {
	name       string
	hits       []Hit
	limit      int
	want       []int64   // incident ids, best first
	wantScores []float64 // per incident
	wantBest   []int64   // best chunk per incident
}{
	{
		name:       "best chunk decides, second adds half",
		hits:       []Hit{hit(1, 10, .03), hit(2, 20, .032), hit(3, 10, .01)},
		limit:      5,
		want:       []int64{10, 20},
		wantScores: []float64{.03 + .5*.01, .032},
		wantBest:   []int64{1, 2},
	},
	{
		name:       "a third chunk adds nothing",
		hits:       []Hit{hit(1, 10, .02), hit(2, 10, .01), hit(3, 10, .01), hit(4, 20, .026)},
		limit:      5,
		want:       []int64{20, 10},
		wantScores: []float64{.026, .025},
		wantBest:   []int64{4, 1},
	},
	{
		name:       "ties go to the lower incident id",
		hits:       []Hit{hit(5, 30, .01), hit(6, 20, .01)},
		limit:      5,
		want:       []int64{20, 30},
		wantScores: []float64{.01, .01},
		wantBest:   []int64{6, 5},
	},
	{
		name:       "equal chunks: the lower chunk id is the best",
		hits:       []Hit{hit(9, 10, .01), hit(4, 10, .01)},
		limit:      5,
		want:       []int64{10},
		wantScores: []float64{.015},
		wantBest:   []int64{4},
	},
	{
		name:       "limit",
		hits:       []Hit{hit(1, 10, .3), hit(2, 20, .2), hit(3, 30, .1)},
		limit:      2,
		want:       []int64{10, 20},
		wantScores: []float64{.3, .2},
		wantBest:   []int64{1, 2},
	},
	{name: "no hits", limit: 5},
}

func TestGroupByIncident(t *testing.T) {
	for _, tt := range groupTests {
		t.Run(tt.name, func(t *testing.T) {
			got := GroupByIncident(tt.hits, tt.limit)
			var ids, best []int64
			var scores []float64
			for _, g := range got {
				ids = append(ids, g.IncidentID)
				best = append(best, g.Chunks[0].ChunkID)
				scores = append(scores, g.Score)
			}
			if !slices.Equal(ids, tt.want) || !slices.Equal(best, tt.wantBest) {
				t.Fatalf("incidents %v with best chunks %v, want %v and %v", ids, best, tt.want, tt.wantBest)
			}
			for i, w := range tt.wantScores {
				if d := scores[i] - w; d > 1e-12 || d < -1e-12 {
					t.Errorf("incident %d score = %v, want %v", ids[i], scores[i], w)
				}
			}
		})
	}
}

func TestEvidenceIsTheBestTwo(t *testing.T) {
	g := GroupByIncident([]Hit{hit(1, 1, .1), hit(2, 1, .3), hit(3, 1, .2)}, 1)[0]
	var got []int64
	for _, h := range g.Evidence() {
		got = append(got, h.ChunkID)
	}
	if !slices.Equal(got, []int64{2, 3}) {
		t.Fatalf("evidence = %v, want [2 3]", got)
	}
	if one := (Group{Chunks: []Hit{hit(1, 1, .1)}}).Evidence(); len(one) != 1 {
		t.Fatalf("evidence of a one-chunk incident = %v", one)
	}
}
