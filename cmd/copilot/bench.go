package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/incidentcopilot/incident-copilot/internal/bench"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

const benchLong = `Benchmarks. Search and ingest work in a schema of their own (bench_<pid>) of the
DATABASE_URL database and drop it at the end. Load drives a running server (copilot
serve) on a loopback address with every read route; COPILOT_BENCH_TOKEN is its
bearer token, if it has tokens. Slack sends signed Events API mentions at a fixed
rate to the Slack request URL of a server built as copilot serve builds it (store,
river workers, a fake Slack Web API, all on loopback, in a bench_<pid> schema) and
counts acknowledgements, replies, lost events and duplicates. The output is Markdown for BENCHMARKS.md; --json has
every figure.`

func (m *Main) benchCommand() *cobra.Command {
	c := &cobra.Command{
		Use:   "bench search|ingest|load|slack",
		Short: "Benchmarks in a scratch schema, or against a running server",
		Long:  benchLong,
		Example: `  copilot bench search --chunks 20000
  copilot bench ingest --messages 5000 --json
  copilot bench load --url http://127.0.0.1:8080 --clients 8 --duration 30s
  copilot bench slack --events 500 --rate 100`,
		Args: cobra.ArbitraryArgs,
		RunE: group,
	}
	var o benchOptions
	search := &cobra.Command{
		Use:     "search [--chunks N] [--queries N]",
		Short:   "Search latency and HNSW recall on a synthetic corpus",
		Example: "  copilot bench search\n  copilot bench search --chunks 50000 --queries 200 --json",
		Args:    nArgs(0, 0, ""),
		RunE:    func(c *cobra.Command, _ []string) error { return m.bench(c.Context(), "search", o) },
	}
	search.Flags().IntVar(&o.chunks, "chunks", bench.DefaultChunks, "load at least this many chunks")
	search.Flags().IntVar(&o.queries, "queries", bench.DefaultQueries, "timed queries per path")
	search.Flags().IntVar(&o.warmup, "warmup", bench.DefaultWarmup, "untimed queries of their own run first (0: none)")
	search.Flags().StringVar(&o.schema, "schema", "", "schema to work in (bench_<pid> when empty; must start with bench_)")
	search.Flags().BoolVar(&o.keep, "keep", false, "keep the schema and its corpus, and reuse one an earlier --keep run loaded (needs --schema)")
	search.Flags().IntSliceVar(&o.m, "m", nil, "HNSW m values whose recall is measured (with each --ef-construction); the store's default when empty")
	search.Flags().IntSliceVar(&o.efConstruction, "ef-construction", nil, "HNSW ef_construction values whose recall is measured; the store's default when empty")
	search.Flags().IntSliceVar(&o.efSearch, "ef-search", nil, "HNSW ef_search values whose recall is measured")
	search.Flags().BoolVar(&o.skipLangchaingo, "skip-langchaingo", false, "do not time langchaingo's query path (it is loaded all the same)")
	search.Flags().BoolVar(&o.lexicalOnly, "lexical-only", false, "measure the bounded lexical side against the full read only")
	search.Flags().BoolVar(&o.recallOnly, "recall-only", false, "measure HNSW recall only: no timed query paths, no lexical comparison")
	search.Flags().BoolVar(&o.searchOnly, "search-only", false, "time in-process Store.Search only: no other query path, no recall, no lexical comparison")
	ingest := &cobra.Command{
		Use:     "ingest [--messages N]",
		Short:   "Ingest throughput on a synthetic corpus",
		Example: "  copilot bench ingest\n  copilot bench ingest --messages 20000 --json",
		Args:    nArgs(0, 0, ""),
		RunE:    func(c *cobra.Command, _ []string) error { return m.bench(c.Context(), "ingest", o) },
	}
	ingest.Flags().IntVar(&o.messages, "messages", bench.DefaultMessages, "messages ingested per run")
	var lo loadOptions
	load := &cobra.Command{
		Use:     "load --url http://127.0.0.1:PORT [--clients N] [--duration D]",
		Short:   "Drive a running server with every read route",
		Example: "  copilot bench load --url http://127.0.0.1:8080\n  COPILOT_BENCH_TOKEN=... copilot bench load --url http://127.0.0.1:8080 --duration 1m --json",
		Args:    nArgs(0, 0, ""),
		RunE: func(c *cobra.Command, _ []string) error {
			if lo.url == "" {
				return usageErr(c, "bench load: --url is required")
			}
			return m.benchLoad(c.Context(), lo)
		},
	}
	load.Flags().StringVar(&lo.url, "url", "", "base URL of the running server, on a loopback address")
	load.Flags().IntVar(&lo.clients, "clients", bench.DefaultLoadClients, "concurrent clients")
	load.Flags().DurationVar(&lo.duration, "duration", bench.DefaultLoadDuration, "how long to run")
	for _, sub := range []*cobra.Command{search, ingest} {
		sub.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	}
	load.Flags().BoolVar(&lo.asJSON, "json", false, "print JSON")
	var so slackBenchOptions
	slackCmd := &cobra.Command{
		Use:     "slack [--events N] [--rate N]",
		Short:   "Slack events at a fixed rate: ack latency, lost and duplicate replies",
		Example: "  copilot bench slack --events 500 --rate 100\n  copilot bench slack --events 50 --json",
		Args:    nArgs(0, 0, ""),
		RunE:    func(c *cobra.Command, _ []string) error { return m.benchSlack(c.Context(), so) },
	}
	slackCmd.Flags().IntVar(&so.events, "events", bench.DefaultSlackEvents, "events sent")
	slackCmd.Flags().IntVar(&so.rate, "rate", bench.DefaultSlackRate, "events per second")
	slackCmd.Flags().IntVar(&so.workers, "workers", 0, "job workers (the server's default when 0)")
	slackCmd.Flags().BoolVar(&so.asJSON, "json", false, "print JSON")
	slackCmd.Flags().IntVar(&so.ackConns, "ack-conns", 0, "connections reserved for acknowledgements (the server's default when 0)")
	slackCmd.Flags().DurationVar(&so.settle, "settle", bench.DefaultSlackSettle, "how long the server runs before the first event (0: none)")
	slackCmd.Flags().BoolVar(&so.sharedPool, "shared-pool", false, "acknowledge on the pool the workers use (no reserved connections), for comparison")
	c.AddCommand(search, ingest, load, slackCmd)
	return c
}

type benchOptions struct {
	chunks, queries, messages int
	warmup                    int
	asJSON                    bool
	schema                    string
	keep, recallOnly          bool
	searchOnly                bool
	skipLangchaingo           bool
	lexicalOnly               bool
	m, efConstruction         []int
	efSearch                  []int
}

// searchConfig turns the search flags into the bench configuration, and the command
// line that reproduces the run.
func (o benchOptions) searchConfig(url string) bench.SearchConfig {
	cmd := fmt.Sprintf("copilot bench search --chunks %d --queries %d", o.chunks, o.queries)
	cfg := bench.SearchConfig{DatabaseURL: url, Chunks: o.chunks, Queries: o.queries, Warmup: o.warmup, Schema: o.schema, Keep: o.keep, EfSearch: o.efSearch}
	if o.warmup != bench.DefaultWarmup {
		cmd += fmt.Sprintf(" --warmup %d", o.warmup)
	}
	if o.warmup == 0 {
		cfg.Warmup = bench.NoWarmup
	}
	if o.schema != "" {
		cmd += " --schema " + o.schema
	}
	if o.keep {
		cmd += " --keep"
	}
	if o.skipLangchaingo {
		cmd += " --skip-langchaingo"
		cfg.SkipLangchaingo = true
	}
	if o.lexicalOnly {
		cmd += " --lexical-only"
		cfg.LexicalOnly = true
	}
	if o.recallOnly {
		cmd += " --recall-only"
		cfg.RecallOnly = true
	}
	if o.searchOnly {
		cmd += " --search-only"
		cfg.SearchOnly = true
	}
	list := func(xs []int) string {
		s := make([]string, len(xs))
		for i, x := range xs {
			s[i] = fmt.Sprint(x)
		}
		return strings.Join(s, ",")
	}
	ms, efcs := o.m, o.efConstruction
	if len(ms) > 0 {
		cmd += " --m " + list(ms)
	} else {
		ms = []int{postgres.DefaultHNSW.M}
	}
	if len(efcs) > 0 {
		cmd += " --ef-construction " + list(efcs)
	} else {
		efcs = []int{postgres.DefaultHNSW.EfConstruction}
	}
	if len(o.m) > 0 || len(o.efConstruction) > 0 {
		for _, m := range ms {
			for _, efc := range efcs {
				cfg.HNSW = append(cfg.HNSW, bench.HNSWBuild{M: m, EfConstruction: efc})
			}
		}
	}
	if len(o.efSearch) > 0 {
		cmd += " --ef-search " + list(o.efSearch)
	}
	cfg.Command = cmd
	return cfg
}

type loadOptions struct {
	url      string
	clients  int
	duration time.Duration
	asJSON   bool
}

func (m *Main) bench(ctx context.Context, kind string, o benchOptions) error {
	url := m.Getenv("DATABASE_URL")
	var (
		report any
		err    error
	)
	if kind == "search" {
		report, err = bench.RunSearch(ctx, o.searchConfig(url), m.Stderr)
	} else {
		cmd := fmt.Sprintf("copilot bench ingest --messages %d", o.messages)
		report, err = bench.RunIngest(ctx, bench.IngestConfig{DatabaseURL: url, Messages: o.messages, Command: cmd}, m.Stderr)
	}
	if err != nil {
		return fmt.Errorf("bench %s: %w", kind, err)
	}
	if o.asJSON {
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

func (m *Main) benchLoad(ctx context.Context, o loadOptions) error {
	cmd := fmt.Sprintf("copilot bench load --url %s --clients %d --duration %s", o.url, o.clients, o.duration)
	rep, err := bench.RunLoad(ctx, bench.LoadConfig{BaseURL: o.url, Token: m.Getenv("COPILOT_BENCH_TOKEN"),
		Clients: o.clients, Duration: o.duration, Command: cmd}, m.Stderr)
	if err != nil {
		return fmt.Errorf("bench load: %w", err)
	}
	if o.asJSON {
		return m.printJSON(rep)
	}
	return rep.WriteTable(m.Stdout)
}

type slackBenchOptions struct {
	events, rate, workers, ackConns int
	asJSON, sharedPool              bool
	settle                          time.Duration
}

func (m *Main) benchSlack(ctx context.Context, o slackBenchOptions) error {
	if o.events <= 0 || o.rate <= 0 {
		return fmt.Errorf("bench slack: --events and --rate must be positive")
	}
	cmd := fmt.Sprintf("copilot bench slack --events %d --rate %d", o.events, o.rate)
	if o.workers > 0 {
		cmd += fmt.Sprintf(" --workers %d", o.workers)
	}
	if o.ackConns > 0 {
		cmd += fmt.Sprintf(" --ack-conns %d", o.ackConns)
	}
	if o.sharedPool {
		cmd += " --shared-pool"
	}
	if o.settle != bench.DefaultSlackSettle {
		cmd += " --settle " + o.settle.String()
	}
	settle := o.settle
	if settle == 0 {
		settle = -1 // none
	}
	rep, err := bench.RunSlack(ctx, bench.SlackConfig{DatabaseURL: m.Getenv("DATABASE_URL"), Events: o.events, Rate: o.rate,
		Workers: o.workers, SharedPool: o.sharedPool, AckConns: o.ackConns, Settle: settle, Command: cmd}, m.Stderr)
	if err != nil {
		return fmt.Errorf("bench slack: %w", err)
	}
	if o.asJSON {
		return m.printJSON(rep)
	}
	return rep.WriteTable(m.Stdout)
}
