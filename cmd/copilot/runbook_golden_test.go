package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/evals"
)

// runbookGoldenTests state what `copilot runbook ID` must answer for two resolved
// incidents of the sample corpus, stored in a real database with the whole corpus
// around them. A resolved incident's runbook starts with what fixed it there, in
// order, each step citing its message and carrying the check the channel reported;
// steps from other incidents come only from incidents of the same failure family;
// chatter (a pasted secret's rotation, someone else's HPA) is no step.
var runbookGoldenTests = []struct {
	id string
	// first: words the first step must hold, the message it must cite, and a word
	// of its check.
	first     []string
	firstTS   string
	checkHas  string
	also      []string // words some other step must hold ("" when none)
	never     []string // words no step may hold
	neverFrom string   // no step may cite this incident (an unrelated one)
}{
	{
		// DB pool exhausted after a config change: the fix is the rollback.
		id:       "INC-2041",
		first:    []string{"roll back", "2.30.4"},
		firstTS:  "1772446812.824430",
		checkHas: "conns dropping",
		never:    []string{"hpa", "pw rotated", "revoked", "patching the deployment"},
	},
	{
		// A VPC lost its private hosted zone association: re-associate it (the
		// command as run); the pasted key's deactivation is hygiene, not a step.
		id:       "INC-1012",
		first:    []string{"associate-vpc-with-hosted-zone", "--hosted-zone-id"},
		firstTS:  "1744206540.245772",
		checkHas: "payouts-worker going again",
		never:    []string{"deactivat", "access key", "sso creds", "akia"},
	},
}

func TestRunbookGolden(t *testing.T) {
	t.Parallel()
	corpus, err := evals.LoadCorpus("../../evals/testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	family := map[string]string{}
	for _, li := range corpus.Incidents {
		family[li.Labels.ID] = li.Labels.Family
	}
	env := devCorpusEnv(t)
	for _, tt := range runbookGoldenTests {
		t.Run(tt.id, func(t *testing.T) {
			out, stderr, err := run(t, env, "runbook", tt.id, "--json")
			if err != nil {
				t.Fatalf("runbook: %v\n%s", err, stderr)
			}
			var a copilot.RunbookAnswer
			if err := json.Unmarshal([]byte(out), &a); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			if len(a.Steps) == 0 {
				t.Fatalf("no steps: %s", out)
			}
			first := a.Steps[0]
			low := strings.ToLower(first.Text)
			for _, w := range tt.first {
				if !strings.Contains(low, w) {
					t.Errorf("first step %q lacks %q", first.Text, w)
				}
			}
			if len(first.Sources) == 0 || first.Sources[0].IncidentID != tt.id || first.Sources[0].SourceTS != tt.firstTS {
				t.Errorf("first step cites %+v, want %s %s", first.Sources, tt.id, tt.firstTS)
			}
			if _, check, ok := strings.Cut(low, "(check:"); !ok || !strings.Contains(check, tt.checkHas) {
				t.Errorf("first step %q lacks its check (%q)", first.Text, tt.checkHas)
			}
			for _, s := range a.Steps {
				low := strings.ToLower(s.Text)
				for _, w := range tt.never {
					if strings.Contains(low, w) {
						t.Errorf("step %q is chatter (%q)", s.Text, w)
					}
				}
				for _, src := range s.Sources {
					if src.IncidentID != tt.id && family[src.IncidentID] != family[tt.id] {
						t.Errorf("step %q cites %s (%s), not a %s incident", s.Text, src.IncidentID, family[src.IncidentID], family[tt.id])
					}
				}
			}
			t.Logf("%s", out)
		})
	}
}
