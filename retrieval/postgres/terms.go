package postgres

import (
	"sort"
	"strings"
	"unicode"

	"incidentcopilot/copilot"
)

// maxQueryTerms bounds the full-text side of a query: a whole transcript as query
// would otherwise OR hundreds of words together.
const maxQueryTerms = 48

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

// contentTerms are the distinct informative words of a text, most frequent first.
func contentTerms(text string) []string {
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

// conceptToken is how a failure concept is written into the chunks' terms column:
// one word of letters and digits, so the text-search parser keeps it whole.
func conceptToken(concept string) string {
	var b strings.Builder
	b.WriteString("concept")
	for _, r := range concept {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func intersect(a, b []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, x := range b {
		seen[x] = true
	}
	for _, x := range a {
		if seen[x] {
			out = append(out, x)
			seen[x] = false
		}
	}
	return out
}

func sharedConcepts(queryConcepts []string, terms string) []string {
	have := toSet(strings.Fields(terms))
	out := []string{}
	for _, c := range queryConcepts {
		if have[conceptToken(c)] {
			out = append(out, c)
		}
	}
	return out
}

// sharedTerms lists up to eight query words found in the matched text.
func sharedTerms(queryTerms []string, text string) []string {
	have := toSet(contentTerms(text))
	out := []string{}
	for _, w := range queryTerms {
		if have[w] {
			out = append(out, w)
			if len(out) == 8 {
				break
			}
		}
	}
	return out
}

// snippet picks the chunk lines that share most with the query, in transcript order,
// within maxSnippet characters, with the ts of the messages they are.
func snippet(text string, ts []string, queryTerms []string) copilot.Snippet {
	const maxSnippet = 320
	lines := strings.Split(text, "\n")
	if len(lines) != len(ts) {
		// Not one line per message (older rows): cite the whole chunk.
		return copilot.Snippet{Text: truncate(strings.Join(lines, " "), maxSnippet), SourceTS: ts}
	}
	q := toSet(queryTerms)
	type scored struct{ i, score int }
	var ss []scored
	for i, l := range lines {
		n := 0
		for _, w := range contentTerms(l) {
			if q[w] {
				n++
			}
		}
		ss = append(ss, scored{i, n})
	}
	sort.SliceStable(ss, func(a, b int) bool { return ss[a].score > ss[b].score })
	pick := []int{ss[0].i}
	if len(ss) > 1 && ss[1].score > 0 && len(lines[ss[0].i])+len(lines[ss[1].i]) < maxSnippet {
		pick = append(pick, ss[1].i)
	}
	sort.Ints(pick)
	var parts, src []string
	for _, i := range pick {
		parts = append(parts, lines[i])
		src = append(src, ts[i])
	}
	return copilot.Snippet{Text: truncate(strings.Join(parts, " … "), maxSnippet), SourceTS: src}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
