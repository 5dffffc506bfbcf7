package evals

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Evaluate measures the engine's follow-ups and summaries on the corpus and returns
// the report, gates not yet checked. Similarity search is measured separately (it
// needs a retriever, not an engine) and its metrics are added with Report.Add.
//
// The report names the engine that drafted the answers, as the answers say, not the
// one configured: an LLM engine whose every call fell back measured the local engine,
// and its report says "local" with the fallback reasons counted.
func Evaluate(ctx context.Context, engine copilot.Engine, c *Corpus) (*Report, error) {
	rec := &recorder{Engine: engine}
	fu, err := FollowUpMetrics(ctx, rec, c)
	if err != nil {
		return nil, err
	}
	sum, err := SummaryMetrics(ctx, rec, c)
	if err != nil {
		return nil, err
	}
	r := &Report{Corpus: filepath.Base(c.Dir), Incidents: len(c.Incidents)}
	rec.describe(r)
	r.Add(fu.Metrics()...)
	r.Add(sum.Metrics()...)
	return r, nil
}

// recorder passes calls through to an engine and notes who drafted each answer.
type recorder struct {
	copilot.Engine

	mu        sync.Mutex
	answers   int
	engines   map[string]int
	versions  []string
	fallbacks map[string]int
	caps      map[string]*capStats
	tick      func()
}

func (r *recorder) note(engine, version, fallback string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.engines == nil {
		r.engines, r.fallbacks = map[string]int{}, map[string]int{}
	}
	r.answers++
	r.engines[engine]++
	if version != "" && !slices.Contains(r.versions, version) {
		r.versions = append(r.versions, version)
	}
	if fallback != "" {
		r.fallbacks[fallback]++
	}
}

func (r *recorder) Summarize(ctx context.Context, inc *copilot.Incident) (*copilot.SummaryAnswer, error) {
	a, err := r.Engine.Summarize(ctx, inc)
	if err == nil {
		r.note(a.Engine, a.PromptVersion, a.Fallback)
	}
	return a, err
}

func (r *recorder) FollowUps(ctx context.Context, inc *copilot.Incident) (*copilot.FollowUpsAnswer, error) {
	a, err := r.Engine.FollowUps(ctx, inc)
	if err == nil {
		r.note(a.Engine, a.PromptVersion, a.Fallback)
	}
	return a, err
}

func (r *recorder) Runbook(ctx context.Context, inc *copilot.Incident, similar []*copilot.Incident, runbooks []copilot.RunbookMatch) (*copilot.RunbookAnswer, error) {
	a, err := r.Engine.Runbook(ctx, inc, similar, runbooks)
	if err == nil {
		r.note(a.Engine, a.PromptVersion, a.Fallback)
	}
	return a, err
}

// describe fills in which engine the report measured. Any answer the configured
// engine drafted itself makes the run its own; a run of nothing but fallbacks
// measured the fallback. Without answers the configured engine is all there is.
func (r *recorder) describe(rep *Report) {
	info := r.Engine.Info()
	rep.Engine, rep.PromptVersion = info.Name, info.Version
	if r.answers > 0 {
		rep.Engine = copilot.EngineLocal
		if r.engines[info.Name] > 0 {
			rep.Engine = info.Name
		}
		rep.PromptVersion = strings.Join(r.versions, " ")
	}
	if info.Name != rep.Engine || len(r.fallbacks) > 0 {
		rep.Configured = info.Name + " (" + info.Version + ")"
	}
	rep.Answers = r.answers
	if len(r.fallbacks) > 0 {
		rep.Fallbacks = r.fallbacks
	}
}
