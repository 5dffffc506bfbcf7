package retrieval

import (
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
)

// EmbedText is what a chunk's vector is computed from: the incident title gives
// every chunk its context.
func EmbedText(inc *copilot.Incident, c copilot.Chunk) string {
	if inc.Title == "" {
		return c.Text
	}
	return inc.Title + "\n" + c.Text
}

// ChunkTerms are the failure-mode concepts found in a chunk as tokens (ConceptToken),
// stored beside the text so full-text search matches "too many clients" with
// "connection pool exhausted".
func ChunkTerms(inc *copilot.Incident, c copilot.Chunk) string {
	cs := failure.Concepts(inc.Title + "\n" + c.Text)
	for i := range cs {
		cs[i] = ConceptToken(cs[i])
	}
	return strings.Join(cs, " ")
}
