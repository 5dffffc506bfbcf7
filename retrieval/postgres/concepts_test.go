package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/retrieval"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// TestSharedConceptCountsOnTheLexicalSide: an incident that states the query's
// failure in entirely different words (ENOSPC against "the volume filled up") is
// found by the lexical side alone, through the concept both map to.
func TestSharedConceptCountsOnTheLexicalSide(t *testing.T) {
	t.Parallel()
	s := newStoreWith(t, postgres.Options{Fusion: retrieval.FusionLexical, Redact: redact.String, RedactVersion: redact.Version})
	base := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	inc := func(id, title string, texts ...string) *copilot.Incident {
		x := &copilot.Incident{ID: id, Title: title, Status: "resolved", StartedAt: base, Source: copilot.SourceDocument}
		for i, tx := range texts {
			x.Messages = append(x.Messages, copilot.Message{TS: copilot.FormatTS(base.Add(time.Duration(i) * time.Minute)), UserName: "ops", Text: tx})
		}
		return x
	}
	ctx := context.Background()
	if _, err := s.Ingest(ctx, []*copilot.Incident{
		inc("WORKERS-1", "ingest workers stopped", "ENOSPC: no space left on device, write", "we pruned old segments"),
		inc("CHECKOUT-1", "checkout latency after a release", "p99 went to 4s", "rolled back"),
		inc("CACHE-1", "cache hit ratio dropped", "evictions spiked", "raised the memory limit"),
	}, copilot.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, copilot.SearchQuery{Text: "the data volume filled up, disk is full", Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 || res[0].IncidentID != "WORKERS-1" {
		var got []string
		for _, r := range res {
			got = append(got, r.IncidentID)
		}
		t.Fatalf("lexical ranking = %v, want WORKERS-1 first through the disk-full concept", got)
	}
}
