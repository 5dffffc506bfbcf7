package retrieval

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

func TestEmbedTextCarriesTheTitle(t *testing.T) {
	c := copilot.Chunk{Text: "bob: restarted pgbouncer"}
	if got := EmbedText(&copilot.Incident{Title: "Checkout 5xx"}, c); got != "Checkout 5xx\nbob: restarted pgbouncer" {
		t.Errorf("EmbedText = %q", got)
	}
	if got := EmbedText(&copilot.Incident{}, c); got != c.Text {
		t.Errorf("EmbedText without a title = %q", got)
	}
}

func TestChunkTermsReadTheTitleToo(t *testing.T) {
	got := ChunkTerms(&copilot.Incident{Title: "FATAL: sorry, too many clients already"}, copilot.Chunk{Text: "looking"})
	if !strings.Contains(got, ConceptToken("conn-exhaustion")) {
		t.Fatalf("ChunkTerms = %q", got)
	}
}
