package evals

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// WriteFiles writes report.json, report.md and report.html into dir, creating it.
func (r *Report) WriteFiles(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("report folder: %w", err)
	}
	js, err := r.JSON()
	if err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		b    []byte
	}{{"report.json", js}, {"report.md", []byte(r.Markdown())}, {"report.html", []byte(r.HTML())}} {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.b, 0o644); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	return nil
}

// worstPerCapability is how many misses the reports list per capability.
const worstPerCapability = 8

// worst returns the first misses of each capability (Run sorts them worst first).
func (r *Report) worst() []Miss {
	var out []Miss
	n := map[string]int{}
	for _, m := range r.Misses {
		if n[m.Capability] < worstPerCapability {
			out = append(out, m)
			n[m.Capability]++
		}
	}
	return out
}

// comparison pairs a metric with its value in the previous stored run.
type comparison struct {
	Metric
	Before float64
}

func (r *Report) comparisons() []comparison {
	var out []comparison
	for _, m := range r.Sorted() {
		if isReference(m.Engine) || m.Dataset != "" || m.Name == MetricDatasetSize || !isRatio(m.Name) {
			continue
		}
		if v, ok := lookup(r.Previous, m.Name, m.Split, m.Engine); ok {
			out = append(out, comparison{m, v})
		}
	}
	return out
}

// isRatio reports whether a metric lies in [0, 1] (the charts draw those).
func isRatio(name string) bool {
	return name != MetricSummaryWords && name != MetricDatasetSize
}

// Markdown renders the report for a pull request or a wiki page.
func (r *Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Eval report: engine %s\n\n", r.Engine)
	fmt.Fprintf(&b, "Datasets %s (hash %s): %s labelled incidents. Gates: %s.\n\n", strings.Join(r.Datasets, ", "), r.DatasetHash, splitCounts(r.Splits), orDash(r.GatesFile))
	if len(r.Gates) > 0 {
		failed := r.Failed()
		fmt.Fprintf(&b, "## Gates: %d of %d pass\n\n| capability | gate | threshold | value | result |\n|---|---|---|---|---|\n", len(r.Gates)-len(failed), len(r.Gates))
		for _, g := range r.Gates {
			res := "pass"
			if !g.Pass {
				res = "**FAIL**"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", g.Capability, g.Name(), thresholdText(g), valueText(g), res)
		}
		b.WriteString("\n")
	}
	b.WriteString("## Metrics\n\n| metric | split | engine | value | detail |\n|---|---|---|---|---|\n")
	for _, m := range r.Sorted() {
		if inSimilarTable(m) {
			continue
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", m.Name, m.Split, m.Engine, formatValue(m.Value), mdEscape(m.Detail))
	}
	if rows := r.SimilarTable(); len(rows) > 0 {
		b.WriteString("\n## Similar incidents by dataset, split and mode\n\nMRR / hit@3 (known: share of quotes found first).\n\n")
		for i, row := range rows {
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
			if i == 0 {
				b.WriteString(strings.Repeat("|---", len(row)) + "|\n")
			}
		}
	}
	if len(r.Capabilities) > 0 {
		b.WriteString("\n## Answers and latency\n\n| capability | items | answered by | p50 ms | p95 ms |\n|---|---|---|---|---|\n")
		for _, c := range r.Capabilities {
			fmt.Fprintf(&b, "| %s | %d | %s | %.1f | %.1f |\n", c.Name, c.Items, countsText(c.Engines, c.Fallbacks), c.P50ms, c.P95ms)
		}
	}
	if cs := r.comparisons(); len(cs) > 0 {
		b.WriteString("\n## Against the previous run\n\n| metric | split | before | now | change |\n|---|---|---|---|---|\n")
		for _, c := range cs {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %+.3f |\n", c.Name, c.Split, formatValue(c.Before), formatValue(c.Value), c.Value-c.Before)
		}
	}
	if w := r.worst(); len(w) > 0 {
		b.WriteString("\n## Worst misses\n\n| capability | split | incident | what |\n|---|---|---|---|\n")
		for _, m := range w {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", m.Capability, m.Split, m.IncidentID, mdEscape(m.Detail))
		}
	}
	return b.String()
}

func thresholdText(g GateResult) string {
	if g.Baseline != "" {
		return fmt.Sprintf("≥ %s (%s)", formatValue(g.Want), g.Baseline)
	}
	return "≥ " + formatValue(g.Min)
}

func valueText(g GateResult) string {
	if !g.Measured {
		return "not measured"
	}
	return formatValue(g.Value)
}

func splitCounts(s map[string]int) string {
	var parts []string
	for sp, n := range s {
		parts = append(parts, fmt.Sprintf("%s %d", sp, n))
	}
	sort.Strings(parts)
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// nan marks a missing value in a chart.
var nan = math.NaN()
