package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// TestReadySaysWhenVectorsAreStale: a store configured with another embedder (as after
// a lexicon edit) than the one that made the stored vectors is not ready while it has
// none of its own, warns while some incidents have only old vectors, and is plainly
// ready once reembed has run.
func TestReadySaysWhenVectorsAreStale(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url, schema := dbtest.URL(t), migratedSchema(t)
	open := func(dim int) *postgres.Store {
		model, err := embeddings.NewLocal(dim)
		if err != nil {
			t.Fatal(err)
		}
		s, err := postgres.Open(ctx, url, model, postgres.Options{Schema: schema, Redact: redact.String, RedactVersion: redact.Version})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.Close)
		if _, err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		return s
	}
	actor := copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}
	old := open(64)
	if w, err := old.Ready(ctx); err != nil || len(w) != 0 {
		t.Fatalf("empty memory: warnings %v, err %v", w, err)
	}
	if _, err := old.Ingest(ctx, []*copilot.Incident{sampleIncident("S-1", 8, "public"), sampleIncident("S-2", 8, "public")}, actor); err != nil {
		t.Fatal(err)
	}
	if w, err := old.Ready(ctx); err != nil || len(w) != 0 {
		t.Fatalf("current vectors: warnings %v, err %v", w, err)
	}

	s := open(32)
	_, err := s.Ready(ctx)
	if copilot.ErrorCode(err) != copilot.EUNAVAILABLE || !strings.Contains(err.Error(), old.EmbedderID()) || !strings.Contains(err.Error(), "copilot reembed") {
		t.Fatalf("no vectors of the configured embedder: err = %v, want EUNAVAILABLE naming %s and reembed", err, old.EmbedderID())
	}

	if _, err := s.Ingest(ctx, []*copilot.Incident{sampleIncident("S-3", 4, "public")}, actor); err != nil {
		t.Fatal(err)
	}
	w, err := s.Ready(ctx)
	if err != nil || len(w) != 1 {
		t.Fatalf("some stale incidents: warnings %v, err %v; want one warning", w, err)
	}
	for _, want := range []string{"of 2 incidents", old.EmbedderID(), s.EmbedderID(), "copilot reembed"} {
		if !strings.Contains(w[0], want) {
			t.Errorf("warning %q does not say %q", w[0], want)
		}
	}

	if _, err := s.Reembed(ctx, false, false, nil); err != nil {
		t.Fatal(err)
	}
	if w, err := s.Ready(ctx); err != nil || len(w) != 0 {
		t.Fatalf("after reembed (old vectors kept): warnings %v, err %v", w, err)
	}
}
