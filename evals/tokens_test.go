package evals

import (
	"math"
	"testing"
)

var factOverlapTests = []struct {
	name, got, want string
	f1              float64
}{
	{"tense does not change the fact", "Rolled back recs-api to 4.11.2.", "Roll back recs-api to 4.11.2.", 1},
	{"plural and participle", "Scaled coredns from 2 to 8 replicas", "Scale CoreDNS from 2 to 8 replica", 1},
	{"a different fact still differs", "Restarted the pods", "Roll back recs-api to 4.11.2.", 0},
	// got {pause, geo, batch}, want {pause, geo, batch, backfill, cronjob}: p 1, r 3/5.
	{"partial", "Paused geo-batch", "Pause the geo-batch backfill cronjob", 0.75},
	{"empty", "", "Roll back", 0},
}

func TestFactOverlap(t *testing.T) {
	for _, tt := range factOverlapTests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, f := factOverlap(tt.got, tt.want); math.Abs(f-tt.f1) > 1e-9 {
				t.Errorf("factOverlap(%q, %q) F1 = %v, want %v", tt.got, tt.want, f, tt.f1)
			}
		})
	}
}
