package main

import (
	"context"
	"fmt"
	"github.com/incidentcopilot/incident-copilot/evals"
	"log/slog"
	"net"
	"os/user"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/incidentcopilot/incident-copilot/api"
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

func (m *Main) serve(ctx context.Context, addr string, socketMode bool) error {
	s, cfg, err := m.openUnmigrated(ctx)
	if err != nil {
		return err
	}
	cfg.Slack.SocketMode = socketMode
	if err := cfg.Slack.validate(); err != nil {
		return err
	}
	defer s.Close()
	if addr == "" {
		addr = cfg.Addr
	}
	logger := slog.New(slog.NewJSONHandler(m.Stderr, nil))
	tokens, err := api.ParseTokens(cfg.APITokens)
	if err != nil {
		return err
	}
	if tokens.Empty() {
		logger.Warn("COPILOT_API_TOKENS is not set: /v1 answers anonymous reads of public incidents only; writes and private incidents need tokens")
	}
	if _, err := s.Migrate(ctx); err != nil {
		return err
	}
	cp, err := m.copilot(s, cfg)
	if err != nil {
		return err
	}
	slackRoutes, stopSlack, err := startSlack(ctx, cfg.Slack, s, cp, logger)
	if err != nil {
		return err
	}
	defer stopSlack()
	srv := api.NewServer(s, cp, api.Options{Tokens: tokens, Logger: logger, MaxBody: cfg.MaxBodyBytes, Slack: slackRoutes})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return copilot.Errorf(copilot.EINVALID, "--addr %s: %v", addr, err)
	}
	logger.Info("serving", "addr", ln.Addr().String(), "embedder", s.EmbedderID())
	if m.Ready != nil {
		m.Ready(ln.Addr().String())
	}
	return srv.Serve(ctx, ln, cfg.ShutdownWait)
}

// copilot wires the capabilities to the store and the configured engine.
func (m *Main) copilot(s *postgres.Store, cfg Config) (*copilot.Copilot, error) {
	engine, err := newEngine(s.Model(), cfg)
	if err != nil {
		return nil, err
	}
	tracker, err := cfg.tracker()
	if err != nil {
		return nil, err
	}
	// A capability whose answers people mark 👎 too often since its eval run goes
	// back to suggesting until a new run (defaults of evals.FeedbackDemotion).
	gates := &evals.RuntimeGates{Runs: s, Config: evalConfig(cfg, s, engine), Operator: cfg.Capabilities, Targets: cfg.Gates,
		Feedback: evals.FeedbackDemotion{Votes: s}}
	// Ledger and Tracker make follow-ups fileable; Permalink links messages once
	// Slack's workspace is configured; Gates say what may act on its own.
	return &copilot.Copilot{Memory: s, Engine: engine, Redact: redact.String, Ledger: s, Tracker: tracker,
		Permalink: cfg.Slack.Permalink(), Gates: gates}, nil
}

// searchFlags are the filters shared by similar and search.
type searchFlags struct {
	limit          *int
	services, team *string
	status         *string
	since, until   *string
	includePrivate *bool
	asJSON         *bool
}

func addSearchFlags(fs interface {
	Int(string, int, string) *int
	String(string, string, string) *string
	Bool(string, bool, string) *bool
}) searchFlags {
	return searchFlags{
		limit:          fs.Int("limit", 5, "how many incidents"),
		services:       fs.String("service", "", "only incidents touching these services (comma-separated)"),
		team:           fs.String("team", "", "only incidents of this team"),
		status:         fs.String("status", "", "only incidents with this status"),
		since:          fs.String("since", "", "only incidents started at or after (RFC 3339 or YYYY-MM-DD)"),
		until:          fs.String("until", "", "only incidents started before"),
		includePrivate: fs.Bool("include-private", false, "include private incidents"),
		asJSON:         fs.Bool("json", false, "print JSON"),
	}
}

func (f searchFlags) filter() (copilot.IncidentFilter, error) {
	out := copilot.IncidentFilter{Team: *f.team, Status: *f.status, IncludePrivate: *f.includePrivate}
	for _, s := range strings.Split(*f.services, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out.Services = append(out.Services, s)
		}
	}
	var err error
	if out.Since, err = copilot.ParseTime("--since", *f.since); err != nil {
		return out, err
	}
	out.Until, err = copilot.ParseTime("--until", *f.until)
	return out, err
}

func (m *Main) similar(ctx context.Context, id string, sf searchFlags) error {
	f, err := sf.filter()
	if err != nil {
		return err
	}
	return m.runSearch(ctx, copilot.SearchQuery{IncidentID: id, Limit: *sf.limit, Filter: f}, *sf.asJSON)
}

func (m *Main) search(ctx context.Context, text string, sf searchFlags) error {
	f, err := sf.filter()
	if err != nil {
		return err
	}
	return m.runSearch(ctx, copilot.SearchQuery{Text: text, Limit: *sf.limit, Filter: f}, *sf.asJSON)
}

func (m *Main) runSearch(ctx context.Context, q copilot.SearchQuery, asJSON bool) error {
	s, cfg, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	cp, err := m.copilot(s, cfg)
	if err != nil {
		return err
	}
	// The memory holds masked text; a secret pasted into the query is masked the same
	// way, and never echoed.
	q.Text = redact.String(q.Text)
	ans, err := cp.Similar(ctx, q)
	if err != nil {
		return err
	}
	results := ans.Results
	if asJSON {
		resp := api.SearchResponseOf(q, results)
		resp.Note = ans.Note
		return m.printJSON(resp)
	}
	if len(results) == 0 {
		fmt.Fprintln(m.Stdout, "no similar incidents found")
		return nil
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SCORE\tINCIDENT\tSEV\tSTARTED\tTITLE\tWHY")
	for _, r := range results {
		started := "-"
		if r.StartedAt != nil {
			started = r.StartedAt.Format("2006-01-02")
		}
		fmt.Fprintf(tw, "%.4f\t%s\t%s\t%s\t%s\t%s\n", r.Score, r.IncidentID, r.Severity, started, clip(r.Title, 50), whyLine(r.Why))
	}
	tw.Flush()
	for _, r := range results {
		if len(r.Snippets) > 0 {
			fmt.Fprintf(m.Stdout, "\n%s: %s  [ts %s]", r.IncidentID, clip(r.Snippets[0].Text, 160), strings.Join(r.Snippets[0].SourceTS, ","))
		}
	}
	fmt.Fprintln(m.Stdout)
	for _, r := range results {
		if n := r.OpenFixNote(); n != "" {
			fmt.Fprintln(m.Stdout, n)
		}
	}
	if ans.Note != "" {
		fmt.Fprintln(m.Stdout, "note: "+ans.Note)
	}
	return nil
}

func whyLine(w copilot.Why) string {
	var parts []string
	if w.VectorRank > 0 {
		parts = append(parts, fmt.Sprintf("vector #%d", w.VectorRank))
	}
	if w.TextRank > 0 {
		parts = append(parts, fmt.Sprintf("text #%d", w.TextRank))
	}
	if len(w.SharedSignatures) > 0 {
		parts = append(parts, "signatures: "+strings.Join(w.SharedSignatures, ","))
	}
	if len(w.SharedServices) > 0 {
		parts = append(parts, "services: "+strings.Join(w.SharedServices, ","))
	}
	return strings.Join(parts, "; ")
}

// clip folds white space and fits s into a column of n runes.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return text.Clip(s, n-1)
}

func (m *Main) reembed(ctx context.Context, all, prune, asJSON bool) error {
	s, _, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	bar := newProgress(m.Stderr, "reembed", "incidents", asJSON)
	res, err := s.Reembed(ctx, all, prune, bar.update)
	bar.finish()
	if err != nil {
		return err
	}
	if asJSON {
		return m.printJSON(res)
	}
	fmt.Fprintf(m.Stdout, "re-embedded %d incidents (%d chunks) with %s; pruned %d old vectors\n", res.Incidents, res.Chunks, res.Embedder, res.Pruned)
	return nil
}

// cliActor is who the CLI writes as: an operator holding the database's credentials,
// who may touch private incidents.
func cliActor() copilot.Actor {
	name := "cli"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = "cli:" + u.Username
	}
	return copilot.Actor{Name: name, Private: true}
}

func (m *Main) deleteIncident(ctx context.Context, id string, asJSON bool) error {
	s, _, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.DeleteIncident(ctx, id, cliActor()); err != nil {
		return err
	}
	if asJSON {
		return m.printJSON(map[string]string{"deleted": id})
	}
	fmt.Fprintf(m.Stdout, "deleted %s (with its messages, chunks and tickets)\n", id)
	return nil
}

func (m *Main) redactStored(ctx context.Context, asJSON bool) error {
	s, _, err := m.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.RedactStored(ctx, cliActor())
	if err != nil {
		return err
	}
	if asJSON {
		return m.printJSON(res)
	}
	fmt.Fprintf(m.Stdout, "redact: %d incidents read, %d held secrets and were masked, %d rebuilt (rows, chunks, vectors, text index); %d runbooks rebuilt (rules %s)\n",
		res.Incidents, res.Masked, res.Rewritten, res.Runbooks, redact.Version)
	return nil
}
