package retrieval

import (
	"fmt"
	"slices"
	"testing"
)

var contentTermTests = []struct {
	text string
	want []string
}{
	{"Pool exhausted; the pool is FULL again", []string{"pool", "exhausted", "full"}},
	{"ok thanks, looking at it now", []string{}},
	{"error 503 from api_gw at 10:42", []string{"error", "api_gw"}},
	{"", []string{}},
}

func TestContentTerms(t *testing.T) {
	for _, tt := range contentTermTests {
		if got := ContentTerms(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("ContentTerms(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestConceptTokenIsOneWord(t *testing.T) {
	if got := ConceptToken("conn-exhaustion"); got != "conceptconnexhaustion" {
		t.Fatalf("ConceptToken = %q", got)
	}
}

// freq builds Frequencies of n incidents where each concept occurs in the given
// number of incidents.
func TestQueryWordsConceptsFirst(t *testing.T) {
	got := QueryWords("pool pool exhausted", []string{"conn-exhaustion"})
	if !slices.Equal(got, []string{"conceptconnexhaustion", "pool", "exhausted"}) {
		t.Fatalf("QueryWords = %v", got)
	}
}

func manyWords(n int) [][]string {
	var out [][]string
	for i := range n {
		out = append(out, []string{fmt.Sprintf("w%d", i)})
	}
	return out
}

var selectTests = []struct {
	name      string
	lexemes   [][]string
	nConcepts int
	f         *Frequencies
	want      []string
}{
	{
		name:      "duplicates once, a word may give several lexemes",
		lexemes:   [][]string{{"conceptdns"}, {"pool"}, {"pool", "size"}, {}},
		nConcepts: 1, f: &Frequencies{},
		want: []string{"conceptdns", "pool", "size"},
	},
	{
		name:    "common words dropped once the memory is large",
		lexemes: [][]string{{"error"}, {"pgbouncer"}},
		f:       &Frequencies{Chunks: 10000, Words: map[string]int{"error": 501, "pgbouncer": 500}},
		want:    []string{"pgbouncer"},
	},
	{
		name:    "in a small memory every word counts",
		lexemes: [][]string{{"error"}},
		f:       &Frequencies{Chunks: MinChunksForShare - 1, Words: map[string]int{"error": MinChunksForShare - 1}},
		want:    []string{"error"},
	},
	{
		name:      "concepts never count against the word limit nor the share",
		lexemes:   append([][]string{{"concepta"}, {"conceptb"}}, manyWords(MaxQueryTerms+10)...),
		nConcepts: 2,
		f:         &Frequencies{Chunks: 10000, Words: map[string]int{"concepta": 10000}},
		want:      append([]string{"concepta", "conceptb"}, flatten(manyWords(MaxQueryTerms))...),
	},
}

func flatten(ls [][]string) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l...)
	}
	return out
}

func TestSelectLexemes(t *testing.T) {
	for _, tt := range selectTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SelectLexemes(tt.lexemes, tt.nConcepts, tt.f); !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestConceptTerms(t *testing.T) {
	if got := ConceptTerms("write failed: no space left on device"); got != "conceptdiskfull" {
		t.Errorf("ConceptTerms = %q, want conceptdiskfull", got)
	}
	if got := ConceptTerms("all good, thanks"); got != "" {
		t.Errorf("ConceptTerms of chatter = %q, want empty", got)
	}
}
