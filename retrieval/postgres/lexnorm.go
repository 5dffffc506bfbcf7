package postgres

import (
	"sort"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/retrieval"
)

// Length normalisations of the lexical side (Options.LexicalNorm,
// COPILOT_LEXICAL_NORM). Plain BM25 (LexicalNormBM25) counts every query term once
// and by its idf alone: a whole incident asked as a query weighs a word it says once
// in passing like the one it is about, and on some dev sets written by people who had
// not read the engine TF-IDF's cosine, whose query vector weighs each term by its
// idf, ranked better. Each part below changes one thing; parts join with "+".
//
// DefaultLexicalNorm counts a term of a long query by how often the query says it,
// 1 + ln qtf, as TF-IDF's query vector does; a short query keeps plain BM25. Chosen
// on the fourteen dev sets with family labels, sets weighted equally, against eight
// other combinations, measured each set in a memory of its own and all in one: mean
// MRR over by incident, free text and early rises for the hybrid from 0.818 to 0.829
// alone and from 0.812 to 0.826 together (lexical side alone 0.799 -> 0.809 and
// 0.793 -> 0.795; TF-IDF 0.794 and 0.776), free text unchanged by construction, no
// set down by more than one query's move. Weighing long queries' terms by idf once
// more as well (qidf+qtf+long) did best alone (0.834) but no better than plain BM25
// together, where it lost early-incident queries (BENCHMARKS.md, "Length
// normalisation of the lexical side").
const DefaultLexicalNorm = LexicalNormQueryTF + "+" + LexicalNormLongOnly

const (
	// LexicalNormBM25: idf × BM25's saturated tf with b = retrieval.BM25B.
	LexicalNormBM25 = "bm25"
	// LexicalNormQueryIDF weighs each query term by its idf once more, as a
	// vector-space query would (the query vector's idf times the document's):
	// a term of a few incidents outweighs a common one quadratically.
	LexicalNormQueryIDF = "qidf"
	// LexicalNormQueryTF counts a query term by 1 + ln of how often the query says it,
	// TF-IDF's sublinear tf on the query side: what a long query is about outweighs
	// what it mentions once.
	LexicalNormQueryTF = "qtf"
	// LexicalNormFullLength sets BM25's b to 1: a document's term frequency is read
	// wholly relative to its length.
	LexicalNormFullLength = "b1"
	// LexicalNormTopTerms keeps, of a query with more than lexicalTerms terms, the
	// lexicalTerms with the highest idf × (1 + ln qtf), those that say most about it.
	LexicalNormTopTerms = "top"
	// LexicalNormLongOnly applies the query-side parts (qidf, qtf, top) only to a
	// long query (retrieval.LongQueryTerms content terms or more: an alert and its
	// first messages, a whole incident); a sentence a responder types is as short as
	// a query BM25 was made for and keeps every term once.
	LexicalNormLongOnly = "long"
)

// lexicalNorms are the parts a LexicalNorm value may join.
var lexicalNorms = []string{LexicalNormBM25, LexicalNormQueryIDF, LexicalNormQueryTF, LexicalNormFullLength, LexicalNormTopTerms, LexicalNormLongOnly}

// lexicalScoring is a parsed LexicalNorm.
type lexicalScoring struct {
	queryIDF, queryTF, topTerms, longOnly bool
	b                                     float64
}

// parseLexicalNorm reads a LexicalNorm value ("" is DefaultLexicalNorm).
func parseLexicalNorm(v string) (lexicalScoring, error) {
	ls := lexicalScoring{b: retrieval.BM25B}
	if v == "" {
		v = DefaultLexicalNorm
	}
	for _, part := range strings.Split(v, "+") {
		switch part {
		case LexicalNormBM25:
		case LexicalNormQueryIDF:
			ls.queryIDF = true
		case LexicalNormQueryTF:
			ls.queryTF = true
		case LexicalNormFullLength:
			ls.b = 1
		case LexicalNormTopTerms:
			ls.topTerms = true
		case LexicalNormLongOnly:
			ls.longOnly = true
		default:
			names := append([]string(nil), lexicalNorms...)
			sort.Strings(names)
			return ls, copilot.Errorf(copilot.EINVALID, "lexical norm: %q is not one of %s or several joined with +", part, strings.Join(names, ", "))
		}
	}
	return ls, nil
}

// forQuery is the scoring of a query of queryTerms content terms: without the
// query-side parts for a short one when they are for long queries only.
func (ls lexicalScoring) forQuery(queryTerms int) lexicalScoring {
	if ls.longOnly && queryTerms < retrieval.LongQueryTerms {
		ls.queryIDF, ls.queryTF, ls.topTerms = false, false, false
	}
	return ls
}

// CheckLexicalNorm reports whether v is a LexicalNorm value Open accepts: EINVALID
// if not.
func CheckLexicalNorm(v string) error {
	_, err := parseLexicalNorm(v)
	return err
}

// queryWeight is the SQL expression of a query term's weight from its idf and
// qtf columns.
func (ls lexicalScoring) queryWeight() string {
	w := "s.idf"
	if ls.queryIDF {
		w += " * s.idf"
	}
	if ls.queryTF {
		w += " * (1 + ln(s.qtf))"
	}
	return w
}

// String is the value that parses back to ls.
func (ls lexicalScoring) String() string {
	var parts []string
	if ls.queryIDF {
		parts = append(parts, LexicalNormQueryIDF)
	}
	if ls.queryTF {
		parts = append(parts, LexicalNormQueryTF)
	}
	if ls.b == 1 {
		parts = append(parts, LexicalNormFullLength)
	}
	if ls.topTerms {
		parts = append(parts, LexicalNormTopTerms)
	}
	if ls.longOnly {
		parts = append(parts, LexicalNormLongOnly)
	}
	if len(parts) == 0 {
		return LexicalNormBM25
	}
	return strings.Join(parts, "+")
}
