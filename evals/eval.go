package evals

import (
	"context"
	"path/filepath"

	"incidentcopilot/copilot"
)

// Evaluate measures the engine's follow-ups and summaries on the corpus and returns
// the report, gates not yet checked. Similarity search is measured separately (it
// needs a retriever, not an engine) and its metrics are added with Report.Add.
func Evaluate(ctx context.Context, engine copilot.Engine, c *Corpus) (*Report, error) {
	info := engine.Info()
	r := &Report{Engine: info.Name, PromptVersion: info.Version, Corpus: filepath.Base(c.Dir), Incidents: len(c.Incidents)}
	fu, err := FollowUpMetrics(ctx, engine, c)
	if err != nil {
		return nil, err
	}
	r.Add(fu.Metrics()...)
	sum, err := SummaryMetrics(ctx, engine, c)
	if err != nil {
		return nil, err
	}
	r.Add(sum.Metrics()...)
	return r, nil
}
