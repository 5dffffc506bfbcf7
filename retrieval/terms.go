package retrieval

import (
	"sort"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// ConceptTF is the term frequency an incident's failure concept counts with in its
// lexical document: once, like a word said once. Its weight then comes from BM25's
// idf, how rare the concept is in the memory, so a concept half the incidents share
// (a deploy, an HTTP 5xx) adds almost nothing and a rare one (inotify watches
// exhausted) counts like a rare word. Chosen on the dev split (BENCHMARKS.md).
const ConceptTF = 1

// ConceptTerms are the failure concepts of a text as one line of ConceptToken
// words, "" when it has none.
func ConceptTerms(s string) string {
	cs := failure.Concepts(s)
	toks := make([]string, len(cs))
	for i, c := range cs {
		toks[i] = ConceptToken(c)
	}
	return strings.Join(toks, " ")
}

// queryNoise are words of incident channels that appear in nearly every incident,
// so they rank nothing; text.IsStopWord covers English function words and chatter.
var queryNoise = toSet(strings.Fields(`incident issue problem channel update status
	look looks looking check checking put use`))

func toSet(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// ContentTerms are the distinct content words of a text (text.ContentWords of at
// least three letters, without incident-channel noise), most frequent first. They
// stay unstemmed: PostgreSQL's text search stems them on its side.
func ContentTerms(s string) []string {
	counts := map[string]int{}
	first := map[string]int{}
	i := 0
	for _, w := range text.ContentWords(s) {
		if !isTerm(w) {
			continue
		}
		if _, ok := counts[w]; !ok {
			first[w] = i
			i++
		}
		counts[w]++
	}
	terms := make([]string, 0, len(counts))
	for w := range counts {
		terms = append(terms, w)
	}
	sort.Slice(terms, func(a, b int) bool {
		if counts[terms[a]] != counts[terms[b]] {
			return counts[terms[a]] > counts[terms[b]]
		}
		return first[terms[a]] < first[terms[b]]
	})
	return terms
}

// ConceptToken is how a failure concept is written into the chunks' terms column:
// one word of letters and digits, so the text-search parser keeps it whole.
func ConceptToken(concept string) string {
	var b strings.Builder
	b.WriteString("concept")
	for _, r := range concept {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isTerm reports whether a content word is one of ContentTerms.
func isTerm(w string) bool { return len(w) >= 3 && len(w) <= 40 && !queryNoise[w] }

// contentTermSet is the set of ContentTerms(s), without counting or ordering them.
func contentTermSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range text.ContentWords(s) {
		if isTerm(w) {
			set[w] = true
		}
	}
	return set
}
