// Command copilot is the Incident Copilot binary: it wires the real implementations
// together and holds no logic of its own.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"incidentcopilot/copilot"
	"incidentcopilot/copilot/redact"
	"incidentcopilot/embeddings"
	"incidentcopilot/retrieval/postgres"
)

const usage = `usage: copilot <command> [flags] [args]

commands:
  serve      run the HTTP API (--addr HOST:PORT)
  migrate    apply database migrations
  ingest     ingest incidents: Slack exports (zip or folder), incident documents
             (JSON, JSONL), Markdown postmortems; 'ingest runbooks DIR' loads runbooks
  similar    past incidents similar to an incident: similar ID
  search     incidents matching free text: search TEXT
  summarize  cited summary of an incident: summarize ID
  followups  follow-ups promised in the channel: followups ID [--uncaptured]
  runbook    steps that fixed similar incidents: runbook ID
  stats      what the memory holds
  eval       run the offline evaluations and gates
  reembed    re-embed every chunk with the configured embedder
  delete     remove an incident with its messages, chunks and tickets: delete ID
  redact     mask secrets in incidents and runbooks stored before the current rules
  bench      benchmarks in a scratch schema: bench ingest | bench search

Every command takes --json for the same JSON as the HTTP API.
DATABASE_URL selects the database.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintf(os.Stderr, "copilot: %s\n", userMessage(err))
		}
		os.Exit(exitCode(err))
	}
}

var errUsage = errors.New("usage")

// userMessage says what went wrong without leaking internals: domain errors carry a
// safe message; other errors are ours (parsers, file system) and name the file.
func userMessage(err error) string {
	var ce *copilot.Error
	if errors.As(err, &ce) {
		return ce.Message
	}
	return err.Error()
}

func exitCode(err error) int {
	if errors.Is(err, errUsage) || copilot.ErrorCode(err) == copilot.EINVALID {
		return 2
	}
	return 1
}

// Main is the program: the end-to-end tests run it as the binary would.
type Main struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Ready, when set, is told the address serve listens on.
	Ready func(addr string)
}

// Run executes one command.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(m.Stderr, usage)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	cmd, rest := args[0], args[1:]
	run, ok := map[string]func(context.Context, []string) error{
		"serve":     m.serve,
		"migrate":   m.migrate,
		"ingest":    m.ingest,
		"similar":   m.similar,
		"search":    m.search,
		"summarize": m.summarize,
		"followups": m.followups,
		"runbook":   m.runbook,
		"stats":     m.stats,
		"eval":      m.eval,
		"reembed":   m.reembed,
		"delete":    m.deleteIncident,
		"redact":    m.redactStored,
		"bench":     m.bench,
	}[cmd]
	if !ok {
		fmt.Fprintf(m.Stderr, "copilot: unknown command %q\n\n%s", cmd, usage)
		return errUsage
	}
	return run(ctx, rest)
}

// parseFlags parses flags wherever they stand among the arguments, so
// `copilot similar INC-1 --json` works as well as `copilot similar --json INC-1`.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func (m *Main) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	return fs
}

// open reads the configuration and connects to the store.
func (m *Main) open(ctx context.Context) (*postgres.Store, Config, error) {
	cfg, err := ConfigFromEnv(m.Getenv)
	if err != nil {
		return nil, cfg, err
	}
	model, err := embeddings.New(cfg.Embedder)
	if err != nil {
		return nil, cfg, err
	}
	s, err := postgres.Open(ctx, cfg.DatabaseURL, model, postgres.Options{HNSW: cfg.HNSW, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		return nil, cfg, err
	}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, cfg, err
	}
	// A bulk ingest that was killed leaves the search index dropped.
	if err := s.RestoreIndex(ctx); err != nil {
		s.Close()
		return nil, cfg, err
	}
	return s, cfg, nil
}

func (m *Main) printJSON(v any) error {
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func (m *Main) migrate(ctx context.Context, args []string) error {
	fs := m.flagSet("migrate")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	s, _, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.Migrate(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "migrate: %d migration(s) applied; schema is current\n", n)
	return nil
}

func (m *Main) stats(ctx context.Context, args []string) error {
	fs := m.flagSet("stats")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	s, _, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return m.printJSON(st)
	}
	fmt.Fprintf(m.Stdout, "incidents  %d (%d private)\nmessages   %d\nchunks     %d\ntickets    %d\nrunbooks   %d\nembedder   %s\n",
		st.Incidents, st.PrivateIncidents, st.Messages, st.Chunks, st.Tickets, st.Runbooks, st.Embedder)
	return nil
}
