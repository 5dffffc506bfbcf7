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

// TestWeightedFusionTrustsVectorsOnlyWithConcepts: an incident the vector side
// finds much closer overtakes the better lexical match when the query names a
// failure concept, and does not when the query has none.
func TestWeightedFusionTrustsVectorsOnlyWithConcepts(t *testing.T) {
	vector := []IncidentHit{{IncidentID: 2, Similarity: 0.9}, {IncidentID: 1, Similarity: 0.2}}
	text := []IncidentHit{{IncidentID: 1, TextScore: 10}, {IncidentID: 2, TextScore: 8}}
	first := func(concepts int) int64 { return FuseIncidents(vector, text, FusionWeighted, concepts)[0].IncidentID }
	if got := first(1); got != 2 {
		t.Errorf("with a query concept, first = %d, want 2 (the vector side's much closer incident)", got)
	}
	if got := first(0); got != 1 {
		t.Errorf("without query concepts, first = %d, want 1 (the lexical side's best)", got)
	}
	if VectorShare(0) != 0 || VectorShare(2) != WeightedVector {
		t.Errorf("VectorShare(0), VectorShare(2) = %v, %v", VectorShare(0), VectorShare(2))
	}
}
