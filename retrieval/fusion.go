package retrieval

import (
	"math"
	"sort"
)

// Fusion modes: how the vector and full-text rankings of a chunk become one score.
const (
	FusionRRF      = "rrf"
	FusionWeighted = "weighted"
	// FusionVector and FusionLexical rank by one side alone: baselines for the others.
	FusionVector  = "vector"
	FusionLexical = "lexical"
)

// RRFK is the reciprocal-rank-fusion constant: 60 is the value from the original
// paper and held up best on the sample corpus (BENCHMARKS.md).
const RRFK = 60

// WeightedVector is the vector share of the weighted fusion; the rest is the
// normalized full-text score.
const WeightedVector = 0.7

// Hit is one chunk found by either side of a search.
type Hit struct {
	ChunkID    int64
	IncidentID int64
	VectorRank int     // 1 = nearest; 0 = not found by the vector side
	TextRank   int     // 1 = best full-text rank; 0 = not found by the full-text side
	Distance   float64 // cosine distance; NaN when the vector side did not find it
	TextScore  float64 // the full-text rank score (ts_rank_cd)
	Score      float64 // set by Fuse
}

// Merge joins the two sides of a search into one hit per chunk with both ranks set.
// vector may come slightly out of distance order (pgvector's relaxed iterative scan),
// so ranks follow the distances; text is in full-text rank order, best first.
func Merge(vector, text []Hit) []Hit {
	vector = append([]Hit(nil), vector...)
	sort.SliceStable(vector, func(i, j int) bool { return vector[i].Distance < vector[j].Distance })
	out := make([]Hit, 0, len(vector)+len(text))
	at := make(map[int64]int, len(vector)+len(text))
	for i, h := range vector {
		h.VectorRank, h.TextRank, h.TextScore = i+1, 0, 0
		at[h.ChunkID] = len(out)
		out = append(out, h)
	}
	for i, h := range text {
		if k, ok := at[h.ChunkID]; ok {
			out[k].TextRank, out[k].TextScore = i+1, h.TextScore
			continue
		}
		h.TextRank, h.VectorRank, h.Distance = i+1, 0, math.NaN()
		at[h.ChunkID] = len(out)
		out = append(out, h)
	}
	return out
}

// Fuse scores every hit from its places in the two rankings, by mode (FusionRRF
// when empty).
func Fuse(hits []Hit, mode string) {
	if mode != FusionWeighted {
		for i := range hits {
			hits[i].Score = RRF(hits[i].VectorRank) + RRF(hits[i].TextRank)
		}
		return
	}
	maxText := 0.0
	for _, h := range hits {
		maxText = math.Max(maxText, h.TextScore)
	}
	for i, h := range hits {
		var v, t float64
		if h.VectorRank > 0 {
			v = 1 - h.Distance
		}
		if h.TextRank > 0 && maxText > 0 {
			t = h.TextScore / maxText
		}
		hits[i].Score = WeightedVector*v + (1-WeightedVector)*t
	}
}

// RRF is the reciprocal-rank contribution of one 1-based rank; rank 0 (not found)
// contributes nothing.
func RRF(rank int) float64 {
	if rank <= 0 {
		return 0
	}
	return 1 / float64(RRFK+rank)
}
