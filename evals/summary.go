package evals

import (
	"context"
	"fmt"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Summary metric names.
const (
	MetricSummaryCitationValidity = "summary.citation_validity"
	MetricSummaryKeyMoments       = "summary.key_moment_coverage"
	MetricSummaryRootCause        = "summary.root_cause_cited"
	MetricSummaryMitigation       = "summary.mitigation_cited"
	MetricSummaryResolved         = "summary.resolved_cited"
	MetricSummaryWords            = "summary.words_mean"
	MetricSummaryRootCauseF1      = "summary.root_cause_f1"
	MetricSummaryImpactF1         = "summary.impact_f1"
	MetricSummaryMitigationF1     = "summary.mitigation_f1"
	MetricSummaryUnsupported      = "summary.unsupported_rate"
)

// supportMin is the share of a cited sentence's content tokens that its cited
// messages must hold for the sentence to count as supported.
const supportMin = 0.5

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

	// Key facts: mean token-overlap F1 of a summary field against the labelled
	// text, over the incidents labelled with it (root cause → RootCause, impact →
	// Impact, mitigation → Mitigation, or Resolution for engines without the field).
	RootCauseF1, ImpactF1, MitigationF1 KeyFact

	// Sentences are the cited statements; Unsupported those with no valid source
	// or whose valid sources hold less than supportMin of their content tokens.
	Sentences, Unsupported int
	UnsupportedRate        float64

	// PerIncident is the mean key-fact F1 of each incident with key-fact labels.
	PerIncident map[string]float64
}

// KeyFact is one summary field against its labels.
type KeyFact struct {
	Labelled int
	Sum      float64
}

// Mean is the mean F1, 0 with nothing labelled (a gate on it then fails).
func (k KeyFact) Mean() float64 {
	if k.Labelled == 0 {
		return 0
	}
	return k.Sum / float64(k.Labelled)
}

// SummaryMetrics runs the engine's summary on every labelled incident.
func SummaryMetrics(ctx context.Context, engine copilot.Engine, c *Corpus) (*SummaryResult, error) {
	r := &SummaryResult{PerIncident: map[string]float64{}}
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
		for _, ct := range ans.Citations {
			r.Sentences++
			var sources []string
			for _, ts := range ct.SourceTS {
				if m := inc.MessageByTS(ts); m != nil {
					sources = append(sources, m.Text)
				}
			}
			if _, rec, _ := overlap(strings.Join(sources, " "), ct.Text); len(sources) == 0 || rec < supportMin {
				r.Unsupported++
			}
		}
		s := ans.Summary
		n, sum := 0, 0.0
		for _, kf := range []struct {
			gold *GoldStatement
			got  string
			dst  *KeyFact
		}{{li.Labels.RootCause, s.RootCause, &r.RootCauseF1}, {li.Labels.Impact, s.Impact, &r.ImpactF1}, {li.Labels.Mitigation, mitigationOf(s), &r.MitigationF1}} {
			if kf.gold == nil || strings.TrimSpace(kf.gold.Text) == "" {
				continue
			}
			_, _, f := factOverlap(kf.got, kf.gold.Text)
			kf.dst.Labelled++
			kf.dst.Sum += f
			n++
			sum += f
		}
		if n > 0 {
			r.PerIncident[li.Labels.ID] = sum / float64(n)
		}
		words += len(strings.Fields(strings.Join([]string{s.Overview, s.Impact, s.RootCause, s.Mitigation, s.Resolution, s.Status}, " ")))

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
	r.UnsupportedRate = 0
	if r.Sentences > 0 {
		r.UnsupportedRate = float64(r.Unsupported) / float64(r.Sentences)
	}
	if n := len(c.Incidents); n > 0 {
		r.WordsMean = float64(words) / float64(n)
	}
	return r, nil
}

// Metrics lists the result as report lines. Key-fact F1s are listed only when
// some incident is labelled with the fact.
func (r *SummaryResult) Metrics() []Metric {
	ms := []Metric{
		{Name: MetricSummaryCitationValidity, Value: r.CitationValidity, Detail: fmt.Sprintf("%d/%d cited ts are messages of the incident", r.Valid, r.Sources)},
		{Name: MetricSummaryKeyMoments, Value: r.KeyMoments, Detail: fmt.Sprintf("%d/%d incidents cite a root-cause, mitigation or resolution message", r.Covered, r.Labelled)},
		{Name: MetricSummaryRootCause, Value: ratio(r.RootCauseCited, r.RootCauseLabelled), Detail: fmt.Sprintf("%d/%d incidents cite a root-cause message", r.RootCauseCited, r.RootCauseLabelled)},
		{Name: MetricSummaryMitigation, Value: ratio(r.MitigationCited, r.MitigationLabelled), Detail: fmt.Sprintf("%d/%d incidents cite a mitigation message", r.MitigationCited, r.MitigationLabelled)},
		{Name: MetricSummaryResolved, Value: ratio(r.ResolvedCited, r.ResolvedLabelled), Detail: fmt.Sprintf("%d/%d incidents cite the resolution message", r.ResolvedCited, r.ResolvedLabelled)},
		{Name: MetricSummaryWords, Value: r.WordsMean, Detail: "mean words in overview, impact, root cause, resolution and status"},
		{Name: MetricSummaryUnsupported, Value: r.UnsupportedRate, Detail: fmt.Sprintf("%d/%d cited sentences not supported by their sources", r.Unsupported, r.Sentences)},
	}
	for _, kf := range []struct {
		name string
		k    KeyFact
	}{{MetricSummaryRootCauseF1, r.RootCauseF1}, {MetricSummaryImpactF1, r.ImpactF1}, {MetricSummaryMitigationF1, r.MitigationF1}} {
		if kf.k.Labelled > 0 {
			ms = append(ms, Metric{Name: kf.name, Value: kf.k.Mean(), Detail: fmt.Sprintf("mean token F1 over %d labelled incidents", kf.k.Labelled)})
		}
	}
	return ms
}

// mitigationOf is the summary's mitigation: its own field, or, from an engine that
// does not tell mitigation from resolution (the LLM prompt's schema), the resolution.
func mitigationOf(s copilot.Summary) string {
	if strings.TrimSpace(s.Mitigation) != "" {
		return s.Mitigation
	}
	return s.Resolution
}
