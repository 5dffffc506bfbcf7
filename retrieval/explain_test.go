package retrieval

import (
	"maps"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

func TestExplain(t *testing.T) {
	g := Group{IncidentID: 7, Score: 0.0327868852, Chunks: []Hit{
		{ChunkID: 1, VectorRank: 2, TextRank: 1, Distance: 0.12345},
		{ChunkID: 2, VectorRank: 5, Distance: 0.3},
		{ChunkID: 3, TextRank: 9, Distance: math.NaN()},
	}}
	q := Query{
		Concepts: []string{"conn-exhaustion", "dns-failure"},
		Terms:    ContentTerms("pgbouncer pool exhausted on checkout, too many clients"),
		Services: []string{"checkout-api", "payments-db"},
	}
	chunks := map[int64]Evidence{
		1: {Text: "alice: checkout 5xx\nbob: pgbouncer says too many clients already", Terms: ConceptToken("conn-exhaustion"), MessageTS: []string{"1.1", "1.2"}},
		2: {Text: "carol: raised the pool size", MessageTS: []string{"2.1"}},
		3: {Text: "never cited", Terms: ConceptToken("dns-failure"), MessageTS: []string{"3.1"}},
	}
	res := &copilot.SearchResult{IncidentID: "INC-7", Services: []string{"payments-db", "checkout-api"}}
	Explain(res, g, q, chunks, false)

	if res.Score != 0.032787 {
		t.Errorf("score = %v, want it rounded to 6 places", res.Score)
	}
	w := res.Why
	if w.VectorRank != 2 || w.TextRank != 1 || w.VectorSimilarity != 0.8766 || w.TextSkipped {
		t.Errorf("why = %+v: ranks and similarity are the best chunk's", w)
	}
	if !slices.Equal(w.SharedServices, []string{"checkout-api", "payments-db"}) {
		t.Errorf("shared services = %v, want the query's order", w.SharedServices)
	}
	if !slices.Equal(w.SharedSignatures, []string{"conn-exhaustion"}) {
		t.Errorf("shared signatures = %v: only the cited chunks count", w.SharedSignatures)
	}
	if !slices.Equal(w.SharedTerms, []string{"pgbouncer", "pool", "checkout", "clients"}) {
		t.Errorf("shared terms = %v, want the query words the cited chunks hold, in query order", w.SharedTerms)
	}
	if slices.Contains(w.SharedTerms, "exhausted") {
		t.Errorf("shared terms %v name a word no cited chunk has", w.SharedTerms)
	}
	if len(res.Snippets) != 2 {
		t.Fatalf("snippets = %+v, want the two best chunks", res.Snippets)
	}
	if s := res.Snippets[0]; !slices.Equal(s.SourceTS, []string{"1.1", "1.2"}) && !slices.Equal(s.SourceTS, []string{"1.2"}) {
		t.Errorf("first snippet cites %v", s.SourceTS)
	}
}

var explainEdgeTests = []struct {
	name  string
	best  Hit
	skip  bool
	check func(t *testing.T, res *copilot.SearchResult)
}{
	{
		name: "text-only best chunk has no similarity",
		best: Hit{ChunkID: 1, TextRank: 3, Distance: math.NaN()},
		check: func(t *testing.T, res *copilot.SearchResult) {
			if res.Why.VectorSimilarity != 0 || res.Why.VectorRank != 0 || res.Why.TextRank != 3 {
				t.Errorf("why = %+v", res.Why)
			}
		},
	},
	{
		name: "skipped text side is said",
		best: Hit{ChunkID: 1, VectorRank: 1, Distance: 0},
		skip: true,
		check: func(t *testing.T, res *copilot.SearchResult) {
			if !res.Why.TextSkipped || res.Why.VectorSimilarity != 1 {
				t.Errorf("why = %+v", res.Why)
			}
		},
	},
	{
		name: "lists are never null",
		best: Hit{ChunkID: 1, VectorRank: 1},
		check: func(t *testing.T, res *copilot.SearchResult) {
			if res.Services == nil || res.Why.SharedServices == nil || res.Why.SharedSignatures == nil || res.Why.SharedTerms == nil || res.Snippets == nil {
				t.Errorf("nil list in %+v", res)
			}
		},
	},
}

func TestExplainEdges(t *testing.T) {
	for _, tt := range explainEdgeTests {
		t.Run(tt.name, func(t *testing.T) {
			res := &copilot.SearchResult{}
			Explain(res, Group{Chunks: []Hit{tt.best}}, Query{}, map[int64]Evidence{1: {Text: "x", MessageTS: []string{"1"}}}, tt.skip)
			tt.check(t, res)
		})
	}
}

var snippetTests = []struct {
	name   string
	text   string
	ts     []string
	terms  []string
	want   string
	wantTS []string
}{
	{
		name: "the lines sharing most with the query, in transcript order",
		text: "hello all\npool exhausted on checkout\nlooking\ntoo many clients on pool",
		ts:   []string{"1", "2", "3", "4"}, terms: []string{"pool", "clients", "exhausted"},
		want: "pool exhausted on checkout … too many clients on pool", wantTS: []string{"2", "4"},
	},
	{
		name: "nothing shared: the first line",
		text: "a\nb", ts: []string{"1", "2"}, terms: []string{"zzz"},
		want: "a", wantTS: []string{"1"},
	},
	{
		name: "not one line per message: the whole chunk",
		text: "a\nb\nc", ts: []string{"1", "2"}, terms: nil,
		want: "a b c", wantTS: []string{"1", "2"},
	},
}

func TestSnippet(t *testing.T) {
	for _, tt := range snippetTests {
		t.Run(tt.name, func(t *testing.T) {
			got := snippet(Evidence{Text: tt.text, MessageTS: tt.ts}.Prepared(), tt.terms)
			if got.Text != tt.want || !slices.Equal(got.SourceTS, tt.wantTS) {
				t.Fatalf("snippet = %q %v, want %q %v", got.Text, got.SourceTS, tt.want, tt.wantTS)
			}
		})
	}
}

// TestContentTermSetOfLines: the content terms of a text are the set of
// ContentTerms, and those of its lines together (Explain reads a chunk's lines once).
func TestContentTermSetOfLines(t *testing.T) {
	texts := []string{
		"",
		"FATAL: sorry, too many clients already\nPool exhausted on checkout-api; we'll raise max_connections",
		"the incident channel: status update\n\nlooking… DON'T restart pgbouncer’s pods\nOOMKilled OOMKilled 502 502",
		"disk full\r\non /var/lib/kafka (100%)\nlog.retention.hours=168 — retention never ran",
	}
	for _, s := range texts {
		want := toSet(ContentTerms(s))
		if got := contentTermSet(s); !maps.Equal(got, want) {
			t.Errorf("contentTermSet(%q) = %v, want %v", s, got, want)
		}
		union := map[string]bool{}
		for _, l := range (Evidence{Text: s}).Prepared().lines {
			maps.Copy(union, l)
		}
		if !maps.Equal(union, want) {
			t.Errorf("the lines of %q together hold %v, want %v", s, union, want)
		}
	}
}

// TestExplainPreparedEvidence: prepared evidence explains as the raw rows do.
func TestExplainPreparedEvidence(t *testing.T) {
	raw := map[int64]Evidence{
		1: {Text: "pool exhausted on checkout\ntoo many clients already", Terms: "conceptpoolexhaustion", MessageTS: []string{"1", "2"}},
		2: {Text: "raised max_connections to 400\nclients reconnect", MessageTS: []string{"3", "4"}},
	}
	prepared := map[int64]Evidence{}
	for id, e := range raw {
		prepared[id] = e.Prepared()
	}
	g := Group{IncidentID: 7, Score: 0.5, Chunks: []Hit{{ChunkID: 1, IncidentID: 7, Distance: 0.2, VectorRank: 1, TextRank: 2}, {ChunkID: 2, IncidentID: 7, Distance: 0.3}}}
	q := Query{Concepts: []string{"pool exhaustion"}, Terms: []string{"clients", "max_connections", "pool", "zebra"}, Services: []string{"checkout"}}
	var a, b copilot.SearchResult
	a.Services, b.Services = []string{"checkout"}, []string{"checkout"}
	Explain(&a, g, q, raw, false)
	Explain(&b, g, q, prepared, false)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("prepared evidence explains\n%+v\nraw rows\n%+v", b, a)
	}
	if len(a.Why.SharedTerms) != 3 || len(a.Snippets) != 2 {
		t.Errorf("explanation = %+v, want three shared terms and two snippets", a)
	}
}

func TestTruncateKeepsRunes(t *testing.T) {
	if got := text.ClipBytes("ééé", 3, text.Ellipsis); got != "é…" {
		t.Fatalf("truncate = %q", got)
	}
}
