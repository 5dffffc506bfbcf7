package local_test

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/evals"
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

func scoreCorpus(t *testing.T, dir string, e *local.Engine) fuScore {
	t.Helper()
	c, err := evals.LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	var s fuScore
	goldAll := 0
	for _, li := range c.Incidents {
		ans, err := e.FollowUps(context.Background(), li.Incident)
		if err != nil {
			t.Fatal(err)
		}
		// Several follow-ups may share a message (as in evals.FollowUpMetrics):
		// keep every state said there.
		// A follow-up labelled at the reply that took an item on is the item's
		// (evals.ChainGold); the cue-phrase baseline is scored on the labels as
		// written.
		chained := evals.ChainGold(li.Labels, ans.Items)
		gold, goldU, goldC := map[string]evals.GoldFollowUp{}, map[string]bool{}, map[string]bool{}
		for _, g := range chained {
			gold[g.TS] = g
			goldU[g.TS] = goldU[g.TS] || !g.Captured
			goldC[g.TS] = goldC[g.TS] || g.Captured
			goldAll++
		}
		predU, byTS := map[string]bool{}, map[string][]copilot.FollowUp{}
		for _, it := range ans.Items {
			byTS[it.SourceTS] = append(byTS[it.SourceTS], it)
			if it.Open() {
				predU[it.SourceTS] = true
			}
		}
		for ts := range predU {
			s.pred++
			if goldU[ts] {
				s.tp++
			} else {
				g, ok := gold[ts]
				s.wrong = append(s.wrong, fmt.Sprintf("%s FP %s (gold captured %v %s) %q", li.Labels.ID, ts, ok, g.TicketKey, byTS[ts][0].Text))
			}
		}
		for ts, its := range byTS {
			for _, it := range its {
				if it.Captured {
					s.predCaptured++
					if goldC[ts] {
						s.capturedOK++
					} else {
						s.wrong = append(s.wrong, fmt.Sprintf("%s CAPTURED-WRONG %s %q by %s", li.Labels.ID, ts, it.Text, it.TicketKey))
					}
					break
				}
			}
		}
		base := cueBaseline(li.Incident)
		labelled := map[string]bool{}
		for _, g := range li.Labels.FollowUps {
			labelled[g.TS] = true
			if base[g.TS] {
				s.baseFound++
			}
		}
		for ts := range base {
			s.basePred++
			if labelled[ts] {
				s.baseTP++
			}
		}
		for _, g := range chained {
			if its := byTS[g.TS]; len(its) > 0 {
				s.matched++
				owner, due := false, false
				for _, it := range its {
					owner = owner || li.SameOwner(it.Owner, g.Owner)
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
	for _, set := range []struct {
		name                 string
		minF1, minDue, minOw float64
	}{
		{"corpus", 0.9, 0.9, 0.87},
		{"dev2", 0.93, 0.9, 0.9},
		{"dev4", 0.84, 0.9, 0.9},
		// dev6, dev8, dev9: 0.03 under the uncaptured F1 after the second round of
		// capture and look-alike rules (0.914, 0.873, 0.933).
		{"dev6", 0.88, 0.95, 0.93},
		{"dev7", 0.8, 0.95, 0.9},
		{"dev8", 0.85, 0.95, 0.85},
		{"dev9", 0.9, 0.97, 0.93},
		// dev10, dev11: written the day they were added, before any tuning
		// (untouched F1 0.629 and 0.785, owner 0.717 and 0.826); floors 0.03 under
		// the figures after the third round of look-alike, capture and owner rules
		// (dev10 F1 0.949, owner and due 1.000; dev11 F1, owner and due 1.000); dev8 0.03 under its F1 after that round (0.886).
		{"dev10", 0.91, 0.97, 0.97},
		// dev11's owner floor is 0.93: its label leaves "Marketing team will change
		// their script …" unowned where dev8's names "Platform team" for the same
		// form; the engine names the team (owner 0.963 there, dev8 0.885 -> 0.934).
		{"dev11", 0.97, 0.97, 0.93},
		// dev12: written after the third round; as it came, F1 0.633 (P 0.559),
		// owner 0.844, due 1.000. A fourth round generalised the look-alike rules on
		// it (F1 0.760, P 0.792); floors 0.03 under.
		{"dev12", 0.91, 0.97, 0.89},
		// dev13: written on 2026-12-02 before tuning; as it came, F1 0.667 (P 0.565,
		// R 0.812), owner 0.815, due 0.907. A round of report-structure rules (done
		// items, ticket references, owners of entries, promised lists, lessons)
		// lifted it to F1 0.817 (P 0.744, R 0.906), owner 0.929, due 0.911 and dev12
		// to F1 0.792, owner 0.867; floors 0.03 under.
		{"dev13", 0.88, 0.89, 0.90},
		// dev15, dev16: written on 2026-12-02 after the dev13 round. As they came,
		// uncaptured P 0.483 and 0.537 (the session's start engine: 0.438 and 0.500),
		// F1 0.528 and 0.638. A round on them (Actions and Improvements headings,
		// tracker bots, hedges, done and won't-do cells, two tickets in one message)
		// lifted F1 to 0.692 and 0.710; floors 0.03 under (owner 0.841 / 0.913, due
		// 0.909 / 0.848).
		// A seventh-session round (look-alikes of old items, inquiries, forecasts,
		// pasted vendor answers; timeline "Follow-up:" notes; capture that needs
		// more than a component or a kind in common; spans and quarters as dates)
		// lifted dev12 to F1 0.833, dev13 0.853 (due 0.929), dev15 0.840 (owner
		// 0.875, due 0.958), dev16 0.867 (owner 0.962, due 0.925); floors 0.03 under.
		// An eighth-session round (proposals put off, reporting duties, entries
		// numbered in words or inside one message, owners in closing parentheses
		// and accented vocatives, "closing" as the end, one ticket for the entries
		// of a message) lifted dev12 to F1 0.941 (owner 0.922), dev13 0.912 (owner
		// 0.931), dev15 0.898 (owner 0.918), dev16 0.933 (owner 0.982); floors 0.03
		// under, dev17 (4 incidents) held to what it shows.
		{"dev15", 0.86, 0.92, 0.88},
		{"dev16", 0.90, 0.89, 0.95},
		{"dev17", 0.6, 0.95, 0.8},
		// dev18, dev19: written on 2026-12-03 by helpers who read neither the
		// engine nor other sets. As they came (the same at the session's start):
		// F1 0.522 (P 0.439, R 0.643) and 0.800 (P 0.769, R 0.833). A round on them
		// (proposals taken back, vendors' promises, stopgaps, the report's own
		// paperwork, caps raised, spans and "for good") lifted them to F1 0.656
		// and 0.870; floors 0.03 under.
		// The ninth session's round (regrets "we should have had", the incident's
		// own business read by its form, plans asked for, owners and dates in
		// other shapes) lifted dev18 to F1 0.712 and dev19 to 0.909.
		{"dev18", 0.72, 0.97, 0.94},
		{"dev19", 0.87, 0.97, 0.97},
		// dev20, dev21: written on 2026-12-03 (ninth session) by helpers who read
		// neither the engine nor other sets. As they came: F1 0.667 (P 0.545,
		// R 0.857), owner 0.850, due 0.950; and F1 0.765 (P 0.667, R 0.897),
		// owner 0.902, due 0.980. dev20 was tuned on: F1 0.776, owner 0.952, due
		// 0.976. dev21 was read once after the round, untuned: F1 0.776 (P 0.684),
		// then tuned on: F1 0.825 (P 0.765), owner 0.981; floors 0.03 under.
		// The eleventh session's round (capture of settings by their value,
		// hindsight regrets, one-off redos, dates done, owners with titles)
		// lifted dev18 to F1 0.759 (owner 0.974, due 1.000), dev20 to 0.833 and
		// dev21 to 0.852; floors 0.03 under.
		{"dev20", 0.80, 0.97, 0.97},
		{"dev21", 0.82, 0.95, 0.95},
		// dev22: written on 2026-12-04 (twelfth session) by helpers who read
		// neither the engine nor other sets. As it came: F1 0.754 (P 0.697,
		// R 0.821), owner 0.920, due 0.940; floors 0.03 under.
		{"dev22", 0.72, 0.91, 0.89},
		// dev23: written on 2026-12-04 (thirteenth session), as above. As it came:
		// F1 0.735 (P 0.610, R 0.926), owner 0.745, due 0.863. Reading a formal
		// report's numbered headings ("6. Actions") found its action table's
		// columns: F1 0.746, owner 0.941, due 1.000; floors 0.03 under.
		{"dev23", 0.71, 0.97, 0.91},
		// dev24: written the same day, as above, and read only after the
		// session's rules: F1 0.697 (P 0.590, R 0.852), owner 0.840, due 0.860,
		// the same as at the session's start. Then tuned on: report parts in
		// other words ("Improvement actions") lifted owner to 0.920 and due to
		// 0.900; floors 0.03 under.
		{"dev24", 0.66, 0.87, 0.89},
		// dev25: written the same day, read after every rule of the session (12
		// incidents, the fourth writer's three committed last): F1 0.735 (P 0.676,
		// R 0.806), owner 0.962, due 0.981 (0.868 and 0.906 with the engine of the
		// session's start: numbered report headings carried); floors 0.03 under.
		{"dev25", 0.70, 0.95, 0.93},
		// dev26, dev27, dev28: written on 2026-12-04 (fourteenth session), four
		// writers each, committed before the engine ran on them. As they came:
		// dev26 F1 0.562 (P 0.482, R 0.675), owner 0.879, due 0.818; dev27 F1
		// 0.769 (P 0.667, R 0.909), owner 0.917, due 0.950; dev28 F1 0.581 (P
		// 0.471, R 0.706), owner 0.932, due 0.966. An 8D report's parts read by
		// name lifted dev26 owner to 0.985 and due to 0.894; dropping what a chat
		// says before the bleeding stops (unless it names a lasting thing) lifted
		// P to 0.551, 0.698 and 0.500 (dev28 read only after that rule was
		// written), recall unchanged. Floors 0.03 under.
		// The fifteenth session's chains (a proposal and the reply taking it, a
		// remark and the promise answering it: one item, scored on either
		// message), done-work headings, withdrawn offers and work done "now"
		// lifted F1 to 0.723, 0.849 and 0.667. Floors 0.03 under.
		{"dev26", 0.69, 0.86, 0.95},
		{"dev27", 0.82, 0.92, 0.88},
		{"dev28", 0.63, 0.93, 0.90},
		// dev29: written on 2026-12-04 (fifteenth session) by four writers,
		// committed before the engine ran on it. As it came (engine at 8fbf08f):
		// P 0.532, R 0.714, owner 0.911, due 0.875; with the session's rules P
		// 0.587, R 0.771 (of which the scoring of chains on either message is
		// 0.044 of P and all of R), owner 0.915; due 0.932 once "27 Mar 2026"
		// stopped reading as the 20th. Floors 0.03 under.
		{"dev29", 0.63, 0.90, 0.88},
		// dev30: written the same day while dev29 was tuned on, read only at that
		// session's end: P 0.444, R 0.686 as it came, 0.481/0.743 at its end. The
		// sixteenth session's clean-up rule (an unowned ask between the mitigation
		// and the resolution that names nothing lasting), the resolution never
		// being a question and struck-through rows lifted P to 0.553, recall
		// unchanged; owner 0.910, due 0.955. Present-simple promises, conceded
		// proposals and the incident's own report then P 0.587, R 0.771 (F1
		// 0.667). Floors 0.03 under.
		{"dev30", 0.63, 0.92, 0.88},
		// dev31: written on 2026-12-04 (sixteenth session) by four writers,
		// committed before the engine ran on it. As it came (engine at bee22e5):
		// P 0.600, R 0.868; with the session's rules P 0.611, R 0.868, owner
		// 1.000, due 0.941. Tuned on from then: P 0.673 (F1 0.759). Floors 0.03
		// under.
		{"dev31", 0.72, 0.91, 0.97},
		// dev32: written on 2026-12-04 (seventeenth session) by four writers,
		// committed before the engine ran on it. As it came (engine at the
		// session's start, d2d1a82): P 0.683, R 0.757; with the session's rules
		// written before it landed P 0.700, R 0.757 (owner 0.955, due 0.970).
		// Tuned on from then (a complaint answered by its own speaker, PIR as
		// paperwork, owner cells, "for the record", present-simple change verbs,
		// keys waited for): P 0.769, R 0.811 (F1 0.789), owner 1.000, due 0.986.
		// Floors 0.03 under.
		{"dev32", 0.75, 0.95, 0.97},
		// dev33: written on 2026-12-04 (eighteenth session) by four writers,
		// committed before the engine ran on it: P 0.800, R 0.865 (F1 0.831),
		// owner 0.955, due 0.985, the same with the engine of the session's
		// start (1cd5325). No follow-up rule was written from it. Floors 0.03
		// under.
		{"dev33", 0.80, 0.95, 0.92},
		// dev34: written on 2026-12-04 (nineteenth session) by three writers,
		// committed before the engine ran on it. As it came: P 0.690, R 0.741
		// with the engine of the session's start (015c670), P 0.714 with the
		// rules written before it landed (cue-phrase baseline P 0.300, R 0.194);
		// owner 0.958, due 0.979. Two call-off fixes written from it: P 0.769
		// (F1 0.755). Floors 0.03 under.
		{"dev34", 0.72, 0.94, 0.92},
		// dev35: written on 2026-12-04 (twentieth session) by three writers,
		// committed before the engine ran on it. As it came: P 0.767, R 0.885
		// (F1 0.821), owner 0.980, due 1.000, the same with the rules the
		// session wrote before it landed (cue-phrase baseline P 0.280, R 0.119).
		// A promise dropped once told it exists and a "No." turning a question
		// down, written from it: P 0.821 (F1 0.852). Floors 0.03 under.
		{"dev35", 0.82, 0.97, 0.95},
		// dev36: written on 2026-12-04 (twentieth session, second round) by
		// three writers, committed before the engine ran on it. As it came: P
		// 0.697, R 0.821 with the engine of the session's start (6155820), P
		// 0.719 with the rules written before it landed (cue-phrase baseline P
		// 0.233, R 0.119); owner 0.940, due 1.000. Written from it: P 0.742
		// (F1 0.780), owner 0.960. Floors 0.03 under.
		{"dev36", 0.75, 0.97, 0.93},
		// dev37: written on 2026-12-04 (twentieth session, third round) by three
		// writers, committed before the engine ran on it, read after the
		// session's last rule: P 0.600, R 0.774 (F1 0.676), owner 0.955, due
		// 0.955, the same with the engine of the session's start (6155820).
		// No rule was written from it then. The next session wrote from it (the
		// step that stopped the bleeding, evidence gathering, "wish we'd had",
		// "dropping the limit bump", a caret's claim): P 0.667 (F1 0.716),
		// owner 0.977. Floors 0.03 under.
		{"dev37", 0.68, 0.92, 0.94},
		// dev38: written on 2026-12-04 (twenty-first session) by two writers,
		// committed before the engine ran on it. As it came: P 0.810, R 0.944
		// with the engine of the session's start (d809967), P 0.850 (F1 0.895)
		// with the rules written before it landed ("dropping the runbook then"
		// conceded); cue-phrase baseline P 0.250, R 0.077; owner 0.943, due
		// 0.971. No rule was written from it. Floors 0.03 under.
		{"dev38", 0.86, 0.94, 0.91},
	} {
		s := scoreCorpus(t, "../../evals/testdata/"+set.name, local.New(nil))
		t.Logf("%s: %v", set.name, s)
		if p, r := ratio(s.tp, s.pred), ratio(s.found, s.gold); f1(p, r) < set.minF1 || ratio(s.dueOK, s.matched) < set.minDue || ratio(s.ownerOK, s.matched) < set.minOw {
			t.Errorf("%s follow-ups fell below the floors (F1 %.2f, due %.2f, owner %.2f)", set.name, set.minF1, set.minDue, set.minOw)
		}
		if os.Getenv("FU_DEBUG") != "" {
			for _, w := range s.wrong {
				t.Log(set.name + " " + w)
			}
		}
	}
	if os.Getenv("COPILOT_HELDOUT") != "" {
		test := scoreCorpus(t, "../../evals/testdata/heldout", local.New(nil))
		t.Logf("test: %v", test)
	}
}

// dfdsVariants rewrite a real postmortem so the action items stop being findable by
// their heading: the same report with the heading reworded, and with no headings at
// all. The gold items are the entries of the original Action Items section.
var dfdsVariants = []struct {
	name    string
	rewrite func(string) string
}{
	{"as written", func(s string) string { return s }},
	{"heading reworded", func(s string) string {
		return regexp.MustCompile(`(?m)^##\s*Action Items\s*$`).ReplaceAllString(s, "## Making the platform sturdier")
	}},
	{"no headings", func(s string) string {
		return regexp.MustCompile(`(?m)^#.*$`).ReplaceAllString(s, "")
	}},
}

// dfdsScore counts, over the dfds postmortems of one split, the action items the
// engine finds (any item at the entry's ts) and those the cue-phrase baseline finds,
// with the precision of each against the action items.
type dfdsScore struct {
	gold, found, pred, tp       int
	baseFound, basePred, baseTP int
}

func (s dfdsScore) String() string {
	p, r := ratio(s.tp, s.pred), ratio(s.found, s.gold)
	bp, br := ratio(s.baseTP, s.basePred), ratio(s.baseFound, s.gold)
	return fmt.Sprintf("engine R %.3f (%d/%d) P %.3f F1 %.3f; cue phrases R %.3f (%d/%d) P %.3f F1 %.3f",
		r, s.found, s.gold, p, f1(p, r), br, s.baseFound, s.gold, bp, f1(bp, br))
}

func scoreDFDS(t *testing.T, split string, rewrite func(string) string, debug bool) dfdsScore {
	t.Helper()
	dir := needFixtures(t, "postmortems-dfds")
	data, err := os.ReadFile("../../evals/testdata/dfds/labels.json")
	if err != nil {
		t.Fatal(err)
	}
	var labels struct {
		Incidents []struct{ ID, Split string }
	}
	if err := json.Unmarshal(data, &labels); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, l := range labels.Incidents {
		if l.Split == split {
			want[l.ID] = true
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "PM2*"))
	e := local.New(nil)
	var s dfdsScore
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		orig, err := transcript.ReadPostmortem(f, raw)
		if err != nil {
			t.Fatal(err)
		}
		if !want[orig.ID] {
			continue
		}
		// Gold: the action items' texts; a rewrite keeps the blocks, so they are
		// found again by text.
		gold := map[string]bool{}
		for _, m := range orig.Messages {
			if strings.EqualFold(m.UserName, "Action Items") {
				gold[m.Text] = true
			}
		}
		inc, err := transcript.ReadPostmortem(f, []byte(rewrite(string(raw))))
		if err != nil {
			t.Fatal(err)
		}
		ans, err := e.FollowUps(context.Background(), inc)
		if err != nil {
			t.Fatal(err)
		}
		pred := map[string]bool{}
		for _, it := range ans.Items {
			pred[it.SourceTS] = true
		}
		base := cueBaseline(inc)
		for _, m := range inc.Messages {
			g := gold[m.Text]
			if g {
				s.gold++
				if pred[m.TS] {
					s.found++
				} else if debug {
					t.Logf("%s missed: %.160q", inc.ID, m.Text)
				}
				if base[m.TS] {
					s.baseFound++
				}
			}
			if pred[m.TS] {
				s.pred++
				if g {
					s.tp++
				} else if debug {
					t.Logf("%s extra [%s]: %.160q", inc.ID, m.UserName, m.Text)
				}
			}
			if base[m.TS] {
				s.basePred++
				if g {
					s.baseTP++
				}
			}
		}
	}
	return s
}

// TestFollowUpFiguresDFDS prints engine versus cue-phrase baseline on the real
// postmortems, per split and per rewrite (test split only with COPILOT_HELDOUT=1).
func TestFollowUpFiguresDFDS(t *testing.T) {
	splits := []string{"dev"}
	if os.Getenv("COPILOT_HELDOUT") != "" {
		splits = append(splits, "test")
	}
	for _, split := range splits {
		for _, v := range dfdsVariants {
			s := scoreDFDS(t, split, v.rewrite, split == "dev" && os.Getenv("FU_DEBUG") == v.name)
			t.Logf("dfds %s, %s: %v", split, v.name, s)
			if split == "dev" && ratio(s.found, s.gold) < 0.7 {
				t.Errorf("dfds %s, %s: the engine finds under 0.7 of the action items", split, v.name)
			}
		}
	}
}

// TestFollowUpCaptureSweep (FU_SWEEP=1) prints the dev figures for capture thresholds
// around the defaults: how the content-match threshold was chosen.
func TestFollowUpCaptureSweep(t *testing.T) {
	if os.Getenv("FU_SWEEP") == "" {
		t.Skip("set FU_SWEEP=1")
	}
	for _, cov := range []float64{2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9} {
		for _, dir := range []string{"corpus", "dev2", "dev4", "dev6", "dev8"} {
			e := local.New(nil)
			e.TicketItemCoverage = cov
			t.Logf("item coverage %.2f %s: %v", cov, dir, scoreCorpus(t, "../../evals/testdata/"+dir, e))
		}
	}
	// The mutual-best pass (2 turns it off).
	for _, cov := range []float64{2, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4} {
		for _, dir := range []string{"corpus", "dev2", "dev4", "dev6", "dev8"} {
			e := local.New(nil)
			e.TicketMutualCoverage = cov
			t.Logf("mutual coverage %.2f %s: %v", cov, dir, scoreCorpus(t, "../../evals/testdata/"+dir, e))
		}
	}
	// A tracker bot's announcement judged by its words (referredItem).
	for _, cov := range []float64{0.01, 0.08, 0.1, 0.13, 0.15, 0.18, 0.2, 0.25} {
		for _, dir := range []string{"corpus", "dev2", "dev4", "dev6", "dev8"} {
			e := local.New(nil)
			e.TicketReferCoverage = cov
			t.Logf("refer coverage %.2f %s: %v", cov, dir, scoreCorpus(t, "../../evals/testdata/"+dir, e))
		}
	}
	for _, min := range []int{1, 2} {
		for _, th := range []float64{0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7} {
			e := local.New(nil)
			e.TicketTermOverlap, e.TicketMinSharedTerms = th, min
			t.Logf("min %d threshold %.2f: %v", min, th, scoreCorpus(t, "../../evals/testdata/corpus", e))
		}
	}
}
