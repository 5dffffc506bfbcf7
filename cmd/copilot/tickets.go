package main

import (
	"context"
	"fmt"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// ticket files one follow-up through the same Copilot.FileFollowUp as the API and
// Slack. The operator files as their CLI identity; a private incident needs
// --include-private, as reading it does, since filing copies its text to the tracker.
func (m *Main) ticket(ctx context.Context, id, followUpID string, o answerOptions) error {
	return m.withCopilot(ctx, func(cp *copilot.Copilot) error {
		by := cliActor()
		by.Private = o.includePrivate
		rec, err := cp.FileFollowUp(ctx, id, followUpID, by)
		if err != nil {
			return err
		}
		if o.asJSON {
			return m.printJSON(rec)
		}
		switch {
		case rec.Key != "" && rec.New:
			fmt.Fprintf(m.Stdout, "filed %s %s for %s %s\n", rec.Key, rec.URL, id, followUpID)
		case rec.Key != "":
			fmt.Fprintf(m.Stdout, "already filed: %s %s (by %s)\n", rec.Key, rec.URL, orUnknown(rec.CreatedBy))
		case rec.New:
			fmt.Fprintf(m.Stdout, "recorded %s %s as captured by %s (no tracker configured: set COPILOT_JIRA_* to file tickets)\n", id, followUpID, rec.CreatedBy)
		default:
			fmt.Fprintf(m.Stdout, "already captured by %s\n", orUnknown(rec.CreatedBy))
		}
		return nil
	})
}

func orUnknown(s string) string {
	if s == "" {
		return "someone"
	}
	return s
}
