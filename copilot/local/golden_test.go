package local

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

var updateLocal = flag.Bool("update-local", false, "rewrite the local engine's golden answers in testdata/golden")

// TestLocalGolden pins the full answers for the hand-made transcripts, so a change of
// heuristics shows up in review as a diff of what responders would read. Rewrite
// with: go test ./copilot/local -run TestLocalGolden -update-local
func TestLocalGolden(t *testing.T) {
	e := New(nil)
	ctx := context.Background()
	similar := []*copilot.Incident{loadTestIncident(t, "doc_pool_orders"), loadTestIncident(t, "slack_dns"), loadTestIncident(t, "postmortem_ingress")}
	for _, name := range []string{"slack_pool", "slack_dns", "postmortem_ingress"} {
		t.Run(name, func(t *testing.T) {
			inc := loadTestIncident(t, name)
			sum, err := e.Summarize(ctx, inc)
			if err != nil {
				t.Fatal(err)
			}
			fu, err := e.FollowUps(ctx, inc)
			if err != nil {
				t.Fatal(err)
			}
			rb, err := e.Runbook(ctx, inc, similar, nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(map[string]any{"summary": sum, "followups": fu, "runbook": rb}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", name+".json")
			if *updateLocal {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update-local to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("answers for %s differ from %s; review the change and rerun with -update-local\ngot:\n%s", name, path, got)
			}
		})
	}
}
