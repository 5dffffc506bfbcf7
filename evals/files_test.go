package evals

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// externalRef matches a src or href that would fetch something over the network.
var externalRef = regexp.MustCompile(`(?i)\b(src|href)\s*=\s*["']?\s*(https?:)?//`)

// TestReportFilesSelfContained: the HTML report draws its charts inline and loads
// nothing: no scripts, no stylesheets or images from anywhere, no URLs to fetch.
func TestReportFilesSelfContained(t *testing.T) {
	c := loadMini(t)
	r, err := Run(context.Background(), []*Corpus{c}, RunOptions{Engine: fakeEngine{}, Search: searchAll{c.All}})
	if err != nil {
		t.Fatal(err)
	}
	r.Previous = []Metric{{Name: MetricSimilarKnownItem, Split: SplitDev, Engine: EngineHybrid, Value: 0.25}}
	r.Families = append(r.Families, FamilyScore{Split: SplitDev, Family: "dns <&> caching", Queries: 2, HitAt3: 0.5})
	r.Check(TargetGates().Gates())
	dir := t.TempDir()
	if err := r.WriteFiles(dir); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	if m := externalRef.FindString(page); m != "" {
		t.Errorf("report.html refers outside itself: %q", m)
	}
	for _, banned := range []string{"<script", "<link", "<img", "<iframe", "@import", "url("} {
		if strings.Contains(strings.ToLower(page), banned) {
			t.Errorf("report.html holds %q", banned)
		}
	}
	for _, want := range []string{"<svg", "Gates", "against the baselines", "per failure family", "Against the previous run", "Worst misses", "INC-", "dns &lt;&amp;&gt; caching"} {
		if !strings.Contains(page, want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "| similar.known_item | dev | hybrid |") {
		t.Errorf("report.md lacks the similar metrics:\n%s", md)
	}
}
