// Package redacttest generates realistic secrets, and values that only look like
// them, for tests of anything that must mask secrets (ingest, answer engines, exports).
// Values are random per seed so no test can pass by knowing a fixed string.
package redacttest

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
)

// Sample is one secret as a responder might paste it.
type Sample struct {
	Kind   string // what the secret is, e.g. "aws-key"
	Line   string // a realistic chat or log line holding Secret
	Secret string // the exact raw value that must not survive redaction
}

const (
	lower  = "abcdefghijklmnopqrstuvwxyz"
	upper  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits = "0123456789"
	hexd   = "0123456789abcdef"
	alnum  = lower + upper + digits
	b64    = alnum + "+/"
	b64url = alnum + "-_"
)

type gen struct{ r *rand.Rand }

func (g gen) from(set string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[g.r.IntN(len(set))]
	}
	return string(b)
}

func (g gen) hex(n int) string   { return g.from(hexd, n) }
func (g gen) alnum(n int) string { return g.from(alnum, n) }
func (g gen) num(n int) string   { return g.from("123456789", 1) + g.from(digits, n-1) }
func (g gen) pick(xs ...string) string {
	return xs[g.r.IntN(len(xs))]
}

// password is what people choose: letters, digits, at least one of each, sometimes
// a symbol that is safe inside URLs and shell words.
func (g gen) password() string {
	return g.from(upper, 1) + g.from(lower, 5+g.r.IntN(6)) + g.num(2+g.r.IntN(3)) + g.pick("", "!", "_", "-", "%", "^", "*")
}

func (g gen) uuid() string {
	return g.hex(8) + "-" + g.hex(4) + "-4" + g.hex(3) + "-" + g.pick("8", "9", "a", "b") + g.hex(3) + "-" + g.hex(12)
}

func (g gen) b64(nBytes int) string {
	b := make([]byte, nBytes)
	for i := range b {
		b[i] = byte(g.r.IntN(256))
	}
	return base64.StdEncoding.EncodeToString(b)
}

func (g gen) b64url(v string) string { return base64.RawURLEncoding.EncodeToString([]byte(v)) }

func (g gen) user() string {
	return g.pick("app", "svc_checkout", "admin", "deploy", "payments", "readonly")
}

func (g gen) host() string {
	return g.pick("db-primary", "pg-replica-2", "orders-db", "rabbit-1", "cache-3") + "." + g.pick("internal", "prod.svc.cluster.local", "eu-west-1.rds.amazonaws.com")
}

// pem is a key block with 64-column base64 lines; body is one of its lines, the
// value that must not survive.
func (g gen) pem(label string, sep string) (block, body string) {
	var lines []string
	for range 4 + g.r.IntN(4) {
		lines = append(lines, g.from(b64, 64))
	}
	lines = append(lines, g.from(b64, 20)+"==")
	head := "-----BEGIN " + label + "PRIVATE KEY-----"
	tail := "-----END " + label + "PRIVATE KEY-----"
	return head + sep + strings.Join(lines, sep) + sep + tail, lines[1]
}

// Samples returns at least one sample of every secret format we know of, with
// values drawn from r.
func Samples(r *rand.Rand) []Sample {
	g := gen{r}
	var out []Sample
	add := func(kind, secret, format string, args ...any) {
		out = append(out, Sample{Kind: kind, Line: fmt.Sprintf(format, args...), Secret: secret})
	}

	awsID := g.pick("AKIA", "ASIA") + g.from(upper+"234567", 16)
	add("aws-key", awsID, "found AWS_ACCESS_KEY_ID=%s in the deploy job output, rotating", awsID)
	awsSecret := g.from(alnum+"/+", 40)
	add("aws-secret", awsSecret, "aws_secret_access_key = %s (from ~/.aws/credentials on the bastion)", awsSecret)

	ghp := "ghp_" + g.alnum(36)
	add("github-token", ghp, "CI log shows git clone https://%s@github.com/acme/checkout.git", ghp)
	ghFine := "github_pat_11" + g.from(upper+digits, 20) + "_" + g.alnum(59)
	add("github-token", ghFine, "GITHUB_TOKEN=%s was in the runner env dump", ghFine)
	ghs := "ghs_" + g.alnum(36)
	add("github-token", ghs, "the app installation token %s expires in an hour anyway", ghs)
	glpat := "glpat-" + g.from(alnum+"-_", 20)
	add("gitlab-token", glpat, "deploy used glpat token %s to push the tag", glpat)

	xoxb := "xoxb-" + g.num(11) + "-" + g.num(13) + "-" + g.alnum(24)
	add("slack-token", xoxb, "SLACK_BOT_TOKEN=%s", xoxb)
	xoxp := "xoxp-" + g.num(11) + "-" + g.num(11) + "-" + g.num(13) + "-" + g.hex(32)
	add("slack-token", xoxp, "oops pasted my user token %s, revoking", xoxp)
	xapp := "xapp-1-A" + g.from(upper+digits, 10) + "-" + g.num(13) + "-" + g.hex(64)
	add("slack-token", xapp, "socket mode app token: %s", xapp)
	hook := g.alnum(24)
	add("slack-webhook", hook, "alerts post to https://hooks.slack.com/services/T%s/B%s/%s and got 404", g.from(upper+digits, 8), g.from(upper+digits, 10), hook)

	skLive := "sk_live_" + g.alnum(24+g.r.IntN(75))
	add("api-key", skLive, "stripe charge failed with key %s, 401 invalid_api_key", skLive)
	skTest := "sk_test_" + g.alnum(24+g.r.IntN(75))
	add("api-key", skTest, "STRIPE_SECRET_KEY=%s in staging", skTest)
	rk := "rk_live_" + g.alnum(24+g.r.IntN(75))
	add("api-key", rk, "restricted key %s only has read on charges", rk)
	oai := "sk-" + g.alnum(48)
	add("api-key", oai, "OPENAI_API_KEY=%s", oai)
	oaiProj := "sk-proj-" + g.from(b64url, 58) + "T3BlbkFJ" + g.from(b64url, 58)
	add("api-key", oaiProj, "the summarizer uses %s (project key)", oaiProj)
	ant := "sk-ant-api03-" + g.from(b64url, 93) + "AA"
	add("api-key", ant, "ANTHROPIC_API_KEY=%s", ant)
	aiza := "AIza" + g.from(b64url, 35)
	add("gcp-key", aiza, "maps calls 403 with key=%s", aiza)

	saKey, saBody := g.pem("", `\n`)
	add("private-key", saBody, `{"type": "service_account", "project_id": "shop-prod", "private_key_id": "%s", "private_key": "%s\n", "client_email": "deployer@shop-prod.iam.gserviceaccount.com"}`, g.hex(40), saKey)
	rsa, rsaBody := g.pem("RSA ", "\n")
	add("private-key", rsaBody, "here's the key from the old box:\n%s\nthat's the one on web-3", rsa)
	ec, ecBody := g.pem("EC ", "\n")
	add("private-key", ecBody, "%s", ec)
	ssh, sshBody := g.pem("OPENSSH ", "\n")
	add("private-key", sshBody, "deploy key (id_ed25519):\n%s", ssh)

	jwt := g.b64url(`{"alg":"HS256","typ":"JWT"}`) + "." + g.b64url(fmt.Sprintf(`{"sub":"%s","exp":%d}`, g.uuid(), 1772446400+g.r.IntN(100000))) + "." + g.from(b64url, 43)
	add("jwt", jwt, "request had Cookie: session=%s; Path=/", jwt)
	npm := "npm_" + g.alnum(36)
	add("api-key", npm, "//registry.npmjs.org/:_authToken=%s", npm)
	sg := "SG." + g.from(b64url, 22) + "." + g.from(b64url, 43)
	add("api-key", sg, "sendgrid 401 with %s, is it revoked?", sg)

	twSK := "SK" + g.hex(32)
	add("twilio-api-key", twSK, "twilio api key %s is the one in vault", twSK)
	twAC := "AC" + g.hex(32)
	add("twilio-account-sid", twAC, "SMS fails for account %s since 10:14", twAC)
	twTok := g.hex(32)
	add("twilio-auth-token", twTok, "TWILIO_AUTH_TOKEN=%s", twTok)
	ddAPI := g.hex(32)
	add("datadog-api-key", ddAPI, "DD_API_KEY=%s set on the agent daemonset", ddAPI)
	ddApp := g.hex(40)
	add("datadog-app-key", ddApp, "dd_app_key: %s", ddApp)
	pdKey := g.hex(32)
	add("pagerduty-key", pdKey, "PAGERDUTY_ROUTING_KEY=%s for the checkout service", pdKey)
	pdTok := g.pick("u+", "y_") + g.from(alnum+"_-", 18)
	add("pagerduty-key", pdTok, `pd_api_token: "%s"`, pdTok)
	nrak := "NRAK-" + g.from(upper+digits, 27)
	add("new-relic-api-key", nrak, "New Relic user key %s in the terraform vars", nrak)
	nral := g.hex(36) + "NRAL"
	add("new-relic-license-key", nral, "license_key: %s", nral)
	sentry := g.hex(32)
	add("sentry-dsn", sentry, "SENTRY_DSN=https://%s@o%s.ingest.sentry.io/%s", sentry, g.num(6), g.num(7))
	heroku := g.uuid()
	add("heroku-api-key", heroku, "HEROKU_API_KEY=%s heroku ps:restart -a checkout", heroku)
	mg := "key-" + g.hex(32)
	add("mailgun-key", mg, "MAILGUN_API_KEY=%s", mg)
	azKey := g.b64(64)
	add("azure-key", azKey, "DefaultEndpointsProtocol=https;AccountName=prodlogs%s;AccountKey=%s;EndpointSuffix=core.windows.net", g.from(lower+digits, 4), azKey)
	sig := strings.NewReplacer("+", "%2B", "/", "%2F", "=", "%3D").Replace(g.b64(32))
	add("azure-sas", sig, "https://prodlogs.blob.core.windows.net/exports/day.csv?sv=2022-11-02&ss=b&sp=r&se=2026-03-03T00:00:00Z&sig=%s", sig)
	dop := "dop_v1_" + g.hex(64)
	add("digitalocean-pat", dop, "DIGITALOCEAN_TOKEN=%s", dop)
	shp := "shpat_" + g.hex(32)
	add("shopify-access-token", shp, "shopify admin token %s", shp)
	hvs := "hvs." + g.from(b64url, 90+g.r.IntN(10))
	add("vault-token", hvs, "VAULT_TOKEN=%s vault kv get secret/checkout", hvs)
	dp := "dp.pt." + g.alnum(43)
	add("doppler-token", dp, "doppler run --token %s -- ./deploy.sh", dp)

	for _, scheme := range []string{"postgres", "mysql", "redis", "amqp", "mongodb+srv"} {
		pw := g.password()
		add("password", pw, "%s://%s:%s@%s:%s/orders refused connections", scheme, g.user(), pw, g.host(), g.num(4))
	}
	dbURL := g.password()
	add("password", dbURL, "DATABASE_URL=postgresql://%s:%s@%s:5432/checkout?sslmode=require", g.user(), dbURL, g.host())
	myP := g.password()
	add("password", myP, "mysql -h %s -u %s -p%s orders -e 'show processlist'", g.host(), g.user(), myP)
	myQ := g.password()
	add("password", myQ, "mysqldump -u %s -p'%s' --single-transaction orders > dump.sql", g.user(), myQ)
	pgpw := g.password()
	add("password", pgpw, "PGPASSWORD=%s psql -h %s -U %s -c 'select 1'", pgpw, g.host(), g.user())
	curlPw := g.password()
	add("password", curlPw, "curl -u %s:%s https://grafana.internal/api/dashboards", g.user(), curlPw)
	bearer := g.from(b64url, 40)
	add("bearer", bearer, `curl -H "Authorization: Bearer %s" https://api.internal/v1/orders`, bearer)
	basic := base64.StdEncoding.EncodeToString([]byte(g.user() + ":" + g.password()))
	add("basic", basic, "Authorization: Basic %s", basic)
	yamlPw := g.password()
	add("password", yamlPw, "  db_password: %s", yamlPw)
	cs := g.alnum(32)
	add("secret", cs, `{"client_id": "checkout", "client_secret": "%s"}`, cs)
	envPw := g.password()
	add("password", envPw, "REDIS_PASSWORD=%s ./worker", envPw)
	k8s := base64.StdEncoding.EncodeToString([]byte(g.password()))
	add("password", k8s, "  password: %s", k8s)
	docker := base64.StdEncoding.EncodeToString([]byte(g.user() + ":" + g.alnum(24)))
	add("auth", docker, `{"auths": {"registry.acme.io": {"auth": "%s"}}}`, docker)
	ident := g.password()
	add("password", ident, "ALTER USER app IDENTIFIED BY '%s';", ident)
	flag := g.password()
	add("password", flag, "ran pgbouncer-admin --password %s reload", flag)
	return out
}

// Keep returns values that look a little like secrets but are ordinary incident
// text, drawn from r: commit SHAs (full and short), UUIDs, ticket keys, hex request
// and trace ids, IPs, pod names, versions, Slack timestamps.
func Keep(r *rand.Rand) []string {
	g := gen{r}
	podSet := "bcdfghjklmnpqrstvwxz2456789"
	return []string{
		g.hex(40),
		g.hex(7 + g.r.IntN(6)),
		g.uuid(),
		g.pick("PAY", "OPS", "INC", "SEC") + "-" + g.num(1+g.r.IntN(4)),
		g.hex(16),
		g.hex(32),
		fmt.Sprintf("10.%d.%d.%d", g.r.IntN(256), g.r.IntN(256), 1+g.r.IntN(254)),
		g.pick("checkout", "payments-api", "orders-worker") + "-" + g.from(podSet, 9+g.r.IntN(2)) + "-" + g.from(podSet, 5),
		fmt.Sprintf("v%d.%d.%d", g.r.IntN(5), g.r.IntN(40), g.r.IntN(20)),
		fmt.Sprintf("%d.%s", 1772446400+g.r.IntN(100000), g.from(digits, 6)),
		"ERR_" + g.pick("CONN_RESET", "TIMEOUT", "TLS_HANDSHAKE"),
		fmt.Sprintf("2026-03-%02dT%02d:%02d:00Z", 1+g.r.IntN(28), g.r.IntN(24), g.r.IntN(60)),
	}
}
