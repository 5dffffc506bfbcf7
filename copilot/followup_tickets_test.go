package copilot

import (
	"context"
	"errors"
	"sync"
	"testing"
)

// oneIncident is a Memory holding one incident, private or not.
type oneIncident struct {
	Memory
	inc *Incident
}

func (m oneIncident) FindIncidentByID(_ context.Context, id string, includePrivate bool) (*Incident, error) {
	if id != m.inc.ID || (m.inc.IsPrivate() && !includePrivate) {
		return nil, Errorf(ENOTFOUND, "Incident %q not found.", id)
	}
	c := *m.inc
	c.Messages = append([]Message(nil), m.inc.Messages...)
	return &c, nil
}

// fixedEngine answers follow-ups with the items it holds.
type fixedEngine struct {
	Engine
	items []FollowUp
}

func (e fixedEngine) FollowUps(context.Context, *Incident) (*FollowUpsAnswer, error) {
	return &FollowUpsAnswer{Engine: EngineLocal, Items: append([]FollowUp(nil), e.items...)}, nil
}

type memLedger struct {
	mu   sync.Mutex
	recs map[string]FollowUpTicket
}

func (l *memLedger) ReserveFollowUpTicket(_ context.Context, t FollowUpTicket) (FollowUpTicket, bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	k := t.IncidentID + "/" + t.FollowUpID
	if r, ok := l.recs[k]; ok {
		return r, false, nil
	}
	l.recs[k] = t
	return t, true, nil
}

func (l *memLedger) CompleteFollowUpTicket(_ context.Context, t FollowUpTicket) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.recs[t.IncidentID+"/"+t.FollowUpID] = t
	return nil
}

func (l *memLedger) ReleaseFollowUpTicket(_ context.Context, inc, fu string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.recs, inc+"/"+fu)
	return nil
}

func (l *memLedger) FollowUpTickets(_ context.Context, inc string) ([]FollowUpTicket, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []FollowUpTicket
	for _, r := range l.recs {
		if r.IncidentID == inc {
			out = append(out, r)
		}
	}
	return out, nil
}

type countingTracker struct {
	mu    sync.Mutex
	calls []TicketRequest
	fail  error
}

func (t *countingTracker) Name() string { return "fake" }
func (t *countingTracker) CreateTicket(_ context.Context, req TicketRequest) (TrackedTicket, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.calls = append(t.calls, req)
	if t.fail != nil {
		return TrackedTicket{}, t.fail
	}
	return TrackedTicket{Key: "OPS-7", URL: "https://jira.example/browse/OPS-7"}, nil
}
func (t *countingTracker) Ticket(context.Context, string) (TrackedTicket, error) {
	return TrackedTicket{}, nil
}

func ticketFixture(private bool) (*Copilot, *countingTracker) {
	inc := &Incident{ID: "INC-9", Title: "pool exhausted", Visibility: VisibilityPublic, Messages: []Message{
		{TS: "1772446440.000300", UserName: "ann", Text: "I'll add an alert on pool saturation by friday"},
		{TS: "1772446500.000400", UserName: "bo", Text: "filed OPS-1 for the canary; also we should pin the pool size"},
	}}
	if private {
		inc.Visibility = VisibilityPrivate
	}
	tr := &countingTracker{}
	eng := fixedEngine{items: []FollowUp{
		{Text: "add an alert on pool saturation", Owner: "ann", Due: "2026-03-06", SourceTS: "1772446440.000300"},
		{Text: "canary step", SourceTS: "1772446500.000400", Captured: true, TicketKey: "OPS-1"},
		{Text: "pin the pool size", SourceTS: "1772446500.000400"},
	}}
	return &Copilot{Memory: oneIncident{inc: inc}, Engine: eng, Ledger: &memLedger{recs: map[string]FollowUpTicket{}}, Tracker: tr,
		Permalink: func(inc *Incident, ts string) string { return "https://acme.slack.com/archives/C1/p" + ts }}, tr
}

func TestFollowUpIDsAreStable(t *testing.T) {
	c, _ := ticketFixture(false)
	a, err := c.FollowUps(context.Background(), "INC-9", false, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"fu-1772446440-000300", "fu-1772446500-000400", "fu-1772446500-000400-2"}
	for i, it := range a.Items {
		if it.ID != want[i] {
			t.Errorf("item %d id %q, want %q", i, it.ID, want[i])
		}
	}
	b, _ := c.FollowUps(context.Background(), "INC-9", false, false)
	for i := range a.Items {
		if a.Items[i].ID != b.Items[i].ID {
			t.Errorf("id changed between answers: %q -> %q", a.Items[i].ID, b.Items[i].ID)
		}
	}
}

func TestFileFollowUp(t *testing.T) {
	ctx := context.Background()
	c, tr := ticketFixture(false)
	by := Actor{Name: "bo"}
	got, err := c.FileFollowUp(ctx, "INC-9", "fu-1772446440-000300", by)
	if err != nil || got.Key != "OPS-7" || got.CreatedBy != "bo" || got.Pending {
		t.Fatalf("FileFollowUp = %+v, %v", got, err)
	}
	if len(tr.calls) != 1 {
		t.Fatalf("%d tracker calls", len(tr.calls))
	}
	req := tr.calls[0]
	if req.Summary != "add an alert on pool saturation" || req.Owner != "ann" || req.Due != "2026-03-06" ||
		req.Permalink != "https://acme.slack.com/archives/C1/p1772446440.000300" || req.FollowUpID != "INC-9/fu-1772446440-000300" {
		t.Errorf("request %+v", req)
	}
	// Idempotent: the second click returns the first ticket and files nothing.
	again, err := c.FileFollowUp(ctx, "INC-9", "fu-1772446440-000300", Actor{Name: "cy"})
	if err != nil || again.Key != "OPS-7" || len(tr.calls) != 1 {
		t.Errorf("repeat = %+v, %v, %d calls", again, err, len(tr.calls))
	}
	// Every answer now shows it captured, with the key.
	ans, _ := c.FollowUps(ctx, "INC-9", false, true)
	for _, it := range ans.Items {
		if it.ID == "fu-1772446440-000300" {
			t.Errorf("filed follow-up still listed as uncaptured: %+v", it)
		}
	}
	all, _ := c.FollowUps(ctx, "INC-9", false, false)
	if it := all.Items[0]; !it.Captured || it.TicketKey != "OPS-7" || it.TicketURL == "" || it.CapturedBy != "bo" {
		t.Errorf("filed item = %+v", it)
	}
	// Captured in the transcript already: nothing filed.
	cited, err := c.FileFollowUp(ctx, "INC-9", "fu-1772446500-000400", by)
	if err != nil || cited.Key != "OPS-1" || len(tr.calls) != 1 {
		t.Errorf("cited = %+v, %v", cited, err)
	}
	if _, err := c.FileFollowUp(ctx, "INC-9", "fu-nope", by); ErrorCode(err) != ENOTFOUND {
		t.Errorf("unknown follow-up: %v", err)
	}
	// A POSTed document with the same id never sees the ledger.
	posted, _ := c.FollowUpsOfIncident(ctx, &Incident{ID: "INC-9", Messages: []Message{{TS: "1.1", Text: "x"}}}, false)
	for _, it := range posted.Items {
		if it.CapturedBy != "" {
			t.Errorf("posted document shows the stored incident's ledger: %+v", it)
		}
	}
}

func TestFileFollowUpFailureCanBeRetried(t *testing.T) {
	ctx := context.Background()
	c, tr := ticketFixture(false)
	tr.fail = Errorf(EUNAVAILABLE, "Jira failed (503); try again shortly.")
	if _, err := c.FileFollowUp(ctx, "INC-9", "fu-1772446440-000300", Actor{Name: "bo"}); ErrorCode(err) != EUNAVAILABLE {
		t.Fatalf("tracker failure: %v", err)
	}
	tr.fail = nil
	got, err := c.FileFollowUp(ctx, "INC-9", "fu-1772446440-000300", Actor{Name: "bo"})
	if err != nil || got.Key != "OPS-7" {
		t.Errorf("retry after a failure = %+v, %v", got, err)
	}
}

func TestFileFollowUpScopesAndNoTracker(t *testing.T) {
	ctx := context.Background()
	c, _ := ticketFixture(true)
	if _, err := c.FileFollowUp(ctx, "INC-9", "fu-1772446440-000300", Actor{Name: "bo"}); ErrorCode(err) != ENOTFOUND {
		t.Errorf("private incident without the scope: %v", err)
	}
	c.Tracker = nil
	got, err := c.FileFollowUp(ctx, "INC-9", "fu-1772446440-000300", Actor{Name: "bo", Private: true})
	if err != nil || got.Key != "" || got.CreatedBy != "bo" || got.Pending {
		t.Errorf("without a tracker = %+v, %v", got, err)
	}
	all, _ := c.FollowUps(ctx, "INC-9", true, false)
	if it := all.Items[0]; !it.Captured || it.CapturedBy != "bo" {
		t.Errorf("recorded item = %+v", it)
	}
	c.Ledger = nil
	if _, err := c.FileFollowUp(ctx, "INC-9", "x", Actor{}); ErrorCode(err) != ENOTIMPLEMENTED {
		t.Errorf("no ledger: %v", err)
	}
}

func TestFileFollowUpConcurrentClicksFileOnce(t *testing.T) {
	ctx := context.Background()
	c, tr := ticketFixture(false)
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = c.FileFollowUp(ctx, "INC-9", "fu-1772446440-000300", Actor{Name: "bo"})
		}()
	}
	wg.Wait()
	if len(tr.calls) != 1 {
		t.Errorf("%d tracker calls for 8 concurrent clicks", len(tr.calls))
	}
	for _, err := range errs {
		var ce *Error
		if err != nil && !(errors.As(err, &ce) && ce.Code == ECONFLICT) {
			t.Errorf("click failed: %v", err)
		}
	}
}

// TestFileFollowUpOwnerByName: with PersonName set (the Slack copilot resolves
// user ids), the ticket's owner is the name, not the id the transcript holds.
func TestFileFollowUpOwnerByName(t *testing.T) {
	ctx := context.Background()
	c, tr := ticketFixture(false)
	var asked []string
	c.PersonName = func(_ context.Context, p string) string {
		asked = append(asked, p)
		return "Ann Lee"
	}
	if _, err := c.FileFollowUp(ctx, "INC-9", "fu-1772446440-000300", Actor{Name: "bo"}); err != nil {
		t.Fatal(err)
	}
	if len(tr.calls) != 1 || tr.calls[0].Owner != "Ann Lee" || len(asked) != 1 || asked[0] != "ann" {
		t.Errorf("owner %q (asked %v), want Ann Lee for ann", tr.calls[0].Owner, asked)
	}
}
