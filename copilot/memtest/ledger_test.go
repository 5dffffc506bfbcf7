package memtest

import (
	"context"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

func TestLedger(t *testing.T) {
	ctx := context.Background()
	m := &Memory{}
	admin := copilot.IngestOptions{Actor: copilot.Actor{Name: "t", Private: true}}
	if _, err := m.Ingest(ctx, []*copilot.Incident{{ID: "INC-1", Visibility: "public", Messages: []copilot.Message{{TS: "1.1", Text: "x"}}}}, admin); err != nil {
		t.Fatal(err)
	}
	rec := copilot.FollowUpTicket{IncidentID: "INC-1", FollowUpID: "fu-1", CreatedBy: "ann", Pending: true}
	if _, ok, err := m.ReserveFollowUpTicket(ctx, rec); err != nil || !ok {
		t.Fatal(ok, err)
	}
	if got, ok, _ := m.ReserveFollowUpTicket(ctx, copilot.FollowUpTicket{IncidentID: "INC-1", FollowUpID: "fu-1", CreatedBy: "bo"}); ok || got.CreatedBy != "ann" {
		t.Errorf("second reserve = %+v, %v", got, ok)
	}
	// A stale claim is taken over.
	old := m.tickets["INC-1"]["fu-1"]
	old.CreatedAt = time.Now().Add(-3 * time.Minute)
	m.tickets["INC-1"]["fu-1"] = old
	if got, ok, _ := m.ReserveFollowUpTicket(ctx, copilot.FollowUpTicket{IncidentID: "INC-1", FollowUpID: "fu-1", CreatedBy: "bo", Pending: true}); !ok || got.CreatedBy != "bo" {
		t.Errorf("takeover = %+v, %v", got, ok)
	}
	if err := m.CompleteFollowUpTicket(ctx, copilot.FollowUpTicket{IncidentID: "INC-1", FollowUpID: "fu-1", Key: "OPS-1", CreatedBy: "bo"}); err != nil {
		t.Fatal(err)
	}
	m.ReleaseFollowUpTicket(ctx, "INC-1", "fu-1")
	if recs, _ := m.FollowUpTickets(ctx, "INC-1"); len(recs) != 1 || recs[0].Key != "OPS-1" {
		t.Errorf("records = %+v", recs)
	}
	if _, _, err := m.ReserveFollowUpTicket(ctx, copilot.FollowUpTicket{IncidentID: "INC-9", FollowUpID: "fu-1"}); copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Errorf("missing incident: %v", err)
	}
	if err := m.DeleteIncident(ctx, "INC-1", admin.Actor); err != nil {
		t.Fatal(err)
	}
	if recs, _ := m.FollowUpTickets(ctx, "INC-1"); len(recs) != 0 {
		t.Errorf("records survive the delete: %+v", recs)
	}
}
