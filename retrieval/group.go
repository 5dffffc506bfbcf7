package retrieval

// MaxEvidence is how many of an incident's best chunks a result shows and explains.
const MaxEvidence = 2

// Group is one incident of a search with its chunks, best first.
type Group struct {
	IncidentID int64
	Chunks     []Hit
	Score      float64
}

// Evidence is the incident's best chunks, the ones a result cites.
func (g Group) Evidence() []Hit { return g.Chunks[:min(len(g.Chunks), MaxEvidence)] }
