package evals

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// FuzzLoadCorpusLabels feeds arbitrary labels files to LoadCorpus: it never panics,
// and what it rejects it rejects as EINVALID naming the file.
func FuzzLoadCorpusLabels(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "mini", "labels", "documents.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"incidents":[{"id":"INC-1","followups":[{"ts":"1772445840.000100","captured":"yes"}]}]}`))
	f.Add([]byte(`{"incidents":null}`))
	f.Add([]byte(`[]`))
	dir := f.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "mini"))); err != nil {
		f.Fatal(err)
	}
	labels := filepath.Join(dir, "labels", "documents.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(labels, data, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := LoadCorpus(dir)
		if err != nil {
			if copilot.ErrorCode(err) != copilot.EINVALID {
				t.Fatalf("error %v, want EINVALID", err)
			}
			return
		}
		for _, li := range c.Incidents {
			if li.Incident == nil || li.Incident.ID != li.Labels.ID {
				t.Fatalf("labelled incident %q bound to %+v", li.Labels.ID, li.Incident)
			}
		}
	})
}
