package evals

import (
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// The HTML report is one file with no network: styles inline, charts drawn here as
// SVG, no scripts. It opens the same from a CI artifact, a laptop or an email.

// Series colours: the system, then the baselines or the earlier value; the
// splits: dev pale, test (the gated one) strong.
var (
	palette      = []string{"#2563eb", "#9ca3af", "#f59e0b", "#10b981"}
	splitPalette = []string{"#93c5fd", "#1d4ed8"}
	beforeNow    = []string{"#d1d5db", "#2563eb"}
)

// barRow is one labelled group of bars; NaN values are drawn as "n/a".
type barRow struct {
	Label  string
	Values []float64
	// Mark is a threshold drawn as a red tick across the row (NaN: none).
	Mark float64
}

// barChart draws grouped horizontal bars on a 0..1 scale.
func barChart(title string, series, colors []string, rows []barRow) string {
	const (
		width, labelW, valueW = 960, 300, 60
		barH, gap, top        = 13, 10, 44
	)
	plotW := float64(width - labelW - valueW)
	rowH := barH*len(series) + gap
	height := top + rowH*len(rows) + 24
	var b strings.Builder
	fmt.Fprintf(&b, `<figure><figcaption>%s</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="%s" width="%d" height="%d" viewBox="0 0 %d %d">`,
		html.EscapeString(title), html.EscapeString(title), width, height, width, height)
	// legend
	x := labelW
	for i, s := range series {
		fmt.Fprintf(&b, `<rect x="%d" y="8" width="12" height="12" fill="%s"/><text x="%d" y="18" class="legend">%s</text>`, x, colors[i%len(colors)], x+16, html.EscapeString(s))
		x += 24 + 8*len(s) + 16
	}
	if hasMark(rows) {
		fmt.Fprintf(&b, `<line x1="%d" y1="8" x2="%d" y2="20" stroke="#dc2626" stroke-width="2"/><text x="%d" y="18" class="legend">threshold</text>`, x+4, x+4, x+10)
	}
	// grid
	for _, t := range []float64{0, 0.25, 0.5, 0.75, 1} {
		gx := float64(labelW) + t*plotW
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#e5e7eb"/><text x="%.1f" y="%d" class="axis" text-anchor="middle">%.2g</text>`,
			gx, top-6, gx, height-20, gx, height-6, t)
	}
	for i, row := range rows {
		y0 := top + i*rowH
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="label" text-anchor="end">%s</text>`, labelW-8, y0+rowH/2, html.EscapeString(clip(row.Label, 44)))
		for j, v := range row.Values {
			y := y0 + j*barH
			if math.IsNaN(v) {
				fmt.Fprintf(&b, `<text x="%d" y="%d" class="value">n/a</text>`, labelW+4, y+barH-3)
				continue
			}
			w := math.Max(0, math.Min(1, v)) * plotW
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"><title>%s %s: %.3f</title></rect><text x="%.1f" y="%d" class="value">%.3f</text>`,
				labelW, y, w, barH-2, colors[j%len(colors)], html.EscapeString(row.Label), html.EscapeString(series[j]), v, float64(labelW)+w+4, y+barH-3, v)
		}
		if !math.IsNaN(row.Mark) {
			mx := float64(labelW) + math.Min(1, row.Mark)*plotW
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#dc2626" stroke-width="2"><title>threshold %.3f</title></line>`, mx, y0-2, mx, y0+barH*len(series), row.Mark)
		}
	}
	b.WriteString("</svg></figure>\n")
	return b.String()
}

func hasMark(rows []barRow) bool {
	for _, r := range rows {
		if !math.IsNaN(r.Mark) {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// threshold is the gate on a metric and split, NaN when none.
func (r *Report) threshold(name, split string) float64 {
	for _, g := range r.Gates {
		if g.Metric == name && g.Split == split {
			if g.Baseline != "" {
				return g.Want
			}
			return g.Min
		}
	}
	return nan
}

// HTML renders the report as one self-contained page.
func (r *Report) HTML() string {
	var b strings.Builder
	esc := html.EscapeString
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Eval report</title><style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1000px;color:#111827;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:3px 8px;border-bottom:1px solid #f3f4f6;vertical-align:top}
th{background:#f9fafb;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#047857;font-weight:600}.fail{color:#b91c1c;font-weight:600}.muted{color:#6b7280}
figure{margin:8px 0 18px}figcaption{font-weight:600;margin-bottom:2px}
svg text{font:12px system-ui,sans-serif;fill:#374151}svg text.axis{fill:#9ca3af;font-size:11px}svg text.value{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px}
</style></head><body>
`)
	failed := r.Failed()
	fmt.Fprintf(&b, "<h1>Eval report: engine %s</h1>\n", esc(r.Engine))
	fmt.Fprintf(&b, `<p class="muted">Datasets %s · hash %s · labelled incidents: %s · gates: %s</p>`+"\n",
		esc(strings.Join(r.Datasets, ", ")), esc(r.DatasetHash), esc(splitCounts(r.Splits)), esc(orDash(r.GatesFile)))
	if len(r.Gates) > 0 {
		cls := "pass"
		if len(failed) > 0 {
			cls = "fail"
		}
		fmt.Fprintf(&b, `<p class="%s">%d of %d gates pass.</p>`+"\n", cls, len(r.Gates)-len(failed), len(r.Gates))
		b.WriteString("<h2>Gates</h2><table><tr><th>capability</th><th>gate</th><th>threshold</th><th>value</th><th>result</th></tr>\n")
		for _, g := range r.Gates {
			res := `<span class="pass">pass</span>`
			if !g.Pass {
				res = `<span class="fail">FAIL</span>`
			}
			fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td>%s</td><td class=\"num\">%s</td><td>%s</td></tr>\n", esc(g.Capability), esc(g.Name()), esc(thresholdText(g)), esc(valueText(g)), res)
		}
		b.WriteString("</table>\n")
	}

	b.WriteString("<h2>Per capability</h2>\n")
	splits := r.splitNames()
	for _, capName := range copilot.Capabilities {
		var rows []barRow
		seen := map[string]bool{}
		for _, m := range r.Sorted() {
			if m.Capability() != capName || isReference(m.Engine) || m.Dataset != "" || !isRatio(m.Name) || seen[m.Name] {
				continue
			}
			seen[m.Name] = true
			row := barRow{Label: m.Name, Mark: nan}
			for _, sp := range splits {
				v, ok := r.Lookup(m.Name, sp, "")
				if !ok {
					v = nan
				}
				row.Values = append(row.Values, v)
				if t := r.threshold(m.Name, sp); !math.IsNaN(t) && sp == SplitTest {
					row.Mark = t
				}
			}
			rows = append(rows, row)
		}
		if len(rows) > 0 {
			b.WriteString(barChart(capName+" (dev and test; red: the test split's threshold)", splits, splitPalette[2-len(splits):], rows))
		}
	}

	b.WriteString("<h2>Similar incidents against the baselines</h2>\n")
	for _, sp := range splits {
		var rows []barRow
		for _, name := range []string{MetricSimilarHit1, MetricSimilarHit3, MetricSimilarMRR, MetricSimilarNDCG5} {
			row := barRow{Label: name, Mark: nan}
			any := false
			for _, sys := range []string{EngineHybrid, BaselineBM25, BaselineTFIDF} {
				v, ok := r.Lookup(name, sp, sys)
				if !ok {
					v = nan
				}
				any = any || ok
				row.Values = append(row.Values, v)
			}
			if any {
				rows = append(rows, row)
			}
		}
		if len(rows) > 0 {
			b.WriteString(barChart(sp+" split", []string{"copilot search", "BM25", "TF-IDF"}, palette, rows))
		}
	}

	if len(r.Families) > 0 {
		b.WriteString("<h2>Similar incidents per failure family (hit@3)</h2>\n")
		for _, sp := range splits {
			var rows []barRow
			for _, f := range r.Families {
				if f.Split == sp {
					rows = append(rows, barRow{Label: fmt.Sprintf("%s (%d)", f.Family, f.Queries), Values: []float64{f.HitAt3, f.BM25}, Mark: nan})
				}
			}
			if len(rows) > 0 {
				b.WriteString(barChart(sp+" split", []string{"copilot search", "BM25"}, palette, rows))
			}
		}
	}

	b.WriteString("<h2>Against the previous run</h2>\n")
	if cs := r.comparisons(); len(cs) > 0 {
		var rows []barRow
		for _, c := range cs {
			rows = append(rows, barRow{Label: c.Split + "/" + c.Name, Values: []float64{c.Before, c.Value}, Mark: nan})
		}
		var runs []string
		for _, capName := range copilot.Capabilities {
			if at, ok := r.PreviousRuns[capName]; ok {
				runs = append(runs, capName+": "+at)
			}
		}
		fmt.Fprintf(&b, `<p class="muted">Previous runs: %s</p>`, esc(strings.Join(runs, "; ")))
		b.WriteString(barChart("previous run and this run", []string{"previous", "now"}, beforeNow, rows))
	} else {
		b.WriteString(`<p class="muted">No previous run recorded (run with --record to keep one).</p>`)
	}

	if len(r.Capabilities) > 0 {
		b.WriteString("<h2>Answers and latency</h2><table><tr><th>capability</th><th>items</th><th>answered by</th><th>p50 ms</th><th>p95 ms</th></tr>\n")
		for _, c := range r.Capabilities {
			fmt.Fprintf(&b, "<tr><td>%s</td><td class=\"num\">%d</td><td>%s</td><td class=\"num\">%.1f</td><td class=\"num\">%.1f</td></tr>\n", esc(c.Name), c.Items, esc(countsText(c.Engines, c.Fallbacks)), c.P50ms, c.P95ms)
		}
		b.WriteString("</table>\n")
	}

	if w := r.worst(); len(w) > 0 {
		b.WriteString("<h2>Worst misses</h2><table><tr><th>capability</th><th>split</th><th>incident</th><th>what</th></tr>\n")
		for _, m := range w {
			fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td><code>%s</code></td><td>%s</td></tr>\n", esc(m.Capability), esc(m.Split), esc(m.IncidentID), esc(m.Detail))
		}
		b.WriteString("</table>\n")
	}

	if rows := r.SimilarTable(); len(rows) > 0 {
		b.WriteString("<h2>Similar incidents by dataset, split and mode</h2><p>MRR / hit@3 (known: share of quotes found first).</p><table>\n")
		for i, row := range rows {
			cell := "td"
			if i == 0 {
				cell = "th"
			}
			b.WriteString("<tr>")
			for _, c := range row {
				fmt.Fprintf(&b, "<%s>%s</%s>", cell, esc(c), cell)
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</table>\n")
	}
	b.WriteString("<h2>All metrics</h2><table><tr><th>metric</th><th>dataset</th><th>split</th><th>engine</th><th>value</th><th>detail</th></tr>\n")
	for _, m := range r.Sorted() {
		fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"num\">%s</td><td>%s</td></tr>\n", esc(m.Name), esc(orDash(m.Dataset)), esc(m.Split), esc(m.Engine), formatValue(m.Value), esc(m.Detail))
	}
	b.WriteString("</table>\n</body></html>\n")
	return b.String()
}

// splitNames lists the splits the report holds, dev first.
func (r *Report) splitNames() []string {
	var out []string
	for _, sp := range []string{SplitDev, SplitTest} {
		if r.Splits[sp] > 0 {
			out = append(out, sp)
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}
