// Package failure owns the failure-mode lexicon: it maps error messages of widely used
// systems (databases, brokers, Kubernetes, DNS, TLS, load balancers, runtimes) to
// failure-mode concepts, so that incidents worded differently can still be compared.
package failure

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Concept is one failure mechanism, e.g. "conn-exhaustion".
type Concept struct {
	ID          string
	Description string
}

// Match is one signature phrase found in a text and the concept it signals.
type Match struct {
	Phrase  string
	Concept string
}

// maxGap is how many words "~" in a signature may stand for.
const maxGap = 12

const (
	wildOne = "*"
	wildGap = "~"
)

// word is one compiled signature word: a canonical token, "*" or "~". An exact word
// matches only the same surface token (so "=502" does not match every 5xx).
type word struct {
	w     string
	exact bool
}

// signature is a compiled lexicon phrase.
type signature struct {
	phrase  string
	concept int
	words   []word
}

type compiled struct {
	concepts []Concept
	sigs     []signature
	byFirst  map[string][]int32 // first word → signature indexes
}

var lexiconOnce = sync.OnceValue(func() *compiled {
	c, err := compile(lexicon)
	if err != nil {
		// The table is part of the program; TestLexiconCompiles keeps it valid.
		panic(err)
	}
	return c
})

func compile(table []entry) (*compiled, error) {
	c := &compiled{byFirst: make(map[string][]int32)}
	seen := map[string]bool{}
	for ci, e := range table {
		if e.id == "" || seen[e.id] {
			return nil, fmt.Errorf("lexicon entry %d: empty or duplicate id %q", ci, e.id)
		}
		seen[e.id] = true
		c.concepts = append(c.concepts, Concept{ID: e.id, Description: e.desc})
		for _, p := range e.sigs {
			words, err := compileSignature(p)
			if err != nil {
				return nil, fmt.Errorf("lexicon %s: %w", e.id, err)
			}
			c.sigs = append(c.sigs, signature{phrase: p, concept: ci, words: words})
			si := int32(len(c.sigs) - 1)
			c.byFirst[words[0].w] = append(c.byFirst[words[0].w], si)
		}
	}
	return c, nil
}

// compileSignature splits a signature into words. Words are reduced to their
// canonical form so that one signature covers its inflections and synonyms
// ("pool exhausted" also matches "pool exhaustion"); a piece prefixed with "="
// is kept exact.
func compileSignature(p string) ([]word, error) {
	var words []word
	for _, piece := range strings.Fields(p) {
		if piece == wildOne || piece == wildGap {
			words = append(words, word{w: piece})
			continue
		}
		exact := strings.HasPrefix(piece, "=")
		for _, t := range Tokens(strings.TrimPrefix(piece, "=")) {
			w := t.S
			if t.Alias != "" && !exact {
				w = t.Alias
			}
			words = append(words, word{w: w, exact: exact})
		}
	}
	if len(words) == 0 {
		return nil, fmt.Errorf("signature %q has no words", p)
	}
	if first, last := words[0].w, words[len(words)-1].w; first == wildOne || first == wildGap || last == wildGap {
		return nil, fmt.Errorf("signature %q starts or ends with a wildcard", p)
	}
	return words, nil
}

// All returns every concept of the lexicon in table order.
func All() []Concept {
	return slices.Clone(lexiconOnce().concepts)
}

// Describe returns the concept with the given id.
func Describe(id string) (Concept, bool) {
	for _, c := range lexiconOnce().concepts {
		if c.ID == id {
			return c, true
		}
	}
	return Concept{}, false
}

// Concepts returns the failure-mode concepts whose signatures occur in text, sorted, unique.
func Concepts(text string) []string {
	return ConceptsOf(Tokens(text))
}

// ConceptsOf is Concepts for text already split by Tokens, so a caller that needs
// both the tokens and the concepts tokenizes once.
func ConceptsOf(toks []Token) []string {
	var hit [64]bool // enough for the table; checked by TestLexiconSize
	var ids []string
	c := lexiconOnce()
	c.scan(toks, func(si int32) bool {
		ci := c.sigs[si].concept
		if ci < len(hit) {
			if hit[ci] {
				return true
			}
			hit[ci] = true
		} else if slices.Contains(ids, c.concepts[ci].ID) {
			return true
		}
		ids = append(ids, c.concepts[ci].ID)
		return true
	})
	slices.Sort(ids)
	return ids
}

// Signatures returns the signature phrases found in text with their concepts, in
// the order they first occur, each phrase once. It explains why a text was given
// its concepts.
func Signatures(text string) []Match {
	return SignaturesOf(Tokens(text))
}

// SignaturesOf is Signatures for text already split by Tokens.
func SignaturesOf(toks []Token) []Match {
	var out []Match
	c := lexiconOnce()
	seen := map[int32]bool{}
	c.scan(toks, func(si int32) bool {
		if !seen[si] {
			seen[si] = true
			s := c.sigs[si]
			out = append(out, Match{Phrase: s.phrase, Concept: c.concepts[s.concept].ID})
		}
		return true
	})
	return out
}

// scan calls hit for every signature that matches at some position of toks.
func (c *compiled) scan(toks []Token, hit func(si int32) bool) {
	for i, t := range toks {
		for k, key := range [3]string{t.S, t.Alias, t.PhraseAlias} {
			if key == "" || (k == 1 && key == t.S) || (k == 2 && (key == t.S || key == t.Alias)) {
				continue
			}
			for _, si := range c.byFirst[key] {
				words := c.sigs[si].words
				if words[0].exact && k != 0 {
					continue
				}
				if matchAt(toks, i+1, words[1:]) && !hit(si) {
					return
				}
			}
		}
	}
}

// matchAt reports whether words match toks starting at position i.
func matchAt(toks []Token, i int, words []word) bool {
	for wi, w := range words {
		switch w.w {
		case wildOne:
			if i >= len(toks) {
				return false
			}
			i++
		case wildGap:
			rest := words[wi+1:]
			for skip := 0; skip <= maxGap && i+skip <= len(toks); skip++ {
				if matchAt(toks, i+skip, rest) {
					return true
				}
			}
			return false
		default:
			if i >= len(toks) {
				return false
			}
			if w.exact && toks[i].S != w.w || !w.exact && !toks[i].Has(w.w) {
				return false
			}
			i++
		}
	}
	return true
}
