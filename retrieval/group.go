package retrieval

import "sort"

// SecondChunkWeight is the share of an incident's second-best chunk added to its
// best: an incident that matches in several places beats a single lucky line.
const SecondChunkWeight = 0.5

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

// GroupByIncident scores each incident by its best fused chunk plus
// SecondChunkWeight of its second, and returns the best limit incidents, best first.
// Ties go to the lower chunk and incident ids, so equal inputs rank the same way.
func GroupByIncident(hits []Hit, limit int) []Group {
	at := map[int64]int{}
	var groups []Group
	for _, h := range hits {
		k, ok := at[h.IncidentID]
		if !ok {
			k = len(groups)
			at[h.IncidentID] = k
			groups = append(groups, Group{IncidentID: h.IncidentID})
		}
		groups[k].Chunks = append(groups[k].Chunks, h)
	}
	for i := range groups {
		cs := groups[i].Chunks
		sort.Slice(cs, func(a, b int) bool {
			if cs[a].Score != cs[b].Score {
				return cs[a].Score > cs[b].Score
			}
			return cs[a].ChunkID < cs[b].ChunkID
		})
		groups[i].Score = cs[0].Score
		if len(cs) > 1 {
			groups[i].Score += SecondChunkWeight * cs[1].Score
		}
	}
	sort.Slice(groups, func(i, j int) bool {
		if groups[i].Score != groups[j].Score {
			return groups[i].Score > groups[j].Score
		}
		return groups[i].IncidentID < groups[j].IncidentID
	})
	if limit >= 0 && len(groups) > limit {
		groups = groups[:limit]
	}
	return groups
}
