package postgres_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/retrieval"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// TestLexicalNormWeighsLongQueriesByRepeats: a long query (an alert and its first
// messages, a whole incident) counts a term by how often it says it, so the incident
// sharing the word it keeps repeating outranks a shorter one sharing a word it says
// once; a short query counts each term once, as plain BM25 does, where the shorter
// incident wins. With LexicalNormBM25 the long query ranks as the short one. It fails
// if the query-side tf, its long-query threshold or the default change.
func TestLexicalNormWeighsLongQueriesByRepeats(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	schema := migratedSchema(t)
	open := func(norm string) *postgres.Store {
		return newStoreWith(t, postgres.Options{Schema: schema, MaxConns: 2, Fusion: retrieval.FusionLexical,
			LexicalNorm: norm, Redact: redact.String, RedactVersion: redact.Version})
	}
	def, plain := open(""), open(postgres.LexicalNormBM25)
	base := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	by := copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}
	// The same length but for one word: BM25 prefers the shorter LN-SHORT for a
	// query naming both incidents' rare words once.
	for _, inc := range []struct{ id, text string }{
		{"LN-SHORT", "the gateway firewall dropped packets"},
		{"LN-LONG", "the gateway replicator stalled and dropped packets"},
		{"LN-OTHER", "the gateway dropped packets"},
	} {
		doc := &copilot.Incident{ID: inc.id, Title: "gateway errors", Status: "resolved", Visibility: "public", StartedAt: base,
			Source: copilot.SourceDocument, Messages: []copilot.Message{{TS: copilot.FormatTS(base), User: "U1", UserName: "ana", Text: inc.text}}}
		if _, err := def.Ingest(ctx, []*copilot.Incident{doc}, by); err != nil {
			t.Fatal(err)
		}
	}
	// Words no incident holds make the query long without matching anything.
	var filler []string
	for i := 0; len(filler) < retrieval.LongQueryTerms; i++ {
		filler = append(filler, "zz"+string(rune('a'+i/26))+string(rune('a'+i%26))+"word")
	}
	long := strings.Join(filler, " ") + " replicator replicator replicator replicator firewall"
	short := "replicator replicator firewall"
	first := func(s *postgres.Store, q string) string {
		t.Helper()
		res, err := s.Search(ctx, copilot.SearchQuery{Text: q, Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(res) < 2 {
			t.Fatalf("query %.40q: %d answers, want LN-SHORT and LN-LONG", q, len(res))
		}
		return res[0].IncidentID
	}
	for _, c := range []struct {
		name  string
		s     *postgres.Store
		query string
		want  string
	}{
		{"default, long query", def, long, "LN-LONG"},
		{"default, short query", def, short, "LN-SHORT"},
		{"bm25, long query", plain, long, "LN-SHORT"},
		{"bm25, short query", plain, short, "LN-SHORT"},
	} {
		if got := first(c.s, c.query); got != c.want {
			t.Errorf("%s: %s first, want %s", c.name, got, c.want)
		}
	}

	if err := postgres.CheckLexicalNorm("qtf+cosine"); copilot.ErrorCode(err) != copilot.EINVALID {
		t.Errorf("an unknown lexical norm: err %v, want EINVALID", err)
	}
}
