package main

import (
	"context"
	"encoding/json"
	"fmt"

	"incidentcopilot/copilot"
	"incidentcopilot/evals"
	"incidentcopilot/retrieval/postgres"
)

// recordEval stores one run per measured capability.
func (m *Main) recordEval(ctx context.Context, cfg Config, model postgres.Model, engine copilot.Engine, r *evals.Report) error {
	s, err := postgres.Open(ctx, cfg.DatabaseURL, model, postgres.Options{HNSW: cfg.HNSW})
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		return err
	}
	for _, c := range r.Capabilities {
		b, err := json.Marshal(r.CapabilityMetrics(c.Name))
		if err != nil {
			return fmt.Errorf("encode metrics: %w", err)
		}
		if err := s.RecordEvalRun(ctx, c.Name, c.Engine, b, r.CapabilityPassed(c.Name)); err != nil {
			return err
		}
	}
	return nil
}
