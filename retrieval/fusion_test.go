package retrieval

import (
	"math"
	"testing"
)

var mergeTests = []struct {
	name         string
	vector, text []Hit
	want         []Hit // ChunkID, VectorRank, TextRank, TextScore; NaN distance when VectorRank is 0
}{
	{
		name:   "vector ranks follow distance, not arrival order",
		vector: []Hit{{ChunkID: 1, Distance: .3}, {ChunkID: 2, Distance: .1}, {ChunkID: 3, Distance: .2}},
		want:   []Hit{{ChunkID: 2, VectorRank: 1}, {ChunkID: 3, VectorRank: 2}, {ChunkID: 1, VectorRank: 3}},
	},
	{
		name:   "a chunk on both sides is one hit with both ranks",
		vector: []Hit{{ChunkID: 1, Distance: .1}, {ChunkID: 2, Distance: .2}},
		text:   []Hit{{ChunkID: 2, TextScore: .9}, {ChunkID: 7, TextScore: .4}},
		want: []Hit{
			{ChunkID: 1, VectorRank: 1},
			{ChunkID: 2, VectorRank: 2, TextRank: 1, TextScore: .9},
			{ChunkID: 7, TextRank: 2, TextScore: .4},
		},
	},
	{
		name: "text only",
		text: []Hit{{ChunkID: 5, TextScore: .2}},
		want: []Hit{{ChunkID: 5, TextRank: 1, TextScore: .2}},
	},
	{name: "nothing found", want: []Hit{}},
}

func TestMerge(t *testing.T) {
	for _, tt := range mergeTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Merge(tt.vector, tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d hits %+v, want %d", len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.ChunkID != w.ChunkID || g.VectorRank != w.VectorRank || g.TextRank != w.TextRank || g.TextScore != w.TextScore {
					t.Errorf("hit %d = %+v, want %+v", i, g, w)
				}
				if (g.VectorRank == 0) != math.IsNaN(g.Distance) {
					t.Errorf("hit %d: distance %v with vector rank %d", i, g.Distance, g.VectorRank)
				}
			}
		})
	}
}

func TestMergeLeavesInputAlone(t *testing.T) {
	vector := []Hit{{ChunkID: 1, Distance: .3}, {ChunkID: 2, Distance: .1}}
	Merge(vector, nil)
	if vector[0].ChunkID != 1 || vector[0].VectorRank != 0 {
		t.Fatalf("Merge changed its input: %+v", vector)
	}
}

var fuseTests = []struct {
	name string
	mode string
	hits []Hit
	want []float64
}{
	{
		name: "rrf adds reciprocal ranks",
		mode: FusionRRF,
		hits: []Hit{{VectorRank: 1, TextRank: 1}, {VectorRank: 2}, {TextRank: 3}},
		want: []float64{2.0 / 61, 1.0 / 62, 1.0 / 63},
	},
	{
		name: "empty mode is rrf",
		hits: []Hit{{VectorRank: 4, TextRank: 10}},
		want: []float64{1.0/64 + 1.0/70},
	},
	{
		name: "weighted: similarity and the text score relative to the best",
		mode: FusionWeighted,
		hits: []Hit{
			{VectorRank: 1, Distance: .2, TextRank: 1, TextScore: .5},
			{VectorRank: 2, Distance: .4, TextRank: 2, TextScore: .25},
			{TextRank: 3, TextScore: .1, Distance: math.NaN()},
		},
		want: []float64{.7*.8 + .3, .7*.6 + .3*.5, .3 * .2},
	},
	{
		name: "weighted without a text side",
		mode: FusionWeighted,
		hits: []Hit{{VectorRank: 1, Distance: .5}},
		want: []float64{.35},
	},
}

func TestFuse(t *testing.T) {
	for _, tt := range fuseTests {
		t.Run(tt.name, func(t *testing.T) {
			Fuse(tt.hits, tt.mode)
			for i, w := range tt.want {
				if math.Abs(tt.hits[i].Score-w) > 1e-12 {
					t.Errorf("hit %d score = %v, want %v", i, tt.hits[i].Score, w)
				}
			}
		})
	}
}

// TestRRFOrdersByRankAlone: fusion by rank ignores the scale of the two scores, so a
// chunk both sides put first beats one that only one side put first.
func TestRRFOrdersByRankAlone(t *testing.T) {
	if RRF(0) != 0 || RRF(-1) != 0 {
		t.Fatal("a missing rank contributes")
	}
	if !(RRF(1)+RRF(1) > RRF(1)+RRF(0)) || !(RRF(1) > RRF(2)) {
		t.Fatal("RRF does not fall with rank")
	}
}
