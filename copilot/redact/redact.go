// Package redact masks secrets and personal data in text before it leaves the
// process (an LLM prompt, a remote embedder), replacing each with a typed placeholder.
package redact

import (
	"regexp"
	"strings"
)

// Placeholder returns the text that stands in for a masked value of the given kind,
// e.g. "[REDACTED:aws-key]".
func Placeholder(kind string) string { return "[REDACTED:" + kind + "]" }

const placeholderPrefix = "[REDACTED:"

// rule masks one kind of secret. Only the submatch named in groups (the first one that
// took part in the match) is replaced, so the surrounding key, scheme or quotes stay
// and the reader still sees what was there ("password=[REDACTED:password]").
type rule struct {
	kind  string
	stage stage
	re    *regexp.Regexp
	// need lists literals of which the text must hold one for the rule to run at
	// all (compared in lower case when fold is set): most text holds none, and a
	// substring search is far cheaper than the regexp.
	need []string
	fold bool
	// groups lists candidate submatches to mask; nil masks the whole match.
	groups []int
	// kindOf refines the kind from the match (an assignment's key says what it holds).
	kindOf func(s string, loc []int) string
	// end may move the end of the masked span (whose end it is given).
	end func(s string, start, end int) int
	// keep vetoes a match that only looks like a secret; it sees the whole input so it
	// can check the characters around the match.
	keep func(s string, loc []int) bool
}

// Sensitive key names for assignments (password=…, "client_secret": "…"). The
// separator must follow the word, so the key ends with it: "DB_PASSWORD=" and
// "client_secret:" are keys, "max_tokens=" and "secretary:" are not. What comes before
// the word does not matter, as only the value is masked.
const sensitiveKey = `(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key(?:[_-]?id)?|account[_-]?key|signing[_-]?key|encryption[_-]?key|credentials?|auth)`

// Values are a double-quoted string, a single-quoted string or a bare word; a bare
// word ends at whitespace or at the separators of connection strings and JSON so the
// rest of the line survives. A query string's "&next=" is cut off by queryEnd: a plain
// "&" belongs to the password ("Tr0ub4dor&3").
const assignedValue = `(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([^\s,;"'<>}\]\)]+))`

// stage orders the rules and gitleaks' detectors: blocks and token shapes first, so
// their placeholders are in place before anything more general looks at the text.
type stage uint8

const (
	stageBlock   stage = iota // PEM blocks, over the whole text
	stageToken                // token shapes we name ourselves
	stageContext              // credentials known by what precedes them (headers, flags)
	// gitleaks' provider rules run here
	stageAssign // key = value assignments
	// gitleaks' generic rule runs here
	stagePeople // emails and phone numbers
)

// Order matters within a stage too: earlier rules mask first.
var rules = []rule{
	{
		kind:  "private-key",
		stage: stageBlock,
		need:  []string{"PRIVATE KEY"},
		// PEM blocks, also when pasted as one JSON string with literal \n (GCP
		// service-account files).
		re: regexp.MustCompile(`-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----`),
	},
	{
		kind:  "private-key",
		stage: stageBlock,
		need:  []string{"PRIVATE KEY"},
		// A truncated paste (complete blocks are gone by now): the header and the
		// base64 that follows it.
		re:  regexp.MustCompile(`-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----`),
		end: pemTail,
	},
	{
		kind:   "password",
		stage:  stageToken,
		need:   []string{"://"},
		re:     regexp.MustCompile(`\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s<>|"'\[\]]*:([^@\s/<>|"'\[\]]+)@`),
		groups: []int{1},
		keep:   func(s string, loc []int) bool { return isMasked(s[loc[2]:loc[3]]) },
	},
	{
		kind:   "azure-key",
		stage:  stageToken,
		need:   []string{"accountkey", "sharedaccess"},
		fold:   true,
		re:     regexp.MustCompile(`(?i)\b(?:AccountKey|SharedAccessKey|SharedAccessSignature)\s*=\s*([^;\s"'<>]+)`),
		groups: []int{1},
	},
	{
		kind:   "azure-sas",
		stage:  stageToken,
		need:   []string{"sig="},
		re:     regexp.MustCompile(`[?&]sig=([A-Za-z0-9%+/=_-]{10,})`),
		groups: []int{1},
	},
	{
		kind:   "aws-secret",
		stage:  stageToken,
		need:   []string{"secret"},
		fold:   true,
		re:     regexp.MustCompile(`(?i)\b(?:aws[_-]?secret[_-]?access[_-]?key|aws[_-]?secret[_-]?key|secret[_-]?access[_-]?key|SecretAccessKey)["']?\s*(?:[:=]|=>)\s*["']?([A-Za-z0-9/+=]{40})\b`),
		groups: []int{1},
	},
	{
		kind:  "aws-key",
		stage: stageToken,
		need:  []string{"AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA"},
		re:    regexp.MustCompile(`\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b`),
	},
	{
		kind:  "gcp-key",
		stage: stageToken,
		need:  []string{"AIza"},
		re:    regexp.MustCompile(`\bAIza[0-9A-Za-z_-]{35}`),
	},
	{
		kind:  "slack-webhook",
		stage: stageToken,
		need:  []string{"hooks.slack.com"},
		re:    regexp.MustCompile(`https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_-]+`),
	},
	{
		kind:  "slack-token",
		stage: stageToken,
		need:  []string{"xox", "xapp-"},
		re:    regexp.MustCompile(`\b(?:xox[abeoprs]-[0-9A-Za-z-]{10,}|xapp-\d-[0-9A-Za-z-]{10,})`),
	},
	{
		kind:  "github-token",
		stage: stageToken,
		need:  []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"},
		re:    regexp.MustCompile(`\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})`),
	},
	{
		kind:  "gitlab-token",
		stage: stageToken,
		need:  []string{"glpat-", "gldt-", "glptt-", "glrt-"},
		re:    regexp.MustCompile(`\bgl(?:pat|dt|ptt|rt)-[A-Za-z0-9_-]{20,}`),
	},
	{
		kind:  "api-key",
		stage: stageToken,
		need:  []string{"sk-", "sk_", "rk_", "pk_", "npm_", "SG."},
		// Model providers, Stripe, npm and SendGrid keys: common in the same configs.
		re: regexp.MustCompile(`\b(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}|npm_[A-Za-z0-9]{36}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})`),
	},
	{
		kind:  "jwt",
		stage: stageToken,
		need:  []string{"eyJ"},
		re:    regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*`),
	},
	{
		kind:  "sentry-dsn",
		stage: stageToken,
		need:  []string{"sentry"},
		// A DSN's user part is the project key; without this rule the email rule
		// would take "<key>@o123.ingest.sentry.io" for an address.
		re:     regexp.MustCompile(`\bhttps?://([0-9a-f]{32})(?::[0-9a-f]{32})?@[A-Za-z0-9.-]*sentry[A-Za-z0-9.-]*`),
		groups: []int{1},
	},
	{
		kind:   "datadog-api-key",
		stage:  stageToken,
		need:   []string{"dd", "datadog"},
		fold:   true,
		re:     regexp.MustCompile(`(?i)\b(?:dd|datadog)[_-]?(api|app(?:lication)?)[_-]?key["']?\s*(?:[:=]|=>)\s*["']?([0-9a-z]{32,40})\b`),
		groups: []int{2},
		kindOf: func(s string, loc []int) string {
			if strings.EqualFold(s[loc[2]:loc[3]], "api") {
				return "datadog-api-key"
			}
			return "datadog-app-key"
		},
	},
	{
		kind:  "twilio-account-sid",
		stage: stageToken,
		need:  []string{"AC"},
		re:    regexp.MustCompile(`\bAC[0-9a-f]{32}\b`),
	},
	{
		kind:   "twilio-auth-token",
		stage:  stageToken,
		need:   []string{"twilio"},
		fold:   true,
		re:     regexp.MustCompile(`(?i)\btwilio[\w.-]{0,20}?(?:auth[_-]?token|secret|token)["']?\s*(?:[:=]|=>)\s*["']?([0-9a-f]{32})\b`),
		groups: []int{1},
	},
	{
		kind:  "pagerduty-key",
		stage: stageToken,
		need:  []string{"pagerduty", "pd_", "routing", "integration", "service_key"},
		fold:  true,
		// Events API routing/integration keys (32 hex) and REST API tokens (20 chars).
		re:     regexp.MustCompile(`(?i)\b(?:pagerduty|pd)[\w.-]{0,20}?(?:token|key)["']?\s*(?:[:=]|=>)\s*["']?([A-Za-z0-9+_-]{20,32})\b|\b(?:routing|integration|service)[_-]?key["']?\s*(?:[:=]|=>)\s*["']?([0-9a-f]{32})\b`),
		groups: []int{1, 2},
	},
	{
		kind:  "new-relic-api-key",
		stage: stageToken,
		need:  []string{"nrak-", "nrii-"},
		fold:  true,
		re:    regexp.MustCompile(`(?i)\bNR(?:AK|II)-[A-Z0-9_-]{27,32}\b`),
	},
	{
		kind:   "new-relic-license-key",
		stage:  stageToken,
		need:   []string{"NRAL", "relic"},
		re:     regexp.MustCompile(`\b([0-9a-f]{36}NRAL)\b|(?i:new[_-]?relic[\w.-]{0,20}?license[_-]?key)["']?\s*(?:[:=]|=>)\s*["']?([0-9A-Za-z]{40})\b`),
		groups: []int{1, 2},
	},
	{
		kind:  "mailgun-key",
		stage: stageToken,
		need:  []string{"key-"},
		re:    regexp.MustCompile(`\bkey-[0-9a-f]{32}\b`),
	},
	{
		kind:  "digitalocean-pat",
		stage: stageToken,
		need:  []string{"_v1_"},
		// gitleaks' rule wants white space or a quote after the token, not a comma.
		re: regexp.MustCompile(`\bdo[opr]_v1_[a-f0-9]{64}\b`),
	},
	{
		kind:  "vault-token",
		stage: stageToken,
		need:  []string{"hvs.", "hvb."},
		re:    regexp.MustCompile(`\bhv[sb]\.[A-Za-z0-9_-]{24,}`),
	},
	{
		kind:  "doppler-token",
		stage: stageToken,
		need:  []string{"dp."},
		re:    regexp.MustCompile(`\bdp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}\b`),
	},
	{
		kind:  "password",
		stage: stageContext,
		need:  []string{"mysql", "mariadb"},
		fold:  true,
		// The client's -pPASSWORD (no space; "-p" alone prompts).
		re:     regexp.MustCompile(`\b(?i:mysql|mysqldump|mysqladmin|mariadb)\b[^\n|;&]*?\s-p(?:'([^'\n]+)'|"([^"\n]+)"|([^\s'"]+))`),
		groups: []int{1, 2, 3},
		keep:   maskedGroup,
	},
	{
		kind:  "auth",
		stage: stageContext,
		need:  []string{"authorization"},
		fold:  true,
		// The whole credential of an Authorization header, whatever its scheme.
		re:     regexp.MustCompile(`(?i)\b(?:proxy-)?authorization\s*["']?\s*[:=]\s*["']?(?:(bearer|basic|token|digest|negotiate|apikey)\s+)?([^\s"',;]+)`),
		groups: []int{2},
		kindOf: func(s string, loc []int) string {
			if loc[2] >= 0 {
				return strings.ToLower(s[loc[2]:loc[3]])
			}
			return "auth"
		},
		keep: func(s string, loc []int) bool {
			v := s[loc[4]:loc[5]]
			return isMasked(v) || elided(v)
		},
	},
	{
		kind:  "bearer",
		stage: stageContext,
		need:  []string{"bearer"},
		fold:  true,
		// A bearer token outside a header (logs, curl lines); the length keeps
		// "bearer tokens expired" readable.
		re:     regexp.MustCompile(`(?i)\bbearer\s+([A-Za-z0-9._~+/-]{16,}=*)`),
		groups: []int{1},
	},
	{
		kind:   "password",
		stage:  stageContext,
		need:   []string{"-u ", "-u\t", "--user"},
		re:     regexp.MustCompile(`(?:^|\s)(?:-u|--user)\s+[^\s:]+:(\S+)`),
		groups: []int{1},
		keep:   func(s string, loc []int) bool { return isMasked(s[loc[2]:loc[3]]) },
	},
	{
		kind:   "password",
		stage:  stageContext,
		need:   []string{"identified"},
		fold:   true,
		re:     regexp.MustCompile(`(?i)\bidentified\s+by\s+(?:'([^'\n]*)'|"([^"\n]*)")`),
		groups: []int{1, 2},
	},
	{
		kind:   "password",
		stage:  stageContext,
		need:   []string{"--"},
		re:     regexp.MustCompile(`(?i)(?:^|\s)--(?:password|passwd|token|secret|api-key)(?:\s+|=)([^\s-]\S*)`),
		groups: []int{1},
		keep:   func(s string, loc []int) bool { return isMasked(s[loc[2]:loc[3]]) },
	},
	{
		kind:  "secret",
		stage: stageAssign,
		need:  []string{"pass", "pwd", "secret", "token", "key", "credential"},
		fold:  true,
		// Assignments: env vars, config files, JSON/YAML, query strings, libpq and
		// ADO.NET connection strings.
		re:     regexp.MustCompile(`(?i)(` + sensitiveKey + `)["']?[ \t]*(:|=>|=)[ \t]*` + assignedValue),
		groups: []int{3, 4, 5},
		kindOf: func(s string, loc []int) string { return keyKind(s[loc[2]:loc[3]]) },
		keep:   keepAssignment,
		end:    queryEnd,
	},
	{
		kind:  "email",
		stage: stagePeople,
		need:  []string{"@"},
		re:    regexp.MustCompile(`\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b`),
		// "git@github.com:org/repo" is an SSH remote, not a person.
		keep: func(s string, loc []int) bool {
			if strings.HasSuffix(s[:loc[0]], "://") {
				return true // the user part of a URL, not a mailbox
			}
			return strings.HasPrefix(s[loc[0]:], "git@") && loc[1] < len(s) && s[loc[1]] == ':'
		},
	},
	{
		kind:  "phone",
		stage: stagePeople,
		need:  []string{"+"},
		// International numbers: "+44 20 7946 0958", "+1-415-555-0132".
		re:   regexp.MustCompile(`\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}`),
		keep: func(s string, loc []int) bool { return !phoneShaped(s, loc[0], loc[1], 8, 15) },
	},
	{
		kind:  "phone",
		stage: stagePeople,
		// North American numbers with separators: "(415) 555-0132", "415-555-0132".
		re:   regexp.MustCompile(`(?:\(\d{3}\)\s?|\b\d{3}[-. ])\d{3}[-.]\d{4}\b`),
		keep: func(s string, loc []int) bool { return !phoneShaped(s, loc[0], loc[1], 10, 10) },
	},
}

// String masks every secret, credential, email address and phone number in s with a
// typed placeholder such as "[REDACTED:aws-key]". Ordinary incident text (timestamps,
// error codes, IPs, hostnames, version numbers, commit SHAs, UUIDs) is left as it was.
// It is safe for concurrent use.
func String(s string) string { return redact(s, true) }

// redact runs the stages in order; people says whether emails and phone numbers are
// masked too.
func redact(s string, people bool) string {
	if s == "" {
		return s
	}
	d := loadDetectors()
	s = applyStage(stageBlock, s)
	s = applyStage(stageToken, s)
	s = applyStage(stageContext, s)
	s = applyDetector(d.specific, s)
	s = applyStage(stageAssign, s)
	s = applyDetector(d.generic, s)
	if people {
		s = applyStage(stagePeople, s)
	}
	return s
}

// applyStage runs the rules of one stage. Blocks span lines; the other rules match
// within a line, and running them line by line lets most lines skip most rules on a
// substring check and keeps each regexp run short.
func applyStage(st stage, s string) string {
	if st == stageBlock {
		lower := strings.ToLower(s)
		for i := range rules {
			if r := &rules[i]; r.stage == st && r.applies(s, lower) {
				s = r.apply(s)
			}
		}
		return s
	}
	if !strings.Contains(s, "\n") {
		return redactLine(st, s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		line, rest, found := strings.Cut(s, "\n")
		b.WriteString(redactLine(st, line))
		if found {
			b.WriteByte('\n')
		}
		s = rest
	}
	return b.String()
}

func redactLine(st stage, line string) string {
	var lower string
	for i := range rules {
		r := &rules[i]
		if r.stage != st {
			continue
		}
		if r.fold && lower == "" {
			lower = strings.ToLower(line)
		}
		if !r.applies(line, lower) {
			continue
		}
		if out := r.apply(line); out != line {
			line, lower = out, ""
		}
	}
	return line
}

func (r *rule) applies(s, lower string) bool {
	if r.need == nil {
		return true
	}
	in := s
	if r.fold {
		in = lower
	}
	for _, n := range r.need {
		if strings.Contains(in, n) {
			return true
		}
	}
	return false
}

func (r *rule) apply(s string) string {
	matches := r.re.FindAllStringSubmatchIndex(s, -1)
	if matches == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, loc := range matches {
		if r.keep != nil && r.keep(s, loc) {
			continue
		}
		start, end, ok := r.span(loc)
		if !ok || start < last {
			continue
		}
		if r.end != nil {
			end = r.end(s, start, end)
		}
		kind := r.kind
		if r.kindOf != nil {
			kind = r.kindOf(s, loc)
		}
		b.WriteString(s[last:start])
		b.WriteString(Placeholder(kind))
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

// span is the part of a match to mask: the first participating group of r.groups, or
// the whole match when the rule names none.
func (r *rule) span(loc []int) (start, end int, ok bool) {
	if r.groups == nil {
		return loc[0], loc[1], true
	}
	for _, g := range r.groups {
		if loc[2*g] >= 0 {
			return loc[2*g], loc[2*g+1], true
		}
	}
	return 0, 0, false
}

// queryEnd cuts a bare value at the next query parameter ("&sslmode=require") and
// at a literal "\n" of text pasted from JSON, where the next line begins.
func queryEnd(s string, start, end int) int {
	v := s[start:end]
	if i := strings.Index(v, `\n`); i > 0 {
		end, v = start+i, v[:i]
	}
	for i := 0; i < len(v); i++ {
		if v[i] != '&' {
			continue
		}
		j := i + 1
		for j < len(v) && (isLetter(v[j]) || isDigit(v[j]) || v[j] == '_' || v[j] == '-' || v[j] == '.') {
			j++
		}
		if j > i+1 && j < len(v) && v[j] == '=' {
			return start + i
		}
	}
	return end
}

// pemTail extends a truncated PEM header over the key material after it: tokens that
// look like base64, separated by whitespace or literal "\n" (keys pasted as JSON
// strings), and the Proc-Type/DEK-Info headers of encrypted keys. It stops at the
// first word of prose.
func pemTail(s string, _, end int) int {
	i := end
	for {
		j := i
		for j < len(s) {
			if c := s[j]; c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				j++
			} else if c == '\\' && j+1 < len(s) && (s[j+1] == 'n' || s[j+1] == 'r') {
				j += 2
			} else {
				break
			}
		}
		rest := s[j:]
		if strings.HasPrefix(rest, "Proc-Type:") || strings.HasPrefix(rest, "DEK-Info:") {
			k := strings.IndexAny(rest, "\n\\")
			if k < 0 {
				k = len(rest)
			}
			i = j + k
			continue
		}
		k := j
		for k < len(s) && isBase64(s[k]) {
			k++
		}
		if !looksBase64(s[j:k]) {
			return i
		}
		i = k
	}
}

func isBase64(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '+' || c == '/' || c == '='
}

// looksBase64 tells key material from a word: it has a digit or a base64 symbol, or
// an upper-case letter after a lower-case one, or is too long for a word.
func looksBase64(tok string) bool {
	if len(tok) < 4 {
		return false
	}
	if len(tok) >= 40 {
		return true
	}
	sawLower := false
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		switch {
		case isDigit(c) || c == '+' || c == '/' || c == '=':
			return true
		case c >= 'a' && c <= 'z':
			sawLower = true
		case c >= 'A' && c <= 'Z' && sawLower:
			return true
		}
	}
	return false
}

// maskedGroup vetoes a match whose first participating group is a placeholder
// already.
func maskedGroup(s string, loc []int) bool {
	for g := 2; g+1 < len(loc); g += 2 {
		if loc[g] >= 0 {
			return isMasked(s[loc[g]:loc[g+1]])
		}
	}
	return false
}

// elided reports whether v stands for a value left out ("…", "...", "<token>",
// "$TOKEN") rather than being one.
func elided(v string) bool {
	return strings.Trim(v, ".…*xX") == "" || strings.HasPrefix(v, "<") || strings.HasPrefix(v, "$") || strings.HasPrefix(v, "{{")
}

// isMasked reports whether v already is (or holds) a placeholder.
func isMasked(v string) bool { return strings.Contains(v, placeholderPrefix) }

// keyKind names what an assigned key holds.
func keyKind(key string) string {
	k := strings.ToLower(key)
	switch {
	case strings.Contains(k, "pass") || strings.HasSuffix(k, "pwd"):
		return "password"
	case strings.HasSuffix(k, "token"):
		return "token"
	case strings.Contains(k, "key"):
		return "key"
	case strings.HasSuffix(k, "auth"):
		return "auth"
	}
	return "secret"
}

// notSecret lists values that say something about a secret without being one.
var notSecret = map[string]bool{
	"": true, "true": true, "false": true, "null": true, "nil": true, "none": true,
	"yes": true, "no": true, "on": true, "off": true, "enabled": true, "disabled": true,
	"required": true, "optional": true, "empty": true, "unset": true, "redacted": true,
	"hidden": true, "masked": true, "n/a": true, "***": true, "****": true, "*****": true,
}

// keepAssignment vetoes assignments whose value is a placeholder, a variable
// reference or a word such as "true", and colon assignments that read as prose
// ("Secret: rotated", "token: expired"): with a colon, a bare value is masked only
// when it has a digit or a symbol, or is long, as real secrets do.
func keepAssignment(s string, loc []int) bool {
	var v string
	quoted := false
	switch {
	case loc[6] >= 0:
		v, quoted = s[loc[6]:loc[7]], true
	case loc[8] >= 0:
		v, quoted = s[loc[8]:loc[9]], true
	case loc[10] >= 0:
		v = s[loc[10]:loc[11]]
	}
	lv := strings.ToLower(v)
	if notSecret[lv] || isMasked(v) || strings.HasPrefix(v, "$") || strings.HasPrefix(v, "{{") || strings.HasPrefix(v, "%(") {
		return true
	}
	if strings.Trim(v, "*xX.•") == "" {
		return true
	}
	sep := s[loc[4]:loc[5]]
	if sep != ":" || quoted {
		return false
	}
	if len(v) >= 12 {
		return false
	}
	for _, r := range strings.TrimRight(v, ".!?") {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// phoneShaped checks that a candidate phone number stands alone (not part of a longer
// number, a version or a timestamp) and has a plausible count of digits.
func phoneShaped(s string, start, end, minDigits, maxDigits int) bool {
	if start > 0 {
		c := s[start-1]
		if isDigit(c) || c == '.' || c == '-' || c == '/' || isLetter(c) {
			return false
		}
	}
	if end < len(s) {
		c := s[end]
		if isDigit(c) || isLetter(c) || c == '_' {
			return false
		}
		if (c == '.' || c == '-') && end+1 < len(s) && isDigit(s[end+1]) {
			return false
		}
	}
	n := 0
	for i := start; i < end; i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n >= minDigits && n <= maxDigits
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
