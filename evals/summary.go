package evals

import (
	"context"
	"fmt"
	"strings"

	"incidentcopilot/copilot"
)

// Summary metric names.
const (
	MetricSummaryCitationValidity = "summary.citation_validity"
	MetricSummaryKeyMoments       = "summary.key_moment_coverage"
	MetricSummaryRootCause        = "summary.root_cause_cited"
	MetricSummaryMitigation       = "summary.mitigation_cited"
	MetricSummaryResolved         = "summary.resolved_cited"
	MetricSummaryWords            = "summary.words_mean"
)

// SummaryResult measures cited summaries.
type SummaryResult struct {
	// Sources are the ts named by all citations and timeline entries; Valid those that
	// are messages of the incident. A citation without sources counts as one invalid.
	Sources, Valid   int
	CitationValidity float64

	// Incidents whose labels name a key moment, and of them those whose summary cites
	// at least one root-cause, mitigation or resolution message.
	Labelled, Covered int
	KeyMoments        float64

	// Per kind: incidents labelled with it and incidents whose summary cites one.
	RootCauseLabelled, RootCauseCited   int
	MitigationLabelled, MitigationCited int
	ResolvedLabelled, ResolvedCited     int

	// WordsMean is the mean length of the summary fields (overview to status) in
	// words: a summary must be readable in half a minute.
	WordsMean float64

	// Uncovered lists the incidents whose summary cites no key moment.
	Uncovered []string
}

// SummaryMetrics runs the engine's summary on every labelled incident.
func SummaryMetrics(ctx context.Context, engine copilot.Engine, c *Corpus) (*SummaryResult, error) {
	r := &SummaryResult{}
	words := 0
	for _, li := range c.Incidents {
		inc := li.Incident
		ans, err := engine.Summarize(ctx, inc)
		if err != nil {
			return nil, fmt.Errorf("summary of %s: %w", li.Labels.ID, err)
		}
		cited := map[string]bool{}
		count := func(sources []string) {
			if len(sources) == 0 {
				r.Sources++
				return
			}
			for _, ts := range sources {
				r.Sources++
				if inc.MessageByTS(ts) != nil {
					r.Valid++
					cited[ts] = true
				}
			}
		}
		for _, ct := range ans.Citations {
			count(ct.SourceTS)
		}
		for _, e := range ans.Summary.Timeline {
			count(e.SourceTS)
		}
		s := ans.Summary
		words += len(strings.Fields(strings.Join([]string{s.Overview, s.Impact, s.RootCause, s.Resolution, s.Status}, " ")))

		l := li.Labels
		anyCited := func(ts []string) bool {
			for _, t := range ts {
				if cited[t] {
					return true
				}
			}
			return false
		}
		var resolved []string
		if l.ResolvedTS != "" {
			resolved = []string{l.ResolvedTS}
		}
		rc, mit, res := anyCited(l.RootCauseTS), anyCited(l.MitigationTS), anyCited(resolved)
		if len(l.RootCauseTS) > 0 {
			r.RootCauseLabelled++
			if rc {
				r.RootCauseCited++
			}
		}
		if len(l.MitigationTS) > 0 {
			r.MitigationLabelled++
			if mit {
				r.MitigationCited++
			}
		}
		if len(resolved) > 0 {
			r.ResolvedLabelled++
			if res {
				r.ResolvedCited++
			}
		}
		if len(l.RootCauseTS)+len(l.MitigationTS)+len(resolved) > 0 {
			r.Labelled++
			if rc || mit || res {
				r.Covered++
			} else {
				r.Uncovered = append(r.Uncovered, l.ID)
			}
		}
	}
	r.CitationValidity = ratio(r.Valid, r.Sources)
	r.KeyMoments = ratio(r.Covered, r.Labelled)
	if n := len(c.Incidents); n > 0 {
		r.WordsMean = float64(words) / float64(n)
	}
	return r, nil
}

// Metrics lists the result as report lines.
func (r *SummaryResult) Metrics() []Metric {
	return []Metric{
		{MetricSummaryCitationValidity, r.CitationValidity, fmt.Sprintf("%d/%d cited ts are messages of the incident", r.Valid, r.Sources)},
		{MetricSummaryKeyMoments, r.KeyMoments, fmt.Sprintf("%d/%d incidents cite a root-cause, mitigation or resolution message", r.Covered, r.Labelled)},
		{MetricSummaryRootCause, ratio(r.RootCauseCited, r.RootCauseLabelled), fmt.Sprintf("%d/%d incidents cite a root-cause message", r.RootCauseCited, r.RootCauseLabelled)},
		{MetricSummaryMitigation, ratio(r.MitigationCited, r.MitigationLabelled), fmt.Sprintf("%d/%d incidents cite a mitigation message", r.MitigationCited, r.MitigationLabelled)},
		{MetricSummaryResolved, ratio(r.ResolvedCited, r.ResolvedLabelled), fmt.Sprintf("%d/%d incidents cite the resolution message", r.ResolvedCited, r.ResolvedLabelled)},
		{MetricSummaryWords, r.WordsMean, "mean words in overview, impact, root cause, resolution and status"},
	}
}
