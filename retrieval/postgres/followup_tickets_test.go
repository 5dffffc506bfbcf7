package postgres_test

import (
	"context"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// ledgerStore is a migrated store holding INC-1 (public) and INC-2 (private), and
// the name of its schema for statements the store does not offer.
func ledgerStore(t *testing.T) (*postgres.Store, string) {
	t.Helper()
	schema := migratedSchema(t)
	s := openIn(t, schema, redact.String, redact.Version)
	incs := []*copilot.Incident{sampleIncident("INC-1", 4, "public"), sampleIncident("INC-2", 4, "private")}
	if _, err := s.Ingest(context.Background(), incs, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}
	return s, schema
}

func pending(inc, fu, by string) copilot.FollowUpTicket {
	return copilot.FollowUpTicket{IncidentID: inc, FollowUpID: fu, Tracker: "jira", CreatedBy: by, Pending: true}
}

func TestLedgerReserveCompleteRelease(t *testing.T) {
	t.Parallel()
	s, _ := ledgerStore(t)
	ctx := context.Background()

	first, ok, err := s.ReserveFollowUpTicket(ctx, pending("INC-1", "fu-1", "ann"))
	if err != nil || !ok || first.CreatedAt.IsZero() {
		t.Fatalf("first reserve = %+v, %v, %v", first, ok, err)
	}
	// The second click sees the first, still pending.
	got, ok, err := s.ReserveFollowUpTicket(ctx, pending("INC-1", "fu-1", "bo"))
	if err != nil || ok || got.CreatedBy != "ann" || !got.Pending {
		t.Fatalf("second reserve = %+v, %v, %v", got, ok, err)
	}
	done := first
	done.Key, done.URL, done.Pending = "OPS-7", "https://jira.example/browse/OPS-7", false
	if err := s.CompleteFollowUpTicket(ctx, done); err != nil {
		t.Fatal(err)
	}
	got, ok, err = s.ReserveFollowUpTicket(ctx, pending("INC-1", "fu-1", "cy"))
	if err != nil || ok || got.Key != "OPS-7" || got.URL == "" || got.Pending || got.CreatedBy != "ann" {
		t.Fatalf("reserve after complete = %+v, %v, %v", got, ok, err)
	}
	// Releasing never drops a finished record.
	if err := s.ReleaseFollowUpTicket(ctx, "INC-1", "fu-1"); err != nil {
		t.Fatal(err)
	}
	// A released reservation can be claimed again.
	if _, ok, err := s.ReserveFollowUpTicket(ctx, pending("INC-1", "fu-2", "ann")); err != nil || !ok {
		t.Fatalf("reserve fu-2: %v %v", ok, err)
	}
	if err := s.ReleaseFollowUpTicket(ctx, "INC-1", "fu-2"); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.ReserveFollowUpTicket(ctx, pending("INC-1", "fu-2", "bo")); err != nil || !ok {
		t.Fatalf("reserve after release: %v %v", ok, err)
	}
	recs, err := s.FollowUpTickets(ctx, "INC-1")
	if err != nil || len(recs) != 2 || recs[0].FollowUpID != "fu-1" || recs[0].Key != "OPS-7" || recs[1].CreatedBy != "bo" || !recs[1].Pending {
		t.Fatalf("records = %+v, %v", recs, err)
	}
	if recs, err := s.FollowUpTickets(ctx, "INC-2"); err != nil || len(recs) != 0 {
		t.Errorf("INC-2 records = %+v, %v", recs, err)
	}
	if _, _, err := s.ReserveFollowUpTicket(ctx, pending("INC-404", "fu-1", "ann")); copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Errorf("reserve on a missing incident: %v", err)
	}
}

func TestLedgerStaleReservationIsTakenOver(t *testing.T) {
	t.Parallel()
	s, schema := ledgerStore(t)
	ctx := context.Background()
	if _, ok, err := s.ReserveFollowUpTicket(ctx, pending("INC-1", "fu-1", "ann")); err != nil || !ok {
		t.Fatal(ok, err)
	}
	// The process that reserved it died three minutes ago.
	conn, err := pgx.Connect(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `UPDATE `+schema+`.followup_tickets SET created_at = now() - interval '3 minutes'`); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.ReserveFollowUpTicket(ctx, pending("INC-1", "fu-1", "bo"))
	if err != nil || !ok || got.CreatedBy != "bo" {
		t.Fatalf("takeover = %+v, %v, %v", got, ok, err)
	}
	// A finished record is never taken over, however old.
	got.Key, got.Pending = "OPS-9", false
	if err := s.CompleteFollowUpTicket(ctx, got); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `UPDATE `+schema+`.followup_tickets SET created_at = now() - interval '3 days'`); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := s.ReserveFollowUpTicket(ctx, pending("INC-1", "fu-1", "cy")); err != nil || ok || got.Key != "OPS-9" {
		t.Fatalf("old finished record = %+v, %v, %v", got, ok, err)
	}
}

func TestLedgerCascadesOnDelete(t *testing.T) {
	t.Parallel()
	s, _ := ledgerStore(t)
	ctx := context.Background()
	rec := copilot.FollowUpTicket{IncidentID: "INC-2", FollowUpID: "fu-1", CreatedBy: "ann"}
	if _, ok, err := s.ReserveFollowUpTicket(ctx, rec); err != nil || !ok {
		t.Fatal(ok, err)
	}
	// Re-ingesting the incident keeps its records: the incident row stays.
	if _, err := s.Ingest(ctx, []*copilot.Incident{sampleIncident("INC-2", 5, "private")}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}
	if recs, err := s.FollowUpTickets(ctx, "INC-2"); err != nil || len(recs) != 1 {
		t.Fatalf("records after re-ingest = %+v, %v", recs, err)
	}
	if err := s.DeleteIncident(ctx, "INC-2", copilot.Actor{Name: "test", Private: true}); err != nil {
		t.Fatal(err)
	}
	// An incident stored again under the same id starts with no records.
	if _, err := s.Ingest(ctx, []*copilot.Incident{sampleIncident("INC-2", 4, "private")}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}
	if recs, err := s.FollowUpTickets(ctx, "INC-2"); err != nil || len(recs) != 0 {
		t.Errorf("records after delete = %+v, %v", recs, err)
	}
}

func TestLedgerConcurrentReservationsOneWins(t *testing.T) {
	t.Parallel()
	s, _ := ledgerStore(t)
	ctx := context.Background()
	const n = 12
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		wins int
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, ok, err := s.ReserveFollowUpTicket(ctx, pending("INC-1", "fu-race", string(rune('a'+i))))
			if err != nil {
				t.Error(err)
			}
			if ok {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if wins != 1 {
		t.Errorf("%d of %d concurrent reservations won, want exactly 1", wins, n)
	}
}
