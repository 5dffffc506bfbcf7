package evals

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

func msgs(texts ...string) []copilot.Message {
	var out []copilot.Message
	for i, t := range texts {
		out = append(out, copilot.Message{TS: string(rune('1'+i)) + ".0", Text: t})
	}
	return out
}

// TestRunbookRecallComparesTransferableWords: a drafted step recalls a gold step when
// it holds half of the gold step's words that another incident could share; this
// incident's own service name and version do not count, inflection does not matter,
// and a step about something else still misses.
func TestRunbookRecallComparesTransferableWords(t *testing.T) {
	query := &copilot.Incident{ID: "Q", Services: []string{"recs-api"}, Messages: msgs("recs-api heap out of memory", "rolled back recs-api to 4.11.2")}
	past := &copilot.Incident{ID: "P", Messages: msgs("orders api out of memory", "rolled back orders api to 2.3.1, then checked the dashboards")}
	ix := newLexicalIndex([]*copilot.Incident{query, past})
	li := &LabeledIncident{Incident: query, Labels: Labels{ID: "Q", Family: "oom", RunbookSteps: []GoldRunbookStep{{Text: "Roll back recs-api to 4.11.2"}}}}
	fam := map[string]string{"Q": "oom", "P": "oom"}

	for _, tc := range []struct {
		step string
		want int
	}{
		{"Rolled back orders api to 2.3.1", 1},
		{"Rolled back to 2.3.1", 1}, // "api" is a word of the incident's own service
		{"Rolled the dice", 0},
		{"Checked the dashboards", 0},
	} {
		rb := &runbookScore{}
		rb.add(li, []copilot.RunbookStep{{Text: tc.step, Sources: []copilot.StepSource{{IncidentID: "P"}}}}, fam, ix, &Report{})
		if rb.goldSteps != 1 || rb.recalled != tc.want {
			t.Errorf("%q: recalled %d of %d gold steps, want %d of 1", tc.step, rb.recalled, rb.goldSteps, tc.want)
		}
	}

	// A gold step made only of the incident's own names cannot be drafted from
	// another incident: it is left out and counted.
	li.Labels.RunbookSteps = []GoldRunbookStep{{Text: "recs 4.11.2"}}
	rb := &runbookScore{}
	rb.add(li, nil, fam, ix, &Report{})
	if rb.goldSteps != 0 || rb.ownOnly != 1 {
		t.Errorf("own-only step: gold %d, ownOnly %d; want 0, 1", rb.goldSteps, rb.ownOnly)
	}
}

func TestStem(t *testing.T) {
	for _, p := range [][2]string{{"rolled", "rolling"}, {"scale", "scaled"}, {"restart", "restarting"}, {"pods", "pod"}, {"deleted", "delete"}} {
		if stem(p[0]) != stem(p[1]) {
			t.Errorf("stem(%q)=%q, stem(%q)=%q: want equal", p[0], stem(p[0]), p[1], stem(p[1]))
		}
	}
	if stem("roll") == stem("role") {
		t.Errorf("roll and role share a stem")
	}
}

// TestRunbookSameFamilyAcrossDatasets: a runbook is drafted from the whole memory, so a
// step from another dataset counts as same-family when that dataset names the same
// family, and not when the family differs or the source is unlabelled.
func TestRunbookSameFamilyAcrossDatasets(t *testing.T) {
	query := &copilot.Incident{ID: "Q", Messages: msgs("disk full")}
	ix := newLexicalIndex([]*copilot.Incident{query})
	li := &LabeledIncident{Incident: query, Dataset: "dev3", Labels: Labels{ID: "Q", Family: "disk-full"}}
	fam := map[string]string{"Q": "dev3/disk-full", "A": "corpus/disk-full", "B": "corpus/memory-oom", "C": "dev3/disk-full"}
	step := func(src string) copilot.RunbookStep {
		return copilot.RunbookStep{Text: "free space", Sources: []copilot.StepSource{{IncidentID: src}}}
	}
	rb := &runbookScore{datasetOf: map[string]string{"A": "corpus", "B": "corpus", "C": "dev3", "U": "corpus"}}
	rb.add(li, []copilot.RunbookStep{step("A"), step("B"), step("U")}, fam, ix, &Report{})
	rb.add(li, []copilot.RunbookStep{step("C")}, fam, ix, &Report{})
	if rb.top3 != 4 || rb.sameFamily != 2 || rb.otherDataset != 3 {
		t.Errorf("top3 %d, same family %d, other dataset %d; want 4, 2 (A and C), 3", rb.top3, rb.sameFamily, rb.otherDataset)
	}
}

// TestRunbookCeilings: a gold step counts toward a ceiling only when a sentence (or a
// gold step) of another incident of the same dataset holds half its transferable
// words; the query's own text and other datasets never count.
func TestRunbookCeilings(t *testing.T) {
	q := &LabeledIncident{Dataset: "a", Incident: &copilot.Incident{ID: "Q", Messages: msgs("restart the cache nodes. drain the queue")},
		Labels: Labels{ID: "Q", Family: "cache", RunbookSteps: []GoldRunbookStep{{Text: "Restart the cache nodes"}, {Text: "Drain the queue"}, {Text: "Flush the resolver"}}}}
	sib := &LabeledIncident{Dataset: "a", Incident: &copilot.Incident{ID: "S", Messages: msgs("we restarted cache nodes one by one")},
		Labels: Labels{ID: "S", Family: "cache", RunbookSteps: []GoldRunbookStep{{Text: "Drain the queue"}}}}
	other := &LabeledIncident{Dataset: "a", Incident: &copilot.Incident{ID: "O", Messages: msgs("the queue was drained by hand")},
		Labels: Labels{ID: "O", Family: "dns"}}
	foreign := &LabeledIncident{Dataset: "b", Incident: &copilot.Incident{ID: "F", Messages: msgs("flush the resolver")},
		Labels: Labels{ID: "F", Family: "cache"}}
	all := []*LabeledIncident{q, sib, other, foreign}
	var pool []*copilot.Incident
	for _, li := range all {
		pool = append(pool, li.Incident)
	}
	r := &Report{}
	r.addRunbookCeilings(all, newLexicalIndex(pool))
	// Four gold steps (Q's three, S's one). Sentence: Q's restart (S says it), S's
	// drain (Q says it). Gold: Q's drain (S's label), S's drain (Q's label). Any: those
	// and Q's drain (O says it). Q's flush is said only in another dataset.
	want := map[string]float64{MetricRunbookCeilSentence: 2.0 / 4, MetricRunbookCeilGold: 2.0 / 4, MetricRunbookCeilAny: 3.0 / 4}
	got := map[string]float64{}
	for _, m := range r.Metrics {
		got[m.Name] = m.Value
	}
	for name, w := range want {
		if g, ok := got[name]; !ok || g != w {
			t.Errorf("%s = %v (reported %v), want %v", name, g, ok, w)
		}
	}
}
