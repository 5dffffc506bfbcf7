package failure

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// Version names the lexicon by its content: a short hash over every concept id, its
// signatures and the alias tables, so any edit that can change what is matched gets
// a new version. Embedders and stores record it next to what they derived from the
// lexicon (vectors, concept terms), so derived data made by another lexicon is
// recognised as stale instead of silently compared with new data.
func Version() string { return versionOnce() }

var versionOnce = sync.OnceValue(func() string { return version(lexicon) })

// version hashes table, the alias tables and the text toolkit's version (its
// ticket-key rule decides what a token is). Descriptions are left out: they change
// no match.
func version(table []entry) string {
	h := sha256.New()
	fmt.Fprintf(h, "text %s\n", text.Version())
	for _, e := range table {
		fmt.Fprintf(h, "concept %q\n", e.id)
		for _, s := range e.sigs {
			fmt.Fprintf(h, "sig %q\n", s)
		}
	}
	for _, g := range aliasGroups {
		fmt.Fprintf(h, "alias %q %v %q\n", g.canon, g.replace, g.words)
	}
	for _, p := range phraseAliases {
		fmt.Fprintf(h, "phrase %q %q\n", p.canon, p.phrase)
	}
	return hex.EncodeToString(h.Sum(nil))[:8]
}
