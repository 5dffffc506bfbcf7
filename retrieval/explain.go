package retrieval

import (
	"math"
	"sort"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// Query is what a search asked, as the explanations compare it with a result.
type Query struct {
	Concepts []string // failure concepts of the query text
	Terms    []string // ContentTerms of the query text, most frequent first
	Services []string // services named by the query or its incident
}

// Evidence is a cited chunk as stored.
type Evidence struct {
	Text      string   // one line per message
	Terms     string   // concept tokens (ConceptToken), space-separated
	MessageTS []string // ts of the chunk's messages, in order
	// lines are the content terms of each line of Text (Prepared); Explain works
	// them out when they are not.
	lines []map[string]bool
}

// Prepared returns e with the content terms of its lines worked out, so that
// explaining it for several results or rankings reads them once. The explanations
// are those of e unprepared.
func (e Evidence) Prepared() Evidence {
	if e.lines == nil {
		ls := strings.Split(e.Text, "\n")
		e.lines = make([]map[string]bool, len(ls))
		for i, l := range ls {
			e.lines[i] = lineTerms(l)
		}
	}
	return e
}

// lineMemo keeps the content terms of chunk lines: the same chunks are explained
// for search after search.
var lineMemo = text.NewMemo[string, map[string]bool](1 << 15)

// lineTerms is contentTermSet(l), remembered.
func lineTerms(l string) map[string]bool {
	return lineMemo.Get(l, func() map[string]bool { return contentTermSet(l) })
}

// Explain fills in the score, snippets and why of a result whose incident row is
// already set: the best chunk's ranks and similarity, and what the cited chunks
// (chunks: g.Evidence() by chunk id) share with the query. textSkipped marks a
// ranking made without the full-text side.
func Explain(res *copilot.SearchResult, g Group, q Query, chunks map[int64]Evidence, textSkipped bool) {
	res.Score = math.Round(g.Score*1e6) / 1e6
	best := g.Chunks[0]
	res.Why.VectorRank, res.Why.TextRank = best.VectorRank, best.TextRank
	res.Why.TextSkipped = textSkipped
	if !math.IsNaN(best.Distance) && best.VectorRank > 0 {
		res.Why.VectorSimilarity = math.Round((1-best.Distance)*1e4) / 1e4
	}
	res.Why.SharedServices = intersect(q.Services, res.Services)
	var matchedTerms strings.Builder
	// The content terms of the cited chunks' text: those of their lines together (a
	// line break separates words).
	matched := map[string]bool{}
	res.Snippets = []copilot.Snippet{}
	for _, h := range g.Evidence() {
		ch := chunks[h.ChunkID].Prepared()
		for _, l := range ch.lines {
			for w := range l {
				matched[w] = true
			}
		}
		matchedTerms.WriteString(ch.Terms + " ")
		res.Snippets = append(res.Snippets, snippet(ch, q.Terms))
	}
	res.Why.SharedSignatures = sharedConcepts(q.Concepts, matchedTerms.String())
	res.Why.SharedTerms = sharedTerms(q.Terms, matched)
	if res.Services == nil {
		res.Services = []string{}
	}
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
		if have[ConceptToken(c)] {
			out = append(out, c)
		}
	}
	return out
}

// sharedTerms lists up to eight query words among the matched text's content terms.
func sharedTerms(queryTerms []string, have map[string]bool) []string {
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
func snippet(ev Evidence, queryTerms []string) copilot.Snippet {
	const maxSnippet = 320
	ts := ev.MessageTS
	lines := strings.Split(ev.Text, "\n")
	if len(lines) != len(ts) {
		// Not one line per message (older rows): cite the whole chunk.
		return copilot.Snippet{Text: text.ClipBytes(strings.Join(lines, " "), maxSnippet, text.Ellipsis), SourceTS: ts}
	}
	q := toSet(queryTerms)
	type scored struct{ i, score int }
	var ss []scored
	for i := range lines {
		n := 0
		for w := range ev.lines[i] {
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
	return copilot.Snippet{Text: text.ClipBytes(strings.Join(parts, " … "), maxSnippet, text.Ellipsis), SourceTS: src}
}
