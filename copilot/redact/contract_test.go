package redact_test

import (
	"math/rand/v2"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/copilot/redact/redacttest"
)

// TestPlaceholderContract holds the masker to what the domain reads: every line
// that holds a credential masks to text copilot.HasMaskedSecret recognises, and the
// two sides agree on what is all placeholders. The local engine relies on it to skip
// secrets without importing this package.
func TestPlaceholderContract(t *testing.T) {
	if got := redact.Placeholder("aws-key"); got != copilot.PlaceholderPrefix+"aws-key]" {
		t.Fatalf("Placeholder = %q, not in the domain's format", got)
	}
	for seed := range uint64(5) {
		for _, s := range redacttest.Samples(rand.New(rand.NewPCG(seed, 0))) {
			masked := redact.String(s.Line)
			if redact.Has(s.Line) != copilot.HasMaskedSecret(masked) {
				t.Errorf("%s: redact.Has(raw) = %v, copilot.HasMaskedSecret(masked) = %v\nmasked: %q", s.Kind, redact.Has(s.Line), copilot.HasMaskedSecret(masked), masked)
			}
			for _, x := range []string{masked, redact.String(s.Secret), "- " + redact.String(s.Secret) + "."} {
				if redact.Only(x) != copilot.OnlyPlaceholders(x) {
					t.Errorf("%s: redact.Only and copilot.OnlyPlaceholders disagree on %q", s.Kind, x)
				}
			}
		}
	}
}
