package local

import (
	"hash/fnv"
	"sync"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// maxCachedAnalyses bounds the per-incident analysis cache; when full it starts over,
// which is cheap next to keeping an LRU for a few hundred past incidents.
const maxCachedAnalyses = 1024

// incidentAnalysis is what the runbook draws from one incident, independent of the
// incident it drafts for: its failure mechanisms and its steps (rank 0).
type incidentAnalysis struct {
	mechanisms []string
	steps      []stepDraft
	resolved   bool // the transcript says the incident is over
}

// analysisCache keeps incidentAnalysis by incident content. The same past incidents
// come back as similar ones for many requests, and reading their lifecycle is most
// of a runbook's cost. The key covers the content, so an edited transcript is read
// afresh. The zero value is ready to use.
type analysisCache struct {
	mu sync.Mutex
	m  map[uint64]*incidentAnalysis
}

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

// analysis returns the analysis of inc, computing it on a miss.
func (c *analysisCache) analysis(inc *copilot.Incident) *incidentAnalysis {
	key := incidentKey(inc)
	c.mu.Lock()
	a := c.m[key]
	c.mu.Unlock()
	if a != nil {
		return a
	}
	a = &incidentAnalysis{mechanisms: mechanisms(inc)}
	a.steps, a.resolved = incidentSteps(inc, 0)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCachedAnalyses {
		c.m = map[uint64]*incidentAnalysis{}
	}
	c.m[key] = a
	c.mu.Unlock()
	return a
}
