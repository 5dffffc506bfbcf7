package local

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/copilot/redact/redacttest"
)

var selfEvidentKind = map[string]bool{
	"aws-key": true, "github-token": true, "gitlab-token": true, "slack-token": true,
	"api-key": true, "gcp-key": true, "jwt": true, "twilio-api-key": true,
	"new-relic-api-key": true, "vault-token": true, "doppler-token": true,
}

// TestLocalEngineNeverQuotesSecrets pastes every shared secret sample into follow-up
// and action sentences, raw and as ingest stores it (already masked), and checks that
// no answer quotes a secret or holds an item that is empty or all placeholders. A raw
// incident reaches the engine the way production hands one over: through the
// Copilot service, which masks incidents given whole.
func TestLocalEngineNeverQuotesSecrets(t *testing.T) {
	for _, masked := range []bool{false, true} {
		for _, seed := range []uint64{1, 9} {
			samples := redacttest.Samples(rand.New(rand.NewPCG(seed, 0)))
			lines := []string{
				"bot> [FIRING] CheckoutErrors 5xx 30%",
				"ana: customers cannot pay, 40% of checkouts failing",
			}
			for i, s := range samples {
				line := s.Line
				if i%2 == 0 && selfEvidentKind[s.Kind] {
					// A bare password or hex key is not recognisable without its key
					// or command; the shapes that are stand alone here.
					line = "action item: rotate " + s.Secret
				}
				if i%3 == 0 {
					line = "we should restart checkout with " + s.Line
				}
				if masked {
					line = redact.String(line)
				}
				lines = append(lines, "ben: "+strings.ReplaceAll(line, "\n", " "))
			}
			lines = append(lines, "ana: rolled back the config change", "ben: errors back to normal", "ana: resolved")
			inc := synthetic("INC-77", lines...)
			eng := New(nil)
			cp := &copilot.Copilot{Engine: eng, Redact: redact.String}
			ctx := context.Background()
			var outs []any
			if a, err := cp.SummarizeIncident(ctx, inc); err == nil {
				outs = append(outs, a)
			} else {
				t.Fatal(err)
			}
			fu, err := cp.FollowUpsOfIncident(ctx, inc, false)
			if err != nil {
				t.Fatal(err)
			}
			outs = append(outs, fu)
			for _, it := range fu.Items {
				if strings.TrimSpace(it.Text) == "" || redact.Only(it.Text) {
					t.Errorf("masked=%v: empty follow-up %q", masked, it.Text)
				}
			}
			rb, err := eng.Runbook(ctx, inc, nil, nil) // inc is masked by now
			if err != nil {
				t.Fatal(err)
			}
			outs = append(outs, rb)
			b, _ := json.Marshal(outs)
			all := string(b)
			for _, s := range samples {
				if strings.Contains(all, s.Secret) {
					t.Errorf("masked=%v seed %d: answer quotes %s secret %q", masked, seed, s.Kind, s.Secret)
				}
			}
			if strings.Contains(all, "[REDACTED:") && !strings.Contains(all, "[REDACTED:email]") {
				t.Errorf("masked=%v: answer quotes a masked credential: %s", masked, all)
			}
		}
	}
}
