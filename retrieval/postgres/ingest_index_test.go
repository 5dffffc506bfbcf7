package postgres_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/internal/synth"
)

func count(t *testing.T, conn *pgx.Conn, query string) int {
	t.Helper()
	var n int
	if err := conn.QueryRow(context.Background(), query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Deleting an incident removes its lexical terms: they count in every other
// incident's BM25 document frequencies.
func TestDeleteRemovesIncidentTerms(t *testing.T) {
	t.Parallel()
	s, schema := ledgerStore(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	terms := `SELECT count(*) FROM ` + schema + `.incident_terms it JOIN ` + schema + `.incidents i ON i.id = it.incident_id WHERE i.external_id = 'INC-2'`
	all := `SELECT count(*) FROM ` + schema + `.incident_terms`
	before, total := count(t, conn, terms), count(t, conn, all)
	if before == 0 {
		t.Fatal("INC-2 has no terms before the delete")
	}
	if err := s.DeleteIncident(ctx, "INC-2", copilot.Actor{Name: "test", Private: true}); err != nil {
		t.Fatal(err)
	}
	if after := count(t, conn, all); after != total-before {
		t.Errorf("terms after delete = %d, want %d (%d before, %d of them INC-2's)", after, total-before, total, before)
	}
	orphans := `SELECT count(*) FROM ` + schema + `.incident_terms it WHERE NOT EXISTS (SELECT 1 FROM ` + schema + `.incidents i WHERE i.id = it.incident_id)`
	if n := count(t, conn, orphans); n != 0 {
		t.Errorf("%d terms left without their incident", n)
	}
}

// A first import large enough loads without the HNSW index and builds it once at the
// end; a small load into a store inserts into the index and never drops it.
func TestLargeFirstImportBuildsIndexOnce(t *testing.T) {
	t.Parallel()
	schema := migratedSchema(t)
	s := openIn(t, schema, redact.String, redact.Version)
	ctx := context.Background()
	var stages []string
	opts := copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}, Stage: func(stage string, total int) {
		stages = append(stages, stage)
	}}
	small := synth.Incidents(3, 12, 1, "S")
	if _, err := s.Ingest(ctx, small, opts); err != nil {
		t.Fatal(err)
	}
	for _, st := range stages {
		if st == copilot.StageIndex {
			t.Fatalf("a small load rebuilt the index: stages %v", stages)
		}
	}

	stages = nil
	big := synth.Incidents(100, 120, 2, "B")
	res, err := s.Ingest(ctx, big, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Chunks < 500 {
		t.Fatalf("the large load made %d chunks; the test needs at least 500", res.Chunks)
	}
	rebuilt := false
	for _, st := range stages {
		rebuilt = rebuilt || st == copilot.StageIndex
	}
	if !rebuilt {
		t.Errorf("a load of %d chunks into a store of a few did not rebuild the index: stages %v", res.Chunks, stages)
	}
	conn, err := pgx.Connect(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	// By access method, not pg_indexes.indexdef: the view deparses the definition of
	// every index in the database, and one that a parallel test drops meanwhile fails
	// the query ("could not open relation with OID").
	if n := count(t, conn, `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		JOIN pg_am am ON am.oid = c.relam WHERE n.nspname = '`+schema+`' AND c.relkind = 'i' AND am.amname = 'hnsw'`); n != 1 {
		t.Errorf("%d HNSW indexes after the load, want 1", n)
	}
	hits, err := s.Search(ctx, copilot.SearchQuery{Text: big[7].Title, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Error("search after the load found nothing")
	}
}
