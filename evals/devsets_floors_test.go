package evals

import (
	"context"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/local"
)

// TestSummaryFloorsOnExtraDevSets holds the local engine's key-fact F1 on the dev
// sets that `copilot eval` does not read by default (they are written in forms and
// voices the default dev split lacks, and are what tuning reads besides it): a
// change that lowers root cause, impact or mitigation there fails here, as the
// floors eval catches it on the default datasets. Floors sit 0.03 under the
// figures measured when they were set.
func TestSummaryFloorsOnExtraDevSets(t *testing.T) {
	for _, set := range []struct {
		dir                  string
		cause, impact, mitig float64
	}{
		{"testdata/dev7", 0.53, 0.77, 0.71},
		{"testdata/dev8", 0.36, 0.51, 0.45},
		{"testdata/dev9", 0.47, 0.67, 0.78},
		{"testdata/dev10", 0.32, 0.55, 0.51},
		{"testdata/dev11", 0.53, 0.74, 0.66},
		// dev12 was written after the day's summary rounds (0.407, 0.546, 0.297
		// as it came); dev12 and dev13 were then tuned on for the mitigation's
		// message choice (dev12 0.423, 0.546, 0.500; dev13 0.535, 0.505, 0.669).
		{"testdata/dev12", 0.39, 0.51, 0.47},
		{"testdata/dev13", 0.50, 0.50, 0.63},
		// dev14-dev16 (written on 2026-12-02 before any summary tuning on them; as
		// they came, mitigation 0.478, 0.431 and 0.398) after the seventh session's
		// report rules (timeline before summary, "Containment." leads, "is in" only
		// when shipped): dev14 0.531/0.668/0.501, dev15 0.537/0.562/0.529, dev16
		// 0.494/0.739/0.443; floors 0.03 under.
		{"testdata/dev14", 0.50, 0.63, 0.47},
		{"testdata/dev15", 0.50, 0.53, 0.49},
		{"testdata/dev16", 0.46, 0.70, 0.41},
	} {
		c, err := LoadCorpus(set.dir)
		if err != nil {
			t.Fatalf("%s: %v", set.dir, err)
		}
		r, err := SummaryMetrics(context.Background(), local.New(nil), c)
		if err != nil {
			t.Fatalf("%s: %v", set.dir, err)
		}
		t.Logf("%s: root cause %.3f, impact %.3f, mitigation %.3f", set.dir, r.RootCauseF1.Mean(), r.ImpactF1.Mean(), r.MitigationF1.Mean())
		for _, f := range []struct {
			name      string
			got, want float64
		}{{"root cause", r.RootCauseF1.Mean(), set.cause}, {"impact", r.ImpactF1.Mean(), set.impact}, {"mitigation", r.MitigationF1.Mean(), set.mitig}} {
			if f.got < f.want {
				t.Errorf("%s: %s F1 %.3f below its floor %.2f", set.dir, f.name, f.got, f.want)
			}
		}
	}
}
