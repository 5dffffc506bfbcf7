package main

import (
	"context"
	"fmt"
	"strings"

	"incidentcopilot/internal/bench"
)

const benchUsage = `usage:
  copilot bench search [--chunks N] [--queries N] [--json]
  copilot bench ingest [--messages N] [--json]
  copilot bench load --url http://127.0.0.1:PORT [--clients N] [--duration D] [--json]

Search and ingest work in a schema of their own (bench_<pid>) of the DATABASE_URL
database and drop it at the end. Load drives a running server (copilot serve) on a
loopback address with every read route; COPILOT_BENCH_TOKEN is its bearer token, if
it has tokens. The output is Markdown for BENCHMARKS.md; --json has every figure.
`

func (m *Main) bench(ctx context.Context, args []string) error {
	if len(args) > 0 && args[0] == "load" {
		return m.benchLoad(ctx, args[1:])
	}
	if len(args) == 0 || (args[0] != "search" && args[0] != "ingest") {
		fmt.Fprint(m.Stderr, benchUsage)
		return errUsage
	}
	fs := m.flagSet("bench " + args[0])
	asJSON := fs.Bool("json", false, "print JSON")
	var chunks, queries, messages *int
	if args[0] == "search" {
		chunks = fs.Int("chunks", bench.DefaultChunks, "load at least this many chunks")
		queries = fs.Int("queries", bench.DefaultQueries, "timed queries per path")
	} else {
		messages = fs.Int("messages", bench.DefaultMessages, "messages ingested per run")
	}
	pos, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fmt.Fprint(m.Stderr, benchUsage)
		return errUsage
	}
	url := m.Getenv("DATABASE_URL")
	var report any
	if args[0] == "search" {
		cmd := fmt.Sprintf("copilot bench search --chunks %d --queries %d", *chunks, *queries)
		report, err = bench.RunSearch(ctx, bench.SearchConfig{DatabaseURL: url, Chunks: *chunks, Queries: *queries, Command: cmd}, m.Stderr)
	} else {
		cmd := fmt.Sprintf("copilot bench ingest --messages %d", *messages)
		report, err = bench.RunIngest(ctx, bench.IngestConfig{DatabaseURL: url, Messages: *messages, Command: cmd}, m.Stderr)
	}
	if err != nil {
		return fmt.Errorf("bench %s: %w", args[0], err)
	}
	if *asJSON {
		return m.printJSON(report)
	}
	var b strings.Builder
	switch r := report.(type) {
	case *bench.SearchReport:
		err = r.WriteTable(&b)
	case *bench.IngestReport:
		err = r.WriteTable(&b)
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(m.Stdout, b.String())
	return err
}

func (m *Main) benchLoad(ctx context.Context, args []string) error {
	fs := m.flagSet("bench load")
	asJSON := fs.Bool("json", false, "print JSON")
	base := fs.String("url", "", "base URL of the running server, on a loopback address")
	clients := fs.Int("clients", bench.DefaultLoadClients, "concurrent clients")
	duration := fs.Duration("duration", bench.DefaultLoadDuration, "how long to run")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *base == "" {
		fmt.Fprint(m.Stderr, benchUsage)
		return errUsage
	}
	cmd := fmt.Sprintf("copilot bench load --url %s --clients %d --duration %s", *base, *clients, *duration)
	rep, err := bench.RunLoad(ctx, bench.LoadConfig{BaseURL: *base, Token: m.Getenv("COPILOT_BENCH_TOKEN"),
		Clients: *clients, Duration: *duration, Command: cmd}, m.Stderr)
	if err != nil {
		return fmt.Errorf("bench load: %w", err)
	}
	if *asJSON {
		return m.printJSON(rep)
	}
	return rep.WriteTable(m.Stdout)
}
