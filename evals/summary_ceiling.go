package evals

import (
	"fmt"
	"regexp"
	"strings"
)

// Summary ceiling metrics, summary.ceiling_<field>_sentence and
// summary.ceiling_<field>_three for the fields root_cause, impact and mitigation:
// the key-fact F1 that quoting the transcript reaches when the quote is chosen by
// reading the label, which no engine can. They put summary.*_f1 in proportion to
// its gate: a label written in the labeller's own words shares only part of its
// words with any sentence of the channel, so an engine that quotes whole sentences
// cannot beat the _sentence figure with one of them, and three quoted together
// rarely beat the _three figure. A gate above them asks for rewording (an LLM
// engine), not for a better choice of sentence.
//
// _sentence is the best F1 of one sentence of the transcript; _three that of up
// to three sentences quoted together, chosen greedily (each added while it raises
// the F1), so a lower bound of the best three.
func summaryCeilingName(field, kind string) string {
	return "summary.ceiling_" + field + "_" + kind
}

// ceilingSentenceRE splits a message into sentences: at line breaks, and at
// sentence punctuation followed by a space, so that "2.30.4" and "1,240.50" stay
// whole.
var ceilingSentenceRE = regexp.MustCompile(`\n+|[.!?;]\s+`)

// ceilingSentences returns the stem sets of the transcript's sentences, those
// with no content token left out.
func ceilingSentences(li *LabeledIncident) []map[string]bool {
	var out []map[string]bool
	for _, m := range li.Incident.Messages {
		for _, s := range ceilingSentenceRE.Split(m.Text, -1) {
			if set := stemSet(contentTokens(s)); len(set) > 0 {
				out = append(out, set)
			}
		}
	}
	return out
}

// bestQuote returns the best F1 against want of one sentence of sents and of up
// to three of them together, added greedily.
func bestQuote(sents []map[string]bool, want map[string]bool) (one, three float64) {
	for _, s := range sents {
		_, _, f := setOverlap(s, want)
		one = max(one, f)
	}
	cur := map[string]bool{}
	for k := 0; k < 3; k++ {
		best, bestF := -1, three
		for i, s := range sents {
			_, _, f := setOverlap(union(cur, s), want)
			if f > bestF {
				best, bestF = i, f
			}
		}
		if best < 0 {
			break
		}
		cur, three = union(cur, sents[best]), bestF
	}
	return one, three
}

func union(a, b map[string]bool) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for t := range a {
		out[t] = true
	}
	for t := range b {
		out[t] = true
	}
	return out
}

// SummaryCeilings returns the two ceilings of each key fact (root cause, impact,
// mitigation) over the incidents of c labelled with it.
func SummaryCeilings(c *Corpus) []Metric {
	type acc struct {
		n         int
		one, many float64
	}
	fields := []string{"root_cause", "impact", "mitigation"}
	sums := map[string]*acc{}
	for _, f := range fields {
		sums[f] = &acc{}
	}
	for _, li := range c.Incidents {
		var sents []map[string]bool
		for i, gold := range []*GoldStatement{li.Labels.RootCause, li.Labels.Impact, li.Labels.Mitigation} {
			if gold == nil || strings.TrimSpace(gold.Text) == "" {
				continue
			}
			want := stemSet(contentTokens(gold.Text))
			if len(want) == 0 {
				continue
			}
			if sents == nil {
				sents = ceilingSentences(li)
			}
			one, three := bestQuote(sents, want)
			a := sums[fields[i]]
			a.n++
			a.one += one
			a.many += three
		}
	}
	var ms []Metric
	for _, f := range fields {
		a := sums[f]
		if a.n == 0 {
			continue
		}
		ms = append(ms,
			Metric{Name: summaryCeilingName(f, "sentence"), Engine: "ceiling", Value: a.one / float64(a.n),
				Detail: fmt.Sprintf("mean over %d labelled incidents of the best %s F1 one sentence of the transcript reaches (chosen by reading the label)", a.n, f)},
			Metric{Name: summaryCeilingName(f, "three"), Engine: "ceiling", Value: a.many / float64(a.n),
				Detail: fmt.Sprintf("the same for up to three sentences quoted together, %d incidents", a.n)})
	}
	return ms
}
