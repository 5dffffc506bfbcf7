package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// answerOptions are the flags of summarize, followups and runbook.
type answerOptions struct {
	includePrivate, asJSON, uncaptured bool
}

func (m *Main) withCopilot(ctx context.Context, f func(*copilot.Copilot) error) error {
	s, cfg, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	cp, err := m.copilot(s, cfg)
	if err != nil {
		return err
	}
	return f(cp)
}

func (m *Main) summarize(ctx context.Context, id string, o answerOptions) error {
	return m.withCopilot(ctx, func(cp *copilot.Copilot) error {
		verified, err := cliGate(ctx, cp, copilot.CapSummary)
		if err != nil {
			return err
		}
		ans, err := cp.Summary(ctx, id, o.includePrivate)
		if err != nil {
			return err
		}
		ans.Verified = verified
		if o.asJSON {
			return m.printJSON(ans)
		}
		// The incident is needed only to link and check citations: without it the
		// answer still prints, with bare ts.
		inc, _ := cp.Memory.FindIncidentByID(ctx, id, o.includePrivate)
		l := citeLinker{permalink: cp.Permalink, incidents: map[string]*copilot.Incident{}}
		if inc != nil {
			l.incidents[ans.IncidentID] = inc
		}
		printSummary(m.Stdout, ans, l, flaggedTexts(inc, ans))
		return nil
	})
}

// printSummary prints a summary answer as text: fields with unverified sentences
// marked, then each cited statement with a link to its message.
func printSummary(w io.Writer, ans *copilot.SummaryAnswer, l citeLinker, flagged map[string]bool) {
	fmt.Fprintf(w, "%s — summary (engine %s%s)\n\n", ans.IncidentID, ans.Engine, fallbackNote(ans.Fallback)+unverifiedNote(ans.Verified))
	for _, f := range []struct{ label, text string }{
		{"Overview", ans.Summary.Overview}, {"Impact", ans.Summary.Impact}, {"Root cause", ans.Summary.RootCause},
		{"Mitigation", ans.Summary.Mitigation}, {"Resolution", ans.Summary.Resolution}, {"Status", ans.Summary.Status},
	} {
		if f.text != "" {
			fmt.Fprintf(w, "%s: %s\n", f.label, markFlagged(f.text, flagged))
		}
	}
	printMidIncident(w, &ans.Summary)
	if len(ans.Summary.Timeline) > 0 {
		fmt.Fprintln(w, "\nTimeline:")
		for _, e := range ans.Summary.Timeline {
			fmt.Fprintf(w, "  %s  %s  [%s]\n", e.At, e.Text, l.links(ans.IncidentID, e.SourceTS))
		}
	}
	fmt.Fprintf(w, "\nSources: %d cited statements", len(ans.Citations))
	if ans.DroppedSentences > 0 {
		fmt.Fprintf(w, ", %d dropped for lack of a valid citation", ans.DroppedSentences)
	}
	if ans.FlaggedSentences > 0 {
		fmt.Fprintf(w, ", %d marked %s(their source is not a message of the incident)", ans.FlaggedSentences, strings.TrimSpace(unverifiedMark))
	}
	fmt.Fprintln(w)
	for _, c := range ans.Citations {
		mark := ""
		if flagged[c.Text] {
			mark = unverifiedMark
		}
		fmt.Fprintf(w, "  - %s%s  [%s]\n", mark, c.Text, l.links(ans.IncidentID, c.SourceTS))
	}
}

func printMidIncident(w io.Writer, s *copilot.Summary) {
	if !s.Open {
		return
	}
	fmt.Fprintln(w, "\nStill open.")
	if len(s.Owners) > 0 {
		fmt.Fprintln(w, "Who is on what:")
		for _, o := range s.Owners {
			fmt.Fprintf(w, "  %s: %s\n", o.Person, o.Doing)
		}
	}
	for _, l := range []struct {
		label string
		items []string
	}{{"Tried so far:", s.Tried}, {"Next:", s.Next}} {
		if len(l.items) == 0 {
			continue
		}
		fmt.Fprintln(w, l.label)
		for _, it := range l.items {
			fmt.Fprintf(w, "  - %s\n", it)
		}
	}
}

func fallbackNote(f string) string {
	if f == "" {
		return ""
	}
	return ", LLM unavailable: " + f
}

func (m *Main) followups(ctx context.Context, id string, o answerOptions) error {
	return m.withCopilot(ctx, func(cp *copilot.Copilot) error {
		verified, err := cliGate(ctx, cp, copilot.CapFollowUps)
		if err != nil {
			return err
		}
		ans, err := cp.FollowUps(ctx, id, o.includePrivate, o.uncaptured)
		if err != nil {
			return err
		}
		ans.Verified = verified
		if o.asJSON {
			return m.printJSON(ans)
		}
		w := m.Stdout
		if len(ans.Items) == 0 {
			fmt.Fprintf(w, "%s: no follow-ups found\n", ans.IncidentID)
			return nil
		}
		fmt.Fprintf(w, "%s — follow-ups (engine %s%s)\n\n", ans.IncidentID, ans.Engine, fallbackNote(ans.Fallback)+unverifiedNote(ans.Verified))
		for _, it := range ans.Items {
			mark := "[ ] NOT TICKETED"
			switch {
			case it.Captured && it.TicketKey != "":
				mark = "[x] " + it.TicketKey
			case it.Captured:
				mark = "[x] captured by " + it.CapturedBy
			case it.Done:
				mark = "[x] DONE (marked done where it was written)"
			}
			owner := it.Owner
			if owner == "" {
				owner = "no owner"
			}
			due := ""
			switch {
			case it.Due != "" && it.DueText != "":
				due = ", due " + it.Due + " (" + it.DueText + ")"
			case it.Due != "":
				due = ", due " + it.Due
			case it.DueText != "":
				due = ", due " + it.DueText
			}
			fmt.Fprintf(w, "%s  %s (%s%s)  [ts %s]  %s\n", mark, it.Text, owner, due, strings.Join(it.Sources(), ", "), it.ID)
		}
		for _, it := range ans.Items {
			if it.Open() {
				fmt.Fprintf(w, "\nFile one as a ticket: copilot ticket %s FOLLOWUP-ID (the last column)\n", ans.IncidentID)
				break
			}
		}
		return nil
	})
}

func (m *Main) runbook(ctx context.Context, id string, o answerOptions) error {
	return m.withCopilot(ctx, func(cp *copilot.Copilot) error {
		verified, err := cliGate(ctx, cp, copilot.CapRunbook)
		if err != nil {
			return err
		}
		ans, err := cp.Runbook(ctx, id, o.includePrivate)
		if err != nil {
			return err
		}
		ans.Verified = verified
		if o.asJSON {
			return m.printJSON(ans)
		}
		l := citeLinker{permalink: cp.Permalink, incidents: map[string]*copilot.Incident{}}
		if cp.Permalink != nil {
			var ids []string
			for _, st := range ans.Steps {
				for _, s := range st.Sources {
					ids = append(ids, s.IncidentID)
				}
			}
			// Only for links: a failure leaves bare ts.
			if incs, err := cp.Memory.FindIncidentsByIDs(ctx, ids, o.includePrivate); err == nil {
				for _, inc := range incs {
					l.incidents[inc.ID] = inc
				}
			}
		}
		w := m.Stdout
		fmt.Fprintf(w, "%s — what fixed similar incidents (engine %s%s)\n\n", ans.IncidentID, ans.Engine, fallbackNote(ans.Fallback)+unverifiedNote(ans.Verified))
		if len(ans.Steps) == 0 {
			fmt.Fprintln(w, "  no mitigation steps found in similar incidents")
		}
		for i, st := range ans.Steps {
			var src []string
			for _, s := range st.Sources {
				src = append(src, s.IncidentID+" "+l.link(s.IncidentID, s.SourceTS))
			}
			kind := ""
			if st.Kind == "diagnostic" {
				kind = " (diagnostic)"
			}
			fmt.Fprintf(w, "%2d. %s%s  [%s]\n", i+1, st.Text, kind, strings.Join(src, ", "))
		}
		if len(ans.Runbooks) > 0 {
			fmt.Fprintln(w, "\nRunbooks:")
			for _, rb := range ans.Runbooks {
				fmt.Fprintf(w, "  %.4f  %s  (%s)\n", rb.Score, rb.Title, rb.Path)
			}
		}
		return nil
	})
}
