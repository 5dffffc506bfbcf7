package evals

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

func TestRootCauseBaselinePicksTheFirstCausalSentence(t *testing.T) {
	inc := &copilot.Incident{ID: "X", Messages: []copilot.Message{
		{TS: "1.0", Text: "Checkout failed for 20 minutes. Nobody knew why."},
		{TS: "2.0", Text: "We rolled back. The outage was caused by a bad config push. Root cause: see above."},
	}}
	if got, want := RootCauseBaseline(inc), "The outage was caused by a bad config push"; got != want {
		t.Errorf("baseline = %q, want %q", got, want)
	}
	if got := RootCauseBaseline(&copilot.Incident{ID: "Y", Messages: []copilot.Message{{TS: "1.0", Text: "It broke."}}}); got != "" {
		t.Errorf("baseline without a causal sentence = %q, want empty", got)
	}
}

// TestDFDSRootCauseAgainstBaseline summarizes the real dfds postmortems and reports the
// root cause beside the one-line baseline per split (skipped when the fixtures are
// absent). On each split the engine's root-cause F1 must not fall below the baseline's.
func TestDFDSRootCauseAgainstBaseline(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "fixtures", "postmortems-dfds")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("dfds fixtures not present: %v", err)
	}
	data, err := os.ReadFile("testdata/dfds/labels.json")
	if err != nil {
		t.Fatal(err)
	}
	var f labelsFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	incs, err := transcript.Read([]string{dir}, transcript.Options{})
	if err != nil {
		t.Fatal(err)
	}
	scores, err := PostmortemRootCauses(context.Background(), local.New(nil), incs, f.Incidents)
	if err != nil {
		t.Fatal(err)
	}
	if len(scores) != 2 {
		t.Fatalf("splits scored: %+v, want dev and test", scores)
	}
	for _, s := range scores {
		t.Log(s)
		if s.EngineF1 < s.BaselineF1 {
			t.Errorf("%s: engine root-cause F1 %.3f below the one-line baseline %.3f", s.Split, s.EngineF1, s.BaselineF1)
		}
	}
}
