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

// TestFactOverlapRewardsTheFactNotTheLength checks the key-fact F1 on hand-read
// examples from the corpus Slack labels: a responder's own sentence that states the
// labelled fact scores high, a correct answer with one clause of context loses
// little, and a field that pastes the whole stretch of the channel around the fact
// scores below the short correct answer although it holds every labelled word.
func TestFactOverlapRewardsTheFactNotTheLength(t *testing.T) {
	gold := "Rolled search-indexer back to 3.7.4."
	verbatim := "Rolling back search-indexer to 3.7.4."
	longer := "Rolling back search-indexer to 3.7.4, the 3.8.0 dedupe set never evicts."
	paste := "Roll back? Yes. Rolling back search-indexer to 3.7.4. Want me to bump the limit to 3Gi meanwhile so the last pod survives until the rollback lands? Sure. Limit 3Gi applied. 3.7.4 rolled out, 4/4 running, 0 restarts. Heap flat at ~600MB, freshness lag coming down."
	_, _, fv := factOverlap(verbatim, gold)
	_, _, fl := factOverlap(longer, gold)
	_, _, fp := factOverlap(paste, gold)
	t.Logf("verbatim %.2f longer %.2f paste %.2f", fv, fl, fp)
	if fv < 0.9 {
		t.Errorf("verbatim F1 = %.2f, want >= 0.9", fv)
	}
	if fl < 0.6 || fl >= fv {
		t.Errorf("one clause longer F1 = %.2f, want in [0.6, %.2f)", fl, fv)
	}
	if _, r, _ := factOverlap(paste, gold); r != 1 || fp >= fl {
		t.Errorf("pasted stretch recall %.2f F1 %.2f, want recall 1 and F1 below %.2f", r, fp, fl)
	}
}
