package local

import (
	"hash/fnv"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// maxCachedAnalyses bounds the per-incident analysis memo.
const maxCachedAnalyses = 1024

// incidentAnalysis is what the runbook draws from one incident, independent of the
// incident it drafts for: its failure mechanisms and its steps (rank 0).
type incidentAnalysis struct {
	mechanisms []string
	steps      []stepDraft
	resolved   bool // the transcript says the incident is over
}

// analysisMemo keeps incidentAnalysis by incident content. The same past incidents
// come back as similar ones for many requests, and reading their lifecycle is most
// of a runbook's cost. The key covers the content, so an edited transcript is read
// afresh; the analysis depends on nothing else, so every engine shares it.
var analysisMemo = text.NewMemo[uint64, *incidentAnalysis](maxCachedAnalyses)

// incidentKey fingerprints what the analysis reads: id, title and every message.
func incidentKey(inc *copilot.Incident) uint64 {
	h := fnv.New64a()
	w := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	w(inc.ID)
	w(inc.Title)
	for _, m := range inc.Messages {
		w(m.TS)
		w(m.User)
		w(m.UserName)
		w(m.Kind)
		w(m.ThreadTS)
		w(m.Text)
	}
	return h.Sum64()
}

// analysisOf returns the analysis of inc, computing it on a miss.
func analysisOf(inc *copilot.Incident) *incidentAnalysis {
	return analysisMemo.Get(incidentKey(inc), func() *incidentAnalysis {
		a := &incidentAnalysis{mechanisms: mechanisms(inc)}
		a.steps, a.resolved = incidentSteps(inc, 0)
		return a
	})
}

// termsMemo keeps each incident's content terms (title and the start of its
// transcript, as mechanisms reads them) by incident content: the runbook compares
// every similar incident's terms with the query's, and most come back many times.
var termsMemo = text.NewMemo[uint64, []string](maxCachedAnalyses)

// incidentTerms lists the distinct content terms of an incident's text.
func incidentTerms(inc *copilot.Incident) []string {
	return termsMemo.Get(incidentKey(inc), func() []string {
		return contentTerms(copilot.IncidentText(inc, runbookTextBytes))
	})
}
