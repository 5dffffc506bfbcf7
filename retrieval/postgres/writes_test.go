package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// openIn opens a migrated store in the given schema with the given masker.
func openIn(t *testing.T, schema string, mask func(string) string, version string) *postgres.Store {
	t.Helper()
	model, err := embeddings.NewLocal(64)
	if err != nil {
		t.Fatal(err)
	}
	s, err := postgres.Open(context.Background(), dbtest.URL(t), model, postgres.Options{Schema: schema, Redact: mask, RedactVersion: version})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// allText is every row of every table of the schema as text, generated columns
// (the full-text vectors) included.
func allText(t *testing.T, schema string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, schema)
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, tbl := range tables {
		var s string
		if err := conn.QueryRow(ctx, `SELECT coalesce(string_agg(t::text, E'\n'), '') FROM `+schema+`.`+tbl+` t`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		b.WriteString(s)
	}
	var tsv string
	if err := conn.QueryRow(ctx, `SELECT coalesce(string_agg(tsv::text, ' '), '') FROM `+schema+`.chunks`).Scan(&tsv); err != nil {
		t.Fatal(err)
	}
	b.WriteString(tsv)
	return b.String()
}

const (
	plantedGH  = "ghp_Zq8vN3kLmP0aR7tYx2WcB5dF9gH1jK4sE6uV"
	plantedPW  = "Xk9#mQ2vL7pZ"
	plantedURL = "postgres://payments:" + plantedPW + "@db-primary.internal:5432/payments"
)

func leakyIncident(id string) *copilot.Incident {
	inc := sampleIncident(id, 6, "private")
	inc.Title = "token " + plantedGH + " pasted"
	inc.Messages[1].Text = "DATABASE_URL=" + plantedURL + " is what the pod sees"
	inc.Messages[2].Text = "the bot used " + plantedGH + " to push"
	inc.Tickets[0].Title = "rotate " + plantedGH
	return inc
}

// TestRedactStoredMasksOldRows: incidents stored before redaction at ingest (here:
// with a masker that keeps everything) are masked by RedactStored, chunks, vectors
// and full-text index included, and each masked incident is audited.
func TestRedactStoredMasksOldRows(t *testing.T) {
	t.Parallel()
	schema := migratedSchema(t)
	ctx := context.Background()
	old := openIn(t, schema, func(s string) string { return s }, "none")
	all := copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}
	if _, err := old.Ingest(ctx, []*copilot.Incident{leakyIncident("OLD-1"), sampleIncident("OLD-2", 4, "public")}, all); err != nil {
		t.Fatal(err)
	}
	if _, err := old.IngestRunbooks(ctx, []*copilot.Runbook{{ID: "rb-1", Title: "Pool exhausted", Path: "rb.md", Text: "connect with " + plantedURL}}); err != nil {
		t.Fatal(err)
	}
	before := allText(t, schema)
	if !strings.Contains(before, plantedGH) || !strings.Contains(before, plantedPW) || !strings.Contains(before, strings.ToLower(plantedGH[4:])) {
		t.Fatal("the raw store should hold the planted secrets (the test would prove nothing)")
	}

	s := openIn(t, schema, redact.String, redact.Version)
	res, err := s.RedactStored(ctx, copilot.Actor{Name: "cli:test"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Incidents != 2 || res.Masked != 1 || res.Rewritten != 2 || res.Runbooks != 1 {
		t.Errorf("RedactStored = %+v, want 2 read, 1 masked, 2 rewritten (new rules), 1 runbook", res)
	}
	after := allText(t, schema)
	// The full-text index holds words lower-cased and split at punctuation.
	for _, secret := range []string{plantedGH, strings.ToLower(plantedGH[4:]), plantedPW, "mq2vl7pz"} {
		if strings.Contains(after, secret) {
			t.Errorf("secret %q survives RedactStored", secret)
		}
	}
	if !strings.Contains(after, "REDACTED") {
		t.Error("no placeholder stored")
	}
	log, err := s.AuditLog(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].Action != copilot.AuditRedact || log[0].IncidentID != "OLD-1" || log[0].Actor != "cli:test" {
		t.Errorf("audit log = %+v", log)
	}
	// Search still finds the incident, now through masked text.
	got, err := s.Search(ctx, copilot.SearchQuery{Text: "too many clients already", Limit: 5, Filter: copilot.IncidentFilter{IncludePrivate: true}})
	if err != nil || len(got) != 2 {
		t.Errorf("search after redaction = %v, %v", got, err)
	}
	// A second run finds nothing to do.
	res, err = s.RedactStored(ctx, copilot.Actor{Name: "cli:test"})
	if err != nil || res.Masked != 0 || res.Rewritten != 0 || res.Runbooks != 0 {
		t.Errorf("second RedactStored = %+v, %v", res, err)
	}
}

// TestIngestMasksAndHashesRules: ingest masks before storing, and a change of the
// rules' version re-processes an incident whose transcript did not change.
func TestIngestMasksAndHashesRules(t *testing.T) {
	t.Parallel()
	schema := migratedSchema(t)
	ctx := context.Background()
	all := copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}
	v1 := openIn(t, schema, redact.String, "rules-1")
	if _, err := v1.Ingest(ctx, []*copilot.Incident{leakyIncident("NEW-1")}, all); err != nil {
		t.Fatal(err)
	}
	if txt := allText(t, schema); strings.Contains(txt, plantedGH) || strings.Contains(txt, plantedPW) {
		t.Error("ingest stored a secret")
	}
	res, err := v1.Ingest(ctx, []*copilot.Incident{leakyIncident("NEW-1")}, all)
	if err != nil || res.Unchanged != 1 {
		t.Errorf("same rules, same transcript: %+v, %v", res, err)
	}
	v2 := openIn(t, schema, redact.String, "rules-2")
	res, err = v2.Ingest(ctx, []*copilot.Incident{leakyIncident("NEW-1")}, all)
	if err != nil || res.Written != 1 {
		t.Errorf("new rules must re-process: %+v, %v", res, err)
	}
}

// TestOpenNeedsRedact: a store without a masker is refused, so forgetting to wire
// one never means secrets stored raw.
func TestOpenNeedsRedact(t *testing.T) {
	model, _ := embeddings.NewLocal(64)
	_, err := postgres.Open(context.Background(), "postgres://x@127.0.0.1:1/x", model, postgres.Options{})
	if copilot.ErrorCode(err) != copilot.EINVALID || !strings.Contains(copilot.ErrorMessage(err), "Redact") {
		t.Errorf("Open without Redact = %v", err)
	}
}

// TestIngestAnnouncesStages: each long step is announced with its size, so the CLI
// can say what it is doing between progress lines.
func TestIngestAnnouncesStages(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	var got []string
	opts := copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true},
		Stage: func(name string, total int) { got = append(got, fmt.Sprintf("%s %d", name, total)) }}
	res, err := s.Ingest(context.Background(), []*copilot.Incident{sampleIncident("ST-1", 8, "public"), sampleIncident("ST-2", 8, "public")}, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{fmt.Sprintf("%s %d", copilot.StageEmbed, res.Chunks), copilot.StageWrite + " 2"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("stages %q, want %q", got, want)
	}
	got = nil
	if _, err := s.Ingest(context.Background(), []*copilot.Incident{sampleIncident("ST-1", 8, "public")}, opts); err != nil || len(got) != 0 {
		t.Errorf("unchanged re-ingest announced %q (%v)", got, err)
	}
}
