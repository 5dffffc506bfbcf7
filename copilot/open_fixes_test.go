package copilot

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// pastIncidents is a Memory whose search always finds the same incidents.
type pastIncidents struct {
	Memory
	incs []*Incident
}

func (m pastIncidents) Search(_ context.Context, q SearchQuery) ([]SearchResult, error) {
	var out []SearchResult
	for _, inc := range m.incs {
		if !inc.IsPrivate() || q.Filter.IncludePrivate {
			out = append(out, SearchResult{IncidentID: inc.ID, Title: inc.Title})
		}
	}
	return out, nil
}

func (m pastIncidents) FindIncidentsByIDs(_ context.Context, ids []string, includePrivate bool) ([]*Incident, error) {
	var out []*Incident
	for _, inc := range m.incs {
		if !inc.IsPrivate() || includePrivate {
			out = append(out, inc)
		}
	}
	return out, nil
}

// statusTracker answers Ticket from a table; slow makes it wait for the context.
type statusTracker struct {
	countingTracker
	mu      sync.Mutex
	status  map[string]TrackedTicket
	slow    bool
	lookups int
}

func (t *statusTracker) Ticket(ctx context.Context, key string) (TrackedTicket, error) {
	t.mu.Lock()
	t.lookups++
	slow := t.slow
	tk, ok := t.status[key]
	t.mu.Unlock()
	if slow {
		<-ctx.Done()
		return TrackedTicket{}, Errorf(EUNAVAILABLE, "Jira did not answer in time.")
	}
	if !ok {
		return TrackedTicket{}, Errorf(ENOTFOUND, "no such issue")
	}
	return tk, nil
}

func openFixFixture() (*Copilot, *statusTracker, *memLedger) {
	mem := pastIncidents{incs: []*Incident{
		{ID: "INC-1", Tickets: []Ticket{{Key: "PAY-881"}, {Key: "PAY-882"}, {Key: "https://linear.app/acme/issue/X-1"}}},
		{ID: "INC-2", Tickets: []Ticket{{Key: "OPS-5"}}},
		{ID: "INC-3", Visibility: VisibilityPrivate, Tickets: []Ticket{{Key: "SEC-1"}}},
	}}
	tr := &statusTracker{status: map[string]TrackedTicket{
		"PAY-881": {Key: "PAY-881", Status: "In Progress"},
		"PAY-882": {Key: "PAY-882", Status: "Done", Done: true},
		"OPS-5":   {Key: "OPS-5", Status: "Done", Done: true},
		"OPS-77":  {Key: "OPS-77", Status: "To Do"},
		"SEC-1":   {Key: "SEC-1", Status: "To Do"},
	}}
	led := &memLedger{recs: map[string]FollowUpTicket{
		"INC-2/fu-1": {IncidentID: "INC-2", FollowUpID: "fu-1", Key: "OPS-77"},
	}}
	return &Copilot{Memory: mem, Tracker: tr, Ledger: led}, tr, led
}

func TestSimilarMarksOpenFixes(t *testing.T) {
	ctx := context.Background()
	c, tr, _ := openFixFixture()
	ans, err := c.Similar(ctx, SearchQuery{Text: "pool"})
	if err != nil || ans.Note != "" {
		t.Fatalf("Similar = %+v, %v", ans, err)
	}
	got := map[string]string{}
	for _, r := range ans.Results {
		var keys []string
		for _, f := range r.OpenFixes {
			keys = append(keys, f.Key)
		}
		got[r.IncidentID] = strings.Join(keys, ",")
	}
	// Done tickets and another tracker's link are not open fixes; a ticket filed
	// from the copilot is one.
	if got["INC-1"] != "PAY-881" || got["INC-2"] != "OPS-77" || got["INC-3"] != "" {
		t.Errorf("open fixes = %v", got)
	}
	if n := ans.Results[0].OpenFixNote(); n != "This happened before (INC-1), and its fix PAY-881 is still open." {
		t.Errorf("note = %q", n)
	}
	// The private incident's ticket was never asked about.
	if _, asked := c.fixes.entries["SEC-1"]; asked {
		t.Error("looked up a ticket of a private incident the caller may not see")
	}
	// A second search within the cache's lifetime asks the tracker nothing.
	before := tr.lookups
	if _, err := c.Similar(ctx, SearchQuery{Text: "pool"}); err != nil {
		t.Fatal(err)
	}
	if tr.lookups != before {
		t.Errorf("cached search asked the tracker %d more times", tr.lookups-before)
	}
	// After the cache's lifetime it asks again.
	c.fixes.now = func() time.Time { return time.Now().Add(fixCacheTTL + time.Second) }
	c.Similar(ctx, SearchQuery{Text: "pool"})
	if tr.lookups == before {
		t.Error("expired cache entries were not looked up again")
	}
}

func TestSimilarSurvivesASlowTracker(t *testing.T) {
	ctx := context.Background()
	c, tr, _ := openFixFixture()
	tr.slow = true
	c.fixes.timeout = 20 * time.Millisecond
	ans, err := c.Similar(ctx, SearchQuery{Text: "pool"})
	if err != nil {
		t.Fatalf("a slow tracker failed the search: %v", err)
	}
	if len(ans.Results) != 2 || ans.Note != NoteTrackerDown {
		t.Fatalf("answer = %+v", ans)
	}
	for _, r := range ans.Results {
		if len(r.OpenFixes) != 0 {
			t.Errorf("%s has open fixes from a tracker that did not answer", r.IncidentID)
		}
	}
	// For a while the tracker is not asked again: searches stay fast.
	tr.mu.Lock()
	tr.slow = false
	before := tr.lookups
	tr.mu.Unlock()
	ans, _ = c.Similar(ctx, SearchQuery{Text: "pool"})
	if tr.lookups != before || ans.Note != NoteTrackerDown {
		t.Errorf("asked a failed tracker again at once (%d lookups), note %q", tr.lookups-before, ans.Note)
	}
	// Once that while is over, open fixes come back. The tracker answers at once
	// now; the short timeout was for waiting out the slow one, and on a loaded
	// machine an answer at once can still take longer than 20 ms.
	c.fixes.now = func() time.Time { return time.Now().Add(fixRetryAfter + time.Second) }
	c.fixes.timeout = 10 * time.Second
	ans, _ = c.Similar(ctx, SearchQuery{Text: "pool"})
	if ans.Note != "" || len(ans.Results[0].OpenFixes) != 1 {
		t.Errorf("after the tracker recovered: %+v", ans)
	}
}

func TestSimilarWithoutTracker(t *testing.T) {
	c, _, _ := openFixFixture()
	c.Tracker = nil
	ans, err := c.Similar(context.Background(), SearchQuery{Text: "pool"})
	if err != nil || ans.Note != "" || len(ans.Results) != 2 || ans.Results[0].OpenFixes != nil {
		t.Errorf("without a tracker = %+v, %v", ans, err)
	}
}
