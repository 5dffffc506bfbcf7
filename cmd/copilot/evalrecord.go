package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/evals"
	"github.com/incidentcopilot/incident-copilot/prompts"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// evalConfig is the configuration an eval run measures and a running process
// compares its own against: a gate opened on one configuration does not open on
// another.
func evalConfig(cfg Config, store *postgres.Store, engine copilot.Engine) copilot.EvalConfig {
	model := store.Model()
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
		Search:        store.SearchSettings(),
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

// openRuns opens the store that keeps eval runs. Recording migrates it; a run that
// only reads the previous runs leaves an unmigrated database as it is (nil store,
// no error), so that `eval --record=false` never changes the database.
func openRuns(ctx context.Context, cfg Config, model postgres.Model, migrate bool) (*postgres.Store, error) {
	s, err := postgres.Open(ctx, cfg.DatabaseURL, model, postgres.Options{HNSW: cfg.HNSW, LexicalExactBelow: cfg.LexicalExactBelow, Fusion: cfg.Fusion, VectorWeight: cfg.VectorWeight, LexicalNorm: cfg.LexicalNorm, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		return nil, err
	}
	if migrate {
		_, err = s.Migrate(ctx)
	} else if s.CheckSchema(ctx) != nil {
		s.Close()
		return nil, nil
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// loadPrevious puts the latest stored run of each measured capability into the
// report, for the comparison with this one.
func loadPrevious(ctx context.Context, s *postgres.Store, r *evals.Report) error {
	r.PreviousRuns = map[string]string{}
	for _, c := range r.Capabilities {
		prev, err := s.EvalRuns(ctx, c.Name, 1)
		if err != nil {
			return err
		}
		if len(prev) == 0 {
			continue
		}
		var ms []evals.Metric
		if json.Unmarshal(prev[0].Metrics, &ms) != nil {
			continue
		}
		for _, pm := range ms {
			if pm.Capability() == c.Name {
				r.Previous = append(r.Previous, pm)
			}
		}
		r.PreviousRuns[c.Name] = fmt.Sprintf("run %d, %s", prev[0].ID, prev[0].CreatedAt.UTC().Format("2006-01-02 15:04"))
	}
	return nil
}

// recordEval stores one run per measured capability, with the configuration, for
// the runtime gates; each run's passed is against the gates the eval checked.
func recordEval(ctx context.Context, s *postgres.Store, ec copilot.EvalConfig, r *evals.Report, gatesSplit string) error {
	ec.DatasetHash, ec.DatasetSize = r.DatasetHash, r.Splits[gatesSplit]
	for _, c := range r.Capabilities {
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
