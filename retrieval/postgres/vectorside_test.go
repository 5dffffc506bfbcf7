package postgres

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// indexList is a list of chunks as the HNSW index hands it out: distances rising
// (with ties, and with the last-bit inversions the index's normalised vectors give),
// each chunk of one of incidents incidents.
func indexList(r *rand.Rand, n, incidents int) []candidate {
	cands := make([]candidate, n)
	d := r.Float64() * 0.2
	for i := range cands {
		switch r.IntN(10) {
		case 0: // a tie with the chunk before
		case 1: // a step smaller than the slack
			d += vectorOrderSlack / 4
		default:
			d += r.Float64() * 0.004
		}
		cands[i] = candidate{incidentID: int64(r.IntN(incidents)), distance: d}
		if r.IntN(20) == 0 { // listed before a chunk that is nearer in the last bits
			cands[i].distance += 3e-8
		}
	}
	return cands
}

// TestClosestIncidentsSettlesOnlyWhenTheRestCannotMatter: on lists of every shape
// (nearly one chunk an incident, as at 100k chunks, and many chunks an incident), a
// head of the list that closestIncidents calls settled ranks exactly as the whole
// list; and where incidents rarely repeat, a head little longer than depth settles.
func TestClosestIncidentsSettlesOnlyWhenTheRestCannotMatter(t *testing.T) {
	const depth, n = 100, 400
	early := 0
	for seed := range uint64(160) {
		r := rand.New(rand.NewPCG(seed, 1))
		incidents := []int{50_000, 2_000, 300, 90}[seed%4]
		cands := indexList(r, n, incidents)
		want, settled := closestIncidents(cands, depth, true)
		if !settled {
			t.Fatalf("seed %d: a complete list is not settled", seed)
		}
		if len(want) != min(depth, distinct(cands)) {
			t.Fatalf("seed %d: %d incidents of %d distinct, depth %d", seed, len(want), distinct(cands), depth)
		}
		for head := 1; head < n; head++ {
			got, settled := closestIncidents(cands[:head], depth, false)
			if !settled {
				continue
			}
			if !slices.Equal(got, want) {
				t.Fatalf("seed %d: the first %d of %d chunks settled a ranking unlike the whole list's", seed, head, n)
			}
			if incidents == 50_000 && head <= depth+depth/4 {
				early++
			}
			break
		}
	}
	if early < 32 {
		t.Errorf("only %d of 40 lists of nearly distinct incidents settled within %d chunks", early, depth+depth/4)
	}
}

// TestClosestIncidentsWaitsOutTies: the depth-th incident's distance is shared by the
// next chunk's incident, whose lower id would rank it first: the head is not settled
// until a chunk lies beyond that distance.
func TestClosestIncidentsWaitsOutTies(t *testing.T) {
	cands := []candidate{{5, 0.1}, {7, 0.2}, {6, 0.3}, {3, 0.3}, {9, 0.4}}
	if _, settled := closestIncidents(cands[:3], 3, false); settled {
		t.Fatal("settled while the next chunk ties the third incident")
	}
	if _, settled := closestIncidents(cands[:4], 3, false); settled {
		t.Fatal("settled on a head whose farthest chunk is the tie itself")
	}
	got, settled := closestIncidents(cands, 3, false)
	if !settled {
		t.Fatal("not settled once a chunk lies beyond the tie")
	}
	var ids []int64
	for _, h := range got {
		ids = append(ids, h.IncidentID)
	}
	if want := []int64{5, 7, 3}; !slices.Equal(ids, want) {
		t.Errorf("ranking %v, want %v (the tie to the lower id)", ids, want)
	}
}

func distinct(cands []candidate) int {
	seen := map[int64]bool{}
	for _, c := range cands {
		seen[c.incidentID] = true
	}
	return len(seen)
}
