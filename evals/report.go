package evals

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"text/tabwriter"
)

// Metric is one measured number of a run.
type Metric struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Detail string  `json:"detail,omitempty"`
}

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
}

// Add appends metrics; a metric of the same name replaces the earlier one.
func (r *Report) Add(ms ...Metric) {
	for _, m := range ms {
		replaced := false
		for i := range r.Metrics {
			if r.Metrics[i].Name == m.Name {
				r.Metrics[i], replaced = m, true
			}
		}
		if !replaced {
			r.Metrics = append(r.Metrics, m)
		}
	}
}

// Value returns the value of the named metric.
func (r *Report) Value(name string) (float64, bool) {
	for _, m := range r.Metrics {
		if m.Name == name {
			return m.Value, true
		}
	}
	return 0, false
}

// Gate is the minimum a metric must reach for its capability to run unattended.
type Gate struct {
	Metric string  `json:"metric"`
	Min    float64 `json:"min"`
}

// gateTolerance absorbs float rounding: 0.1+0.7 must pass a 0.8 gate.
const gateTolerance = 1e-9

// Passes reports whether the report holds the metric at or above Min. A metric the
// report does not hold fails: a capability that was not measured may not run.
func (g Gate) Passes(r *Report) bool {
	v, ok := r.Value(g.Metric)
	return ok && !math.IsNaN(v) && v >= g.Min-gateTolerance
}

// GateResult is a gate checked against a report.
type GateResult struct {
	Gate
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
		v, ok := r.Value(g.Metric)
		pass := g.Passes(r)
		all = all && pass
		r.Gates = append(r.Gates, GateResult{Gate: g, Value: v, Measured: ok, Pass: pass})
	}
	return all
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
	fmt.Fprintln(tw, "METRIC\tVALUE\tDETAIL")
	for _, m := range r.Metrics {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", m.Name, formatValue(m.Value), m.Detail)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	if len(r.Gates) > 0 {
		b.WriteString("\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "GATE\tMIN\tVALUE\tRESULT")
		for _, g := range r.Gates {
			val, res := formatValue(g.Value), "pass"
			if !g.Measured {
				val = "-"
			}
			if !g.Pass {
				res = "FAIL"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", g.Metric, formatValue(g.Min), val, res)
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
