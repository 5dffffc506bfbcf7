package local_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/evals"
)

// capturePair is one follow-up and one ticket that capture by content compared,
// with whether the labels say that ticket captures that follow-up.
type capturePair struct {
	set, id, ts, key string
	s                local.TicketScores
	gold             bool // the follow-up's labelled ticket is this one
	followUp         bool // the message is a labelled follow-up at all
	mutual           bool // each is the other's best match by coverage in the incident
}

// coverageOf is a pair's better coverage of the two directions.
func coverageOf(s local.TicketScores) float64 { return math.Max(s.TitleCovered, s.ItemCovered) }

// markMutual sets mutual on the pairs of one incident whose follow-up is the
// ticket's best match and whose ticket is the follow-up's best.
func markMutual(pairs []capturePair) {
	bestItem, bestTicket := map[string]float64{}, map[string]float64{}
	for _, p := range pairs {
		c := coverageOf(p.s)
		bestItem[p.ts] = math.Max(bestItem[p.ts], c)
		bestTicket[p.key] = math.Max(bestTicket[p.key], c)
	}
	for i, p := range pairs {
		c := coverageOf(p.s)
		pairs[i].mutual = c > 0 && c == bestItem[p.ts] && c == bestTicket[p.key]
	}
}

// capturePairs runs the engine (with the local embedder) over the labelled
// incidents of dir and returns every pair capture by content compared: the
// follow-ups no cited key captured, against the tickets no cited key used.
func capturePairs(t *testing.T, set string) []capturePair {
	t.Helper()
	c, err := evals.LoadCorpus("../../evals/testdata/" + set)
	if err != nil {
		t.Fatal(err)
	}
	emb, err := embeddings.NewLocal(embeddings.DefaultLocalDimensions)
	if err != nil {
		t.Fatal(err)
	}
	var out []capturePair
	for _, li := range c.Incidents {
		gold := map[string]evals.GoldFollowUp{}
		for _, g := range li.Labels.FollowUps {
			gold[g.TS] = g
		}
		e := local.New(emb)
		first := len(out)
		local.SetTicketTrace(e, func(ts, key string, s local.TicketScores) {
			g, ok := gold[ts]
			out = append(out, capturePair{set: set, id: li.Labels.ID, ts: ts, key: key, s: s,
				gold: ok && g.Captured && strings.EqualFold(g.TicketKey, key), followUp: ok})
		})
		if _, err := e.FollowUps(context.Background(), li.Incident); err != nil {
			t.Fatal(err)
		}
		markMutual(out[first:])
	}
	return out
}

// captureRule is one way to decide from a pair's scores that the ticket captures
// the follow-up, at threshold th.
type captureRule struct {
	name string
	ok   func(p capturePair, th float64) bool
	ths  []float64
}

var captureRules = []captureRule{
	{"engine defaults", func(p capturePair, _ float64) bool {
		s := p.s
		return (s.TitleCovered >= local.DefaultTicketTermOverlap && s.TitleShared >= 2) ||
			(s.ItemCovered >= local.DefaultTicketItemCoverage && s.ItemShared >= 2) ||
			(s.Cosine >= local.DefaultTicketCosine && max(s.TitleShared, s.ItemShared) >= 1)
	}, []float64{0}},
	{"mutual best (>=2 shared)", func(p capturePair, th float64) bool {
		return p.mutual && coverageOf(p.s) >= th && max(p.s.TitleShared, p.s.ItemShared) >= 2
	}, []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4}},
	{"mutual best (>=1 shared)", func(p capturePair, th float64) bool {
		return p.mutual && coverageOf(p.s) >= th && max(p.s.TitleShared, p.s.ItemShared) >= 1
	}, []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4}},
	{"title covered (>=2 shared)", func(p capturePair, th float64) bool {
		s := p.s
		return s.TitleCovered >= th && s.TitleShared >= 2
	}, []float64{0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7}},
	{"item covered (>=2 shared)", func(p capturePair, th float64) bool {
		s := p.s
		return s.ItemCovered >= th && s.ItemShared >= 2
	}, []float64{0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7}},
	{"either covered (>=2 shared)", func(p capturePair, th float64) bool {
		s := p.s
		return (s.TitleCovered >= th && s.TitleShared >= 2) || (s.ItemCovered >= th && s.ItemShared >= 2)
	}, []float64{0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7}},
	{"either covered (>=1 shared)", func(p capturePair, th float64) bool {
		s := p.s
		return (s.TitleCovered >= th && s.TitleShared >= 1) || (s.ItemCovered >= th && s.ItemShared >= 1)
	}, []float64{0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7}},
	{"cosine (>=1 shared)", func(p capturePair, th float64) bool {
		s := p.s
		return s.Cosine >= th && max(s.TitleShared, s.ItemShared) >= 1
	}, []float64{0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75}},
	{"cosine (any)", func(p capturePair, th float64) bool {
		s := p.s
		return s.Cosine >= th
	}, []float64{0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75}},
}

// TestCaptureByMeaningCurve (FU_SWEEP=1) prints, over the dev pairs of follow-ups
// and tickets that no cited key settles, the precision and recall of "this ticket
// captures this follow-up" for each score and threshold: how the capture
// thresholds are chosen. Pairs whose message is no labelled follow-up are counted
// apart (capturing one hides a false follow-up, harmless to the uncaptured list).
func TestCaptureByMeaningCurve(t *testing.T) {
	if os.Getenv("FU_SWEEP") == "" {
		t.Skip("set FU_SWEEP=1")
	}
	var pairs []capturePair
	for _, set := range []string{"corpus", "dev2", "dev4", "dev6", "dev8"} {
		pairs = append(pairs, capturePairs(t, set)...)
	}
	pos := 0
	for _, p := range pairs {
		if p.gold {
			pos++
		}
	}
	t.Logf("%d pairs, %d of them a follow-up and its labelled ticket", len(pairs), pos)
	for _, r := range captureRules {
		for _, th := range r.ths {
			pred, tp, other := 0, 0, 0
			for _, p := range pairs {
				if !r.ok(p, th) {
					continue
				}
				if !p.followUp {
					other++
					continue
				}
				pred++
				if p.gold {
					tp++
				}
			}
			t.Logf("%-28s %.2f: P %.3f (%d/%d) R %.3f (%d/%d); %d pairs of non-follow-ups", r.name, th, ratio(tp, pred), tp, pred, ratio(tp, pos), tp, pos, other)
		}
	}
	if os.Getenv("FU_DEBUG") != "" {
		for _, p := range pairs {
			if p.followUp {
				t.Log(pairString(p))
			}
		}
	}
}

func pairString(p capturePair) string {
	cs := p.s.Cosine
	if math.IsNaN(cs) {
		cs = -1
	}
	return fmt.Sprintf("%s %s %s %s gold=%v mutual=%v title %.2f/%d item %.2f/%d cos %.2f", p.set, p.id, p.ts, p.key, p.gold, p.mutual,
		p.s.TitleCovered, p.s.TitleShared, p.s.ItemCovered, p.s.ItemShared, cs)
}
