package retrieval

import (
	"slices"
	"testing"
)

func hit(chunk, incident int64, score float64) Hit {
	return Hit{ChunkID: chunk, IncidentID: incident, Score: score}
}

func TestEvidenceIsTheBestTwo(t *testing.T) {
	// A group's chunks are best first, as the store builds it.
	g := Group{IncidentID: 1, Chunks: []Hit{hit(2, 1, .3), hit(3, 1, .2), hit(1, 1, .1)}}
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
