package evals

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Real postmortems: the summary's root cause against the one-line baseline, on
// postmortems whose root cause a person labelled (testdata/dfds/labels.json over
// ../shared/fixtures/postmortems-dfds). The postmortems are not copied into the
// repository, so this is measured where the fixtures are present.

// baselineCauseRE marks the sentence the one-line baseline picks: the first one that
// names a cause.
var baselineCauseRE = regexp.MustCompile(`(?i)\broot[- ]?causes?\b|\bcaused by\b|\bdue to\b`)

// sentenceEndRE splits text into sentences for the baseline.
var sentenceEndRE = regexp.MustCompile(`[.!?](\s+|$)|\n+`)

// RootCauseBaseline is the first sentence of the incident that contains "root
// cause", "caused by" or "due to", or "" when none does.
func RootCauseBaseline(inc *copilot.Incident) string {
	for _, m := range inc.Messages {
		for _, s := range sentenceEndRE.Split(m.Text, -1) {
			if baselineCauseRE.MatchString(s) && len(contentTokens(s)) > 0 {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// PostmortemCauseScore compares the engine's root cause with the baseline's on one
// split: mean token F1 against the label, and the share of postmortems whose root
// cause holds at least half of the label's content tokens ("covers" it).
type PostmortemCauseScore struct {
	Split                        string
	Postmortems                  int
	EngineF1, BaselineF1         float64
	EngineCovers, BaselineCovers float64
	EngineEmpty, BaselineEmpty   int
}

func (s PostmortemCauseScore) String() string {
	return fmt.Sprintf("%s: %d postmortems; root-cause F1 engine %.3f, baseline %.3f; covers half the label engine %.3f, baseline %.3f; empty engine %d, baseline %d",
		s.Split, s.Postmortems, s.EngineF1, s.BaselineF1, s.EngineCovers, s.BaselineCovers, s.EngineEmpty, s.BaselineEmpty)
}

// PostmortemRootCauses summarizes every labelled postmortem with the engine and
// scores its root cause beside the one-line baseline, per split (sorted).
func PostmortemRootCauses(ctx context.Context, engine copilot.Engine, incs []*copilot.Incident, labels []Labels) ([]PostmortemCauseScore, error) {
	byID := map[string]*copilot.Incident{}
	for _, inc := range incs {
		byID[inc.ID] = inc
	}
	acc := map[string]*PostmortemCauseScore{}
	for _, l := range labels {
		inc := byID[l.ID]
		if inc == nil || l.RootCause == nil || strings.TrimSpace(l.RootCause.Text) == "" {
			continue
		}
		ans, err := engine.Summarize(ctx, inc)
		if err != nil {
			return nil, fmt.Errorf("summary of %s: %w", l.ID, err)
		}
		sp := l.SplitOf()
		s := acc[sp]
		if s == nil {
			s = &PostmortemCauseScore{Split: sp}
			acc[sp] = s
		}
		s.Postmortems++
		got, base := ans.Summary.RootCause, RootCauseBaseline(inc)
		_, r, f := factOverlap(got, l.RootCause.Text)
		s.EngineF1 += f
		if r >= 0.5 {
			s.EngineCovers++
		}
		if strings.TrimSpace(got) == "" {
			s.EngineEmpty++
		}
		_, r, f = factOverlap(base, l.RootCause.Text)
		s.BaselineF1 += f
		if r >= 0.5 {
			s.BaselineCovers++
		}
		if base == "" {
			s.BaselineEmpty++
		}
	}
	var out []PostmortemCauseScore
	for _, s := range acc {
		n := float64(s.Postmortems)
		s.EngineF1, s.BaselineF1, s.EngineCovers, s.BaselineCovers = s.EngineF1/n, s.BaselineF1/n, s.EngineCovers/n, s.BaselineCovers/n
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Split < out[j].Split })
	return out, nil
}
