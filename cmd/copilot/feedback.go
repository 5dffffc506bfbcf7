package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

func (m *Main) feedbackCommand() *cobra.Command {
	c := &cobra.Command{
		Use:   "feedback",
		Short: "Feedback people gave the copilot in Slack",
		Args:  nArgs(0, 0, ""),
		RunE:  group,
	}
	c.AddCommand(&cobra.Command{
		Use:   "export",
		Short: "Print every 👍/👎 and follow-up verdict as JSON Lines, oldest first",
		Long: `Print the feedback given in Slack, one JSON object a line: kind (up, down,
already_done, not_followup), the answer and capability it was given on, the
incident and follow-up, who gave it and when. The eval datasets learn from it.`,
		Example: `  copilot feedback export > feedback.jsonl`,
		Args:    nArgs(0, 0, ""),
		RunE:    func(c *cobra.Command, _ []string) error { return m.exportFeedback(c.Context()) },
	})
	return c
}

func (m *Main) exportFeedback(ctx context.Context) error {
	s, _, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	all, err := s.ListFeedback(ctx)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(m.Stdout)
	for _, f := range all {
		if err := enc.Encode(f); err != nil {
			return fmt.Errorf("feedback export: %w", err)
		}
	}
	return nil
}
