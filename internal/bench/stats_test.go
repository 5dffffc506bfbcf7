package bench

import (
	"math"
	"testing"
	"time"
)

func durations(msList ...int) []time.Duration {
	out := make([]time.Duration, len(msList))
	for i, m := range msList {
		out[i] = time.Duration(m) * time.Millisecond
	}
	return out
}

var latencyTests = []struct {
	name string
	in   []time.Duration
	want Latency
}{
	{"empty", nil, Latency{}},
	{"one", durations(7), Latency{N: 1, P50Ms: 7, P95Ms: 7, P99Ms: 7, MeanMs: 7, MaxMs: 7}},
	{"unsorted four", durations(4, 1, 3, 2), Latency{N: 4, P50Ms: 2, P95Ms: 4, P99Ms: 4, MeanMs: 2.5, MaxMs: 4}},
	{
		// 1..100 ms: nearest rank puts p50 at the 50th value, p95 at the 95th.
		"hundred", func() []time.Duration {
			var ds []time.Duration
			for i := 100; i >= 1; i-- {
				ds = append(ds, time.Duration(i)*time.Millisecond)
			}
			return ds
		}(), Latency{N: 100, P50Ms: 50, P95Ms: 95, P99Ms: 99, MeanMs: 50.5, MaxMs: 100},
	},
	{"sub-millisecond", []time.Duration{1500 * time.Microsecond, 250 * time.Microsecond}, Latency{N: 2, P50Ms: 0.25, P95Ms: 1.5, P99Ms: 1.5, MeanMs: 0.875, MaxMs: 1.5}},
}

func TestLatencyOf(t *testing.T) {
	for _, tt := range latencyTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := latencyOf(tt.in); got != tt.want {
				t.Errorf("latencyOf = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestLatencyOfKeepsInput(t *testing.T) {
	in := durations(3, 1, 2)
	latencyOf(in)
	if in[0] != 3*time.Millisecond || in[1] != time.Millisecond {
		t.Errorf("latencyOf reordered its input: %v", in)
	}
}

func hits(dists ...float64) []VectorHit {
	out := make([]VectorHit, len(dists))
	for i, d := range dists {
		out[i] = VectorHit{ChunkID: int64(i + 1), Distance: d}
	}
	return out
}

var recallTests = []struct {
	name          string
	exact, approx []VectorHit
	k             int
	want          float64
}{
	{"identical", hits(.1, .2, .3), hits(.1, .2, .3), 3, 1},
	{"missed the farthest", hits(.1, .2, .3), append(hits(.1, .2), VectorHit{ChunkID: 9, Distance: .5}), 3, 2.0 / 3},
	{"nothing found", hits(.1, .2), nil, 2, 0},
	{"tie with the k-th counts", hits(.1, .2), []VectorHit{{ChunkID: 1, Distance: .1}, {ChunkID: 7, Distance: .2}}, 2, 1},
	{"duplicates count once", hits(.1, .2), []VectorHit{{ChunkID: 1, Distance: .1}, {ChunkID: 1, Distance: .1}}, 2, .5},
	{"only the first k approximate hits count", hits(.1), []VectorHit{{ChunkID: 5, Distance: .9}, {ChunkID: 1, Distance: .1}}, 1, 0},
	{"empty exact", nil, nil, 10, 1},
	{"fewer than k exist", hits(.1, .2), hits(.1, .2), 10, 1},
}

func TestRecallAt(t *testing.T) {
	for _, tt := range recallTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := recallAt(tt.exact, tt.approx, tt.k); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("recallAt = %v, want %v", got, tt.want)
			}
		})
	}
}

var spreadTests = []struct {
	name             string
	in               []float64
	median, min, max float64
}{
	{"empty", nil, 0, 0, 0},
	{"odd", []float64{5, 1, 3}, 3, 1, 5},
	{"even", []float64{4, 1, 2, 3}, 2.5, 1, 4},
}

func TestSpread(t *testing.T) {
	for _, tt := range spreadTests {
		t.Run(tt.name, func(t *testing.T) {
			med, lo, hi := spread(tt.in)
			if med != tt.median || lo != tt.min || hi != tt.max {
				t.Errorf("spread = %v %v %v, want %v %v %v", med, lo, hi, tt.median, tt.min, tt.max)
			}
		})
	}
}

var numTests = []struct {
	x        float64
	decimals int
	want     string
}{
	{0, 0, "0"},
	{999, 0, "999"},
	{1000, 0, "1,000"},
	{1234567.891, 2, "1,234,567.89"},
	{-12345, 0, "-12,345"},
	{0.456, 2, "0.46"},
}

func TestNum(t *testing.T) {
	for _, tt := range numTests {
		if got := num(tt.x, tt.decimals); got != tt.want {
			t.Errorf("num(%v, %d) = %q, want %q", tt.x, tt.decimals, got, tt.want)
		}
	}
}

func TestRatio(t *testing.T) {
	if got := ratio(3, 2); got != 1.5 {
		t.Errorf("ratio(3, 2) = %v", got)
	}
	if got := ratio(3, 0); got != 0 {
		t.Errorf("ratio(3, 0) = %v, want 0 for nothing measured", got)
	}
}
