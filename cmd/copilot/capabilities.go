package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

func (m *Main) capabilitiesCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "capabilities",
		Short: "What each capability may do now, and why",
		Long: `List per capability its mode (act, suggest_only, off), whether it is verified,
the reason, and the eval run it rests on with its metrics and thresholds.

A capability acts on its own only when its latest 'copilot eval' run on this exact
configuration (embedder, lexicon, redaction, engine, prompts, model, commit) passed
the targets (evals/gates.yaml, or the file COPILOT_GATES names) on at least 20
labelled incidents. COPILOT_CAPABILITIES=runbook:off,summary:suggest_only turns
capabilities down whatever their eval says (or @FILE with one entry per line).`,
		Example: `  copilot capabilities
  copilot capabilities --json
  COPILOT_CAPABILITIES=runbook:off copilot capabilities`,
		Args: nArgs(0, 0, ""),
		RunE: func(c *cobra.Command, _ []string) error { return m.capabilities(c.Context(), asJSON) },
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the same JSON as GET /v1/capabilities")
	return c
}

func (m *Main) capabilities(ctx context.Context, asJSON bool) error {
	s, cfg, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	cp, err := m.copilot(s, cfg)
	if err != nil {
		return err
	}
	var out struct {
		Capabilities []copilot.CapabilityStatus `json:"capabilities"`
	}
	for _, name := range copilot.Capabilities {
		st, err := cp.Capability(ctx, name)
		if err != nil {
			return err
		}
		out.Capabilities = append(out.Capabilities, st)
	}
	if asJSON {
		return m.printJSON(out)
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CAPABILITY\tMODE\tVERIFIED\tGATE\tREASON")
	for _, st := range out.Capabilities {
		fmt.Fprintf(tw, "%s\t%s\t%t\t%s\t%s\n", st.Capability, st.Mode, st.Verified, st.Gate, st.Reason)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, st := range out.Capabilities {
		if st.Run == nil {
			continue
		}
		fmt.Fprintf(m.Stdout, "\n%s: run %d of %s, engine %s\n", st.Capability, st.Run.ID, st.Run.CreatedAt.UTC().Format("2006-01-02 15:04"), st.Run.Engine)
		tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
		for _, c := range st.Run.Checks {
			res := "pass"
			if !c.Pass {
				res = "FAIL"
			}
			min := fmt.Sprintf("%.3f", c.Min)
			if c.Baseline != "" {
				min += " (" + c.Baseline + ")"
			}
			fmt.Fprintf(tw, "  %s/%s\t%.3f\t>= %s\t%s\n", c.Split, c.Metric, c.Value, min, res)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}
