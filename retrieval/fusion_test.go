package retrieval

import (
	"math"
	"slices"
	"testing"
)

func TestRRFOrdersByRankAlone(t *testing.T) {
	if RRF(0) != 0 || RRF(-1) != 0 {
		t.Fatal("a missing rank contributes")
	}
	if !(RRF(1)+RRF(1) > RRF(1)+RRF(0)) || !(RRF(1) > RRF(2)) {
		t.Fatal("RRF does not fall with rank")
	}
}

// TestWeightedFusionTrustsVectorsWithConceptsOrLength: an incident the vector side
// finds much closer overtakes the better lexical match when the query names a
// failure concept or is long (an alert and its first messages), and does not when
// a short query has no concept.
func TestWeightedFusionTrustsVectorsWithConceptsOrLength(t *testing.T) {
	vector := []IncidentHit{{IncidentID: 2, Similarity: 0.9}, {IncidentID: 1, Similarity: 0.2}}
	text := []IncidentHit{{IncidentID: 1, TextScore: 10}, {IncidentID: 2, TextScore: 8}}
	first := func(concepts, terms int) int64 {
		return FuseIncidents(vector, text, FusionWeighted, WeightedVector, concepts, terms)[0].IncidentID
	}
	for _, c := range []struct {
		concepts, terms int
		want            int64
		why             string
	}{
		{1, 5, 2, "a short query with a concept: the vector side's much closer incident"},
		{0, 5, 1, "a short query without concepts: the lexical side's best"},
		{0, LongQueryTerms - 1, 1, "just under long, without concepts: the lexical side's best"},
		{0, LongQueryTerms, 2, "a long query without concepts: the vector side's much closer incident"},
	} {
		if got := first(c.concepts, c.terms); got != c.want {
			t.Errorf("%d concepts, %d terms: first = %d, want %d (%s)", c.concepts, c.terms, got, c.want, c.why)
		}
	}
	if VectorShare(0.3, 0, 3) != 0 || VectorShare(0.3, 2, 3) != 0.3 || VectorShare(0.3, 0, 200) != 0.3 {
		t.Errorf("VectorShare(0.3, 0, 3), VectorShare(0.3, 2, 3), VectorShare(0.3, 0, 200) = %v, %v, %v", VectorShare(0.3, 0, 3), VectorShare(0.3, 2, 3), VectorShare(0.3, 0, 200))
	}
}

// TestWeightedFusionMath pins the weighted fusion on crafted hits: an incident's
// score is weight × its cosine plus (1 − weight) × its BM25 over the query's best, so
// the vector side's closer incident overtakes the lexical side's better one exactly
// when weight × the cosine gap exceeds (1 − weight) × the normalized BM25 gap; a
// share of 0 ranks as the lexical side alone, and a share of 1 as the vector side.
func TestWeightedFusionMath(t *testing.T) {
	// Incident 1: lexical best (BM25 10 -> 1.0), cosine 0.30. Incident 2: BM25 6
	// (0.6), cosine 0.70. Incident 3: vector side only, cosine 0.50. Incident 2
	// overtakes 1 when w × 0.4 > (1 − w) × 0.4, i.e. above w = 0.5.
	vector := []IncidentHit{{IncidentID: 2, Similarity: 0.7}, {IncidentID: 3, Similarity: 0.5}, {IncidentID: 1, Similarity: 0.3}}
	text := []IncidentHit{{IncidentID: 1, TextScore: 10}, {IncidentID: 2, TextScore: 6}}
	order := func(w float64) []int64 {
		var ids []int64
		for _, h := range FuseIncidents(vector, text, FusionWeighted, w, 1, 5) {
			ids = append(ids, h.IncidentID)
		}
		return ids
	}
	for _, c := range []struct {
		w    float64
		want []int64
	}{
		{0, []int64{1, 2, 3}},
		{0.4, []int64{1, 2, 3}},
		{0.45, []int64{1, 2, 3}},
		{0.55, []int64{2, 1, 3}},
		{0.8, []int64{2, 1, 3}}, // 3: 0.40 against 1: 0.44
		{1, []int64{2, 3, 1}},
	} {
		if got := order(c.w); !slices.Equal(got, c.want) {
			t.Errorf("weight %v: order %v, want %v", c.w, got, c.want)
		}
	}
	fused := FuseIncidents(vector, text, FusionWeighted, 0.4, 1, 5)
	for _, h := range fused {
		var want float64
		switch h.IncidentID {
		case 1:
			want = 0.4*0.3 + 0.6*1
		case 2:
			want = 0.4*0.7 + 0.6*0.6
		case 3:
			want = 0.4 * 0.5
		}
		if math.Abs(h.Score-want) > 1e-12 {
			t.Errorf("incident %d: score %v, want %v", h.IncidentID, h.Score, want)
		}
	}
	// The lexical ablation and a share of 0 agree on every incident the lexical side found.
	lex := FuseIncidents(vector, text, FusionLexical, 0, 1, 5)
	zero := FuseIncidents(vector, text, FusionWeighted, 0, 1, 5)
	for i := range text {
		if lex[i].IncidentID != zero[i].IncidentID {
			t.Errorf("share 0 at %d: %d, lexical side: %d", i, zero[i].IncidentID, lex[i].IncidentID)
		}
	}
}
