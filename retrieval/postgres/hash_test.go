package postgres

import (
	"context"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

type fakeModel struct{ id string }

func (m fakeModel) EmbedderID() string { return m.id }
func (m fakeModel) Dimensions() int    { return 4 }
func (m fakeModel) EmbedQuery(context.Context, string) ([]float32, error) {
	return make([]float32, 4), nil
}
func (m fakeModel) EmbedDocuments(_ context.Context, texts []string) ([][]float32, error) {
	return make([][]float32, len(texts)), nil
}

// TestContentHashFollowsLexicon: an edited lexicon derives other concept terms (and,
// for the local embedder, other vectors), so the stored incident must count as
// changed and be re-processed on the next ingest.
func TestContentHashFollowsLexicon(t *testing.T) {
	inc := &copilot.Incident{ID: "INC-1", Title: "pool exhausted", StartedAt: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)}
	store := func(embedder, lexicon string) *Store {
		return &Store{model: fakeModel{embedder}, opts: Options{Chunking: copilot.DefaultChunkOptions, RedactVersion: "r1"}, lexicon: lexicon}
	}
	base := store("local/v1/4/lex-"+failure.Version()+"/text-"+text.Version(), failure.Version()).contentHash(inc)
	if again := store("local/v1/4/lex-"+failure.Version()+"/text-"+text.Version(), failure.Version()).contentHash(inc); again != base {
		t.Fatal("content hash is not stable")
	}
	if store("local/v1/4/lex-0edited0", failure.Version()).contentHash(inc) == base {
		t.Error("another embedder id gives the same content hash")
	}
	if store("local/v1/4/lex-"+failure.Version()+"/text-"+text.Version(), "0edited0").contentHash(inc) == base {
		t.Error("another lexicon under the same provider embedder gives the same content hash")
	}
}

func TestRebuildPays(t *testing.T) {
	for _, tc := range []struct {
		existing, added int
		want            bool
	}{
		{0, 1, false},
		{0, rebuildMin - 1, false},
		{0, rebuildMin, true},
		{1000, 600, true},
		{100000, 5000, false},
		{100000, 30000, true},
	} {
		if got := rebuildPays(tc.existing, tc.added); got != tc.want {
			t.Errorf("rebuildPays(%d, %d) = %v, want %v", tc.existing, tc.added, got, tc.want)
		}
	}
}
