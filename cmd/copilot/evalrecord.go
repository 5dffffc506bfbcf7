package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"incidentcopilot/copilot"
	"incidentcopilot/copilot/failure"
	"incidentcopilot/copilot/redact"
	"incidentcopilot/evals"
	"incidentcopilot/prompts"
	"incidentcopilot/retrieval/postgres"
)

// evalConfig is the configuration an eval run measures and a running process
// compares its own against: a gate opened on one configuration does not open on
// another.
func evalConfig(cfg Config, model postgres.Model, engine copilot.Engine) copilot.EvalConfig {
	info := engine.Info()
	var versions []string
	for _, id := range prompts.IDs() {
		if t, err := prompts.Get(id); err == nil {
			versions = append(versions, t.Version)
		}
	}
	c := copilot.EvalConfig{
		Embedder:      model.EmbedderID(),
		Lexicon:       failure.Version(),
		Redaction:     redact.Version,
		Engine:        info.Name,
		EngineVersion: info.Version,
		Prompts:       strings.Join(versions, ","),
	}
	if cfg.Chat.Provider != "" {
		c.Model = cfg.Chat.Provider + "/" + cfg.Chat.ModelName()
	}
	// A build from a modified tree is not the commit it names.
	if b := buildVersion(); b.Commit != "" {
		c.Commit = b.Commit
		if b.Modified {
			c.Commit += "+modified"
		}
	}
	return c
}

// recordEval stores one run per measured capability, with the configuration, for
// the runtime gates; each run's passed is against the gates the eval checked.
func (m *Main) recordEval(ctx context.Context, cfg Config, model postgres.Model, engine copilot.Engine, r *evals.Report, gatesSplit string) error {
	s, err := postgres.Open(ctx, cfg.DatabaseURL, model, postgres.Options{HNSW: cfg.HNSW, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		return err
	}
	ec := evalConfig(cfg, model, engine)
	ec.DatasetHash, ec.DatasetSize = r.DatasetHash, r.Splits[gatesSplit]
	// The previous runs, before this one is stored, for the report's comparison.
	r.PreviousRuns = map[string]string{}
	for _, c := range r.Capabilities {
		prev, err := s.EvalRuns(ctx, c.Name, 1)
		if err != nil {
			return err
		}
		if len(prev) > 0 {
			var ms []evals.Metric
			if json.Unmarshal(prev[0].Metrics, &ms) == nil {
				for _, pm := range ms {
					if pm.Capability() == c.Name {
						r.Previous = append(r.Previous, pm)
					}
				}
				r.PreviousRuns[c.Name] = fmt.Sprintf("run %d, %s", prev[0].ID, prev[0].CreatedAt.UTC().Format("2006-01-02 15:04"))
			}
		}
		b, err := json.Marshal(r.CapabilityMetrics(c.Name))
		if err != nil {
			return fmt.Errorf("encode metrics: %w", err)
		}
		run := &copilot.EvalRun{Capability: c.Name, Engine: c.Engine, Config: ec, Metrics: b, Passed: r.CapabilityPassed(c.Name)}
		if err := s.RecordEvalRun(ctx, run); err != nil {
			return err
		}
	}
	return nil
}
