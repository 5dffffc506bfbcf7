package evals

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// fakeRuns holds runs in memory, newest last.
type fakeRuns []copilot.EvalRun

func (f *fakeRuns) RecordEvalRun(_ context.Context, r *copilot.EvalRun) error {
	r.ID, r.CreatedAt = int64(len(*f)+1), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	*f = append(*f, *r)
	return nil
}

func (f *fakeRuns) EvalRuns(_ context.Context, capability string, limit int) ([]copilot.EvalRun, error) {
	var out []copilot.EvalRun
	for i := len(*f) - 1; i >= 0 && len(out) < limit; i-- {
		if (*f)[i].Capability == capability {
			out = append(out, (*f)[i])
		}
	}
	return out, nil
}

func record(t *testing.T, runs *fakeRuns, cfg copilot.EvalConfig, size int, value float64) {
	t.Helper()
	b, err := json.Marshal([]Metric{
		{Name: MetricDatasetSize, Split: SplitTest, Value: float64(size)},
		{Name: MetricSummaryWords, Split: SplitTest, Engine: "local", Value: value},
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg.DatasetSize = size
	if err := runs.RecordEvalRun(context.Background(), &copilot.EvalRun{Capability: copilot.CapSummary, Engine: "local", Config: cfg, Metrics: b}); err != nil {
		t.Fatal(err)
	}
}

var runtimeTests = []struct {
	name     string
	size     int
	value    float64
	operator string
	cfg      func(*copilot.EvalConfig)
	mode     string
	verified bool
	gate     string
	reason   string
}{
	{"passing run", 30, 50, "", nil, copilot.ModeAct, true, copilot.GatePass, "passed on 2026-12-01"},
	{"below threshold", 30, 10, "", nil, copilot.ModeSuggest, false, copilot.GateFail, "test/summary.words_mean 10 < 40"},
	{"fewer than 20 incidents", 12, 50, "", nil, copilot.ModeSuggest, false, copilot.GateFail, "test/dataset.incidents 12 < 20"},
	{"another lexicon", 30, 50, "", func(c *copilot.EvalConfig) { c.Lexicon = "lex-2" }, copilot.ModeSuggest, false, copilot.GateUnknown, "lexicon lex-1 → lex-2"},
	{"other search settings", 30, 50, "", func(c *copilot.EvalConfig) { c.Search = "fusion rrf" }, copilot.ModeSuggest, false, copilot.GateUnknown, "search (none) → fusion rrf"},
	{"another commit", 30, 50, "", func(c *copilot.EvalConfig) { c.Commit = "def" }, copilot.ModeSuggest, false, copilot.GateUnknown, "commit abc → def"},
	{"operator off", 30, 50, "summary:off", nil, copilot.ModeOff, true, copilot.GatePass, "turned off by the operator"},
	{"operator suggest-only", 30, 50, "summary:suggest_only", nil, copilot.ModeSuggest, true, copilot.GatePass, "suggest-only by the operator"},
	{"operator act cannot open a failed gate", 30, 10, "summary:act", nil, copilot.ModeSuggest, false, copilot.GateFail, "failed"},
}

func TestRuntimeGates(t *testing.T) {
	min := 40.0
	targets := &GateSet{Split: SplitTest, MinIncidents: 20, Capabilities: map[string][]GateSpec{
		copilot.CapSummary: {{Metric: MetricSummaryWords, Min: &min}},
	}}
	recorded := copilot.EvalConfig{Embedder: "local/384", Lexicon: "lex-1", Engine: "local", Commit: "abc"}
	for _, tt := range runtimeTests {
		t.Run(tt.name, func(t *testing.T) {
			runs := &fakeRuns{}
			record(t, runs, recorded, tt.size, tt.value)
			current := recorded
			if tt.cfg != nil {
				tt.cfg(&current)
			}
			modes, err := ParseModes(tt.operator)
			if err != nil {
				t.Fatal(err)
			}
			g := &RuntimeGates{Runs: runs, Config: current, Targets: targets, Operator: modes}
			st, err := g.Capability(context.Background(), copilot.CapSummary)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode != tt.mode || st.Verified != tt.verified || st.Gate != tt.gate || !strings.Contains(st.Reason, tt.reason) {
				t.Errorf("status = %+v, want mode %s verified %t gate %s reason containing %q", st, tt.mode, tt.verified, tt.gate, tt.reason)
			}
		})
	}
}

func TestRuntimeGatesUnknownCapability(t *testing.T) {
	g := &RuntimeGates{Runs: &fakeRuns{}}
	if _, err := g.Capability(context.Background(), "telepathy"); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("err = %v, want EINVALID", err)
	}
	st, err := g.Capability(context.Background(), copilot.CapRunbook)
	if err != nil || st.Mode != copilot.ModeSuggest || st.Gate != copilot.GateUnknown {
		t.Errorf("no runs: %+v %v, want suggest_only and unknown", st, err)
	}
}

// fakeVotes answers CapabilityVotes from a list of verdicts with their times.
type fakeVotes struct {
	votes []struct {
		at   time.Time
		down bool
	}
	since time.Time
}

func (f *fakeVotes) CapabilityVotes(_ context.Context, _ string, since time.Time, last int) (up, down int, err error) {
	f.since = since
	for i := len(f.votes) - 1; i >= 0 && up+down < last; i-- {
		if !f.votes[i].at.After(since) {
			continue
		}
		if f.votes[i].down {
			down++
		} else {
			up++
		}
	}
	return up, down, nil
}

func (f *fakeVotes) add(at time.Time, downs, ups int) {
	for range downs {
		f.votes = append(f.votes, struct {
			at   time.Time
			down bool
		}{at, true})
	}
	for range ups {
		f.votes = append(f.votes, struct {
			at   time.Time
			down bool
		}{at, false})
	}
}

// TestFeedbackDemotes: a capability whose gate passed drops to suggest-only when
// too many of the verdicts since that run are 👎, and only then; verdicts from
// before the run do not count, so a new eval run clears a demotion.
func TestFeedbackDemotes(t *testing.T) {
	min := 40.0
	targets := &GateSet{Split: SplitTest, MinIncidents: 20, Capabilities: map[string][]GateSpec{
		copilot.CapSummary: {{Metric: MetricSummaryWords, Min: &min}},
	}}
	cfg := copilot.EvalConfig{Embedder: "local/384", Engine: "local"}
	runAt := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) // fakeRuns' CreatedAt
	for _, tt := range []struct {
		name          string
		before, after [2]int // downs, ups
		mode          string
	}{
		{"no verdicts", [2]int{}, [2]int{}, copilot.ModeAct},
		{"too few to judge", [2]int{}, [2]int{3, 0}, copilot.ModeAct},
		{"mostly good", [2]int{}, [2]int{2, 8}, copilot.ModeAct},
		{"mostly bad", [2]int{}, [2]int{6, 4}, copilot.ModeSuggest},
		{"bad before the run, good after", [2]int{9, 0}, [2]int{1, 9}, copilot.ModeAct},
	} {
		t.Run(tt.name, func(t *testing.T) {
			runs := &fakeRuns{}
			record(t, runs, cfg, 30, 50)
			votes := &fakeVotes{}
			votes.add(runAt.Add(-time.Hour), tt.before[0], tt.before[1])
			votes.add(runAt.Add(time.Hour), tt.after[0], tt.after[1])
			g := &RuntimeGates{Runs: runs, Config: cfg, Targets: targets, Feedback: FeedbackDemotion{Votes: votes}}
			st, err := g.Capability(context.Background(), copilot.CapSummary)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode != tt.mode {
				t.Errorf("mode %s (%s), want %s", st.Mode, st.Reason, tt.mode)
			}
			if tt.mode == copilot.ModeSuggest && !strings.Contains(st.Reason, "demoted by feedback") {
				t.Errorf("reason %q", st.Reason)
			}
			if !votes.since.Equal(runAt) {
				t.Errorf("verdicts counted since %v, want the run's time %v", votes.since, runAt)
			}
		})
	}
}
