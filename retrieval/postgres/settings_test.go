package postgres_test

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// TestSearchSettings: the settings an eval run records name the defaults once
// resolved, and any change of fusion, vector share or lexical weighting shows, so a
// gate opened on one search does not open on another.
func TestSearchSettings(t *testing.T) {
	def := newStore(t).SearchSettings()
	if def != "fusion weighted, vector share 0.4, lexical qtf+long" {
		t.Fatalf("defaults: %q", def)
	}
	half := 0.5
	for name, opts := range map[string]postgres.Options{
		"rrf":          {Fusion: "rrf"},
		"vector share": {VectorWeight: &half},
		"plain bm25":   {LexicalNorm: "bm25"},
	} {
		opts.MaxConns, opts.Redact, opts.RedactVersion = 2, redact.String, redact.Version
		if got := newStoreWith(t, opts).SearchSettings(); got == def {
			t.Errorf("%s: %q is the same as the defaults", name, got)
		}
	}
}
