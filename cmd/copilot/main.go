// Command copilot is the Incident Copilot binary: it wires the real implementations
// together and holds no logic of its own.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

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

// open reads the configuration and connects to a store that `copilot migrate` has
// prepared.
func (m *Main) open(ctx context.Context) (*postgres.Store, Config, error) {
	s, cfg, err := m.openUnmigrated(ctx)
	if err != nil {
		return nil, cfg, err
	}
	if err := s.CheckSchema(ctx); err != nil {
		s.Close()
		return nil, cfg, err
	}
	return s, cfg, nil
}

// openUnmigrated connects to the store whatever its schema: for migrate, and for
// serve, which migrates at start.
func (m *Main) openUnmigrated(ctx context.Context) (*postgres.Store, Config, error) {
	cfg, err := ConfigFromEnv(m.Getenv)
	if err != nil {
		return nil, cfg, err
	}
	model, err := embeddings.New(cfg.Embedder)
	if err != nil {
		return nil, cfg, err
	}
	s, err := postgres.Open(ctx, cfg.DatabaseURL, model, postgres.Options{HNSW: cfg.HNSW, LexicalExactBelow: cfg.LexicalExactBelow, Fusion: cfg.Fusion, VectorWeight: cfg.VectorWeight, LexicalNorm: cfg.LexicalNorm, Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		return nil, cfg, err
	}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, cfg, unreachable(cfg.DatabaseURL, err)
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

func (m *Main) migrate(ctx context.Context, asJSON bool) error {
	s, _, err := m.openUnmigrated(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.Migrate(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		return m.printJSON(map[string]any{"applied": n, "current": true})
	}
	fmt.Fprintf(m.Stderr, "migrate: %d migration(s) applied; schema is current\n", n)
	return nil
}

func (m *Main) stats(ctx context.Context, asJSON bool) error {
	s, _, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		return m.printJSON(st)
	}
	fmt.Fprintf(m.Stdout, "incidents  %d (%d private)\nmessages   %d\nchunks     %d\ntickets    %d\nrunbooks   %d\nembedder   %s\n",
		st.Incidents, st.PrivateIncidents, st.Messages, st.Chunks, st.Tickets, st.Runbooks, st.Embedder)
	return nil
}
