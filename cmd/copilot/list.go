package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// listFlags are the flags of list: search's filters and a page.
type listFlags struct {
	search searchFlags
	cursor *string
}

func (lf *listFlags) add(c *cobra.Command) {
	fs := c.Flags()
	lf.search = addSearchFlags(fs)
	fs.Lookup("limit").DefValue = "50"
	*lf.search.limit = 50
	fs.Lookup("limit").Usage = fmt.Sprintf("incidents per page (1..%d)", copilot.MaxListLimit)
	lf.cursor = fs.String("cursor", "", "continue after the page that printed this cursor")
}

// list prints a page of incidents; --json prints what GET /v1/incidents answers.
func (m *Main) list(ctx context.Context, lf listFlags) error {
	f, err := lf.search.filter()
	if err != nil {
		return err
	}
	s, _, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	l, err := s.ListIncidents(ctx, f, copilot.Page{Limit: *lf.search.limit, Cursor: *lf.cursor})
	if err != nil {
		return err
	}
	if *lf.search.asJSON {
		return m.printJSON(l)
	}
	if len(l.Incidents) == 0 {
		fmt.Fprintln(m.Stdout, "no incidents")
		return nil
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "INCIDENT\tSEV\tSTATUS\tSTARTED\tTEAM\tSERVICES\tTITLE")
	for _, inc := range l.Incidents {
		started := "-"
		if inc.StartedAt != nil {
			started = inc.StartedAt.Format("2006-01-02")
		}
		id := inc.ID
		if inc.Visibility == copilot.VisibilityPrivate {
			id += " (private)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", id, inc.Severity, inc.Status, started, inc.Team, clip(strings.Join(inc.Services, ","), 30), clip(inc.Title, 60))
	}
	tw.Flush()
	if l.NextCursor != "" {
		fmt.Fprintf(m.Stdout, "\nmore: copilot list --cursor %s (with the same filters)\n", l.NextCursor)
	}
	return nil
}
