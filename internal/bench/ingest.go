package bench

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/synth"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// ingestMsgsPer is the size of the incidents the ingest bench writes, the same as
// retrieval/postgres's BenchmarkIngest so the two agree.
const ingestMsgsPer = 20

// ingestCorpus returns synthetic incidents holding exactly n messages.
func ingestCorpus(n int, seed uint64) []*copilot.Incident {
	count := (n + ingestMsgsPer - 1) / ingestMsgsPer
	incs := synth.Incidents(count, ingestMsgsPer, seed, "ING")
	if extra := count*ingestMsgsPer - n; extra > 0 {
		last := incs[len(incs)-1]
		last.Messages = last.Messages[:ingestMsgsPer-extra]
	}
	return incs
}

// RunIngest times Store.Ingest of cfg.Messages synthetic messages cfg.Runs times,
// each into a fresh schema that is dropped afterwards. Progress lines go to log.
//
// Errors: EINVALID for a bad configuration, ECONFLICT when the schema exists,
// EUNAVAILABLE when the database cannot be reached.
func RunIngest(ctx context.Context, cfg IngestConfig, log io.Writer) (*IngestReport, error) {
	if err := cfg.setDefaults(); err != nil {
		return nil, err
	}
	if log == nil {
		log = io.Discard
	}
	model, err := embeddings.NewLocal(dimensions)
	if err != nil {
		return nil, err
	}
	incs := ingestCorpus(cfg.Messages, cfg.Seed)
	rep := &IngestReport{Command: cfg.Command, Environment: environment(), Schema: cfg.Schema}
	rep.Environment.Embedder = model.EmbedderID()
	rep.Corpus.Incidents = len(incs)
	for _, inc := range incs {
		rep.Corpus.Messages += len(inc.Messages)
		if inc.Visibility == copilot.VisibilityPublic {
			rep.Corpus.PublicIncidents++
		}
	}

	var rates, secs, chunkRates []float64
	for run := 1; run <= cfg.Runs; run++ {
		fmt.Fprintf(log, "bench ingest: run %d/%d, %d messages into schema %s\n", run, cfg.Runs, cfg.Messages, cfg.Schema)
		res, d, err := ingestOnce(ctx, cfg, model, incs, &rep.Environment)
		if err != nil {
			return nil, fmt.Errorf("run %d: %w", run, err)
		}
		if res.Messages != cfg.Messages || res.Written != len(incs) {
			return nil, copilot.Errorf(copilot.EINTERNAL, "run %d: ingest wrote %d of %d incidents and %d of %d messages", run, res.Written, len(incs), res.Messages, cfg.Messages)
		}
		rep.Corpus.Chunks = res.Chunks
		rate := float64(res.Messages) / d.Seconds()
		rep.Runs = append(rep.Runs, IngestRun{Seconds: round(d.Seconds(), 6), MessagesPerSec: round(rate, 1)})
		rates = append(rates, rate)
		secs = append(secs, d.Seconds())
		chunkRates = append(chunkRates, float64(res.Chunks)/d.Seconds())
	}
	med, lo, hi := spread(rates)
	rep.MedianMessagesPerSec, rep.MinMessagesPerSec, rep.MaxMessagesPerSec = round(med, 1), round(lo, 1), round(hi, 1)
	medSecs, _, _ := spread(secs)
	rep.MedianSeconds = round(medSecs, 3)
	medChunks, _, _ := spread(chunkRates)
	rep.MedianChunksPerSec = round(medChunks, 1)
	return rep, nil
}

// ingestOnce ingests into a fresh schema and drops it, whatever happens.
func ingestOnce(ctx context.Context, cfg IngestConfig, model *embeddings.Local, incs []*copilot.Incident, env *Environment) (res copilot.IngestResult, d time.Duration, err error) {
	s, db, cleanup, err := openFresh(ctx, cfg.DatabaseURL, cfg.Schema, model)
	if err != nil {
		return res, 0, err
	}
	defer func() {
		if cerr := cleanup(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	if env.Postgres == "" {
		if env.Postgres, env.PGVector, env.SharedBuffers, err = db.ServerVersions(ctx); err != nil {
			return res, 0, err
		}
	}
	start := time.Now()
	res, err = s.Ingest(ctx, incs, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}})
	d = time.Since(start)
	if err != nil {
		return res, 0, fmt.Errorf("ingest: %w", err)
	}
	return res, d, nil
}

// openFresh opens a store in a schema it creates, migrated, and the bench's own
// connection to it; cleanup drops the schema and closes both. A schema that already
// exists is left alone and reported.
func openFresh(ctx context.Context, url, schema string, model *embeddings.Local, tune ...func(*postgres.Options)) (*postgres.Store, *benchDB, func() error, error) {
	db, err := openDB(ctx, url, schema, model, postgres.DefaultHNSW.EfSearch)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := db.CreateSchema(ctx); err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	opts := postgres.Options{Schema: schema, Redact: redact.String, RedactVersion: redact.Version}
	for _, f := range tune {
		f(&opts)
	}
	s, err := postgres.Open(ctx, url, model, opts)
	if err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	cleanup := func() error {
		// The schema goes even when the bench was interrupted.
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		defer db.Close()
		defer s.Close()
		if err := s.DropSchema(dctx); err != nil {
			return fmt.Errorf("drop bench schema %s: %w", schema, err)
		}
		return nil
	}
	if _, err := s.Migrate(ctx); err != nil {
		_ = cleanup() // the migration error says more
		return nil, nil, nil, err
	}
	return s, db, cleanup, nil
}

// keptCorpus is what an earlier --keep run recorded about the corpus it loaded.
type keptCorpus struct {
	loaded   bool
	loadedAt time.Time
	ours, lc Insert
}

// openKept opens the store in cfg.Schema for a --keep run: a schema an earlier keep
// run loaded with the same chunk count and seed is reused as it is (migrated to the
// current schema version); a missing schema is created. The cleanup closes the
// connections and leaves the schema in place.
//
// Errors: ECONFLICT when the schema exists but holds something else, EUNAVAILABLE.
func openKept(ctx context.Context, cfg SearchConfig, model *embeddings.Local) (*postgres.Store, *benchDB, func() error, *keptCorpus, error) {
	db, err := openDB(ctx, cfg.DatabaseURL, cfg.Schema, model, postgres.DefaultHNSW.EfSearch)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	exists, err := db.SchemaExists(ctx)
	if err != nil {
		db.Close()
		return nil, nil, nil, nil, err
	}
	kept := &keptCorpus{}
	if exists {
		if *kept, err = db.LoadedCorpus(ctx, cfg); err != nil {
			db.Close()
			return nil, nil, nil, nil, err
		}
	} else if err := db.CreateSchema(ctx); err != nil {
		db.Close()
		return nil, nil, nil, nil, err
	}
	s, err := postgres.Open(ctx, cfg.DatabaseURL, model, postgres.Options{Schema: cfg.Schema, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		db.Close()
		return nil, nil, nil, nil, err
	}
	cleanup := func() error {
		s.Close()
		db.Close()
		return nil
	}
	if _, err := s.Migrate(ctx); err != nil {
		_ = cleanup()
		return nil, nil, nil, nil, err
	}
	return s, db, cleanup, kept, nil
}
