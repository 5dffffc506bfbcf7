package copilot

import "strings"

// ValidCitation reports whether every ts in sources is a message of inc. An empty
// source list is not a citation.
func ValidCitation(inc *Incident, sources []string) bool {
	if len(sources) == 0 {
		return false
	}
	have := make(map[string]bool, len(inc.Messages))
	for _, m := range inc.Messages {
		have[m.TS] = true
	}
	for _, ts := range sources {
		if !have[ts] {
			return false
		}
	}
	return true
}

// CheckSummaryCitations verifies each citation of a summary answer against the
// incident's transcript. With drop set (the local engine) a statement whose citation
// does not hold is removed from the answer and counted in DroppedSentences; without it
// (an LLM answer) it stays and is counted in FlaggedSentences so the reader is warned.
// Timeline entries follow the same rule.
func CheckSummaryCitations(inc *Incident, a *SummaryAnswer, drop bool) {
	var keptCites []Citation
	bad := map[string]bool{}
	for _, c := range a.Citations {
		if ValidCitation(inc, c.SourceTS) {
			keptCites = append(keptCites, c)
			continue
		}
		bad[c.Text] = true
		if drop {
			a.DroppedSentences++
		} else {
			a.FlaggedSentences++
			keptCites = append(keptCites, c)
		}
	}
	var keptTimeline []TimelineEntry
	for _, e := range a.Summary.Timeline {
		if ValidCitation(inc, e.SourceTS) {
			keptTimeline = append(keptTimeline, e)
			continue
		}
		if drop {
			a.DroppedSentences++
		} else {
			a.FlaggedSentences++
			keptTimeline = append(keptTimeline, e)
		}
	}
	if keptCites == nil {
		keptCites = []Citation{}
	}
	if keptTimeline == nil {
		keptTimeline = []TimelineEntry{}
	}
	a.Citations, a.Summary.Timeline = keptCites, keptTimeline
	if drop && len(bad) > 0 {
		s := &a.Summary
		for _, f := range []*string{&s.Overview, &s.Impact, &s.RootCause, &s.Mitigation, &s.Resolution, &s.Status} {
			*f = removeSentences(*f, bad)
		}
	}
}

// removeSentences drops the listed sentences from a field that was built by joining
// cited sentences with a space.
func removeSentences(field string, bad map[string]bool) string {
	for s := range bad {
		if s != "" {
			field = strings.Replace(field, s, "", 1)
		}
	}
	return strings.Join(strings.Fields(field), " ")
}

// ValidStepSources keeps only the sources of a runbook step that point at a message
// of the incident they name; known maps incident id to its transcript.
func ValidStepSources(known map[string]*Incident, sources []StepSource) []StepSource {
	var out []StepSource
	for _, s := range sources {
		if inc := known[s.IncidentID]; inc != nil && inc.MessageByTS(s.SourceTS) != nil {
			out = append(out, s)
		}
	}
	return out
}
