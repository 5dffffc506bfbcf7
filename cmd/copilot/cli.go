package main

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
)

// The command tree: names, arguments, flags, help and examples. Each command hands
// its parsed flags to a method of Main that does the work, so this file holds no
// wiring.

const rootLong = `Incident Copilot remembers every incident: it stores Slack incident channels,
incident documents and postmortems in PostgreSQL with pgvector, finds similar past
incidents, drafts cited summaries, lists follow-ups nobody ticketed and suggests
runbooks.

DATABASE_URL selects the database (for the project's own: export
DATABASE_URL=$(make -s db-url)); run 'copilot migrate' once to create the schema.
Commands that print results take --json for the same JSON as the HTTP API; each
command's help lists its flags.`

// usageError is a mistake in how the binary was called: it exits 2 and points at
// the command's help.
type usageError struct {
	cmd string // "copilot similar"
	msg string
}

func (e *usageError) Error() string        { return e.msg }
func (e *usageError) Is(target error) bool { return target == errUsage }

func usageErr(c *cobra.Command, format string, args ...any) error {
	return &usageError{cmd: c.CommandPath(), msg: fmt.Sprintf(format, args...)}
}

// args checks the number of positional arguments and names the missing ones.
func nArgs(min, max int, names string) cobra.PositionalArgs {
	return func(c *cobra.Command, a []string) error {
		switch {
		case len(a) < min:
			return usageErr(c, "%s: missing %s", c.CommandPath(), names)
		case max >= 0 && len(a) > max:
			if max == 0 {
				return usageErr(c, "%s takes no arguments, got %q", c.CommandPath(), strings.Join(a, " "))
			}
			return usageErr(c, "%s takes %s, got %d arguments: %q", c.CommandPath(), names, len(a), strings.Join(a, " "))
		}
		return nil
	}
}

// Run executes one command line.
func (m *Main) Run(ctx context.Context, argv []string) error {
	argv = longFlags(argv)
	root := m.rootCommand(ctx)
	root.SetArgs(argv)
	err := m.checkCommand(root, argv)
	if err == nil {
		err = root.ExecuteContext(ctx)
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(m.Stderr, "copilot: %s\nRun '%s --help' for usage.\n", ue.msg, ue.cmd)
	}
	return err
}

// longFlags accepts Go-style single-dash long flags (-json, -limit=3), which the
// binary took before it moved to cobra, by spelling them with two dashes. Every flag
// longer than one letter is a long flag, so nothing else can be meant.
func longFlags(argv []string) []string {
	out := make([]string, len(argv))
	for i, a := range argv {
		if a == "--" {
			copy(out[i:], argv[i:])
			break
		}
		if singleDashLong.MatchString(a) {
			a = "-" + a
		}
		out[i] = a
	}
	return out
}

var singleDashLong = regexp.MustCompile(`^-[a-z][a-z-]+(=.*)?$`)

// checkCommand catches a mistyped command name before cobra parses flags, so that
// `copilot similr X --json` suggests "similar" rather than complaining about --json.
func (m *Main) checkCommand(root *cobra.Command, argv []string) error {
	if len(argv) == 0 || strings.HasPrefix(argv[0], "-") {
		return nil
	}
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	if c, _, err := root.Find(argv[:1]); err == nil && c != root {
		return nil
	}
	if strings.HasPrefix(argv[0], "__complete") {
		return nil
	}
	return unknownCommand(root, argv[0])
}

func unknownCommand(c *cobra.Command, name string) error {
	msg := fmt.Sprintf("unknown command %q", name)
	if c.SuggestionsMinimumDistance <= 0 {
		c.SuggestionsMinimumDistance = 2
	}
	if s := c.SuggestionsFor(name); len(s) > 0 {
		msg += fmt.Sprintf("; did you mean %q?", s[0])
	}
	return usageErr(c, "%s", msg)
}

// group is the Run of a command that only holds subcommands: no argument is a usage
// error that shows the help, an unknown one gets a suggestion.
func group(c *cobra.Command, a []string) error {
	if len(a) > 0 {
		return unknownCommand(c, a[0])
	}
	c.SetOut(c.ErrOrStderr())
	c.Help()
	return usageErr(c, "missing a command")
}

func (m *Main) rootCommand(ctx context.Context) *cobra.Command {
	root := &cobra.Command{
		Use:   "copilot",
		Short: "Incident Copilot: remembers every incident",
		Long:  rootLong,
		Example: `  copilot migrate
  copilot ingest ./slack-export.zip ./postmortems
  copilot similar INC-2041
  copilot help search`,
		Args:          cobra.ArbitraryArgs,
		RunE:          group,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       buildVersion().String(),
	}
	root.SetVersionTemplate("copilot {{.Version}}\n")
	root.SetOut(m.Stdout)
	root.SetErr(m.Stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageErr(c, "%s", err) })
	root.CompletionOptions.HiddenDefaultCmd = false

	root.AddCommand(
		m.serveCommand(),
		m.migrateCommand(),
		m.ingestCommand(),
		m.listCommand(),
		m.similarCommand(),
		m.searchCommand(),
		m.answerCommand("summarize", "A cited summary of an incident", `  copilot summarize INC-2041
  copilot summarize INC-2041 --json
  copilot summarize INC-2050 --include-private`),
		m.answerCommand("followups", "Follow-ups promised in the incident channel", `  copilot followups INC-2041
  copilot followups INC-2041 --uncaptured
  copilot followups INC-2041 --uncaptured --json`),
		m.answerCommand("runbook", "Steps that fixed similar incidents, and matching runbooks", `  copilot runbook INC-2041
  copilot runbook INC-2041 --json`),
		m.ticketCommand(),
		m.statsCommand(),
		m.evalCommand(),
		m.capabilitiesCommand(),
		m.reembedCommand(),
		m.deleteCommand(),
		m.redactCommand(),
		m.benchCommand(),
		m.versionCommand(),
		m.feedbackCommand(),
	)
	return root
}

func (m *Main) serveCommand() *cobra.Command {
	var (
		addr       string
		socketMode bool
	)
	c := &cobra.Command{
		Use:   "serve [--addr HOST:PORT] [--slack-socket-mode]",
		Short: "Run the HTTP API (applies migrations at start)",
		Long: `Serve the /v1 JSON API, /healthz, /readyz, /metrics and /openapi.json.
COPILOT_API_TOKENS (name:token:scope+scope,...) holds the bearer tokens; without
it /v1 answers anonymous reads of public incidents only. With --slack-socket-mode
Slack's events, slash commands and button clicks come over a Socket Mode
connection opened with SLACK_APP_TOKEN (xapp-…), for a server Slack cannot reach.`,
		Example: `  copilot serve
  copilot serve --addr 127.0.0.1:8080
  COPILOT_API_TOKENS=bot:$(openssl rand -hex 16):read copilot serve
  SLACK_APP_TOKEN=xapp-... copilot serve --slack-socket-mode`,
		Args: nArgs(0, 0, ""),
		RunE: func(c *cobra.Command, _ []string) error { return m.serve(c.Context(), addr, socketMode) },
	}
	c.Flags().StringVar(&addr, "addr", "", "listen address HOST:PORT (default $COPILOT_ADDR or :8080)")
	c.Flags().BoolVar(&socketMode, "slack-socket-mode", false, "receive Slack's requests over Socket Mode (needs SLACK_APP_TOKEN)")
	return c
}

func (m *Main) migrateCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "migrate",
		Short: "Create or update the database schema",
		Long:  "Apply the embedded, numbered SQL migrations. Replicas starting together take turns.",
		Example: `  copilot migrate
  DATABASE_URL=postgres://copilot@db:5432/copilot copilot migrate --json`,
		Args: nArgs(0, 0, ""),
		RunE: func(c *cobra.Command, _ []string) error { return m.migrate(c.Context(), asJSON) },
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	return c
}

func (m *Main) ingestCommand() *cobra.Command {
	var (
		asJSON  bool
		pattern string
	)
	c := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Store incidents from Slack exports, incident documents and postmortems",
		Long: `Read Slack workspace exports (zip or folder), incident documents (JSON object,
array or JSONL) and Markdown postmortems; folders are walked. Everything is parsed
before anything is written, and each incident is stored whole or not at all.
Re-ingesting unchanged input changes nothing.

Slack channels whose name matches --channel-pattern become incidents; the others
are listed on stderr as skipped.`,
		Example: `  copilot ingest ./export.zip
  copilot ingest --channel-pattern '^(inc|sev)[-_]' ./slack-export/
  copilot ingest --json incidents.jsonl postmortems/`,
		Args: nArgs(1, -1, "PATH..."),
		RunE: func(c *cobra.Command, paths []string) error {
			return m.ingest(c.Context(), paths, pattern, asJSON)
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the counts as JSON")
	c.Flags().StringVar(&pattern, "channel-pattern", "^inc[-_]", "Slack channels whose name matches this regexp become incidents")

	var rbJSON bool
	rb := &cobra.Command{
		Use:   "runbooks DIR...",
		Short: "Store a library of Markdown runbooks",
		Example: `  copilot ingest runbooks ./runbooks
  copilot ingest runbooks --json ./runbooks ./more-runbooks`,
		Args: nArgs(1, -1, "DIR..."),
		RunE: func(c *cobra.Command, dirs []string) error { return m.ingestRunbooks(c.Context(), dirs, rbJSON) },
	}
	rb.Flags().BoolVar(&rbJSON, "json", false, "print the counts as JSON")
	c.AddCommand(rb)
	return c
}

func (m *Main) listCommand() *cobra.Command {
	var lf listFlags
	c := &cobra.Command{
		Use:   "list",
		Short: "List stored incidents, newest first",
		Long: `List incidents, newest first, without their transcripts. Page with --limit and
--cursor: a page that has more prints the cursor of the next one.`,
		Example: `  copilot list
  copilot list --service checkout-api --since 2026-01-01
  copilot list --limit 20 --cursor "$(copilot list --limit 20 --json | jq -r .next_cursor)"`,
		Args: nArgs(0, 0, ""),
		RunE: func(c *cobra.Command, _ []string) error { return m.list(c.Context(), lf) },
	}
	lf.add(c)
	return c
}

func (m *Main) similarCommand() *cobra.Command {
	var sf searchFlags
	c := &cobra.Command{
		Use:   "similar INCIDENT-ID",
		Short: "Past incidents similar to a stored incident",
		Example: `  copilot similar INC-2041
  copilot similar INC-2041 --limit 3 --service checkout-api
  copilot similar INC-2041 --since 2025-01-01 --json`,
		Args: nArgs(1, 1, "INCIDENT-ID"),
		RunE: func(c *cobra.Command, a []string) error { return m.similar(c.Context(), a[0], sf) },
	}
	sf = addSearchFlags(c.Flags())
	return c
}

func (m *Main) searchCommand() *cobra.Command {
	var sf searchFlags
	c := &cobra.Command{
		Use:   "search TEXT...",
		Short: "Incidents matching free text",
		Example: `  copilot search 'too many clients already'
  copilot search x509 certificate expired --limit 3
  copilot search 'kafka consumer lag' --team data --json`,
		Args: nArgs(1, -1, "TEXT"),
		RunE: func(c *cobra.Command, a []string) error { return m.search(c.Context(), strings.Join(a, " "), sf) },
	}
	sf = addSearchFlags(c.Flags())
	return c
}

func (m *Main) answerCommand(name, short, example string) *cobra.Command {
	var o answerOptions
	c := &cobra.Command{
		Use:     name + " INCIDENT-ID",
		Short:   short,
		Example: example,
		Args:    nArgs(1, 1, "INCIDENT-ID"),
		RunE: func(c *cobra.Command, a []string) error {
			switch name {
			case "summarize":
				return m.summarize(c.Context(), a[0], o)
			case "followups":
				return m.followups(c.Context(), a[0], o)
			default:
				return m.runbook(c.Context(), a[0], o)
			}
		},
	}
	c.Flags().BoolVar(&o.includePrivate, "include-private", false, "allow private incidents")
	c.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	if name == "followups" {
		c.Flags().BoolVar(&o.uncaptured, "uncaptured", false, "only follow-ups no ticket covers")
	}
	return c
}

func (m *Main) ticketCommand() *cobra.Command {
	var o answerOptions
	c := &cobra.Command{
		Use:   "ticket INCIDENT-ID FOLLOWUP-ID",
		Short: "File a follow-up as a ticket (once: a repeat prints the first)",
		Long: `File one follow-up of a stored incident as a ticket in the tracker that
COPILOT_JIRA_URL, COPILOT_JIRA_EMAIL, COPILOT_JIRA_TOKEN and COPILOT_JIRA_PROJECT
configure; without a tracker, record it as captured by you. FOLLOWUP-ID is the id
'copilot followups' prints. Filing twice files once: the second run prints the
first ticket. Every follow-up answer afterwards shows the item captured.`,
		Example: `  copilot followups INC-2041 --uncaptured
  copilot ticket INC-2041 fu-1772447400-000100
  copilot ticket INC-2050 fu-1777593900-000100 --include-private --json`,
		Args: nArgs(2, 2, "INCIDENT-ID FOLLOWUP-ID"),
		RunE: func(c *cobra.Command, a []string) error { return m.ticket(c.Context(), a[0], a[1], o) },
	}
	c.Flags().BoolVar(&o.includePrivate, "include-private", false, "allow private incidents")
	c.Flags().BoolVar(&o.asJSON, "json", false, "print JSON")
	return c
}

func (m *Main) statsCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "stats",
		Short: "What the memory holds",
		Example: `  copilot stats
  copilot stats --json`,
		Args: nArgs(0, 0, ""),
		RunE: func(c *cobra.Command, _ []string) error { return m.stats(c.Context(), asJSON) },
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (m *Main) evalCommand() *cobra.Command {
	var o evalOptions
	var corpus string
	c := &cobra.Command{
		Use:   "eval",
		Short: "Run the offline evaluations and gates",
		Long: `Measure every capability on labelled datasets (dev and test splits apart, with
BM25 and TF-IDF baselines for similar incidents) and check the gates. Without
--dataset it reads evals/testdata/corpus, evals/testdata/dev3 and
evals/testdata/dev5 (dev) and evals/testdata/heldout (test).
The gates are the targets built in from evals/gates.yaml unless --gate names
another file. The exit status is 0 when every gate passed and 2 when one failed;
the message names every metric below its threshold.

With --record (the default) each capability's run is stored with its
configuration; 'copilot capabilities' and GET /v1/capabilities read them.`,
		Example: `  copilot eval
  copilot eval --gate evals/floors.yaml --record=false
  copilot eval --dataset evals/testdata/heldout --report out/
  copilot eval --json > report.json`,
		Args: nArgs(0, 0, ""),
		RunE: func(c *cobra.Command, _ []string) error {
			if corpus != "" {
				o.datasets = append(o.datasets, corpus)
			}
			return m.eval(c.Context(), o)
		},
	}
	c.Flags().StringArrayVar(&o.datasets, "dataset", nil, "labelled dataset folder; repeat for several (default evals/testdata/corpus, evals/testdata/dev3, evals/testdata/dev5 and evals/testdata/heldout)")
	c.Flags().StringVar(&corpus, "corpus", "", "same as --dataset")
	c.Flags().MarkHidden("corpus")
	c.Flags().StringVar(&o.gate, "gate", "", "gates file (default: the targets of evals/gates.yaml, built in)")
	c.Flags().StringVar(&o.report, "report", "", "write report.json, report.md and report.html into this folder")
	c.Flags().BoolVar(&o.asJSON, "json", false, "print the report as JSON")
	c.Flags().BoolVar(&o.record, "record", true, "store the run in the eval_runs table")
	return c
}

func (m *Main) reembedCommand() *cobra.Command {
	var all, prune, asJSON bool
	c := &cobra.Command{
		Use:   "reembed",
		Short: "Compute vectors for the configured embedder",
		Example: `  copilot reembed
  COPILOT_EMBEDDER=openai copilot reembed --all --prune`,
		Args: nArgs(0, 0, ""),
		RunE: func(c *cobra.Command, _ []string) error { return m.reembed(c.Context(), all, prune, asJSON) },
	}
	c.Flags().BoolVar(&all, "all", false, "re-embed every incident, not only those without vectors of the configured embedder")
	c.Flags().BoolVar(&prune, "prune", false, "afterwards delete vectors of other embedders")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (m *Main) deleteCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "delete INCIDENT-ID",
		Short: "Remove an incident with its messages, chunks and tickets",
		Long:  "Remove an incident with its messages, chunks and tickets; the audit log records who did it.",
		Example: `  copilot delete INC-2041
  copilot delete INC-2041 --json`,
		Args: nArgs(1, 1, "INCIDENT-ID"),
		RunE: func(c *cobra.Command, a []string) error { return m.deleteIncident(c.Context(), a[0], asJSON) },
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (m *Main) redactCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "redact",
		Short: "Mask secrets stored before the current redaction rules",
		Long: `Mask secrets in incidents and runbooks stored before the current redaction rules,
rebuilding their chunks, vectors and full-text index. Run it once after upgrading.`,
		Example: `  copilot redact
  copilot redact --json`,
		Args: nArgs(0, 0, ""),
		RunE: func(c *cobra.Command, _ []string) error { return m.redactStored(c.Context(), asJSON) },
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (m *Main) versionCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "version",
		Short: "Version, commit, embedder and prompt versions (no database needed)",
		Example: `  copilot version
  copilot version --json`,
		Args: nArgs(0, 0, ""),
		RunE: func(c *cobra.Command, _ []string) error { return m.version(asJSON) },
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}
