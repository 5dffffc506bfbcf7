package evals

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
)

// mitigationChoice is where one incident's mitigation F1 is lost: the summary
// quoted a labelled mitigating message (right), another message (wrong), or
// nothing, leaving the field to the resolution (empty).
type mitigationChoice struct {
	right, wrong, empty int
	f1                  float64
	// ceiling sums, per incident, the best F1 a sentence of a labelled mitigating
	// message reaches: what quoting the right message one sentence at a time gives.
	ceiling float64
	// lostToChoice and lostToText split the gap to the ceiling: over incidents
	// whose quoted message is not a labelled one, and over those where it is.
	lostToChoice, lostToText float64
}

// pickedMessage is the ts the summary's mitigation field cites, "" when the field
// is empty. Summarize writes the mitigation first, so its citation comes first.
func pickedMessage(ans *copilot.SummaryAnswer) string {
	m := ans.Summary.Mitigation
	if strings.TrimSpace(m) == "" {
		return ""
	}
	for _, c := range ans.Citations {
		if c.Text != "" && len(c.SourceTS) > 0 && strings.Contains(m, c.Text) {
			return c.SourceTS[0]
		}
	}
	return ""
}

// measureMitigationChoice summarizes every dev incident of c labelled with a
// mitigation and attributes its F1 (mitigationOf, as SummaryMetrics scores it).
func measureMitigationChoice(t *testing.T, c *Corpus) mitigationChoice {
	t.Helper()
	e := local.New(nil)
	var r mitigationChoice
	for _, li := range c.Incidents {
		gold := li.Labels.Mitigation
		if li.Labels.SplitOf() != SplitDev || gold == nil || gold.Text == "" {
			continue
		}
		ans, err := e.Summarize(context.Background(), li.Incident)
		if err != nil {
			t.Fatalf("%s: %v", li.Labels.ID, err)
		}
		labelled := map[string]bool{}
		for _, ts := range append(append([]string{}, gold.TS...), li.Labels.MitigationTS...) {
			labelled[ts] = true
		}
		_, _, f := factOverlap(mitigationOf(ans.Summary), gold.Text)
		best := 0.0
		for _, m := range li.Incident.Messages {
			if !labelled[m.TS] {
				continue
			}
			for _, s := range sentencesOf(m.Text) {
				_, _, fs := factOverlap(s, gold.Text)
				best = max(best, fs)
			}
		}
		r.f1 += f
		r.ceiling += best
		picked := pickedMessage(ans)
		switch {
		case picked == "":
			r.empty++
		case labelled[picked]:
			r.right++
			r.lostToText += max(0, best-f)
			continue
		default:
			r.wrong++
		}
		r.lostToChoice += max(0, best-f)
	}
	return r
}

// TestMitigationMessageChoice measures, per summary-labelled dev set, whether the
// mitigation's F1 is lost by quoting the wrong message or by quoting the right one
// badly, and holds the share of incidents whose mitigation quotes a labelled
// mitigating message to a floor one incident under today's count. On the sets
// the rules were tuned on the message is nearly always right and the gap is the
// wording; on the fresh sets (dev12, dev13, dev14) most of the gap is the choice.
// `go test ./evals -run TestMitigationMessageChoice -v` prints the table.
func TestMitigationMessageChoice(t *testing.T) {
	for _, set := range []struct {
		dir   string
		right int // floor on incidents quoting a labelled message
	}{
		{"testdata/corpus", 12}, {"testdata/dev3", 14}, {"testdata/dev7", 10}, {"testdata/dev8", 9},
		{"testdata/dev9", 19}, {"testdata/dev10", 16}, {"testdata/dev11", 19}, {"testdata/dev12", 14},
		{"testdata/dev13", 17}, {"testdata/dev14", 10},
	} {
		c, err := LoadCorpus(set.dir)
		if err != nil {
			t.Fatalf("%s: %v", set.dir, err)
		}
		r := measureMitigationChoice(t, c)
		n := float64(r.right + r.wrong + r.empty)
		if n == 0 {
			t.Errorf("%s: no incident labelled with a mitigation", set.dir)
			continue
		}
		t.Logf("%-16s n %2.0f  message right %2d wrong %2d empty %2d  F1 %.3f  sentence ceiling %.3f  lost to choice %.3f, to wording %.3f",
			set.dir, n, r.right, r.wrong, r.empty, r.f1/n, r.ceiling/n, r.lostToChoice/n, r.lostToText/n)
		if r.right < set.right {
			t.Errorf("%s: the mitigation quotes a labelled message for %d incidents, below its floor %d", set.dir, r.right, set.right)
		}
	}
}
