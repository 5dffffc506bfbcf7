package copilot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/memtest"
)

// stubEngine answers from the incident as given, so the tests see what the Copilot
// service handed over.
type stubEngine struct{ similar []*copilot.Incident }

func (e *stubEngine) Info() copilot.EngineInfo {
	return copilot.EngineInfo{Name: "stub", Version: "v0"}
}

func (e *stubEngine) Summarize(_ context.Context, inc *copilot.Incident) (*copilot.SummaryAnswer, error) {
	return &copilot.SummaryAnswer{IncidentID: inc.ID, Engine: "stub", Summary: copilot.Summary{Overview: inc.Messages[0].Text}}, nil
}

func (e *stubEngine) FollowUps(_ context.Context, inc *copilot.Incident) (*copilot.FollowUpsAnswer, error) {
	return &copilot.FollowUpsAnswer{IncidentID: inc.ID, Engine: "stub", Items: []copilot.FollowUp{
		{Text: "add an alert", SourceTS: inc.Messages[0].TS},
		{Text: "fix the pool", SourceTS: inc.Messages[0].TS, Captured: true, TicketKey: "OPS-1"},
	}}, nil
}

func (e *stubEngine) Runbook(_ context.Context, inc *copilot.Incident, similar []*copilot.Incident, runbooks []copilot.RunbookMatch) (*copilot.RunbookAnswer, error) {
	e.similar = similar
	return &copilot.RunbookAnswer{IncidentID: inc.ID, Engine: "stub", Steps: []copilot.RunbookStep{}, Runbooks: runbooks}, nil
}

func incident(id, vis, text string) *copilot.Incident {
	return &copilot.Incident{ID: id, Title: "checkout pool " + id, Visibility: vis, Messages: []copilot.Message{{TS: "1772446440.000100", UserName: "ana", Text: text}}}
}

func newCopilot(t *testing.T) (*copilot.Copilot, *stubEngine) {
	t.Helper()
	mem := &memtest.Memory{Runbooks: []copilot.RunbookMatch{{ID: "rb-pool", Title: "Checkout pool exhausted"}}}
	_, err := mem.Ingest(context.Background(), []*copilot.Incident{
		incident("INC-1", "public", "checkout pool exhausted, restarted pgbouncer"),
		incident("INC-2", "public", "checkout pool exhausted again, raised max conns"),
		incident("INC-3", "private", "checkout pool exhausted in the private tenant"),
	}, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}})
	if err != nil {
		t.Fatal(err)
	}
	eng := &stubEngine{}
	return &copilot.Copilot{Memory: mem, Engine: eng, Redact: func(s string) string { return strings.ReplaceAll(s, "hunter2", "[REDACTED:password]") }}, eng
}

func TestCopilotPrivateIsNotFound(t *testing.T) {
	cp, _ := newCopilot(t)
	ctx := context.Background()
	if _, err := cp.Summary(ctx, "INC-3", false); copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Errorf("private summary without scope: %v, want ENOTFOUND", err)
	}
	if _, err := cp.FollowUps(ctx, "INC-3", false, false); copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Errorf("private follow-ups without scope: %v, want ENOTFOUND", err)
	}
	if _, err := cp.Runbook(ctx, "INC-3", false); copilot.ErrorCode(err) != copilot.ENOTFOUND {
		t.Errorf("private runbook without scope: %v, want ENOTFOUND", err)
	}
	if a, err := cp.Summary(ctx, "INC-3", true); err != nil || a.IncidentID != "INC-3" {
		t.Errorf("private summary with scope: %v %v", a, err)
	}
}

func TestCopilotUncapturedOnly(t *testing.T) {
	cp, _ := newCopilot(t)
	all, err := cp.FollowUps(context.Background(), "INC-1", false, false)
	if err != nil || len(all.Items) != 2 {
		t.Fatalf("all follow-ups: %v %v", all, err)
	}
	open, err := cp.FollowUps(context.Background(), "INC-1", false, true)
	if err != nil || len(open.Items) != 1 || open.Items[0].Captured {
		t.Errorf("uncaptured only: %+v %v", open, err)
	}
}

func TestCopilotRunbookAssembly(t *testing.T) {
	cp, eng := newCopilot(t)
	a, err := cp.Runbook(context.Background(), "INC-1", false)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range eng.similar {
		ids = append(ids, s.ID)
	}
	// The incident itself comes first (the engine decides whether its own fix
	// belongs in the runbook), then the search's answers: not the private one.
	if strings.Join(ids, ",") != "INC-1,INC-2" {
		t.Errorf("similar incidents = %v, want INC-1 (itself) then INC-2 only (not the private one)", ids)
	}
	if len(a.Runbooks) != 1 || a.Runbooks[0].ID != "rb-pool" {
		t.Errorf("runbooks = %+v", a.Runbooks)
	}
	if _, err := cp.Runbook(context.Background(), "INC-1", true); err != nil || len(eng.similar) != 3 {
		t.Errorf("with the private scope: %d similar, err %v; want 3 (itself and two)", len(eng.similar), err)
	}
}

func TestCopilotMasksIncidentsGivenWhole(t *testing.T) {
	cp, _ := newCopilot(t)
	a, err := cp.SummarizeIncident(context.Background(), incident("X-1", "public", "db password hunter2 leaked"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Summary.Overview, "hunter2") {
		t.Errorf("the engine saw the secret: %q", a.Summary.Overview)
	}
	if _, err := cp.SummarizeIncident(context.Background(), &copilot.Incident{ID: "X-2"}); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("empty incident: %v, want EINVALID", err)
	}
}
