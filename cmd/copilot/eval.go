package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync/atomic"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/evals"
	"github.com/incidentcopilot/incident-copilot/retrieval"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// defaultDatasets are read when no --dataset is given: the dev corpus the engine is
// tuned on, dev3 (written in other voices to tune summaries and runbooks), dev5
// (similar-incident search in vocabulary the concept lexicon was not written on), the
// held-out test corpus the gates read, and the labelled dfds postmortems (dev and
// test), read by path from the shared fixtures when they exist.
var defaultDatasets = []string{"evals/testdata/corpus", "evals/testdata/dev3", "evals/testdata/dev5", "evals/testdata/heldout", "evals/testdata/dfds"}

// evalOptions are the flags of eval.
type evalOptions struct {
	datasets       []string
	gate, report   string
	asJSON, record bool
}

// eval measures every capability on the labelled datasets, dev and test apart,
// checks the gates and, with --record, stores one run per capability for the
// runtime gates to read. The exit status says whether every gate passed.
func (m *Main) eval(ctx context.Context, o evalOptions) error {
	cfg, err := ConfigFromEnv(m.Getenv)
	if err != nil {
		return err
	}
	gates := cfg.Gates
	if o.gate != "" {
		if gates, err = evals.LoadGates(o.gate); err != nil {
			return err
		}
	}
	defaults := len(o.datasets) == 0
	if defaults {
		o.datasets = defaultDatasets
	}
	var corpora []*evals.Corpus
	for _, d := range o.datasets {
		c, err := evals.LoadCorpus(d)
		if defaults && copilot.ErrorCode(err) == copilot.ENOTFOUND && len(corpora) >= 2 {
			// A default dataset read by path whose transcripts are not on this machine.
			fmt.Fprintf(m.Stderr, "eval: skipping %s: %v\n", d, err)
			continue
		}
		if err != nil {
			return err
		}
		c.Mask(redact.String)
		corpora = append(corpora, c)
	}
	model, err := embeddings.New(cfg.Embedder)
	if err != nil {
		return err
	}
	engine, err := newEngine(model, cfg)
	if err != nil {
		return err
	}

	// Similarity is measured on a schema of its own, so the evaluation neither
	// reads nor disturbs the incidents in the database, nor another evaluation's.
	schema := fmt.Sprintf("eval_%d_%d", os.Getpid(), evalRuns.Add(1))
	scratch, err := postgres.Open(ctx, cfg.DatabaseURL, model, postgres.Options{Schema: schema, HNSW: cfg.HNSW, LexicalExactBelow: cfg.LexicalExactBelow, Fusion: cfg.Fusion, VectorWeight: cfg.VectorWeight, LexicalNorm: cfg.LexicalNorm, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		return err
	}
	defer scratch.Close()
	defer scratch.DropSchema(context.WithoutCancel(ctx))
	if _, err := scratch.Migrate(ctx); err != nil {
		return unreachable(cfg.DatabaseURL, err)
	}
	var pool []*copilot.Incident
	for _, c := range corpora {
		pool = append(pool, c.All...)
	}
	if _, err := scratch.Ingest(ctx, pool, copilot.IngestOptions{Actor: copilot.Actor{Name: "eval", Private: true}}); err != nil {
		return err
	}
	// The ablations rank the same scratch schema by one side alone; SearchEach reads
	// each side once for the hybrid search and both ablations.
	fusionOf := map[string]string{evals.EngineHybrid: "", evals.EngineVector: retrieval.FusionVector, evals.EngineLexical: retrieval.FusionLexical}
	ablations := map[string]evals.Searcher{}
	for name, fusion := range fusionOf {
		if name == evals.EngineHybrid {
			continue
		}
		st, err := postgres.Open(ctx, cfg.DatabaseURL, model, postgres.Options{Schema: schema, HNSW: cfg.HNSW, LexicalExactBelow: cfg.LexicalExactBelow, Fusion: fusion, VectorWeight: cfg.VectorWeight, LexicalNorm: cfg.LexicalNorm, Redact: redact.String, RedactVersion: redact.Version})
		if err != nil {
			return err
		}
		defer st.Close()
		ablations[name] = st
	}
	bar := newProgress(m.Stderr, "eval", "steps", o.asJSON)
	report, err := evals.Run(ctx, corpora, evals.RunOptions{Engine: engine, Search: scratch, Ablations: ablations,
		SearchEach: evals.EachFusion(scratch, fusionOf), Progress: bar.update})
	bar.finish()
	if err != nil {
		return err
	}
	report.GatesFile = gates.Name
	passed := report.Check(gates.Gates())

	runs, err := openRuns(ctx, cfg, model, o.record)
	if err != nil {
		return err
	}
	if runs != nil {
		defer runs.Close()
		if err := loadPrevious(ctx, runs, report); err != nil {
			return err
		}
	}
	if o.record {
		if err := recordEval(ctx, runs, evalConfig(cfg, runs, engine), report, gates.Split); err != nil {
			return err
		}
	}
	if o.report != "" {
		if err := report.WriteFiles(o.report); err != nil {
			return err
		}
		fmt.Fprintf(m.Stderr, "eval: report written to %s/report.{json,md,html}\n", strings.TrimRight(o.report, "/"))
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
		failed := report.Failed()
		return copilot.Errorf(copilot.EINVALID, "eval: %d gate(s) of %s failed: %s", len(failed), gates.Name, strings.Join(failed, "; "))
	}
	return nil
}

// evalRuns numbers the evaluations of this process, whose scratch schemas must differ.
var evalRuns atomic.Int64
