package evals

import (
	"fmt"
	"strings"
)

// Runbook ceiling metric names: how many gold steps any drafter could recall at
// all, by the rule of runbook.gold_step_recall_at_5, when it may only quote what
// other incidents of the query's dataset hold. They put the recall figure in
// proportion: a gold step that no sentence of another incident covers cannot be
// drafted from similar incidents, however good the search and the extraction.
const (
	// MetricRunbookCeilSentence: some sentence of a same-family incident holds
	// the step (an extractor that picks that sentence recalls it).
	MetricRunbookCeilSentence = "runbook.ceiling_sibling_sentence"
	// MetricRunbookCeilGold: some gold step of a same-family incident holds it
	// (a drafter that wrote the siblings' fixes exactly as their labels do).
	MetricRunbookCeilGold = "runbook.ceiling_sibling_gold"
	// MetricRunbookCeilAny: some sentence of any other incident of the dataset
	// holds it.
	MetricRunbookCeilAny = "runbook.ceiling_any_sentence"
)

// sentencesOf splits a message into the sentences and lines a runbook step could be
// drafted from.
func sentencesOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '\n' || r == '.' || r == '!' || r == '?' || r == ';'
	})
}

type ceilingCount struct{ gold, sentence, siblingGold, any int }

// addRunbookCeilings reports, per split, the three ceilings over every labelled
// incident with gold steps.
func (r *Report) addRunbookCeilings(all []*LabeledIncident, ix *lexicalIndex) {
	type doc struct {
		li        *LabeledIncident
		sentences []map[string]bool
		gold      []map[string]bool
	}
	docs := make([]doc, len(all))
	for i, li := range all {
		d := doc{li: li}
		for _, m := range li.Incident.Messages {
			for _, s := range sentencesOf(m.Text) {
				if set := stemSet(contentTokens(s)); len(set) > 0 {
					d.sentences = append(d.sentences, set)
				}
			}
		}
		for _, g := range li.Labels.RunbookSteps {
			d.gold = append(d.gold, stemSet(contentTokens(g.Text)))
		}
		docs[i] = d
	}
	holds := func(sets []map[string]bool, want map[string]bool) bool {
		for _, s := range sets {
			if coverage(s, want) >= stepMatchMin {
				return true
			}
		}
		return false
	}
	counts := map[string]*ceilingCount{}
	for _, q := range docs {
		if len(q.li.Labels.RunbookSteps) == 0 {
			continue
		}
		sp := q.li.Labels.SplitOf()
		if counts[sp] == nil {
			counts[sp] = &ceilingCount{}
		}
		c := counts[sp]
		for _, g := range q.li.Labels.RunbookSteps {
			want := stemSet(ix.transferable(q.li.Incident, contentTokens(g.Text)))
			if len(want) == 0 {
				continue
			}
			c.gold++
			var sib, sibGold, other bool
			for _, o := range docs {
				if o.li == q.li || o.li.Dataset != q.li.Dataset {
					continue
				}
				same := q.li.Labels.Family != "" && o.li.Labels.Family == q.li.Labels.Family
				h := holds(o.sentences, want)
				other = other || h
				if same {
					sib = sib || h
					sibGold = sibGold || holds(o.gold, want)
				}
			}
			c.sentence += b2i(sib)
			c.siblingGold += b2i(sibGold)
			c.any += b2i(other)
		}
	}
	for sp, c := range counts {
		if c.gold == 0 {
			continue
		}
		r.Add(Metric{Name: MetricRunbookCeilSentence, Split: sp, Engine: "ceiling", Value: ratio(c.sentence, c.gold),
			Detail: fmt.Sprintf("%d/%d gold steps held by a sentence of a same-family incident of the dataset", c.sentence, c.gold)})
		r.Add(Metric{Name: MetricRunbookCeilGold, Split: sp, Engine: "ceiling", Value: ratio(c.siblingGold, c.gold),
			Detail: fmt.Sprintf("%d/%d gold steps held by a gold step of a same-family incident", c.siblingGold, c.gold)})
		r.Add(Metric{Name: MetricRunbookCeilAny, Split: sp, Engine: "ceiling", Value: ratio(c.any, c.gold),
			Detail: fmt.Sprintf("%d/%d gold steps held by a sentence of any other incident of the dataset", c.any, c.gold)})
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
