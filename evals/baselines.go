package evals

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Baselines: the two classic lexical rankers every similar-incident result is held
// against, computed in the same run over the same incidents. Each incident is one
// whole document (title and every message); the query is the whole document of the
// query incident, each of its terms counted once.

// Baseline names, as they appear in Metric.Engine.
const (
	BaselineBM25  = "bm25"
	BaselineTFIDF = "tfidf"
)

// BM25 parameters: the standard Okapi values.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// lexicalIndex holds term statistics of a pool of incidents.
type lexicalIndex struct {
	ids    []string
	tf     []map[string]int
	length []int
	df     map[string]int
	avgLen float64
	at     map[string]int // incident id -> index
	norm   []float64      // each document's TF-IDF vector length, computed once
}

// transferable keeps the tokens a step drafted from other incidents could share
// with incident inc: not numbers, not a word of the incident's own service names,
// and used by at least one other incident of the pool.
func (ix *lexicalIndex) transferable(inc *copilot.Incident, tokens []string) []string {
	var own map[string]int
	if i, ok := ix.at[inc.ID]; ok {
		own = ix.tf[i]
	}
	service := map[string]bool{}
	for _, s := range inc.Services {
		for _, t := range contentTokens(s) {
			service[t] = true
		}
	}
	var out []string
	for _, t := range tokens {
		if !strings.ContainsFunc(t, unicode.IsLetter) || service[t] {
			continue
		}
		others := ix.df[t]
		if own[t] > 0 {
			others--
		}
		if others > 0 {
			out = append(out, t)
		}
	}
	return out
}

func newLexicalIndex(pool []*copilot.Incident) *lexicalIndex {
	ix := &lexicalIndex{df: map[string]int{}, at: map[string]int{}}
	total := 0
	for _, inc := range pool {
		tf := map[string]int{}
		n := 0
		for _, t := range contentTokens(incidentText(inc)) {
			tf[t]++
			n++
		}
		for t := range tf {
			ix.df[t]++
		}
		ix.at[inc.ID] = len(ix.ids)
		ix.ids = append(ix.ids, inc.ID)
		ix.tf = append(ix.tf, tf)
		ix.length = append(ix.length, n)
		total += n
	}
	if len(pool) > 0 {
		ix.avgLen = float64(total) / float64(len(pool))
	}
	ix.norm = make([]float64, len(ix.tf))
	for i, tf := range ix.tf {
		// Summed in term order, so a run's floats do not depend on map order.
		terms := make([]string, 0, len(tf))
		for t := range tf {
			terms = append(terms, t)
		}
		sort.Strings(terms)
		var dn float64
		for _, t := range terms {
			w := ix.docWeight(i, t)
			dn += w * w
		}
		ix.norm[i] = math.Sqrt(dn)
	}
	return ix
}

// idf is TF-IDF's ln(N/df); 0 for a term no document holds.
func (ix *lexicalIndex) idf(t string) float64 {
	df := ix.df[t]
	if df == 0 {
		return 0
	}
	return math.Log(float64(len(ix.ids)) / float64(df))
}

// docWeight is term t's (1+ln tf)·idf weight in document doc; 0 when absent.
func (ix *lexicalIndex) docWeight(doc int, t string) float64 {
	f := ix.tf[doc][t]
	if f == 0 {
		return 0
	}
	return (1 + math.Log(float64(f))) * ix.idf(t)
}

// incidentText is an incident as one document.
func incidentText(inc *copilot.Incident) string {
	b := []byte(inc.Title)
	for _, m := range inc.Messages {
		b = append(b, '\n')
		b = append(b, m.Text...)
	}
	return string(b)
}

// rank orders the pool by score against the query terms, best first, leaving the
// incident exclude out; ties go to the smaller id so runs repeat.
func (ix *lexicalIndex) rank(exclude string, terms map[string]bool, score func(doc int, terms map[string]bool) float64, limit int) []string {
	type scored struct {
		id string
		s  float64
	}
	var all []scored
	for i, id := range ix.ids {
		if id == exclude {
			continue
		}
		if s := score(i, terms); s > 0 {
			all = append(all, scored{id, s})
		}
	}
	sort.Slice(all, func(a, b int) bool {
		if all[a].s != all[b].s {
			return all[a].s > all[b].s
		}
		return all[a].id < all[b].id
	})
	out := make([]string, 0, min(limit, len(all)))
	for _, s := range all[:min(limit, len(all))] {
		out = append(out, s.id)
	}
	return out
}

// bm25 is Okapi BM25 with k1=1.2, b=0.75 and the non-negative idf
// ln(1 + (N-df+0.5)/(df+0.5)).
func (ix *lexicalIndex) bm25(doc int, terms map[string]bool) float64 {
	n := float64(len(ix.ids))
	s := 0.0
	for t := range terms {
		f := float64(ix.tf[doc][t])
		if f == 0 {
			continue
		}
		df := float64(ix.df[t])
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		norm := bm25K1 * (1 - bm25B + bm25B*float64(ix.length[doc])/ix.avgLen)
		s += idf * f * (bm25K1 + 1) / (f + norm)
	}
	return s
}

// tfidf is the cosine between the query's binary term vector weighted by idf and
// the document's (1+ln tf)·idf vector, with idf = ln(N/df).
func (ix *lexicalIndex) tfidf(doc int, terms map[string]bool) float64 {
	var dot, qn float64
	for t := range terms {
		q := ix.idf(t)
		qn += q * q
		dot += ix.docWeight(doc, t) * q
	}
	if ix.norm[doc] == 0 || qn == 0 {
		return 0
	}
	return dot / (ix.norm[doc] * math.Sqrt(qn))
}
