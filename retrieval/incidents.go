package retrieval

import (
	"math"
	"sort"
)

// TitleWeight is how many times an incident's title counts in its lexical document:
// the title names the failure, the body mostly narrates it.
const TitleWeight = 3

// BM25 parameters of the incident-level lexical side: Okapi's usual values. b was
// 0.5 when the dev split was the sample corpus alone; with dev3 and the dfds dev
// postmortems in it, and each query's answers read from the top 50 of the whole
// memory, long postmortems crowded short incidents out and 0.75 is better in every
// mode but free text (-0.01): mean dev MRR by incident, free text and early 0.738
// against 0.723 (BENCHMARKS.md).
const (
	BM25K1 = 1.2
	BM25B  = 0.75
)

// MinSimilarity is the cosine an incident's closest chunk needs for the incident to
// count as similar without sharing a single word with the query. Measured on the dev
// split with the local embedder: nonsense queries ("xyzzy plugh frobnicate" and four
// more) reach at most 0.146; the weakest best match of a real dev query is 0.205.
const MinSimilarity = 0.2

// IncidentHit is one incident found by either side of a search, scored as a whole.
type IncidentHit struct {
	IncidentID int64
	VectorRank int     // 1 = nearest; 0 = not found by the vector side
	TextRank   int     // 1 = best lexical score; 0 = no query term in the incident
	Similarity float64 // cosine similarity of the incident's closest chunk; NaN when not found
	TextScore  float64 // BM25 of the incident's whole text against the query (postgres.DefaultLexicalNorm)
	Score      float64 // set by FuseIncidents
}

// LongQueryTerms is the number of content terms (ContentTerms) from which a query
// counts as long: more than the sentence a responder types (on dev every free-text
// query holds 4 to 18), as what the Slack copilot sends when a channel opens, an
// alert and its first messages (20 to 70 on dev), or a whole incident. On dev any
// value from 15 to 40 ranks the same; 30 is near the middle.
const LongQueryTerms = 30

// VectorShare is the vector side's share of the weighted fusion for a query with
// queryConcepts failure concepts and queryTerms content terms: weight (the
// configured share, WeightedVector unless set), or nothing for a short query with
// no concept. What the local embedder knows beyond
// the words the lexical side already ranks is its lexicon's failure concepts and
// aliases: without its concept block the vector side alone falls from dev MRR 0.79
// to 0.67 by incident, below the lexical side's 0.79, and adds nothing to it in
// fusion. A sentence the lexicon finds no failure in (words it was never written
// for) so gets no help from the vector side, only its noise, and is ranked by its
// words. A long query is different: an alert and a few messages hold words the
// embedder's aliases join to the past incidents' even when no whole signature
// fires, and its vector averages many words instead of resting on a few. On dev
// the full share for long concept-less queries lifts early-incident MRR 0.795 ->
// 0.799 and leaves every other mode as it was; any threshold from 15 to 40 terms
// gives the same figures (BENCHMARKS.md).
func VectorShare(weight float64, queryConcepts, queryTerms int) float64 {
	if queryConcepts <= 0 && queryTerms < LongQueryTerms {
		return 0
	}
	return weight
}

// FuseIncidents joins the two incident rankings (each best first) into one, scored
// by mode (FusionWeighted, FusionRRF, or one side alone), best first; the weighted
// fusion gives the vector side VectorShare(weight, queryConcepts, queryTerms). Equal
// scores go to the lower incident id, so equal inputs always rank the same way.
func FuseIncidents(vector, text []IncidentHit, mode string, weight float64, queryConcepts, queryTerms int) []IncidentHit {
	out := make([]IncidentHit, 0, len(vector)+len(text))
	at := make(map[int64]int, len(vector)+len(text))
	for i, h := range vector {
		h.VectorRank, h.TextRank, h.TextScore = i+1, 0, 0
		at[h.IncidentID] = len(out)
		out = append(out, h)
	}
	for i, h := range text {
		if k, ok := at[h.IncidentID]; ok {
			out[k].TextRank, out[k].TextScore = i+1, h.TextScore
			continue
		}
		h.TextRank, h.VectorRank, h.Similarity = i+1, 0, math.NaN()
		at[h.IncidentID] = len(out)
		out = append(out, h)
	}
	w := VectorShare(weight, queryConcepts, queryTerms)
	maxText := 0.0
	for _, h := range out {
		maxText = math.Max(maxText, h.TextScore)
	}
	for i, h := range out {
		switch mode {
		case FusionVector:
			out[i].Score = RRF(h.VectorRank)
			continue
		case FusionLexical:
			out[i].Score = RRF(h.TextRank)
			continue
		case FusionWeighted:
		default:
			out[i].Score = RRF(h.VectorRank) + RRF(h.TextRank)
			continue
		}
		var v, t float64
		if h.VectorRank > 0 {
			v = h.Similarity
		}
		if h.TextRank > 0 && maxText > 0 {
			t = h.TextScore / maxText
		}
		out[i].Score = w*v + (1-w)*t
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].IncidentID < out[j].IncidentID
	})
	return out
}

// Similar reports whether a fused hit is an answer at all: it shares a query term or
// its vector similarity reaches MinSimilarity. A query that matches nothing so
// answers no similar incident instead of the least unlike ones.
func Similar(h IncidentHit) bool {
	return h.TextScore > 0 || (h.VectorRank > 0 && h.Similarity >= MinSimilarity)
}
