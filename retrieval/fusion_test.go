package retrieval

import "testing"

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
