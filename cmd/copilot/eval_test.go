package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalGateNamesMetric: a threshold no run can reach makes eval exit non-zero,
// and the message names the metric, its value and the threshold.
func TestEvalGateNamesMetric(t *testing.T) {
	env := testEnv(t)
	dir := t.TempDir()
	gates := filepath.Join(dir, "gates.yaml")
	if err := os.WriteFile(gates, []byte("split: dev\ncapabilities:\n  summary:\n    - {metric: summary.citation_validity, min: 2}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := run(t, env, "eval", "--dataset", "../../evals/testdata/mini", "--gate", gates, "--record=false", "--report", filepath.Join(dir, "out"))
	if err == nil || exitCode(err) == 0 {
		t.Fatalf("eval passed an unreachable gate; stderr:\n%s", stderr)
	}
	if msg := userMessage(err); !strings.Contains(msg, "dev/summary.citation_validity 1 < 2") {
		t.Errorf("message %q does not name the metric", msg)
	}
	for _, f := range []string{"report.json", "report.md", "report.html"} {
		if _, err := os.Stat(filepath.Join(dir, "out", f)); err != nil {
			t.Errorf("report: %v", err)
		}
	}
}
