package postgres_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// TestSearchFusionsAnswersAsEachFusion: one SearchFusions call answers exactly as
// Search does on stores of the same memory opened with each fusion, for text and
// by-incident queries, with filters, and for queries that share nothing with the
// memory; an unknown fusion is refused.
func TestSearchFusionsAnswersAsEachFusion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	model, err := embeddings.NewLocal(64)
	if err != nil {
		t.Fatal(err)
	}
	schema := migratedSchema(t)
	fusions := []string{retrieval.FusionWeighted, retrieval.FusionRRF, retrieval.FusionVector, retrieval.FusionLexical}
	stores := map[string]*postgres.Store{}
	for _, f := range fusions {
		s, err := postgres.Open(ctx, dbtest.URL(t), model, postgres.Options{Schema: schema, MaxConns: 2, Fusion: f, Redact: redact.String, RedactVersion: redact.Version})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.Close)
		stores[f] = s
	}
	s := stores[retrieval.FusionWeighted]
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}

	// Incidents worded differently, so the two sides disagree on the order.
	base := time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)
	texts := []string{
		"postgres connection pool exhausted: FATAL sorry, too many clients already",
		"pgbouncer max_client_conn reached, checkout requests queue up",
		"disk full on the kafka broker, log segments not deleted",
		"certificate expired on the ingress, TLS handshakes fail",
		"OOMKilled pods after the JVM heap grew past the container limit",
		"DNS lookups time out: coredns SERVFAIL for internal names",
		"too many open connections to the database from the order service",
		"expired TLS certificate on the payments gateway",
	}
	var incs []*copilot.Incident
	for i, text := range texts {
		inc := &copilot.Incident{ID: fmt.Sprintf("FUS-%d", i), Title: text, Status: "resolved", Team: []string{"payments", "platform"}[i%2],
			Visibility: []string{"public", "public", "private"}[i%3], StartedAt: base.AddDate(0, 0, i), Source: copilot.SourceDocument}
		for j := 0; j < 4; j++ {
			inc.Messages = append(inc.Messages, copilot.Message{TS: copilot.FormatTS(base.AddDate(0, 0, i).Add(time.Duration(j) * time.Minute)),
				UserName: "ops", Text: fmt.Sprintf("%s (%d)", text, j)})
		}
		incs = append(incs, inc)
	}
	if _, err := s.Ingest(ctx, incs, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}

	queries := []copilot.SearchQuery{
		{Text: "too many clients on the postgres pool", Limit: 5},
		{Text: "tls certificate expired", Limit: 3, Filter: copilot.IncidentFilter{IncludePrivate: true}},
		{Text: "database connections", Limit: 50, Filter: copilot.IncidentFilter{Team: "payments", IncludePrivate: true}},
		{IncidentID: "FUS-0", Limit: 4, Filter: copilot.IncidentFilter{IncludePrivate: true, ExcludeIDs: []string{"FUS-6"}}},
		{IncidentID: "FUS-3", Limit: 50},
		{Text: "zebra xylophone quartz", Limit: 5},
	}
	differ := false
	for _, q := range queries {
		got, err := s.SearchFusions(ctx, q, fusions)
		if err != nil {
			t.Fatalf("SearchFusions(%+v): %v", q, err)
		}
		if len(got) != len(fusions) {
			t.Fatalf("SearchFusions(%+v): %d answers for %d fusions", q, len(got), len(fusions))
		}
		for i, f := range fusions {
			want, err := stores[f].Search(ctx, q)
			if err != nil {
				t.Fatalf("Search(%+v) with %s: %v", q, f, err)
			}
			if !reflect.DeepEqual(got[i], want) {
				t.Errorf("query %+v, fusion %s:\n got %v\nwant %v", q, f, ids(got[i]), ids(want))
			}
			if !reflect.DeepEqual(ids(got[i]), ids(got[0])) {
				differ = true
			}
		}
		own, err := s.SearchFusions(ctx, q, []string{""})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(own[0], got[0]) {
			t.Errorf("query %+v: the store's own fusion (\"\") answers %v, want %v", q, ids(own[0]), ids(got[0]))
		}
	}
	if !differ {
		t.Error("every fusion ranked every query alike: the test compares nothing")
	}
	if _, err := s.SearchFusions(ctx, queries[0], []string{"bm42"}); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("unknown fusion: err = %v, want EINVALID", err)
	}
}
