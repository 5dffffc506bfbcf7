package retrieval

// MaxQueryTerms bounds the words of the full-text side of a query: a whole
// transcript as query would otherwise OR hundreds of words together.
const MaxQueryTerms = 48

// MaxConceptShare: a query concept found in more than this share of incidents does
// not discriminate and is left out of the full-text query.
const MaxConceptShare = 0.25

// MaxWordShare: a query word found in more than this share of chunks matches too
// much to rank cheaply or usefully.
const MaxWordShare = 0.05

// MinChunksForShare: below this many chunks every word counts, and Frequencies.Words
// need not be counted.
const MinChunksForShare = 2000

// MinIncidentsForShare: below this many incidents shares mean little; every concept counts.
const MinIncidentsForShare = 20

// Frequencies say how common concepts and words are in the memory, so search can
// tell a telling concept (connection exhaustion) from one half the memory shares (an
// HTTP 5xx, a deploy).
type Frequencies struct {
	Incidents int            // incidents with chunks
	Concepts  map[string]int // concept token → incidents it occurs in
	Chunks    int            // chunks
	Words     map[string]int // full-text lexeme → chunks it occurs in (from MinChunksForShare chunks)
}

// QueryWords are the candidates for the full-text side of a query: the concepts'
// tokens first, then the text's content terms, most frequent first. The store turns
// each into full-text lexemes and SelectLexemes picks among them.
func QueryWords(text string, concepts []string) []string {
	words := make([]string, 0, len(concepts))
	for _, c := range concepts {
		words = append(words, ConceptToken(c))
	}
	return append(words, ContentTerms(text)...)
}

// SelectLexemes picks the full-text query from lexemes, the lexemes of each of
// QueryWords in order (the first nConcepts from concepts): every concept lexeme, then
// up to MaxQueryTerms word lexemes, leaving out duplicates and words more than
// MaxWordShare of the chunks hold.
func SelectLexemes(lexemes [][]string, nConcepts int, f *Frequencies) []string {
	var out []string
	seen := map[string]bool{}
	n := 0
	for i, ls := range lexemes {
		for _, lx := range ls {
			if seen[lx] {
				continue
			}
			if i >= nConcepts {
				if n == MaxQueryTerms {
					break
				}
				if f.Chunks >= MinChunksForShare && float64(f.Words[lx]) > MaxWordShare*float64(f.Chunks) {
					continue
				}
				n++
			}
			seen[lx] = true
			out = append(out, lx)
		}
	}
	return out
}
