package postgres_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

func TestListIncidents(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	var incs []*copilot.Incident
	for i, id := range []string{"L-1", "L-2", "L-3", "L-4", "L-5"} {
		inc := sampleIncident(id, 3, copilot.VisibilityPublic)
		inc.StartedAt = inc.StartedAt.Add(time.Duration(i) * 24 * time.Hour)
		if id == "L-3" {
			inc.Visibility = copilot.VisibilityPrivate
		}
		if id == "L-5" {
			inc.Team = "search"
			inc.StartedAt = time.Time{}
		}
		incs = append(incs, inc)
	}
	if _, err := s.Ingest(ctx, incs, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}); err != nil {
		t.Fatal(err)
	}

	// Paging two at a time walks every public incident once, newest first, the
	// undated one last.
	var got []string
	page := copilot.Page{Limit: 2}
	for range 5 {
		l, err := s.ListIncidents(ctx, copilot.IncidentFilter{}, page)
		if err != nil {
			t.Fatal(err)
		}
		for _, inc := range l.Incidents {
			got = append(got, inc.ID)
			if inc.Messages != 3 || inc.Tickets != 1 {
				t.Errorf("%s: %d messages, %d tickets", inc.ID, inc.Messages, inc.Tickets)
			}
		}
		if l.NextCursor == "" {
			break
		}
		page.Cursor = l.NextCursor
	}
	if want := "L-4 L-2 L-1 L-5"; strings.Join(got, " ") != want {
		t.Errorf("pages = %q, want %q", strings.Join(got, " "), want)
	}

	l, err := s.ListIncidents(ctx, copilot.IncidentFilter{IncludePrivate: true, Team: "payments",
		Since: incs[1].StartedAt}, copilot.Page{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, inc := range l.Incidents {
		ids = append(ids, inc.ID)
	}
	if want := "L-4 L-3 L-2"; strings.Join(ids, " ") != want || l.NextCursor != "" {
		t.Errorf("private, team, since = %q (cursor %q), want %q", strings.Join(ids, " "), l.NextCursor, want)
	}

	for _, p := range []copilot.Page{{Limit: 0}, {Limit: copilot.MaxListLimit + 1}, {Limit: 5, Cursor: "not-a-cursor"}} {
		if _, err := s.ListIncidents(ctx, copilot.IncidentFilter{}, p); copilot.ErrorCode(err) != copilot.EINVALID {
			t.Errorf("page %+v: err = %v, want EINVALID", p, err)
		}
	}
}
