package evals

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
)

// Metric is one measured number of a run.
type Metric struct {
	Name string `json:"name"`
	// Dataset names the one dataset the metric was measured on; empty when it is
	// pooled over every dataset of the run (the figure gates read).
	Dataset string `json:"dataset,omitempty"`
	// Split is the labels' split the metric was measured on ("dev", "test"); empty
	// for a run that did not separate them.
	Split string `json:"split,omitempty"`
	// Engine is what produced the measured answers: the engine that answered (see
	// CapabilityRun for the count per engine), "hybrid" for the store's search, or a
	// baseline (BaselineBM25, BaselineTFIDF).
	Engine string  `json:"engine,omitempty"`
	Value  float64 `json:"value"`
	Detail string  `json:"detail,omitempty"`
}

// Capability is the capability a metric belongs to: the part of its name before
// the first dot ("similar.mrr" → "similar").
func (m Metric) Capability() string {
	name, _, _ := strings.Cut(m.Name, ".")
	return name
}

// isBaseline reports whether engine names a baseline rather than the system.
func isBaseline(engine string) bool { return engine == BaselineBM25 || engine == BaselineTFIDF }

// Report is the outcome of one eval run: the metrics of every capability measured
// and, once checked, the gates.
type Report struct {
	// Engine is the engine that drafted the answers ("local" when an LLM engine fell
	// back on every call), PromptVersion the versions the answers name.
	Engine        string `json:"engine"`
	PromptVersion string `json:"prompt_version,omitempty"`
	// Configured names the engine that was asked when some or all of its answers
	// came from its fallback; Fallbacks counts those answers by reason.
	Configured string         `json:"configured_engine,omitempty"`
	Answers    int            `json:"answers,omitempty"`
	Fallbacks  map[string]int `json:"fallbacks,omitempty"`
	Corpus     string         `json:"corpus"`
	Incidents  int            `json:"incidents"`
	Metrics    []Metric       `json:"metrics"`
	Gates      []GateResult   `json:"gates,omitempty"`

	// The rest is filled in by Run.

	// Datasets are the folders read; DatasetHash identifies their labels and
	// transcripts; Splits counts labelled incidents per split.
	Datasets    []string       `json:"datasets,omitempty"`
	DatasetHash string         `json:"dataset_hash,omitempty"`
	Splits      map[string]int `json:"splits,omitempty"`
	// GatesFile names the thresholds Gates were checked against.
	GatesFile string `json:"gates_file,omitempty"`
	// Capabilities say, per capability, who answered and how fast.
	Capabilities []CapabilityRun `json:"capabilities,omitempty"`
	// Families break similar-incident results down by failure family.
	Families []FamilyScore `json:"families,omitempty"`
	// Misses are the worst items of the run, for a person to read first.
	Misses []Miss `json:"misses,omitempty"`
	// Previous holds the metrics of the previous stored run of each capability, for
	// comparison; PreviousRuns says when those runs were.
	Previous     []Metric          `json:"previous,omitempty"`
	PreviousRuns map[string]string `json:"previous_runs,omitempty"`
}

// CapabilityRun is one capability's answers in a run: the engines that actually
// answered (an LLM engine that fell back is counted as the local engine), the
// fallback reasons, and latency (reported, never gated).
type CapabilityRun struct {
	Name      string         `json:"name"`
	Items     int            `json:"items"`
	Engine    string         `json:"engine"`
	Engines   map[string]int `json:"engines,omitempty"`
	Fallbacks map[string]int `json:"fallbacks,omitempty"`
	P50ms     float64        `json:"latency_p50_ms"`
	P95ms     float64        `json:"latency_p95_ms"`
}

// FamilyScore is similar-incident search on one failure family of one split.
type FamilyScore struct {
	Split   string  `json:"split"`
	Family  string  `json:"family"`
	Queries int     `json:"queries"`
	HitAt3  float64 `json:"hit_at_3"`
	BM25    float64 `json:"bm25_hit_at_3"`
	MRR     float64 `json:"mrr"`
}

// Miss is one item a capability got most wrong.
type Miss struct {
	Capability string  `json:"capability"`
	Split      string  `json:"split"`
	IncidentID string  `json:"incident_id"`
	Score      float64 `json:"score"`
	Detail     string  `json:"detail"`
}

// Add appends metrics; a metric of the same name, dataset, split and engine
// replaces the earlier one.
func (r *Report) Add(ms ...Metric) {
	for _, m := range ms {
		replaced := false
		for i := range r.Metrics {
			if o := r.Metrics[i]; o.Name == m.Name && o.Dataset == m.Dataset && o.Split == m.Split && o.Engine == m.Engine {
				r.Metrics[i], replaced = m, true
			}
		}
		if !replaced {
			r.Metrics = append(r.Metrics, m)
		}
	}
}

// Value returns the value of the named metric of the system (not a baseline) on no
// particular split.
func (r *Report) Value(name string) (float64, bool) { return r.Lookup(name, "", "") }

// Lookup returns the value of a metric on a split, pooled over the datasets,
// produced by engine; an empty engine means the system, whichever engine answered,
// and never a baseline or an ablation.
func (r *Report) Lookup(name, split, engine string) (float64, bool) {
	return lookup(r.Metrics, name, split, engine)
}

func lookup(ms []Metric, name, split, engine string) (float64, bool) {
	for _, m := range ms {
		if m.Name != name || m.Split != split || m.Dataset != "" {
			continue
		}
		if (engine == "" && !isReference(m.Engine)) || (engine != "" && m.Engine == engine) {
			return m.Value, true
		}
	}
	return 0, false
}

// Gate is the minimum a metric must reach for its capability to run unattended:
// a fixed Min, or the same metric of a baseline in the same run.
type Gate struct {
	Metric string  `json:"metric"`
	Min    float64 `json:"min"`
	// Baseline, when set, makes the threshold that baseline's value of the metric.
	Baseline string `json:"baseline,omitempty"`
	// Split is the split the metric is read on; Capability the capability the gate
	// opens (both filled in from the gates file).
	Split      string `json:"split,omitempty"`
	Capability string `json:"capability,omitempty"`
}

// Threshold is the value the metric must reach in r, and whether it is known (a
// baseline that was not measured leaves it unknown, and the gate fails).
func (g Gate) Threshold(r *Report) (float64, bool) {
	if g.Baseline == "" {
		return g.Min, true
	}
	return r.Lookup(g.Metric, g.Split, g.Baseline)
}

// Name is how a report names the gate: "test/similar.mrr >= bm25".
func (g Gate) Name() string {
	n := g.Metric
	if g.Split != "" {
		n = g.Split + "/" + n
	}
	return n
}

// gateTolerance absorbs float rounding: 0.1+0.7 must pass a 0.8 gate.
const gateTolerance = 1e-9

// Passes reports whether the report holds the metric at or above Min. A metric the
// report does not hold fails: a capability that was not measured may not run.
func (g Gate) Passes(r *Report) bool {
	v, ok := r.Lookup(g.Metric, g.Split, "")
	min, known := g.Threshold(r)
	return ok && known && !math.IsNaN(v) && v >= min-gateTolerance
}

// GateResult is a gate checked against a report.
type GateResult struct {
	Gate
	// Want is the threshold in effect (Min, or the baseline's value).
	Want     float64 `json:"want,omitempty"`
	Value    float64 `json:"value"`
	Measured bool    `json:"measured"`
	Pass     bool    `json:"pass"`
}

// DefaultGates are the bars a capability must clear: follow-ups may be posted
// unprompted only when most of what they say is right and they miss little; a
// summary may never cite a message that does not exist.
func DefaultGates() []Gate {
	return []Gate{
		{Metric: MetricFollowUpPrecision, Min: 0.8},
		{Metric: MetricFollowUpRecall, Min: 0.7},
		{Metric: MetricSummaryCitationValidity, Min: 1.0},
	}
}

// Check evaluates gates against the report, stores the results in it and reports
// whether all passed.
func (r *Report) Check(gates []Gate) bool {
	r.Gates = r.Gates[:0]
	all := true
	for _, g := range gates {
		v, ok := r.Lookup(g.Metric, g.Split, "")
		pass := g.Passes(r)
		all = all && pass
		gr := GateResult{Gate: g, Value: v, Measured: ok, Pass: pass}
		if g.Baseline != "" {
			gr.Want, _ = g.Threshold(r)
		}
		r.Gates = append(r.Gates, gr)
	}
	return all
}

// Failed lists the gates that did not pass, as "test/similar.mrr 0.612 < 0.700".
func (r *Report) Failed() []string {
	var out []string
	for _, g := range r.Gates {
		if g.Pass {
			continue
		}
		want := g.Min
		if g.Baseline != "" {
			want = g.Want
		}
		if !g.Measured {
			out = append(out, g.Name()+" not measured")
			continue
		}
		s := fmt.Sprintf("%s %s < %s", g.Name(), formatValue(g.Value), formatValue(want))
		if g.Baseline != "" {
			s += " (" + g.Baseline + ")"
		}
		out = append(out, s)
	}
	return out
}

// CapabilityPassed reports whether every gate of the capability passed; a
// capability without gates has not passed.
func (r *Report) CapabilityPassed(capability string) bool {
	n := 0
	for _, g := range r.Gates {
		if g.Capability != capability {
			continue
		}
		n++
		if !g.Pass {
			return false
		}
	}
	return n > 0
}

// JSON renders the report as indented JSON.
func (r *Report) JSON() ([]byte, error) {
	rr := *r
	if rr.Metrics == nil {
		rr.Metrics = []Metric{}
	}
	b, err := json.MarshalIndent(&rr, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode report: %w", err)
	}
	return append(b, '\n'), nil
}

// WriteText renders the report as an aligned table for a terminal.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	engine := r.Engine
	if r.PromptVersion != "" {
		engine += " (" + r.PromptVersion + ")"
	}
	fmt.Fprintf(&b, "eval of engine %s on %s: %d incidents\n", engine, r.Corpus, r.Incidents)
	if r.Configured != "" {
		n := 0
		reasons := make([]string, 0, len(r.Fallbacks))
		for reason, k := range r.Fallbacks {
			n += k
			reasons = append(reasons, fmt.Sprintf("%s %d", reason, k))
		}
		sort.Strings(reasons)
		fmt.Fprintf(&b, "configured engine %s: %d of %d answers fell back (%s)\n", r.Configured, n, r.Answers, strings.Join(reasons, ", "))
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	split := false
	for _, m := range r.Metrics {
		split = split || m.Split != "" || m.Engine != ""
	}
	if split {
		fmt.Fprintln(tw, "METRIC\tSPLIT\tENGINE\tVALUE\tDETAIL")
		for _, m := range r.Sorted() {
			if inSimilarTable(m) {
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", m.Name, m.Split, m.Engine, formatValue(m.Value), m.Detail)
		}
	} else {
		fmt.Fprintln(tw, "METRIC\tVALUE\tDETAIL")
		for _, m := range r.Metrics {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", m.Name, formatValue(m.Value), m.Detail)
		}
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	if rows := r.SimilarTable(); len(rows) > 0 {
		b.WriteString("\nSimilar incidents, MRR / hit@3 per mode (known: share of quotes found first):\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, row := range rows {
			fmt.Fprintln(tw, strings.Join(row, "\t"))
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("render report: %w", err)
		}
	}
	if len(r.Capabilities) > 0 {
		b.WriteString("\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "CAPABILITY\tITEMS\tANSWERED BY\tP50 MS\tP95 MS")
		for _, c := range r.Capabilities {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%.1f\t%.1f\n", c.Name, c.Items, countsText(c.Engines, c.Fallbacks), c.P50ms, c.P95ms)
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("render report: %w", err)
		}
	}
	if len(r.Gates) > 0 {
		b.WriteString("\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "GATE\tMIN\tVALUE\tRESULT")
		for _, g := range r.Gates {
			val, res, min := formatValue(g.Value), "pass", formatValue(g.Min)
			if !g.Measured {
				val = "-"
			}
			if !g.Pass {
				res = "FAIL"
			}
			if g.Baseline != "" {
				min = formatValue(g.Want) + " (" + g.Baseline + ")"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", g.Name(), min, val, res)
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("render report: %w", err)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Text is WriteText into a string.
func (r *Report) Text() string {
	var b strings.Builder
	_ = r.WriteText(&b) // a strings.Builder does not fail
	return b.String()
}

func formatValue(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e6 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.3f", v)
}

// CapabilityMetrics lists the metrics of one capability (baselines included) and
// the dataset sizes its gates read.
func (r *Report) CapabilityMetrics(capability string) []Metric {
	var out []Metric
	for _, m := range r.Metrics {
		if m.Capability() == capability || m.Name == MetricDatasetSize {
			out = append(out, m)
		}
	}
	return out
}

// inSimilarTable reports whether a metric is shown in SimilarTable only: a figure
// of one dataset, or of an ablation.
func inSimilarTable(m Metric) bool { return m.Dataset != "" || isAblation(m.Engine) }

// Sorted lists the metrics by capability, dataset (pooled first), split, name and
// engine (the system first, then the ablations and baselines).
func (r *Report) Sorted() []Metric {
	ms := slices.Clone(r.Metrics)
	engineRank := func(e string) int {
		for i, x := range SearchEngines {
			if x == e {
				return i
			}
		}
		return 0
	}
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if ca, cb := capOrder(a.Capability()), capOrder(b.Capability()); ca != cb {
			return ca < cb
		}
		if a.Dataset != b.Dataset {
			return a.Dataset < b.Dataset
		}
		if a.Split != b.Split {
			return a.Split < b.Split
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return engineRank(a.Engine) < engineRank(b.Engine)
	})
	return ms
}

// countsText renders engine counts and fallback reasons: "local 82 (fell back: timeout 3)".
func countsText(engines, fallbacks map[string]int) string {
	var parts []string
	for e, n := range engines {
		parts = append(parts, fmt.Sprintf("%s %d", e, n))
	}
	sort.Strings(parts)
	s := strings.Join(parts, ", ")
	if len(fallbacks) > 0 {
		var fb []string
		for f, n := range fallbacks {
			fb = append(fb, fmt.Sprintf("%s %d", f, n))
		}
		sort.Strings(fb)
		s += " (fell back: " + strings.Join(fb, ", ") + ")"
	}
	return s
}
