package redact

import (
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/redact/redacttest"
)

var seeds = []uint64{1, 2, 7, 42, 20260302}

func TestSamplesMasked(t *testing.T) {
	for _, seed := range seeds {
		samples := redacttest.Samples(rand.New(rand.NewPCG(seed, 0)))
		if len(samples) < 45 {
			t.Fatalf("seed %d: %d samples, want at least 45", seed, len(samples))
		}
		for _, s := range samples {
			got := String(s.Line)
			if strings.Contains(got, s.Secret) {
				t.Errorf("seed %d %s: secret %q survived in %q", seed, s.Kind, s.Secret, got)
			}
			if !strings.Contains(got, placeholderPrefix) {
				t.Errorf("seed %d %s: no placeholder in %q", seed, s.Kind, got)
			}
			if !Has(s.Line) {
				t.Errorf("seed %d %s: Has(%q) = false", seed, s.Kind, s.Line)
			}
		}
	}
}

// TestSamplesRandom: the sample set differs per seed, so no test passes by knowing
// fixed strings.
func TestSamplesRandom(t *testing.T) {
	a := redacttest.Samples(rand.New(rand.NewPCG(1, 0)))
	b := redacttest.Samples(rand.New(rand.NewPCG(2, 0)))
	if len(a) != len(b) {
		t.Fatalf("sample counts differ: %d, %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Secret == b[i].Secret {
			t.Errorf("%s: same secret %q for two seeds", a[i].Kind, a[i].Secret)
		}
	}
	ka, kb := redacttest.Keep(rand.New(rand.NewPCG(1, 0))), redacttest.Keep(rand.New(rand.NewPCG(2, 0)))
	for i := range ka {
		if ka[i] == kb[i] && !strings.HasPrefix(ka[i], "ERR_") {
			t.Errorf("same keep value %q for two seeds", ka[i])
		}
	}
}

// keepSentences are the contexts a non-secret appears in, some next to words
// (api, auth, key, token) that gitleaks' generic rule looks for.
var keepSentences = []string{
	"looking at %s now",
	"checkout-api, %s restarted twice",
	"auth-service logs for %s show the retry storm",
	"request_id=%s returned 502 from the edge",
	"trace: %s (see tempo)",
	"rolled back to %s, error rate dropping",
	"the key question is whether %s was the cause",
	"token refresh failed around %s",
}

func TestKeepSurvives(t *testing.T) {
	for _, seed := range seeds {
		for _, v := range redacttest.Keep(rand.New(rand.NewPCG(seed, 0))) {
			for _, f := range keepSentences {
				in := fmt.Sprintf(f, v)
				if got := String(in); got != in {
					t.Errorf("seed %d: %q changed to %q", seed, in, got)
				}
			}
		}
	}
}

// Kinds whose secret is recognisable on its own, without a key or a command around it.
var selfEvident = map[string]bool{
	"aws-key": true, "github-token": true, "gitlab-token": true, "slack-token": true,
	"api-key": true, "gcp-key": true, "jwt": true, "twilio-api-key": true,
	"twilio-account-sid": true, "new-relic-api-key": true, "new-relic-license-key": true,
	"mailgun-key": true, "digitalocean-pat": true, "shopify-access-token": true,
	"vault-token": true, "doppler-token": true,
}

func TestOnlySecrets(t *testing.T) {
	for _, seed := range seeds {
		var parts []string
		for _, s := range redacttest.Samples(rand.New(rand.NewPCG(seed, 0))) {
			if selfEvident[s.Kind] {
				parts = append(parts, s.Secret)
			}
		}
		got := String(strings.Join(parts, ", ") + ".")
		if !Only(got) {
			t.Errorf("seed %d: all-secret text left more than placeholders: %q", seed, got)
		}
	}
}

var onlyTests = []struct {
	in   string
	want bool
}{
	{"[REDACTED:aws-key]", true},
	{" [REDACTED:aws-key], [REDACTED:password]. ", true},
	{"`[REDACTED:jwt]`", true},
	{"password=[REDACTED:password]", false},
	{"rotate [REDACTED:aws-key]", false},
	{"", false},
	{"...", false},
}

func TestOnly(t *testing.T) {
	for _, tt := range onlyTests {
		if got := Only(tt.in); got != tt.want {
			t.Errorf("Only(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestHas(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"export PGPASSWORD=hunter22x", true},
		{"already masked [REDACTED:aws-key]", true},
		{"paged alice@example.com", false},
		{"paged [REDACTED:email]", false},
		{"checkout-api p99 above 2s", false},
	} {
		if got := Has(tt.in); got != tt.want {
			t.Errorf("Has(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestVersion(t *testing.T) {
	if Version == "" || Version != version() {
		t.Fatalf("Version %q is empty or not stable (%q)", Version, version())
	}
}

// TestGitleaksModule: the version string hashed into Version is the one built in.
func TestGitleaksModule(t *testing.T) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("no build info")
	}
	for _, m := range bi.Deps {
		if m.Path == "github.com/zricethezav/gitleaks/v8" {
			if got := m.Path + " " + m.Version; got != gitleaksModule {
				t.Errorf("built with %q, gitleaksModule says %q", got, gitleaksModule)
			}
			return
		}
	}
	t.Skip("gitleaks not in this binary's build info")
}

// TestStringConcurrent shares the detectors between goroutines; run with -race.
func TestStringConcurrent(t *testing.T) {
	samples := redacttest.Samples(rand.New(rand.NewPCG(3, 0)))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(samples); i += 4 {
				if got := String(samples[i].Line); strings.Contains(got, samples[i].Secret) {
					t.Errorf("%s survived", samples[i].Kind)
				}
			}
		})
	}
	wg.Wait()
}
