package retrieval

import (
	"sort"
	"strings"
	"unicode"
)

// chatter are words that carry no failure information in incident channels, on top
// of PostgreSQL's English stop words.
var chatter = toSet(strings.Fields(`
	the and for are but not you all any can had her was one our out has him his how its may new now old see two who
	did get got let put say she too use yes yeah yep nope okay thanks thank thx pls please just still also some
	this that with from have what when where which while will would could should there their them then than they
	been being into over only very more most much many such here about after again before does done doing going
	look looks looking check checking think thought know seems seem like sure ack lol hmm right back maybe might
	anyone someone something everything nothing time today now mins min minutes hour hours ago way make made
	incident issue problem team people folks channel update status`))

func toSet(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// ContentTerms are the distinct informative words of a text, most frequent first.
func ContentTerms(text string) []string {
	counts := map[string]int{}
	first := map[string]int{}
	i := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	}) {
		if len(w) < 3 || len(w) > 40 || chatter[w] || isNumber(w) {
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

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
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
