package text

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// stemmer names the stemming algorithm and the version of the module that
// implements it; Version covers it.
const stemmer = "snowball-english/kljensen-v0.10.0"

// Stem returns the Snowball (Porter2) English stem of the lower-case word w:
// "rotated", "rotation" and "rotating" become "rotat". Words with digits or
// non-ASCII letters are returned unchanged.
func Stem(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			if c != '\'' {
				return w
			}
		}
	}
	if len(w) <= 2 {
		return w
	}
	return english.Stem(w, true)
}

// Version names the toolkit's rules by their content: the stop words, negations,
// ticket-key prefixes and the stemmer. Whatever stores data derived from words
// (vectors, concept terms) records it, so that a changed rule marks that data stale.
func Version() string { return versionOnce() }

var versionOnce = sync.OnceValue(func() string {
	h := sha256.New()
	fmt.Fprintf(h, "stemmer %s\ntokenizer %s\n", stemmer, chatTokenizer)
	for _, set := range []map[string]bool{stopWords, negations, notTicketPrefixes} {
		ws := make([]string, 0, len(set))
		for w := range set {
			ws = append(ws, w)
		}
		sort.Strings(ws)
		fmt.Fprintf(h, "%s\n", strings.Join(ws, " "))
	}
	fmt.Fprintf(h, "key %s\n", ticketKeyRE)
	return hex.EncodeToString(h.Sum(nil))[:8]
})
