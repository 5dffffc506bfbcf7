package postgres_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// runbookLibrary is the prometheus-operator runbook library of the shared fixtures,
// read where it lies (skipped when a checkout has no ../shared).
func runbookLibrary(t *testing.T) []*copilot.Runbook {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "fixtures", "runbooks-prometheus-operator", "content", "runbooks")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("runbook fixtures not present: %v", err)
	}
	rbs, err := transcript.ReadRunbooks(dir)
	if err != nil {
		t.Fatal(err)
	}
	return rbs
}

func corpusIncident(t *testing.T, id string) *copilot.Incident {
	t.Helper()
	name := filepath.Join("..", "..", "evals", "testdata", "corpus", "documents", id+".json")
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	incs, err := transcript.ReadDocuments(name, f, transcript.Options{})
	if err != nil || len(incs) != 1 {
		t.Fatalf("read %s: %d incidents, %v", name, len(incs), err)
	}
	return incs[0]
}

var runbookMatchTests = []struct {
	incident string
	first    string // "" when no runbook should be suggested first
	never    string // no suggested runbook id may start with this
}{
	// Database pool exhausted after a deploy: nothing in a Kubernetes library fits.
	{incident: "INC-2041", never: "kubernetes/KubePod"},
	// The transcript names the alert: its runbook comes first.
	{incident: "INC-1015", first: "kubernetes/KubePodCrashLooping"},
	{incident: "INC-3023", first: "kubernetes/KubeNodeNotReady"},
}

func TestMatchRunbooksByEvidence(t *testing.T) {
	t.Parallel()
	rbs := runbookLibrary(t)
	s := newStore(t)
	ctx := context.Background()
	if _, err := s.IngestRunbooks(ctx, rbs); err != nil {
		t.Fatal(err)
	}
	for _, tt := range runbookMatchTests {
		t.Run(tt.incident, func(t *testing.T) {
			inc := corpusIncident(t, tt.incident)
			got, err := s.MatchRunbooks(ctx, copilot.IncidentText(inc, 8<<10), 3)
			if err != nil {
				t.Fatal(err)
			}
			ids := make([]string, len(got))
			for i, m := range got {
				ids[i] = m.ID
			}
			if tt.first != "" && (len(ids) == 0 || ids[0] != tt.first) {
				t.Errorf("runbooks %v, want %s first", ids, tt.first)
			}
			for _, id := range ids {
				if tt.never != "" && strings.HasPrefix(id, tt.never) {
					t.Errorf("runbooks %v suggest %s, unrelated to the incident", ids, id)
				}
			}
			t.Logf("%s: %v", tt.incident, got)
		})
	}
}

// TestMatchRunbooksUnrelatedIsEmpty: a text with no alert and no failure mechanism
// of the library gets no runbook at all.
func TestMatchRunbooksUnrelatedIsEmpty(t *testing.T) {
	t.Parallel()
	rbs := runbookLibrary(t)
	s := newStore(t)
	ctx := context.Background()
	if _, err := s.IngestRunbooks(ctx, rbs); err != nil {
		t.Fatal(err)
	}
	got, err := s.MatchRunbooks(ctx, "Marketing page copy has a typo in the footer", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("got %v, want no runbook", got)
	}
}
