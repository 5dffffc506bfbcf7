package local

import (
	"math"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// nearBestKinship is how close a past incident must come to the most alike of the
// nearest lendDepth ones (kinship) to lend steps. Measured on the dev sets written
// by people who had not read the engine (dev8-dev13, pooled) and on the default dev
// split, as top-3 steps from the query's family, and incidents given a step: without
// the rule 34/73 (0.47) on 45 incidents and 66/83 (0.80) on 52; with 0.8, 27/45
// (0.60) on 30 and 50/59 (0.85) on 41. A cosine of the weighted term sets in place
// of the query's share did about as well on the default split and worse on the fresh
// sets (29/51 on 33), and it favoured short transcripts: of two pool incidents
// lending to INC-2041 it kept the shorter. 0.7 lets most unrelated incidents back
// (cosine: 30/64 on 39); 0.9 and 1 (only the best lends, never a family's second
// incident) keep the fresh share about where 0.8 does, on fewer incidents.
const nearBestKinship = 0.8

// minKinshipTerms is how many content terms an incident needs for kinship to
// compare anything: an incident that is only its alert ("FATAL: sorry, too many
// clients already") shares one or two words with each past incident, and which one
// shares them is chance. Below it the failure concepts decide alone (lends).
const minKinshipTerms = 20

// kinship scores how much of what is rare about the query each past incident also
// says: the share of the query's content-term weight that the past incident holds,
// each term weighted ln((N+1)/df) over the N incidents at hand (the query and the
// similar ones the search returned). The search puts incidents that share generic
// words (deploy, rollback, 5xx, pods) near the top whatever broke; the incident of
// the same failure is the one that also says the query's component, error string
// and symptom words, which the other candidates lack. The weights come from the
// candidates, so no statistics of the whole memory are needed; with one candidate
// nothing is compared (it is the best). It returns nil when the query is too short
// to tell (minKinshipTerms).
func kinship(query *copilot.Incident, past []*copilot.Incident) []float64 {
	q := map[string]bool{}
	for _, t := range incidentTerms(query) {
		q[t] = true
	}
	if len(q) < minKinshipTerms {
		return nil
	}
	df := map[string]int{}
	for t := range q {
		df[t]++
	}
	sets := make([][]string, len(past))
	for i, inc := range past {
		sets[i] = incidentTerms(inc)
		for _, t := range sets[i] {
			df[t]++
		}
	}
	n := float64(len(past) + 1)
	weight := func(t string) float64 { return math.Log((n + 1) / float64(df[t])) }
	qm := 0.0
	for t := range q {
		qm += weight(t)
	}
	out := make([]float64, len(past))
	for i, terms := range sets {
		shared := 0.0
		for _, t := range terms {
			if q[t] {
				shared += weight(t)
			}
		}
		out[i] = shared / qm
	}
	return out
}
