package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/copilot/redact/redacttest"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
)

// TestNoSecretEscapes plants realistic secrets of every format the redaction test set
// knows in a JSON document, a Slack export and a Markdown postmortem, ingests them
// through the CLI and looks for every secret in everything the copilot can show or
// keep: every read route of the API (search and similar snippets included), the CLI's
// --json output, every row of every table (pg_dump --data-only, plus the generated
// full-text columns pg_dump leaves out) and the server's log. Commit SHAs, UUIDs and
// the other look-alikes must survive unmasked.
func TestNoSecretEscapes(t *testing.T) {
	t.Parallel()
	env := testEnv(t)
	rng := rand.New(rand.NewPCG(20261201, 7))
	samples := redacttest.Samples(rng)
	keep := redacttest.Keep(rng)
	if len(samples) < 40 {
		t.Fatalf("only %d secret formats in the test set; the issue asks for at least 40", len(samples))
	}

	dir := t.TempDir()
	writeSecretDocument(t, filepath.Join(dir, "docs", "leaky.json"), samples, keep)
	writeSecretSlackExport(t, filepath.Join(dir, "slack"), samples)
	writeSecretPostmortem(t, filepath.Join(dir, "pm", "PM2026-077 - Leaky deploy.md"), samples)

	if _, stderr, err := run(t, env, "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, stderr)
	}
	out, stderr, err := run(t, env, "ingest", "--json", filepath.Join(dir, "docs"), filepath.Join(dir, "slack"), filepath.Join(dir, "pm"))
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	var ing struct{ Incidents int }
	mustJSON(t, out, &ing)
	if ing.Incidents != 3 {
		t.Fatalf("ingested %d incidents, want 3: %s", ing.Incidents, out)
	}
	ids := []string{"LEAK-1", "inc-leaky-creds", "PM2026-077"}

	base, logs := serveFor(t, env)
	var outputs []named
	add := func(what, body string) { outputs = append(outputs, named{what, body}) }

	// Every read route, as the admin token that sees everything.
	for _, id := range ids {
		for _, p := range []string{"", "/similar?limit=10", "/summary", "/follow-ups", "/runbook"} {
			res := do(t, "GET", base+"/v1/incidents/"+id+p, adminToken, nil)
			expectStatus(t, res, 200)
			add("GET /v1/incidents/"+id+p, res.body)
		}
	}
	for _, q := range []string{"password", "token leaked in channel", "AKIA secret key rotated", "database url credentials", "private key"} {
		res := do(t, "POST", base+"/v1/search", adminToken, map[string]any{"query": q, "limit": 10})
		expectStatus(t, res, 200)
		add("POST /v1/search "+q, res.body)
	}
	// A search that pastes a secret must not echo it.
	res := do(t, "POST", base+"/v1/search", adminToken, map[string]any{"query": samples[0].Line})
	expectStatus(t, res, 200)
	add("POST /v1/search with a pasted secret", res.body)
	// Answers over a document given whole, never stored.
	adhoc := secretDocument("ADHOC-1", samples, keep)
	for _, p := range []string{"/v1/summary", "/v1/follow-ups", "/v1/runbook"} {
		res := do(t, "POST", base+p, adminToken, adhoc)
		expectStatus(t, res, 200)
		add("POST "+p, res.body)
	}
	for _, p := range []string{"/v1/audit", "/metrics", "/readyz"} {
		add("GET "+p, do(t, "GET", base+p, adminToken, nil).body)
	}

	// The CLI's JSON.
	for _, id := range ids {
		for _, args := range [][]string{{"similar", id}, {"summarize", id}, {"followups", id}, {"runbook", id}} {
			o, stderr, err := run(t, env, append(args, "--json", "--include-private")...)
			if err != nil {
				t.Fatalf("%v: %v\n%s", args, err, stderr)
			}
			add("copilot "+strings.Join(args, " ")+" --json", o+stderr)
		}
	}
	o, _, err := run(t, env, "search", "password token key", "--json")
	if err != nil {
		t.Fatal(err)
	}
	add("copilot search --json", o)

	// Every row of every table.
	add("pg_dump --data-only", pgDumpSchema(t, env))
	add("server log", logs.String())
	lexemes := tsvLexemes(t, env)

	for _, o := range outputs {
		for _, s := range samples {
			if needle := leaked(o.body, s.Secret); needle != "" {
				t.Errorf("%s: %s secret leaks (%q)", o.what, s.Kind, clip(needle, 60))
			}
		}
	}
	// The full-text index lower-cases and splits words: a long lexeme that is part of
	// a secret means the secret was indexed.
	for _, s := range samples {
		low := strings.ToLower(s.Secret)
		for _, lx := range lexemes {
			if len(lx) >= 12 && strings.Contains(low, lx) {
				t.Errorf("full-text index holds part of a %s secret: %q", s.Kind, lx)
			}
		}
	}

	// Look-alikes survive: in the stored transcript as the API returns it.
	doc := do(t, "GET", base+"/v1/incidents/LEAK-1", adminToken, nil).body
	for _, k := range keep {
		if !strings.Contains(doc, k) {
			t.Errorf("%q was masked; it is not a secret", k)
		}
	}

	// No answer item is empty because its text was all secret.
	for _, id := range ids {
		var fu struct {
			Items []struct {
				Text string `json:"text"`
			} `json:"items"`
		}
		mustJSON(t, do(t, "GET", base+"/v1/incidents/"+id+"/follow-ups", adminToken, nil).body, &fu)
		for _, it := range fu.Items {
			if strings.TrimSpace(it.Text) == "" || redact.Only(it.Text) {
				t.Errorf("%s: follow-up with no text but secrets: %q", id, it.Text)
			}
		}
	}
}

type named struct{ what, body string }

// leaked returns the form of secret found in body: the secret itself, its JSON or
// Slack-escaped form, or (for multi-line secrets such as PEM blocks) any long line of it.
func leaked(body, secret string) string {
	j, _ := json.Marshal(secret)
	forms := []string{secret, strings.Trim(string(j), `"`)}
	for _, line := range strings.Split(strings.ReplaceAll(secret, `\n`, "\n"), "\n") {
		if line = strings.TrimSpace(line); len(line) >= 20 && !strings.HasPrefix(line, "-----") {
			forms = append(forms, line)
		}
	}
	for _, f := range forms {
		if len(f) >= 6 && strings.Contains(body, f) {
			return f
		}
	}
	return ""
}

func secretDocument(id string, samples []redacttest.Sample, keep []string) map[string]any {
	var msgs []map[string]string
	ts := 1780000000
	for i, s := range samples {
		msgs = append(msgs, map[string]string{"ts": fmt.Sprintf("%d.%06d", ts+i*30, 100), "user_name": "sre" + fmt.Sprint(i%4), "text": s.Line})
		// Something that reads like a commitment next to the secret.
		if i%5 == 0 {
			msgs = append(msgs, map[string]string{"ts": fmt.Sprintf("%d.%06d", ts+i*30+10, 200), "user_name": "lead", "text": "I'll rotate that: " + s.Line})
		}
	}
	msgs = append(msgs, map[string]string{"ts": fmt.Sprintf("%d.%06d", ts+len(samples)*30+60, 300), "user_name": "lead",
		"text": "deployed " + strings.Join(keep, " , ") + " and the error rate is back to baseline"})
	return map[string]any{
		"id": id, "title": "Credentials pasted during DB failover: " + firstLine(samples[1].Line), "severity": "SEV2", "status": "resolved",
		"services": []string{"payments-db"}, "team": "payments", "visibility": "private",
		"messages": msgs,
		"tickets":  []map[string]string{{"key": "SEC-42", "title": "Rotate what was pasted: " + firstLine(samples[2].Line), "url": "https://jira.example.com/browse/SEC-42", "status": "open"}},
	}
}

func writeSecretDocument(t *testing.T, path string, samples []redacttest.Sample, keep []string) {
	t.Helper()
	b, err := json.MarshalIndent(secretDocument("LEAK-1", samples, keep), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, string(b))
}

// slackEscape escapes text as Slack's export does.
func slackEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func writeSecretSlackExport(t *testing.T, dir string, samples []redacttest.Sample) {
	t.Helper()
	writeFile(t, filepath.Join(dir, "channels.json"), `[{"id":"C0LEAK","name":"inc-leaky-creds","created":1780000000,"topic":{"value":"creds pasted"},"purpose":{"value":""}}]`)
	writeFile(t, filepath.Join(dir, "users.json"), `[{"id":"U01","name":"ann","profile":{"display_name":"ann"}},{"id":"U02","name":"bo","profile":{"display_name":"bo"}}]`)
	var msgs []map[string]any
	for i, s := range samples {
		msgs = append(msgs, map[string]any{"type": "message", "user": []string{"U01", "U02"}[i%2],
			"text": slackEscape(s.Line), "ts": fmt.Sprintf("%d.%06d", 1780000000+i*20, 100)})
	}
	b, _ := json.MarshalIndent(msgs, "", "  ")
	writeFile(t, filepath.Join(dir, "inc-leaky-creds", "2026-05-28.json"), string(b))
}

func writeSecretPostmortem(t *testing.T, path string, samples []redacttest.Sample) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# PM2026-077 - Leaky deploy\n\nSeverity: SEV2\n\n## Summary\n\nA deploy printed its configuration, secrets included.\n\n## Timeline\n\n")
	for i, s := range samples {
		if strings.Contains(s.Line, "\n") {
			continue
		}
		fmt.Fprintf(&b, "- 2026-05-28 10:%02d %s\n", i%60, s.Line)
	}
	b.WriteString("\n## Root cause\n\n")
	for _, s := range samples {
		if strings.Contains(s.Line, "\n") {
			fmt.Fprintf(&b, "The key that leaked:\n\n```\n%s\n```\n\n", s.Line)
		}
	}
	b.WriteString("## Action items\n\n| Item | Owner | Ticket |\n|---|---|---|\n")
	// A bare secret, with nothing around it that says what it is, cannot be told from
	// any other random string; what people paste carries its context (a key, a flag, a
	// URL scheme), so the items quote the lines.
	for _, s := range samples[:8] {
		if !strings.Contains(s.Line, "\n") {
			fmt.Fprintf(&b, "| Rotate after `%s` | ann | |\n", strings.ReplaceAll(s.Line, "|", "/"))
		}
	}
	writeFile(t, path, b.String())
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

var searchPathRE = regexp.MustCompile(`search_path=([a-z0-9_]+)`)

// pgDumpSchema dumps every row of the test's schema with the server's own pg_dump.
func pgDumpSchema(t *testing.T, env func(string) string) string {
	t.Helper()
	dsn := env("DATABASE_URL")
	m := searchPathRE.FindStringSubmatch(dsn)
	if m == nil {
		t.Fatalf("no schema in %s", dsn)
	}
	u, err := url.Parse(dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_dump")
	bin := "pg_dump"
	if len(bins) > 0 {
		bin = bins[len(bins)-1]
	}
	cmd := exec.Command(bin, "--data-only", "--schema="+m[1], "--no-owner", dbtest.URL(t))
	cmd.Env = append(os.Environ(), "PGCONNECT_TIMEOUT=10")
	outb, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("pg_dump (%s on %s): %v\n%s", bin, u.Host, err, outb)
	}
	if !strings.Contains(string(outb), "COPY "+m[1]+".messages") {
		t.Fatalf("pg_dump output lacks the messages table:\n%s", clip(string(outb), 500))
	}
	return string(outb)
}

var lexemeRE = regexp.MustCompile(`'((?:[^']|'')+)'`)

// tsvLexemes are the lexemes of the generated full-text columns pg_dump leaves out.
func tsvLexemes(t *testing.T, env func(string) string) []string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, env("DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var s string
	if err := conn.QueryRow(ctx, `SELECT coalesce(string_agg(tsv::text, ' '), '') || ' ' ||
		(SELECT coalesce(string_agg(tsv::text, ' '), '') FROM runbooks) FROM chunks`).Scan(&s); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range lexemeRE.FindAllStringSubmatch(s, -1) {
		out = append(out, strings.ReplaceAll(m[1], "''", "'"))
	}
	if len(out) == 0 {
		t.Fatal("no chunks indexed")
	}
	return out
}
