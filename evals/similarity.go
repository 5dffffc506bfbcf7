package evals

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// SimilarityResult measures similar-incident lookup: for every labelled incident whose
// failure family has another labelled member, is another member among its top K?
type SimilarityResult struct {
	K       int      `json:"k"`
	Queries int      `json:"queries"`
	Hits    int      `json:"hits"`
	MRR     float64  `json:"mrr"` // mean reciprocal rank of the first family member, within K
	Misses  []string `json:"misses,omitempty"`
}

// HitRate is the share of queries with a family member in the top K.
func (r *SimilarityResult) HitRate() float64 { return ratio(r.Hits, r.Queries) }

// SimilarityMetrics runs a by-incident lookup for every labelled incident that has a
// sibling in its family. The memory must already hold the corpus; private incidents
// are searched (the evaluation owns the corpus).
func SimilarityMetrics(ctx context.Context, mem copilot.Memory, c *Corpus, k int) (*SimilarityResult, error) {
	family := map[string]string{}
	size := map[string]int{}
	for _, li := range c.Incidents {
		family[li.Incident.ID] = li.Labels.Family
		size[li.Labels.Family]++
	}
	res := &SimilarityResult{K: k}
	var rrSum float64
	for _, li := range c.Incidents {
		if size[li.Labels.Family] < 2 {
			continue
		}
		results, err := mem.Search(ctx, copilot.SearchQuery{IncidentID: li.Incident.ID, Limit: k, Filter: copilot.IncidentFilter{IncludePrivate: true}})
		if err != nil {
			return nil, fmt.Errorf("similar %s: %w", li.Incident.ID, err)
		}
		res.Queries++
		hit := 0
		var got []string
		for i, r := range results {
			got = append(got, r.IncidentID+"("+family[r.IncidentID]+")")
			if hit == 0 && family[r.IncidentID] == li.Labels.Family {
				hit = i + 1
			}
		}
		if hit > 0 {
			res.Hits++
			rrSum += 1 / float64(hit)
		} else {
			res.Misses = append(res.Misses, fmt.Sprintf("%s (%s) -> %s", li.Incident.ID, li.Labels.Family, strings.Join(got, ", ")))
		}
	}
	sort.Strings(res.Misses)
	if res.Queries > 0 {
		res.MRR = rrSum / float64(res.Queries)
	}
	return res, nil
}

// Metrics renders the result for a report.
func (r *SimilarityResult) Metrics() []Metric {
	return []Metric{
		{Name: fmt.Sprintf("similar.family_hit_at_%d", r.K), Value: r.HitRate(), Detail: fmt.Sprintf("%d/%d incidents with a sibling", r.Hits, r.Queries)},
		{Name: fmt.Sprintf("similar.mrr_at_%d", r.K), Value: r.MRR},
	}
}
