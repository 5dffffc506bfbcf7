package postgres

import (
	"sort"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/retrieval"
)

// Length normalisations of the lexical side, for measuring them with one build
// (Options.LexicalNorm, COPILOT_LEXICAL_NORM). The default, LexicalNormBM25, is BM25
// with every query term counted once: a whole incident asked as a query weighs a word
// it says once like one it is about, and TF-IDF's cosine, which weighs query terms by
// their rarity and divides by each document's length, ranks some dev sets better.
// The others change one thing each and may be joined with "+":
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

// parseLexicalNorm reads a LexicalNorm value ("" is the default).
func parseLexicalNorm(v string) (lexicalScoring, error) {
	ls := lexicalScoring{b: retrieval.BM25B}
	if v == "" {
		return ls, nil
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
