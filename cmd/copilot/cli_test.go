package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func noEnv(string) string { return "" }

// cliTests run without a database: help, version and usage mistakes.
var cliTests = []struct {
	name     string
	args     []string
	exit     int
	stdout   []string // substrings of stdout
	stderr   []string // substrings of stderr
	noStdout bool
}{
	{name: "root help", args: []string{"--help"}, stdout: []string{"Usage:", "similar", "list", "version", "completion"}},
	{name: "help command", args: []string{"help", "similar"}, stdout: []string{"copilot similar INCIDENT-ID [flags]", "--limit", "Examples:"}},
	{name: "command help", args: []string{"similar", "--help"}, stdout: []string{"copilot similar INCIDENT-ID", "--include-private"}},
	{name: "subcommand help", args: []string{"ingest", "runbooks", "--help"}, stdout: []string{"copilot ingest runbooks DIR..."}},
	{name: "version", args: []string{"version"}, stdout: []string{"copilot", "embedder local/", "summary/v1"}},
	{name: "version flag", args: []string{"--version"}, stdout: []string{"copilot "}},
	{name: "completion", args: []string{"completion", "bash"}, stdout: []string{"bash completion"}},
	{name: "typo", args: []string{"similr", "INC-1", "--json"}, exit: 2, noStdout: true, stderr: []string{`unknown command "similr"; did you mean "similar"?`}},
	{name: "typo in a group", args: []string{"bench", "serch"}, exit: 2, stderr: []string{`did you mean "search"?`}},
	{name: "missing argument", args: []string{"similar"}, exit: 2, noStdout: true, stderr: []string{"missing INCIDENT-ID", "copilot similar --help"}},
	{name: "unknown flag", args: []string{"stats", "--jsn"}, exit: 2, noStdout: true, stderr: []string{"unknown flag: --jsn"}},
	{name: "no command", args: nil, exit: 2, noStdout: true, stderr: []string{"Available Commands:", "missing a command"}},
	// migrate takes --json like the help says: the flag parses, and the missing
	// DATABASE_URL is what fails.
	{name: "migrate --json", args: []string{"migrate", "--json"}, exit: 2, stderr: nil},
}

func TestCLI(t *testing.T) {
	t.Parallel()
	for _, tt := range cliTests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			m := &Main{Stdout: &out, Stderr: &errb, Getenv: noEnv}
			err := m.Run(t.Context(), tt.args)
			exit := 0
			if err != nil {
				exit = exitCode(err)
			}
			if exit != tt.exit {
				t.Errorf("exit %d, want %d (err %v)\nstderr: %s", exit, tt.exit, err, errb.String())
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errb.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errb.String())
				}
			}
			if tt.noStdout && out.Len() > 0 {
				t.Errorf("a usage error printed to stdout:\n%s", out.String())
			}
			if err != nil && strings.Contains(userMessage(err), "unknown flag: --json") {
				t.Errorf("--json is not a flag of %v", tt.args)
			}
		})
	}
}

func TestVersionJSON(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &out, Getenv: noEnv}
	if err := m.Run(t.Context(), []string{"version", "--json"}); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Version, Go, Embedder string
		Prompts               []string
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatalf("version --json: %v\n%s", err, out.String())
	}
	if v.Version == "" || v.Go == "" || v.Embedder == "" || len(v.Prompts) == 0 {
		t.Errorf("version --json = %+v", v)
	}
}

// TestSingleDashFlags: scripts written for the flag package's -json keep working.
func TestSingleDashFlags(t *testing.T) {
	t.Parallel()
	got := strings.Join(longFlags([]string{"similar", "-json", "-limit=3", "-h", "X", "--", "-json"}), " ")
	if want := "similar --json --limit=3 -h X -- -json"; got != want {
		t.Errorf("longFlags = %q, want %q", got, want)
	}
}

// TestProgressLines: off a terminal, a line every interval however often the store
// reports, counted from the last line printed.
func TestProgressLines(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := newProgress(&out, "ingest", "incidents", false)
	p.now = func() time.Time { return now }
	p.start, p.last = now, now
	for i := 1; i <= 100; i++ {
		now = now.Add(500 * time.Millisecond) // reported twice a second for 50 s
		p.update(i, 100)
	}
	p.finish()
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 10 {
		t.Fatalf("%d lines in 50 s at a %s interval, want 10:\n%s", len(lines), progressInterval, out.String())
	}
	if lines[0] != "ingest: 10/100 incidents (10%), 5s elapsed" {
		t.Errorf("first line %q", lines[0])
	}
	var quiet bytes.Buffer
	q := newProgress(&quiet, "ingest", "incidents", true)
	q.update(1, 1)
	if quiet.Len() > 0 {
		t.Errorf("--json progress printed %q", quiet.String())
	}
}
