package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// newStore opens a migrated store in a schema of its own.
func newStore(t testing.TB) *postgres.Store {
	t.Helper()
	return newStoreWith(t, postgres.Options{MaxConns: 6, Redact: redact.String, RedactVersion: redact.Version})
}

func newStoreWith(t testing.TB, opts postgres.Options) *postgres.Store {
	t.Helper()
	model, err := embeddings.NewLocal(64)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if opts.Schema == "" { // else stores share a schema: the memory, opened with other options
		opts.Schema = migratedSchema(t)
	}
	s, err := postgres.Open(ctx, dbtest.URL(t), model, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return s
}

func sampleIncident(id string, n int, vis string) *copilot.Incident {
	base := time.Date(2026, 3, 2, 10, 14, 0, 0, time.UTC)
	inc := &copilot.Incident{
		ID: id, Title: "checkout 5xx " + id, Severity: "SEV2", Status: "resolved", Visibility: vis,
		Services: []string{"checkout-api"}, Team: "payments", StartedAt: base, ResolvedAt: base.Add(time.Hour),
		Source: copilot.SourceDocument,
	}
	for i := 0; i < n; i++ {
		inc.Messages = append(inc.Messages, copilot.Message{
			TS: copilot.FormatTS(base.Add(time.Duration(i) * time.Minute)), User: fmt.Sprintf("U%02d", i%3),
			UserName: fmt.Sprintf("user%d", i%3), Text: fmt.Sprintf("message %d: pool exhausted, too many clients already", i),
		})
	}
	inc.Tickets = []copilot.Ticket{{Key: "PAY-" + id, Title: "alert on pool saturation", Status: "open"}}
	return inc
}

func TestIngestIdempotent(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	incs := []*copilot.Incident{sampleIncident("INC-1", 12, "public"), sampleIncident("INC-2", 30, "private")}

	res, err := s.Ingest(ctx, incs, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Incidents != 2 || res.Written != 2 || res.Messages != 42 || res.Tickets != 2 || res.Chunks == 0 {
		t.Fatalf("first ingest = %+v", res)
	}
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before.Incidents != 2 || before.PrivateIncidents != 1 || before.Messages != 42 || before.Chunks != res.Chunks || before.Tickets != 2 {
		t.Fatalf("stats after first ingest = %+v (ingest %+v)", before, res)
	}

	res2, err := s.Ingest(ctx, []*copilot.Incident{sampleIncident("INC-1", 12, "public"), sampleIncident("INC-2", 30, "private")}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}})
	if err != nil {
		t.Fatal(err)
	}
	if res2.Written != 0 || res2.Unchanged != 2 {
		t.Fatalf("re-ingest wrote %d, unchanged %d; want 0 and 2", res2.Written, res2.Unchanged)
	}
	after, _ := s.Stats(ctx)
	if after != before {
		t.Fatalf("stats changed on re-ingest: %+v -> %+v", before, after)
	}
}

func TestIngestChangedTranscriptReplaces(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	if _, err := s.Ingest(ctx, []*copilot.Incident{sampleIncident("INC-1", 20, "public")}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}
	changed := sampleIncident("INC-1", 5, "public")
	changed.Messages[4].Text = "resolved after raising max_connections"
	changed.Tickets = nil
	res, err := s.Ingest(ctx, []*copilot.Incident{changed}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Written != 1 {
		t.Fatalf("changed incident not rewritten: %+v", res)
	}
	got, err := s.FindIncidentByID(ctx, "INC-1", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Messages) != 5 || got.Messages[4].Text != "resolved after raising max_connections" || len(got.Tickets) != 0 {
		t.Fatalf("stored incident = %d messages, last %q, %d tickets", len(got.Messages), got.Messages[len(got.Messages)-1].Text, len(got.Tickets))
	}
	st, _ := s.Stats(ctx)
	if st.Messages != 5 || st.Incidents != 1 {
		t.Fatalf("old rows left behind: %+v", st)
	}
}

func TestIngestAllOrNothingPerIncident(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	good := sampleIncident("INC-GOOD", 8, "public")
	bad := sampleIncident("INC-BAD", 8, "public")
	// PostgreSQL rejects NUL in text: the failure comes after the incident row and
	// some of its rows were already sent in the same transaction.
	bad.Messages[6].Text = "broken \x00 byte"
	_, err := s.Ingest(ctx, []*copilot.Incident{good, bad}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}})
	if err == nil {
		t.Fatal("ingest of an incident the database rejects succeeded")
	}
	if !strings.Contains(err.Error(), "INC-BAD") {
		t.Errorf("error does not name the incident: %v", err)
	}
	if _, err := s.FindIncidentByID(ctx, "INC-BAD", true); copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Fatalf("half-written incident visible: err=%v", err)
	}
	// The good incident may or may not have been written before the failure stopped
	// the workers; none of the bad one's rows may remain.
	st, _ := s.Stats(ctx)
	if st.Messages != 0 && st.Messages != len(good.Messages) {
		t.Fatalf("messages of the failed incident were kept: %+v", st)
	}
}

func TestPrivateIncidentHiddenByID(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	if _, err := s.Ingest(ctx, []*copilot.Incident{sampleIncident("INC-P", 3, "private")}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}
	_, err := s.FindIncidentByID(ctx, "INC-P", false)
	if copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Fatalf("private incident without scope: err = %v, want ENOTFOUND", err)
	}
	// A private id must answer exactly like a missing one.
	_, missing := s.FindIncidentByID(ctx, "INC-Q", false)
	if strings.Replace(copilot.ErrorMessage(err), "INC-P", "INC-Q", 1) != copilot.ErrorMessage(missing) {
		t.Fatalf("private and missing answer differently: %q vs %q", copilot.ErrorMessage(err), copilot.ErrorMessage(missing))
	}
	inc, err := s.FindIncidentByID(ctx, "INC-P", true)
	if err != nil || inc.Visibility != "private" || len(inc.Messages) != 3 {
		t.Fatalf("with private scope: %+v, %v", inc, err)
	}
}

func TestMigrateTwice(t *testing.T) {
	t.Parallel()
	// A fresh schema, not a pooled one: the first Migrate must apply everything.
	model, err := embeddings.NewLocal(64)
	if err != nil {
		t.Fatal(err)
	}
	s, err := postgres.Open(context.Background(), dbtest.URL(t), model, postgres.Options{Schema: dbtest.Schema(t), Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	if n, err := s.Migrate(context.Background()); err != nil || n == 0 {
		t.Fatalf("first migrate applied %d, err %v", n, err)
	}
	n, err := s.Migrate(context.Background())
	if err != nil || n != 0 {
		t.Fatalf("second migrate applied %d, err %v", n, err)
	}
	ok, err := s.MigrationsCurrent(context.Background())
	if err != nil || !ok {
		t.Fatalf("migrations current = %v, %v", ok, err)
	}
}
