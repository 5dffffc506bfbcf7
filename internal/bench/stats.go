package bench

import (
	"math"
	"sort"
	"time"
)

// Latency summarizes the timings of one query path, in milliseconds.
type Latency struct {
	N      int     `json:"n"`
	P50Ms  float64 `json:"p50_ms"`
	P95Ms  float64 `json:"p95_ms"`
	P99Ms  float64 `json:"p99_ms"`
	MeanMs float64 `json:"mean_ms"`
	MaxMs  float64 `json:"max_ms"`
}

// latencyOf summarizes ds with nearest-rank percentiles: every reported figure is a
// latency that was actually observed.
func latencyOf(ds []time.Duration) Latency {
	if len(ds) == 0 {
		return Latency{}
	}
	sorted := append([]time.Duration(nil), ds...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	var sum time.Duration
	for _, d := range sorted {
		sum += d
	}
	return Latency{
		N:      len(sorted),
		P50Ms:  ms(percentile(sorted, 50)),
		P95Ms:  ms(percentile(sorted, 95)),
		P99Ms:  ms(percentile(sorted, 99)),
		MeanMs: ms(sum / time.Duration(len(sorted))),
		MaxMs:  ms(sorted[len(sorted)-1]),
	}
}

// percentile is the nearest-rank p-th percentile of an ascending, non-empty slice.
func percentile(sorted []time.Duration, p float64) time.Duration {
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	rank = max(1, min(rank, len(sorted)))
	return sorted[rank-1]
}

// ms is d in milliseconds with microsecond precision.
func ms(d time.Duration) float64 { return round(float64(d)/float64(time.Millisecond), 3) }

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// ratio is a/b rounded for a report, 0 when b is 0 (nothing measured).
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return round(a/b, 3)
}

// spread is the median, minimum and maximum of xs (the mean of the two middle values
// for an even count).
func spread(xs []float64) (median, lo, hi float64) {
	if len(xs) == 0 {
		return 0, 0, 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		median = s[n/2]
	} else {
		median = (s[n/2-1] + s[n/2]) / 2
	}
	return median, s[0], s[n-1]
}

// mean is the average of xs rounded to four places, 0 for none.
func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var sum float64
	for _, x := range xs {
		sum += x
	}
	return round(sum/float64(len(xs)), 4)
}

// tieEpsilon absorbs float noise between two computations of the same distance.
const tieEpsilon = 1e-6

// recallAt is the share of the exact top k that the approximate search found. Ties
// count: an approximate hit as near as the exact k-th neighbour is a correct answer,
// since exact search could as well have returned it (duplicate chunk texts are common).
func recallAt(exact, approx []VectorHit, k int) float64 {
	want := min(k, len(exact))
	if want == 0 {
		return 1
	}
	limit := exact[want-1].Distance + tieEpsilon
	seen := map[int64]bool{}
	found := 0
	for i, h := range approx {
		if i == k {
			break
		}
		if !seen[h.ChunkID] && h.Distance <= limit {
			found++
		}
		seen[h.ChunkID] = true
	}
	return float64(min(found, want)) / float64(want)
}
