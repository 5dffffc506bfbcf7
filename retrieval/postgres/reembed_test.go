package postgres_test

import (
	"context"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// TestReembedSwitchesEmbedder stores incidents with one embedder, re-embeds them for
// another of a different dimension, searches with the new one, then prunes the old.
func TestReembedSwitchesEmbedder(t *testing.T) {
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
	old := open(64)
	if _, err := old.Ingest(ctx, []*copilot.Incident{sampleIncident("R-1", 8, "public"), sampleIncident("R-2", 8, "private")}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}
	before, _ := old.Stats(ctx)

	s := open(32)
	if st, _ := s.Stats(ctx); st.Chunks != 0 {
		t.Fatalf("new embedder already has %d chunks", st.Chunks)
	}
	if _, err := s.Search(ctx, copilot.SearchQuery{IncidentID: "R-1"}); copilot.ErrorCode(err) != copilot.EUNAVAILABLE {
		t.Errorf("search before reembed: err = %v, want EUNAVAILABLE naming reembed", err)
	}
	res, err := s.Reembed(ctx, false, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Incidents != 2 || res.Chunks != before.Chunks || res.Embedder != "local/v1/32/lex-"+failure.Version()+"/text-"+text.Version() {
		t.Fatalf("reembed = %+v, want 2 incidents and %d chunks", res, before.Chunks)
	}
	if again, err := s.Reembed(ctx, false, false, nil); err != nil || again.Incidents != 0 {
		t.Fatalf("second reembed = %+v, %v; want nothing to do", again, err)
	}
	got, err := s.Search(ctx, copilot.SearchQuery{Text: "too many clients", Filter: copilot.IncidentFilter{IncludePrivate: true}})
	if err != nil || len(got) != 2 {
		t.Fatalf("search with the new embedder: %v, %v", ids(got), err)
	}
	if st, _ := old.Stats(ctx); st.Chunks != before.Chunks {
		t.Fatalf("old embedder's vectors changed before prune: %+v", st)
	}
	if res, err := s.Reembed(ctx, false, true, nil); err != nil || res.Pruned != int64(before.Chunks) {
		t.Fatalf("prune = %+v, %v; want %d pruned", res, err, before.Chunks)
	}
	if st, _ := old.Stats(ctx); st.Chunks != 0 {
		t.Fatalf("old vectors left after prune: %+v", st)
	}
}
