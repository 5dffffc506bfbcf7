package evals

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// writeDataset writes a dataset whose labels.json names a transcripts folder kept
// outside it, as the dfds labels name the shared fixtures.
func writeDataset(t *testing.T, labels string) string {
	t.Helper()
	root := t.TempDir()
	pm := filepath.Join(root, "fixtures")
	if err := os.MkdirAll(pm, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"PM2021-001 - Disk full on the build agents.md":  "# Disk full on the build agents\n\nBuild agents ran out of disk because docker images were never pruned.\n\nWe pruned the images and added a nightly cleanup job.\n",
		"PM2021-002 - Build agents out of disk again.md": "# Build agents out of disk again\n\nThe nightly cleanup job was disabled during a migration, so the agents filled their disks with docker layers.\n\nWe re-enabled the cleanup job.\n",
		"PM2021-003 - Expired TLS certificate.md":        "# Expired TLS certificate\n\nThe certificate of the public load balancer expired; browsers refused the site.\n\nWe renewed it and added expiry alerts.\n",
	} {
		if err := os.WriteFile(filepath.Join(pm, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ds := filepath.Join(root, "data", "pm")
	if err := os.MkdirAll(ds, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ds, "labels.json"), []byte(labels), 0o644); err != nil {
		t.Fatal(err)
	}
	return ds
}

const pmLabels = `{"transcripts": "../../fixtures", "incidents": [
	{"id": "PM2021-001", "family": "agent-disk-full", "split": "dev", "root_cause": {"text": "docker images filled the disks of the build agents"}},
	{"id": "PM2021-002", "family": "agent-disk-full", "split": "dev"},
	{"id": "PM2021-003", "family": "cert-expiry", "split": "test"}
]}`

func TestLoadCorpusLabelsJSON(t *testing.T) {
	ds := writeDataset(t, pmLabels)
	c, err := LoadCorpus(ds)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Incidents) != 3 || len(c.All) != 3 {
		t.Fatalf("incidents = %d labelled, %d read; want 3 and 3", len(c.Incidents), len(c.All))
	}
	if li := c.Incidents[0]; li.Dataset != "pm" || li.Labels.Family != "agent-disk-full" || li.Incident.ID != "PM2021-001" {
		t.Errorf("first = %+v (%s)", li.Labels, li.Dataset)
	}
	if c.LabelsFollowUps() {
		t.Error("a dataset without follow-up labels says it labels them")
	}
	if !loadMini(t).LabelsFollowUps() {
		t.Error("the mini corpus labels follow-ups")
	}

	for _, tt := range []struct {
		name, labels, code, msg string
	}{
		{"no transcripts field", `{"incidents": []}`, copilot.EINVALID, "transcripts"},
		{"missing folder", `{"transcripts": "../nowhere", "incidents": []}`, copilot.ENOTFOUND, "nowhere"},
		{"unknown id", `{"transcripts": "../../fixtures", "incidents": [{"id": "PM1999-001", "family": "x"}]}`, copilot.EINVALID, "PM1999-001"},
		{"bad json", `{"transcripts": `, copilot.EINVALID, "labels.json"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadCorpus(writeDataset(t, tt.labels))
			if copilot.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("LoadCorpus error = %v, want %s naming %q", err, tt.code, tt.msg)
			}
		})
	}
}

// searchQuoted is a Searcher that ranks first the incidents whose text holds the
// query text, then the rest in pool order; by incident id it returns the others in
// pool order. It stands for a search that always finds a quoted incident.
type searchQuoted struct{ pool []*copilot.Incident }

func (s searchQuoted) Search(_ context.Context, q copilot.SearchQuery) ([]copilot.SearchResult, error) {
	var first, rest []copilot.SearchResult
	for _, inc := range s.pool {
		if inc.ID == q.IncidentID {
			continue
		}
		r := copilot.SearchResult{IncidentID: inc.ID, Title: inc.Title}
		if q.Text != "" && strings.Contains(incidentText(inc), q.Text) {
			first = append(first, r)
		} else {
			rest = append(rest, r)
		}
	}
	return append(first, rest...), nil
}

// TestSearchModes: every mode is reported per dataset and pooled, for the system,
// its ablations and the baselines; known item counts a quote found first.
func TestSearchModes(t *testing.T) {
	mini, pm := loadMini(t), func() *Corpus {
		c, err := LoadCorpus(writeDataset(t, pmLabels))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}()
	// Pool order puts the postmortems first, so each agent-disk one ranks its sibling first.
	pool := append(append([]*copilot.Incident{}, pm.All...), mini.All...)
	r, err := Run(context.Background(), []*Corpus{mini, pm}, RunOptions{Engine: fakeEngine{}, Search: searchQuoted{pool},
		Ablations: map[string]Searcher{EngineVector: searchAll{append(append([]*copilot.Incident{}, mini.All...), pm.All...)}, EngineLexical: searchQuoted{pool}}})
	if err != nil {
		t.Fatal(err)
	}
	get := func(name, dataset, split, engine string) float64 {
		t.Helper()
		for _, m := range r.Metrics {
			if m.Name == name && m.Dataset == dataset && m.Split == split && m.Engine == engine {
				return m.Value
			}
		}
		t.Fatalf("no %s of %s/%s by %s in\n%s", name, dataset, split, engine, r.Text())
		return 0
	}
	for _, e := range SearchEngines {
		for _, name := range []string{MetricSimilarMRR, MetricSimilarTextMRR, MetricSimilarEarlyMRR, MetricSimilarKnownItem} {
			get(name, "pm", SplitDev, e)
			get(name, "", SplitDev, e)
		}
	}
	if v := get(MetricSimilarMRR, "pm", SplitDev, EngineHybrid); v != 1 {
		t.Errorf("pm dev MRR = %v, want 1", v)
	}
	// Answers are read within the query's dataset: the mini incidents the vector
	// ablation ranks first do not push the sibling down.
	if v := get(MetricSimilarMRR, "pm", SplitDev, EngineVector); v != 1 {
		t.Errorf("pm dev MRR behind another dataset's incidents = %v, want 1", v)
	}
	// The mini corpus has no family with two members: no by-incident query there.
	for _, m := range r.Metrics {
		if m.Dataset == "mini" && m.Name == MetricSimilarMRR {
			t.Errorf("mini has no siblings but got %+v", m)
		}
	}
	if v := get(MetricSimilarKnownItem, "", SplitDev, EngineHybrid); v != 1 {
		t.Errorf("known item of a search that finds every quote = %v, want 1", v)
	}
	if v := get(MetricSimilarKnownItem, "", SplitDev, EngineVector); v >= 1 {
		t.Errorf("known item of a search in pool order = %v, want < 1", v)
	}
	// Follow-ups are measured on the dataset that labels them only.
	if v, ok := r.Lookup(MetricFollowUpRecall, SplitDev, ""); !ok || v < 0 {
		t.Errorf("follow-up recall on dev missing: %v %v", v, ok)
	}
	if _, ok := r.Lookup(MetricFollowUpRecall, SplitTest, ""); ok {
		t.Error("follow-ups measured on a split whose dataset does not label them")
	}
	// Pooled figures are what gates read; per-dataset ones are not.
	if v, ok := r.Lookup(MetricSimilarMRR, SplitDev, ""); !ok || v != 1 {
		t.Errorf("pooled dev MRR = %v %v", v, ok)
	}
	text := r.Text()
	for _, want := range []string{"DATASET", "pooled", "early", "known", "DISTINCT FIRST"} {
		if !strings.Contains(text, want) {
			t.Errorf("report text lacks %q:\n%s", want, text)
		}
	}
}

func TestKnownQueries(t *testing.T) {
	inc := &copilot.Incident{ID: "x", Title: "title words here"}
	for i := range 9 {
		inc.Messages = append(inc.Messages, copilot.Message{TS: string(rune('a' + i)), Text: strings.Repeat("message number "+string(rune('a'+i))+" ", 20)})
	}
	qs := knownQueries(inc)
	if len(qs) != 3 || qs[0] != inc.Title {
		t.Fatalf("queries = %q", qs)
	}
	if !strings.HasPrefix(qs[1], "message number d") || !strings.HasPrefix(qs[2], "message number g") {
		t.Errorf("passages start at %q and %q, want a third and two thirds through", qs[1][:16], qs[2][:16])
	}
	if got := earlyText(inc); strings.Count(got, "\n") != earlyMessages {
		t.Errorf("early query has %d lines, want title and %d messages", strings.Count(got, "\n")+1, earlyMessages)
	}
}

// searchCapped ranks the pool in order, leaving out the query incident and the
// excluded ones, and returns at most limit answers, as the store does.
type searchCapped struct {
	pool  []*copilot.Incident
	limit int
}

func (s searchCapped) Search(_ context.Context, q copilot.SearchQuery) ([]copilot.SearchResult, error) {
	var out []copilot.SearchResult
	for _, inc := range s.pool {
		if len(out) == s.limit {
			break
		}
		if inc.ID != q.IncidentID && !slices.Contains(q.Filter.ExcludeIDs, inc.ID) {
			out = append(out, copilot.SearchResult{IncidentID: inc.ID, Title: inc.Title})
		}
	}
	return out, nil
}

// TestSearchWithinDataset: an engine that returns only its first few answers is
// asked within the query's dataset, as the baselines rank, so another dataset's
// incidents ranked above a sibling do not take its place in the capped answer.
func TestSearchWithinDataset(t *testing.T) {
	mini := loadMini(t)
	pm, err := LoadCorpus(writeDataset(t, pmLabels))
	if err != nil {
		t.Fatal(err)
	}
	// The other dataset's incidents first and one answer: read from the whole
	// memory, the answer to a postmortem would hold no postmortem at all.
	pool := append(append([]*copilot.Incident{}, mini.All...), pm.All...)
	capped := searchCapped{pool, 1}
	r, err := Run(context.Background(), []*Corpus{mini, pm}, RunOptions{Engine: fakeEngine{}, Search: capped,
		Ablations: map[string]Searcher{EngineLexical: capped}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{EngineHybrid, EngineLexical} {
		for _, name := range []string{MetricSimilarMRR, MetricSimilarTextMRR, MetricSimilarEarlyMRR} {
			found := false
			for _, m := range r.Metrics {
				if m.Name == name && m.Dataset == "pm" && m.Split == SplitDev && m.Engine == e {
					found = true
					if m.Value != 1 {
						t.Errorf("%s %s of pm = %v, want 1 (the sibling is the only other dev postmortem)", e, name, m.Value)
					}
				}
			}
			if !found {
				t.Errorf("no %s %s of pm", e, name)
			}
		}
	}
}

// TestEarlyTextAsChat: the early query of a Markdown postmortem holds what its
// channel would have said, the events of its timeline without their time cell and
// without the note on the table's time zone; a chat transcript's is its messages as
// written.
func TestEarlyTextAsChat(t *testing.T) {
	md := "# Ingress returned 503\n\n## Summary\n\nAll services behind the ingress returned 503.\n\n" +
		"## Timeline\n\nAll times in CET.\n\n| Time | Event |\n| --- | --- |\n" +
		"| 2020-02-03 11:21 | Alert fired for 503 on the ALB |\n" +
		"| 2022-05-?? HH:mm | Detected on an unknown day |\n" +
		"| 2021-06-30 09:00 - 11:00 | Target groups reattached |\n" +
		"| 2021-06-30 12:00 | Fixed in release 0.2.220 |\n\n## Lessons Learned\n\n- Watch the targets\n"
	inc, err := transcript.ReadPostmortem("PM2020-099 - Ingress returned 503.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{"Ingress returned 503", "All services behind the ingress returned 503.",
		"Alert fired for 503 on the ALB", "Detected on an unknown day", "Target groups reattached",
		"Fixed in release 0.2.220"}, "\n")
	if got := earlyText(inc); got != want {
		t.Errorf("postmortem early query:\n%s\nwant:\n%s", got, want)
	}

	// A timeline written as a list has no table to take a time cell from: its items
	// are the events and stay whole, notes among them.
	list := &copilot.Incident{Title: "t", Messages: []copilot.Message{
		{Kind: copilot.KindSection, UserName: "Timeline", Text: "All times in UTC."},
		{Kind: copilot.KindSection, UserName: "Timeline", Text: "10:02 alert fired"},
	}}
	if got := earlyText(list); got != "t\nAll times in UTC.\n10:02 alert fired" {
		t.Errorf("list timeline early query = %q", got)
	}
	// Chat messages are kept as written, a leading time and a pipe included.
	chat := &copilot.Incident{Title: "t", Messages: []copilot.Message{{Text: "14:02 | deploy done"}, {Text: "All times in UTC."}}}
	if got := earlyText(chat); got != "t\n14:02 | deploy done\nAll times in UTC." {
		t.Errorf("chat early query = %q", got)
	}
	// A table whose first column is no time keeps it.
	named := &copilot.Incident{Title: "t", Messages: []copilot.Message{{Kind: copilot.KindSection, UserName: "Timeline", Text: "Detection | alert at 10:02"}}}
	if got := earlyText(named); got != "t\nDetection | alert at 10:02" {
		t.Errorf("table without a time column, early query = %q", got)
	}
}

func TestIsStamp(t *testing.T) {
	for cell, want := range map[string]bool{
		"2020-02-03 11:21": true, "2022-05-?? HH:mm": true, "09:00 - 11:00": true, "20202-01-16 12:00": true,
		"2021-12-10": true, "Detection": false, "Mon 10:00": false, "HH:mm": false, "v2 rollout": false,
	} {
		if got := isStamp(cell); got != want {
			t.Errorf("isStamp(%q) = %v, want %v", cell, got, want)
		}
	}
}
