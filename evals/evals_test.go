package evals

import (
	"context"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/golden")

// fakeEngine answers from fixed tables, so the metrics can be checked by hand.
type fakeEngine struct {
	items     map[string][]copilot.FollowUp
	citations map[string][]copilot.Citation
	timeline  map[string][]copilot.TimelineEntry
}

func (f fakeEngine) Info() copilot.EngineInfo {
	return copilot.EngineInfo{Name: "fake", Version: "fake/v1"}
}

func (f fakeEngine) Summarize(_ context.Context, inc *copilot.Incident) (*copilot.SummaryAnswer, error) {
	return &copilot.SummaryAnswer{IncidentID: inc.ID, Citations: f.citations[inc.ID],
		Summary: copilot.Summary{Overview: "a b c", Timeline: f.timeline[inc.ID]}}, nil
}

func (f fakeEngine) FollowUps(_ context.Context, inc *copilot.Incident) (*copilot.FollowUpsAnswer, error) {
	return &copilot.FollowUpsAnswer{IncidentID: inc.ID, Items: f.items[inc.ID]}, nil
}

func (f fakeEngine) Runbook(context.Context, *copilot.Incident, []*copilot.Incident, []copilot.RunbookMatch) (*copilot.RunbookAnswer, error) {
	return &copilot.RunbookAnswer{}, nil
}

func loadMini(t *testing.T) *Corpus {
	t.Helper()
	c, err := LoadCorpus(filepath.Join("testdata", "mini"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLoadCorpus(t *testing.T) {
	c := loadMini(t)
	if len(c.Incidents) != 2 || len(c.All) != 2 {
		t.Fatalf("loaded %d labelled of %d incidents, want 2 of 2", len(c.Incidents), len(c.All))
	}
	li := c.Incidents[0]
	if li.Labels.ID != "INC-1" || li.Incident.ID != "INC-1" || li.Source != "documents" || len(li.Labels.FollowUps) != 3 {
		t.Errorf("first incident = %+v", li.Labels)
	}
	if li.Incident.MessageByTS(li.Labels.ResolvedTS) == nil {
		t.Error("labels not tied to the transcript")
	}
}

var badCorpusTests = []struct {
	name   string
	labels string // labels/documents.json content; "" removes the labels folder
	code   string
	msg    string
}{
	{"no labels", "", copilot.ENOTFOUND, "labels"},
	{"malformed", `{"incidents": [`, copilot.EINVALID, "labels/documents.json"},
	{"unknown incident", `{"incidents": [{"id": "INC-9"}]}`, copilot.EINVALID, "INC-9"},
	{"missing id", `{"incidents": [{"family": "x"}]}`, copilot.EINVALID, "incidents[0].id"},
	{"ts not in the transcript", `{"incidents": [{"id": "INC-1", "root_cause_ts": ["1.000001"]}]}`, copilot.EINVALID, "root_cause_ts"},
	{"followup ts not in the transcript", `{"incidents": [{"id": "INC-1", "followups": [{"ts": "2.0"}]}]}`, copilot.EINVALID, "followups[0]"},
	{"labelled twice", `{"incidents": [{"id": "INC-1"}, {"id": "INC-1"}]}`, copilot.EINVALID, "also labelled"},
}

func TestLoadCorpusErrors(t *testing.T) {
	for _, tt := range badCorpusTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "mini"))); err != nil {
				t.Fatal(err)
			}
			if tt.labels == "" {
				if err := os.RemoveAll(filepath.Join(dir, "labels")); err != nil {
					t.Fatal(err)
				}
			} else if err := os.WriteFile(filepath.Join(dir, "labels", "documents.json"), []byte(tt.labels), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadCorpus(dir)
			if copilot.ErrorCode(err) != tt.code || !strings.Contains(copilot.ErrorMessage(err), tt.msg) {
				t.Errorf("LoadCorpus error = %v, want %s naming %q", err, tt.code, tt.msg)
			}
		})
	}
}

func TestFollowUpMetrics(t *testing.T) {
	c := loadMini(t)
	eng := fakeEngine{items: map[string][]copilot.FollowUp{
		"INC-1": {
			{SourceTS: "1772445840.000100"},                                     // gold uncaptured: right
			{SourceTS: "1772445900.000100", Captured: true, TicketKey: "OPS-1"}, // gold captured: right
			{SourceTS: "1772445720.000100"},                                     // a mitigation: false positive
		},
		"INC-2": {
			{SourceTS: "1772532120.000100", Captured: true}, // gold uncaptured, wrongly captured
		},
	}}
	r, err := FollowUpMetrics(context.Background(), eng, c)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want float64
	}{
		{"precision", r.Precision, 1.0 / 2},
		{"recall", r.Recall, 1.0 / 3},
		{"f1", r.F1, 2 * (0.5 * 1.0 / 3) / (0.5 + 1.0/3)},
		{"capture accuracy", r.CaptureAccuracy, 2.0 / 3},
		{"detect precision", r.DetectPrecision, 3.0 / 4},
		{"detect recall", r.DetectRecall, 3.0 / 4},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %.4f, want %.4f", c.name, c.got, c.want)
		}
	}
	if len(r.Incidents) != 2 || len(r.Incidents[0].FalsePositives) != 1 || len(r.Incidents[0].Missed) != 1 || len(r.Incidents[1].CaptureWrong) != 1 {
		t.Errorf("per-incident errors = %+v", r.Incidents)
	}
}

// TestFollowUpMetricsSeveralOnOneMessage: a postmortem paragraph or a numbered list
// states several follow-ups in one message, one ticketed and one not. An uncaptured
// item there is right (it is the unticketed one), and so is the captured item,
// whichever order the labels list them in.
func TestFollowUpMetricsSeveralOnOneMessage(t *testing.T) {
	for _, capturedLast := range []bool{false, true} {
		c := loadMini(t)
		both := []GoldFollowUp{
			{TS: "1772445900.000100", Text: "page on pool saturation"},
			{TS: "1772445900.000100", Text: "lint pool sizes in CI", Captured: true, TicketKey: "OPS-1"},
		}
		if !capturedLast {
			both[0], both[1] = both[1], both[0]
		}
		c.Incidents[0].Labels.FollowUps = both
		c.Incidents = c.Incidents[:1]
		eng := fakeEngine{items: map[string][]copilot.FollowUp{
			"INC-1": {
				{SourceTS: "1772445900.000100"},
				{SourceTS: "1772445900.000100", Captured: true, TicketKey: "OPS-1"},
			},
		}}
		r, err := FollowUpMetrics(context.Background(), eng, c)
		if err != nil {
			t.Fatal(err)
		}
		if r.Precision != 1 || r.Recall != 1 || r.CaptureAccuracy != 1 || r.DetectPrecision != 1 {
			t.Errorf("captured listed last %v: precision %.2f recall %.2f capture %.2f detect precision %.2f, want all 1",
				capturedLast, r.Precision, r.Recall, r.CaptureAccuracy, r.DetectPrecision)
		}
		// Predicting only the captured item misses the unticketed one.
		eng.items["INC-1"] = eng.items["INC-1"][1:]
		if r, _ = FollowUpMetrics(context.Background(), eng, c); r.Recall != 0 || r.CaptureAccuracy != 0.5 {
			t.Errorf("captured listed last %v, only the ticketed item: recall %.2f capture %.2f, want 0 and 0.5",
				capturedLast, r.Recall, r.CaptureAccuracy)
		}
	}
}

func TestFollowUpMetricsNothingPredicted(t *testing.T) {
	r, err := FollowUpMetrics(context.Background(), fakeEngine{}, loadMini(t))
	if err != nil {
		t.Fatal(err)
	}
	// Saying nothing is never wrong, but finds nothing: the recall gate catches it.
	if r.Precision != 1 || r.Recall != 0 || r.F1 != 0 {
		t.Errorf("precision %v recall %v f1 %v, want 1 0 0", r.Precision, r.Recall, r.F1)
	}
}

func TestSummaryMetrics(t *testing.T) {
	c := loadMini(t)
	eng := fakeEngine{
		citations: map[string][]copilot.Citation{
			"INC-1": {
				{Text: "Cause.", SourceTS: []string{"1772445660.000100"}},
				{Text: "Invented.", SourceTS: []string{"1772445661.000100"}},
			},
		},
		timeline: map[string][]copilot.TimelineEntry{
			"INC-1": {{Text: "First signal", SourceTS: []string{"1772445600.000100"}}},
			"INC-2": {{Text: "No source"}},
		},
	}
	r, err := SummaryMetrics(context.Background(), eng, c)
	if err != nil {
		t.Fatal(err)
	}
	if r.Sources != 4 || r.Valid != 2 || r.CitationValidity != 0.5 {
		t.Errorf("validity %d/%d = %v, want 2/4", r.Valid, r.Sources, r.CitationValidity)
	}
	if r.Labelled != 2 || r.Covered != 1 || len(r.Uncovered) != 1 || r.Uncovered[0] != "INC-2" {
		t.Errorf("key moments %d/%d uncovered %v, want 1/2 [INC-2]", r.Covered, r.Labelled, r.Uncovered)
	}
	if r.RootCauseCited != 1 || r.RootCauseLabelled != 1 || r.MitigationCited != 0 || r.MitigationLabelled != 2 || r.ResolvedLabelled != 1 {
		t.Errorf("per kind = %+v", r)
	}
	if r.WordsMean != 3 {
		t.Errorf("words mean = %v, want 3", r.WordsMean)
	}
}

var gateTests = []struct {
	name  string
	value float64
	has   bool
	min   float64
	pass  bool
}{
	{"above", 0.9, true, 0.8, true},
	{"equal after float rounding", 0.1 + 0.7, true, 0.8, true},
	{"below", 0.79, true, 0.8, false},
	{"exactly one", 1, true, 1, true},
	{"just under one", 0.999, true, 1, false},
	{"not measured", 0, false, 0, false},
	{"nan", math.NaN(), true, 0, false},
}

func TestGates(t *testing.T) {
	for _, tt := range gateTests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Report{}
			if tt.has {
				r.Add(Metric{Name: "m", Value: tt.value})
			}
			g := Gate{Metric: "m", Min: tt.min}
			if got := g.Passes(r); got != tt.pass {
				t.Errorf("Passes = %v, want %v", got, tt.pass)
			}
			if all := r.Check([]Gate{g}); all != tt.pass || len(r.Gates) != 1 || r.Gates[0].Pass != tt.pass || r.Gates[0].Measured != tt.has {
				t.Errorf("Check = %v %+v", all, r.Gates)
			}
		})
	}
}

func TestDefaultGates(t *testing.T) {
	want := map[string]float64{MetricFollowUpPrecision: 0.8, MetricFollowUpRecall: 0.7, MetricSummaryCitationValidity: 1}
	gates := DefaultGates()
	if len(gates) != len(want) {
		t.Fatalf("gates = %+v", gates)
	}
	for _, g := range gates {
		if w, ok := want[g.Metric]; !ok || w != g.Min {
			t.Errorf("gate %+v, want min %v", g, w)
		}
	}
}

func TestReportAddReplaces(t *testing.T) {
	r := &Report{}
	r.Add(Metric{Name: "a", Value: 1}, Metric{Name: "b", Value: 2})
	r.Add(Metric{Name: "a", Value: 3})
	if v, _ := r.Value("a"); v != 3 || len(r.Metrics) != 2 {
		t.Errorf("metrics = %+v", r.Metrics)
	}
}

func TestReportGolden(t *testing.T) {
	r := &Report{Engine: "local", PromptVersion: "local/v1", Corpus: "corpus", Incidents: 30}
	r.Add(
		Metric{Name: MetricFollowUpPrecision, Value: 0.85, Detail: "34/40 predicted uncaptured items are gold uncaptured"},
		Metric{Name: MetricFollowUpRecall, Value: 0.6875, Detail: "33/48 gold uncaptured follow-ups found"},
		Metric{Name: MetricSummaryCitationValidity, Value: 1, Detail: "200/200 cited ts are messages of the incident"},
		Metric{Name: MetricSummaryWords, Value: 41.5, Detail: "mean words in overview, impact, root cause, resolution and status"},
	)
	r.Check(DefaultGates())
	js, err := r.JSON()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "report.txt", []byte(r.Text()))
	golden(t, "report.json", js)
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs; rerun with -update after review\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// TestLocalEngineOnSampleCorpus is the gate the local engine must clear on the bundled
// sample corpus: uncaptured follow-ups precision ≥ 0.8 and recall ≥ 0.7, summaries
// citing only real messages.
func TestLocalEngineOnSampleCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	if _, err := os.Stat(filepath.Join(dir, "labels")); errors.Is(err, os.ErrNotExist) {
		t.Skip("sample corpus labels not present in testdata/corpus/labels")
	}
	c, err := LoadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	c.Mask(redact.String) // as the memory and the Copilot service do
	r, err := Evaluate(context.Background(), local.New(nil), c)
	if err != nil {
		t.Fatal(err)
	}
	pass := r.Check(DefaultGates())
	t.Logf("\n%s", r.Text())
	if !pass {
		t.Errorf("the local engine fails its gates on the sample corpus")
	}
	if len(c.Incidents) < 10 {
		t.Errorf("only %d labelled incidents; the sample corpus has more", len(c.Incidents))
	}
}
