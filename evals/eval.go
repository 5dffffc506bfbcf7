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
	r := &Report{Engine: engineName(engine), Corpus: filepath.Base(c.Dir), Incidents: len(c.Incidents)}
	if l, ok := engine.(*copilot.LocalEngine); ok && l != nil {
		r.PromptVersion = copilot.LocalPromptVersion
	}
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

func engineName(e copilot.Engine) string {
	if _, ok := e.(*copilot.LocalEngine); ok {
		return copilot.EngineLocal
	}
	return copilot.EngineLLM
}
