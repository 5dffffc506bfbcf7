package main

import (
	"context"
	"fmt"
	"os"

	"incidentcopilot/copilot"
	"incidentcopilot/copilot/redact"
	"incidentcopilot/embeddings"
	"incidentcopilot/evals"
	"incidentcopilot/retrieval/postgres"
)

// evalOptions are the flags of eval.
type evalOptions struct {
	corpus         string
	asJSON, record bool
}

// eval measures every capability on a labelled corpus and checks the gates: the
// exit status says whether the engine may act on its own.
func (m *Main) eval(ctx context.Context, o evalOptions) error {
	cfg, err := ConfigFromEnv(m.Getenv)
	if err != nil {
		return err
	}
	c, err := evals.LoadCorpus(o.corpus)
	if err != nil {
		return err
	}
	c.Mask(redact.String)
	model, err := embeddings.New(cfg.Embedder)
	if err != nil {
		return err
	}
	engine, err := newEngine(model, cfg)
	if err != nil {
		return err
	}
	report, err := evals.Evaluate(ctx, engine, c)
	if err != nil {
		return err
	}

	// Similarity is measured on a schema of its own, so the evaluation neither
	// reads nor disturbs the incidents in the database.
	scratch, err := postgres.Open(ctx, cfg.DatabaseURL, model, postgres.Options{Schema: fmt.Sprintf("eval_%d", os.Getpid()), HNSW: cfg.HNSW, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		return err
	}
	defer scratch.Close()
	defer scratch.DropSchema(context.WithoutCancel(ctx))
	if _, err := scratch.Migrate(ctx); err != nil {
		return err
	}
	if _, err := scratch.Ingest(ctx, c.All, copilot.IngestOptions{Actor: copilot.Actor{Name: "eval", Private: true}}); err != nil {
		return err
	}
	sim, err := evals.SimilarityMetrics(ctx, scratch, c, 3)
	if err != nil {
		return err
	}
	report.Add(sim.Metrics()...)
	passed := report.Check(append(evals.DefaultGates(), evals.Gate{Metric: "similar.family_hit_at_3", Min: 0.8}))

	if o.record {
		s, err := postgres.Open(ctx, cfg.DatabaseURL, model, postgres.Options{HNSW: cfg.HNSW, Redact: redact.String, RedactVersion: redact.Version})
		if err != nil {
			return err
		}
		defer s.Close()
		b, err := report.JSON()
		if err != nil {
			return err
		}
		if _, err := s.Migrate(ctx); err != nil {
			return err
		}
		if err := s.RecordEvalRun(ctx, "all", report.Engine, b, passed); err != nil {
			return err
		}
	}
	if o.asJSON {
		b, err := report.JSON()
		if err != nil {
			return err
		}
		m.Stdout.Write(b)
	} else if err := report.WriteText(m.Stdout); err != nil {
		return err
	}
	if !passed {
		return copilot.Errorf(copilot.EINVALID, "eval: a gate failed; see the report")
	}
	return nil
}
