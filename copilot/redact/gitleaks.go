package redact

import (
	"regexp"
	"sort"
	"strings"
	"sync"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
	"github.com/spf13/viper"
	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/report"
)

// gitleaksModule is the gitleaks release whose rule set we apply; a test checks it
// against the build, and it is part of Version.
const gitleaksModule = "github.com/zricethezav/gitleaks/v8 v8.30.1"

// genericRule is gitleaks' catch-all "key = value" rule. It runs after our own
// assignment rule, which names what a key holds ("password", "token"), and only where
// that rule found nothing.
const genericRule = "generic-api-key"

// skipRules are gitleaks rules whose job our own rules do with a finer mask: theirs
// would hide the user name of "curl -u user:pw" and the scheme of an Authorization
// header too.
var skipRules = map[string]bool{
	"curl-auth-user":   true,
	"curl-auth-header": true,
}

// detectors holds the two gitleaks detectors built once from its embedded default
// rule set. A Detector is safe for concurrent Detect calls: findings are collected
// per call, the keyword trie and the compiled regexps are only read, and the byte
// counter is atomic (TestStringConcurrent runs under -race).
type detectors struct {
	specific, generic *scanner
}

// scanner is a gitleaks detector with a keyword trie of its own. The detector also
// prefilters by keyword, but only after per-call set-up (loggers, maps) that costs
// more than the check itself; most chat lines hold no keyword and skip it all.
type scanner struct {
	d        *detect.Detector
	keywords *ahocorasick.Trie
}

var loadDetectors = sync.OnceValue(func() detectors {
	v := viper.New() // not viper's global instance, which other code may share
	v.SetConfigType("toml")
	if err := v.ReadConfig(strings.NewReader(config.DefaultConfig)); err != nil {
		panic("redact: gitleaks default config: " + err.Error())
	}
	var vc config.ViperConfig
	if err := v.Unmarshal(&vc); err != nil {
		panic("redact: gitleaks default config: " + err.Error())
	}
	cfg, err := vc.Translate()
	if err != nil {
		panic("redact: gitleaks default config: " + err.Error())
	}
	return detectors{
		specific: newDetector(cfg, func(id string) bool { return id != genericRule && !skipRules[id] }),
		generic:  newDetector(cfg, func(id string) bool { return id == genericRule }),
	}
})

// newDetector builds a detector over the rules of cfg that keep accepts, with the
// keyword prefilter rebuilt for just those rules.
func newDetector(cfg config.Config, keep func(id string) bool) *scanner {
	sub := cfg
	sub.Rules = make(map[string]config.Rule)
	sub.Keywords = make(map[string]struct{})
	sub.OrderedRules = nil
	for _, id := range cfg.OrderedRules {
		r, ok := cfg.Rules[id]
		if !ok || !keep(id) {
			continue
		}
		sub.Rules[id] = r
		sub.OrderedRules = append(sub.OrderedRules, id)
		for _, k := range r.Keywords {
			sub.Keywords[strings.ToLower(k)] = struct{}{}
		}
	}
	// Rules required by a kept composite rule must be present too.
	for _, r := range sub.Rules {
		for _, req := range r.RequiredRules {
			if dep, ok := cfg.Rules[req.RuleID]; ok {
				sub.Rules[req.RuleID] = dep
			}
		}
	}
	words := make([]string, 0, len(sub.Keywords))
	for k := range sub.Keywords {
		words = append(words, k)
	}
	sort.Strings(words)
	return &scanner{
		d:        detect.NewDetector(sub),
		keywords: ahocorasick.NewTrieBuilder().AddStrings(words).Build(),
	}
}

// gitleaksKinds maps gitleaks rule ids to the short kinds our placeholders already
// used, so "[REDACTED:aws-key]" means the same whichever detector found the key.
// Other rule ids are used as they are ("[REDACTED:twilio-api-key]").
var gitleaksKinds = map[string]string{
	"aws-access-token":        "aws-key",
	"github-pat":              "github-token",
	"github-fine-grained-pat": "github-token",
	"github-app-token":        "github-token",
	"github-oauth":            "github-token",
	"github-refresh-token":    "github-token",
	"slack-webhook-url":       "slack-webhook",
	"jwt":                     "jwt",
	"jwt-base64":              "jwt",
	"private-key":             "private-key",
	"gcp-api-key":             "gcp-key",
	"openai-api-key":          "api-key",
	"anthropic-api-key":       "api-key",
	"anthropic-admin-api-key": "api-key",
	"stripe-access-token":     "api-key",
	"npm-access-token":        "api-key",
	"sendgrid-api-token":      "api-key",
	"datadog-access-token":    "datadog-app-key",
	"new-relic-user-api-key":  "new-relic-api-key",
	genericRule:               "secret",
}

func gitleaksKind(id string) string {
	if k, ok := gitleaksKinds[id]; ok {
		return k
	}
	switch {
	case strings.HasPrefix(id, "gitlab-"):
		return "gitlab-token"
	case strings.HasPrefix(id, "slack-"):
		return "slack-token"
	}
	return id
}

// applyDetector masks the secrets d finds in line. Only the captured secret is
// masked, not the key or scheme around it ("DD_API_KEY=[REDACTED:…]"); every copy of
// it in the line goes, longest secrets first so no part of one is left behind.
func applyDetector(sc *scanner, text string) string {
	if !strings.Contains(text, "\n") {
		return scanLine(sc, text)
	}
	// Line by line: the keyword prefilter then works per line, and a rule whose
	// keyword is on one line does not scan the whole message.
	var b strings.Builder
	b.Grow(len(text))
	for len(text) > 0 {
		line, rest, found := strings.Cut(text, "\n")
		b.WriteString(scanLine(sc, line))
		if found {
			b.WriteByte('\n')
		}
		text = rest
	}
	return b.String()
}

func scanLine(sc *scanner, line string) string {
	if len(line) < 8 || sc.keywords.MatchFirstString(strings.ToLower(line)) == nil {
		return line
	}
	findings := sc.d.DetectString(line)
	if len(findings) == 0 {
		return line
	}
	sort.SliceStable(findings, func(i, j int) bool { return len(findings[i].Secret) > len(findings[j].Secret) })
	for i := range findings {
		f := &findings[i]
		if len(f.Secret) < 8 || isMasked(f.Secret) || strings.Contains(f.Secret, "\n") {
			continue
		}
		if f.RuleID == genericRule && keepGeneric(f) {
			continue
		}
		line = strings.ReplaceAll(line, f.Secret, Placeholder(gitleaksKind(f.RuleID)))
	}
	return line
}

// keepShapes are values that ordinary incident text is full of and that gitleaks'
// generic rule may take for a key after a word like "api" or "auth": commit SHAs and
// hex ids, UUIDs, pod names, versions, dotted numbers, timestamps and host names.
var keepShapes = regexp.MustCompile(`^(?:` +
	`[0-9a-f]{7,40}` + // commit SHAs, request and trace ids
	`|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}` + // UUIDs
	`|[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[a-z0-9]{5,10}-[a-z0-9]{5}` + // k8s pod names
	`|[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[0-9]+` + // statefulset pods, ticket-ish names
	`|v?[0-9]+(?:[.-][0-9A-Za-z]+)+` + // versions, IPs, dates, Slack ts
	`|[A-Z][A-Z0-9]+-[0-9]+` + // ticket keys
	`|[a-z0-9-]+(?:\.[a-z0-9-]+)+` + // host names
	`|[a-z]+(?:[_.-][a-z]+)*` + // words and identifiers
	`|(?:i|vol|sg|subnet|vpc|ami|eni|snap|igw|rtb|nat|lt)-[0-9a-f]{8,17}` + // AWS resource ids
	`)$`)

// keepGeneric vetoes a generic-rule finding that is not a key: a value of one of the
// shapes above, or one that follows its keyword only through a comma or an arrow
// ("checkout-api, checkout-7d9f8c6b5-x2x9z restarted").
func keepGeneric(f *report.Finding) bool {
	if keepShapes.MatchString(f.Secret) {
		return true
	}
	i := strings.Index(f.Match, f.Secret)
	if i < 0 {
		return false
	}
	before := f.Match[:i]
	sep := strings.IndexAny(before, "=:")
	if sep < 0 {
		return true
	}
	// The key is the last word before the separator: in "auth-tg --targets Id=…"
	// the keyword belongs to another word and the key ("Id") names no secret.
	key := strings.ToLower(strings.Trim(before[:sep], " \t'\""))
	if k := strings.LastIndexAny(key, " \t"); k >= 0 {
		key = key[k+1:]
	}
	for _, w := range genericKeyWords {
		if strings.Contains(key, w) {
			return false
		}
	}
	return true
}

// genericKeyWords are the words of gitleaks' generic rule that make a key name a
// secret's.
var genericKeyWords = []string{"access", "api", "auth", "credential", "creds", "key", "passw", "secret", "token"}
