package redact

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/redact/redacttest"
)

// The secrets below are fakes in the shapes real ones take (AWS's documented example
// key pair, made-up tokens of the right length).
const (
	fakeAWSKeyID  = "AKIAIOSFODNN7EXAMPLE"
	fakeAWSSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	fakeJWT       = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
	fakeGitHub    = "ghp_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78"
	fakeSlackBot  = "xoxb-2048123456-5093381762-q9WzX3kLmN8pR2tY6vB1cD4e"
	fakeGCPKey    = "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"
)

var redactTests = []struct {
	name string
	in   string
	want string
}{
	// Cloud keys.
	{"aws access key id", "creds in log: " + fakeAWSKeyID + " from ci", "creds in log: [REDACTED:aws-key] from ci"},
	{"aws temporary key id", "ASIAY34FZKBOKMUTVV7A used by the job", "[REDACTED:aws-key] used by the job"},
	{"aws secret in ini", "aws_secret_access_key = " + fakeAWSSecret, "aws_secret_access_key = [REDACTED:aws-secret]"},
	{"aws secret env", "AWS_SECRET_ACCESS_KEY=" + fakeAWSSecret + " terraform apply", "AWS_SECRET_ACCESS_KEY=[REDACTED:aws-secret] terraform apply"},
	{"aws sts json", `{"AccessKeyId": "` + fakeAWSKeyID + `", "SecretAccessKey": "` + fakeAWSSecret + `", "SessionToken": "FwoGZXIvYXdzEJr//////////wEaDK"}`,
		`{"AccessKeyId": "[REDACTED:aws-key]", "SecretAccessKey": "[REDACTED:aws-secret]", "SessionToken": "[REDACTED:token]"}`},
	{"gcp api key", "maps key=" + fakeGCPKey, "maps key=[REDACTED:gcp-key]"},
	{"gcp service account json", `{"type": "service_account", "private_key_id": "3f2a9c1b7d4e5f60718293a4b5c6d7e8f9012345", "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n", "client_email": "deployer@shop-prod.iam.gserviceaccount.com"}`,
		`{"type": "service_account", "private_key_id": "[REDACTED:key]", "private_key": "[REDACTED:private-key]\n", "client_email": "[REDACTED:email]"}`},
	{"azure storage connection string", "DefaultEndpointsProtocol=https;AccountName=prodlogs;AccountKey=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy+/==;EndpointSuffix=core.windows.net",
		"DefaultEndpointsProtocol=https;AccountName=prodlogs;AccountKey=[REDACTED:azure-key];EndpointSuffix=core.windows.net"},
	{"azure service bus", "Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTIzNDU2Nzg=",
		"Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=[REDACTED:azure-key]"},
	{"azure sas url", "https://prodlogs.blob.core.windows.net/c/x.log?sv=2022-11-02&ss=b&sp=r&se=2026-03-03T00:00:00Z&sig=AbCdEf0123456789%2BxYz%3D",
		"https://prodlogs.blob.core.windows.net/c/x.log?sv=2022-11-02&ss=b&sp=r&se=2026-03-03T00:00:00Z&sig=[REDACTED:azure-sas]"},

	// Tokens.
	{"slack bot token", "SLACK_BOT_TOKEN=" + fakeSlackBot, "SLACK_BOT_TOKEN=[REDACTED:slack-token]"},
	{"slack user token", "used xoxp-2048123456-2048123457-5093381762-0a1b2c3d4e5f60718293a4b5c6d7e8f9 by mistake", "used [REDACTED:slack-token] by mistake"},
	{"slack app token", "xapp-1-A0123ABCDEF-5093381762123-abcdef0123456789abcdef", "[REDACTED:slack-token]"},
	{"slack webhook", "posting to https://hooks.slack.com/services/T0123ABCD/B0456EFGH/XyZ123abcDEF456ghiJKL789 failed", "posting to [REDACTED:slack-webhook] failed"},
	{"github classic token", "git clone https://" + fakeGitHub + "@github.com/acme/api.git", "git clone https://[REDACTED:github-token]@github.com/acme/api.git"},
	{"github app token", "GITHUB_TOKEN: ghs_16C7e42F292c6912E7710c838347Ae178B4a", "GITHUB_TOKEN: [REDACTED:github-token]"},
	{"github fine-grained pat", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEF0123456789 in .env", "[REDACTED:github-token] in .env"},
	{"gitlab token", "CI used glpat-x9Yz8W7v6U5t4S3r2Q1p to push", "CI used [REDACTED:gitlab-token] to push"},
	{"jwt", "cookie session=" + fakeJWT + "; Path=/", "cookie session=[REDACTED:jwt]; Path=/"},
	{"bearer header", `curl -H "Authorization: Bearer abc123def456" https://api.internal/v1/orders`, `curl -H "Authorization: Bearer [REDACTED:bearer]" https://api.internal/v1/orders`},
	{"basic header", "Authorization: Basic YWRtaW46aHVudGVyMg==", "Authorization: Basic [REDACTED:basic]"},
	{"bearer in log line", "upstream rejected bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0 with 401", "upstream rejected bearer [REDACTED:bearer] with 401"},
	{"openai style key", "OPENAI_API_KEY=sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123456789", "OPENAI_API_KEY=[REDACTED:api-key]"},
	{"stripe key", "charge failed for sk_live_51HxYzAbCdEfGhIjKlMnOp", "charge failed for [REDACTED:api-key]"},

	// Private keys.
	{"pem rsa block", "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7bq\nZm9vYmFy\n-----END RSA PRIVATE KEY-----\nthanks", "key:\n[REDACTED:private-key]\nthanks"},
	{"pem openssh block", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----", "[REDACTED:private-key]"},
	{"pem truncated paste", "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n(rest cut off)", "[REDACTED:private-key]\n(rest cut off)"},
	{"pem truncated then prose", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nRestarting the pods now", "[REDACTED:private-key]\nRestarting the pods now"},
	{"pem truncated in json", `"private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nAb12`, `"private_key": "[REDACTED:private-key]`},
	{"pem encrypted headers", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\nxT5n0aF+qK9w", "[REDACTED:private-key]"},

	// Passwords and connection strings.
	{"postgres url", "DATABASE_URL=postgres://app:s3cr3t-P4ss@db-primary.internal:5432/checkout?sslmode=require", "DATABASE_URL=postgres://app:[REDACTED:password]@db-primary.internal:5432/checkout?sslmode=require"},
	{"redis url without user", "redis://:hunter2@10.0.3.7:6379/0 refused", "redis://:[REDACTED:password]@10.0.3.7:6379/0 refused"},
	{"mongodb srv url", "mongodb+srv://svc:Xy7%40pq@cluster0.ab1cd.mongodb.net/orders", "mongodb+srv://svc:[REDACTED:password]@cluster0.ab1cd.mongodb.net/orders"},
	{"amqp url", "amqp://guest:guest@rabbit-1:5672/", "amqp://guest:[REDACTED:password]@rabbit-1:5672/"},
	{"pgpassword env", "export PGPASSWORD=Tr0ub4dor&3 && psql -h db1", "export PGPASSWORD=[REDACTED:password] && psql -h db1"},
	{"libpq keywords", "host=db1 port=5432 user=app password=correcthorse dbname=pay", "host=db1 port=5432 user=app password=[REDACTED:password] dbname=pay"},
	{"ado.net connection string", "Server=tcp:sql1.database.windows.net,1433;Database=pay;User ID=app;Password=P@ssw0rd!;Encrypt=true", "Server=tcp:sql1.database.windows.net,1433;Database=pay;User ID=app;Password=[REDACTED:password];Encrypt=true"},
	{"jdbc query password", "jdbc:postgresql://db1:5432/pay?user=app&password=n0tS3cure&ssl=true", "jdbc:postgresql://db1:5432/pay?user=app&password=[REDACTED:password]&ssl=true"},
	{"json secret", `{"name": "billing", "secret": "b1ll1ng-sh4red"}`, `{"name": "billing", "secret": "[REDACTED:secret]"}`},
	{"yaml password", "  db_password: hunter2\n  db_user: app", "  db_password: [REDACTED:password]\n  db_user: app"},
	{"client secret", "client_secret=0a1b2c3d4e5f6a7b8c9d", "client_secret=[REDACTED:secret]"},
	{"api key header", "X-Api-Key: 7c4a8d09ca3762af61e5", "X-Api-Key: [REDACTED:key]"},
	{"sql identified by", "ALTER USER app IDENTIFIED BY 'n3wpass';", "ALTER USER app IDENTIFIED BY '[REDACTED:password]';"},
	{"cli password flag", "mysql --password s3cret -h db1", "mysql --password [REDACTED:password] -h db1"},
	{"mysql -p password", "mysql -h db1 -P3306 -u app -pS3cret99 orders", "mysql -h db1 -P3306 -u app -p[REDACTED:password] orders"},
	{"mysql -p quoted", "mysqldump -u app -p'Ab c1' orders", "mysqldump -u app -p'[REDACTED:password]' orders"},
	{"mysql -p prompts", "mysql -h db -P 3306 -u app -p orders; ssh -p2222 bastion", "mysql -h db -P 3306 -u app -p orders; ssh -p2222 bastion"},
	{"datadog api key", "DD_API_KEY=0123456789abcdef0123456789abcdef", "DD_API_KEY=[REDACTED:datadog-api-key]"},
	{"sentry dsn", "SENTRY_DSN=https://0123456789abcdef0123456789abcdef@o123456.ingest.sentry.io/789", "SENTRY_DSN=https://[REDACTED:sentry-dsn]@o123456.ingest.sentry.io/789"},
	{"twilio sid", "account AC0123456789abcdef0123456789abcdef failing", "account [REDACTED:twilio-account-sid] failing"},
	{"new relic user key", "key NRAK-ABCDEFGHIJ0123456789KLMNOPQ here", "key [REDACTED:new-relic-api-key] here"},
	{"pod and commit", "checkout-7d9f8c6b5-x2x9z at 3f2a9c1e8b7d6c5a4f3e2d1c0b9a8f7e6d5c4b3a, api: checkout-7d9f8c6b5-x2x9z", "checkout-7d9f8c6b5-x2x9z at 3f2a9c1e8b7d6c5a4f3e2d1c0b9a8f7e6d5c4b3a, api: checkout-7d9f8c6b5-x2x9z"},
	{"elided bearer", "curl -H 'Authorization: Bearer …' https://api.example.com/v1/orders", "curl -H 'Authorization: Bearer …' https://api.example.com/v1/orders"},
	{"aws instance id after auth", "aws elbv2 deregister-targets --target-group-arn …/auth-tg --targets Id=i-0a3f71c9e2b5d8841", "aws elbv2 deregister-targets --target-group-arn …/auth-tg --targets Id=i-0a3f71c9e2b5d8841"},
	{"json-escaped env lines", `"export DB_PASSWORD=Qm7vT2xL9pRw4sZk\nexport AWS_DEFAULT_REGION=eu-west-1"`, `"export DB_PASSWORD=[REDACTED:password]\nexport AWS_DEFAULT_REGION=eu-west-1"`},
	{"curl user", "curl -u admin:hunter2 https://grafana.internal/api", "curl -u admin:[REDACTED:password] https://grafana.internal/api"},

	// People.
	{"email", "paged alice.smith+oncall@example.com about it", "paged [REDACTED:email] about it"},
	{"slack mailto link", "<mailto:bob@corp.example|bob@corp.example>", "<mailto:[REDACTED:email]|[REDACTED:email]>"},
	{"international phone", "bridge: +44 20 7946 0958", "bridge: [REDACTED:phone]"},
	{"us phone with parens", "call (415) 555-0132 for the vendor", "call [REDACTED:phone] for the vendor"},
	{"us phone dashes", "vendor hotline 800-555-0199.", "vendor hotline [REDACTED:phone]."},

	// Negatives: ordinary incident text stays exactly as it was.
	{"slack ts", "see 1772446440.000100 and 1772446500.000200", "see 1772446440.000100 and 1772446500.000200"},
	{"error codes and 5xx", "checkout-api 5xx spiked: 502/503/504, ERR_CONN_RESET, ORA-00060, SQLSTATE 53300", "checkout-api 5xx spiked: 502/503/504, ERR_CONN_RESET, ORA-00060, SQLSTATE 53300"},
	{"ips and hostnames", "10.0.0.12:8080 and db-primary.internal:5432 and 2001:db8::1", "10.0.0.12:8080 and db-primary.internal:5432 and 2001:db8::1"},
	{"versions", "rolled back from v2.3.1 to 2.3.0 (build 1.25.3-rc.1, golang.org/x/net@v0.20.0)", "rolled back from v2.3.1 to 2.3.0 (build 1.25.3-rc.1, golang.org/x/net@v0.20.0)"},
	{"times and dates", "2026-03-02T10:14:00Z, mitigated 10:42, 10:14-11:02 UTC", "2026-03-02T10:14:00Z, mitigated 10:42, 10:14-11:02 UTC"},
	{"prose about secrets", "Secret: rotated yesterday. token: expired. bearer tokens expired after the password reset", "Secret: rotated yesterday. token: expired. bearer tokens expired after the password reset"},
	{"config that is not a secret", "max_tokens=4096 token_bucket_size=200 password=${DB_PASSWORD} secret: true", "max_tokens=4096 token_bucket_size=200 password=${DB_PASSWORD} secret: true"},
	{"slack mentions", "<!channel> <@U01ABCD|alice> <#C0123|inc-2041>", "<!channel> <@U01ABCD|alice> <#C0123|inc-2041>"},
	{"dashboard url", "https://grafana.internal/d/abc?orgId=1&from=now-1h&var-pod=checkout-7f9c", "https://grafana.internal/d/abc?orgId=1&from=now-1h&var-pod=checkout-7f9c"},
	{"ids and hashes", "trace 4bf92f3577b34da6a3ce929d0e0e4736 commit 3f2a9c1 image sha256:9b2a ticket PAY-881", "trace 4bf92f3577b34da6a3ce929d0e0e4736 commit 3f2a9c1 image sha256:9b2a ticket PAY-881"},
	{"numbers and percentages", "+15% errors, p99 1200ms, 12,000 rps, +300 ms, 3 of 12 pods", "+15% errors, p99 1200ms, 12,000 rps, +300 ms, 3 of 12 pods"},
	{"ssh remote", "git@github.com:acme/api.git", "git@github.com:acme/api.git"},
	{"kubernetes secret ref", "secretKeyRef:\n  name: db-creds\n  key: password", "secretKeyRef:\n  name: db-creds\n  key: password"},
	{"yaml key on its own line", "password:\n  valueFrom: vault", "password:\n  valueFrom: vault"},
	{"empty", "", ""},
}

func TestString(t *testing.T) {
	for _, tt := range redactTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := String(tt.in); got != tt.want {
				t.Errorf("String(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestStringIdempotent: redacting twice changes nothing more, so a text that went
// through one redacting layer can safely go through another.
func TestStringIdempotent(t *testing.T) {
	for _, tt := range redactTests {
		once := String(tt.in)
		if twice := String(once); twice != once {
			t.Errorf("%s: second pass changed %q into %q", tt.name, once, twice)
		}
	}
}

// plantedSecrets are values that must vanish wherever they appear on their own.
var plantedSecrets = []string{
	fakeAWSKeyID, fakeJWT, fakeGitHub, fakeSlackBot, fakeGCPKey,
	"glpat-x9Yz8W7v6U5t4S3r2Q1p", "carol@example.org",
}

func FuzzString(f *testing.F) {
	for _, tt := range redactTests {
		f.Add(tt.in, uint8(0))
	}
	for _, smp := range redacttest.Samples(rand.New(rand.NewPCG(1, 0))) {
		f.Add(smp.Line, uint8(len(smp.Line)))
	}
	f.Add("password=\"abc", uint8(3))
	f.Add("-----BEGIN PRIVATE KEY-----", uint8(1))
	f.Fuzz(func(t *testing.T, s string, pick uint8) {
		out := String(s)
		if again := String(out); again != out {
			t.Errorf("not idempotent: %q -> %q -> %q", s, out, again)
		}
		// Masking only ever takes text away and puts placeholders in: what is left
		// around the placeholders is never longer than the input.
		if kept := placeholderRE.ReplaceAllString(out, ""); len(kept) > len(s) {
			t.Errorf("output grew beyond its placeholders: %q -> %q", s, out)
		}
		// A known secret planted as its own word never survives, whatever surrounds it.
		// (Copies glued inside longer words of s may stay: inside a hash or an id run
		// they are not recognisable as secrets.)
		secret := plantedSecrets[int(pick)%len(plantedSecrets)]
		in := s + " " + secret + " " + s
		if got := String(in); strings.Count(got, secret) > 2*strings.Count(s, secret) {
			t.Errorf("planted secret %q survived in %q", secret, got)
		}
	})
}

// chatLines are ordinary incident channel messages: what most of ingest sees.
var chatLines = []string{
	"[FIRING:1] CheckoutLatencyHigh checkout-api p99 2.3s (threshold 1s) <!channel>",
	"looking, dashboards at https://grafana.internal/d/abc?orgId=1&from=now-1h",
	"pool saturated: FATAL: remaining connection slots are reserved (SQLSTATE 53300)",
	"rolled back to v2.3.0 on 10.0.3.7:8080, 5xx dropping",
	"checkout-7d9f8c6b5-x2x9z is crashlooping, OOMKilled twice in 10 minutes",
	"I think it's the deploy at 10:14, commit 3f2a9c1 changed the pool size",
	"auth-service returns 401 for ~20% of token refreshes since 10:20 UTC",
	"trace 4bf92f3577b34da6a3ce929d0e0e4736 shows 1.8s in the payments call",
	"filed PAY-881 to add an alert on pool usage, @ana can you own it?",
	"ok mitigated, error rate back to 0.1%, keeping the incident open for 30m",
	"kubectl -n checkout rollout undo deploy/checkout-api",
	"the api key rotation job failed last night, might be related?",
	"request_id=9f8e7d6c5b4a3928 got ERR_CONN_RESET from the edge",
	"+1, also we should add a runbook step for draining the pool",
	"who has access to the stripe dashboard? need to check refunds",
	"resolved. postmortem on Thursday",
}

// BenchmarkString measures one message of a realistic mix: ordinary chat and log
// lines, and one line in ten pasted with a secret.
func BenchmarkString(b *testing.B) {
	samples := redacttest.Samples(rand.New(rand.NewPCG(1, 0)))
	var lines []string
	for i := range 10 * len(chatLines) {
		if i%10 == 9 {
			lines = append(lines, samples[(i/10)%len(samples)].Line)
		} else {
			lines = append(lines, chatLines[i%len(chatLines)])
		}
	}
	String("warm up the detectors")
	i := 0
	for b.Loop() {
		String(lines[i%len(lines)])
		i++
	}
}

// BenchmarkStringSecrets measures the table of test inputs, nearly all secrets.
func BenchmarkStringSecrets(b *testing.B) {
	var sb strings.Builder
	for _, tt := range redactTests {
		sb.WriteString(tt.in)
		sb.WriteByte('\n')
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		String(text)
	}
}

// BenchmarkStringTranscript measures redaction of an ordinary transcript: mostly
// chatter, a few log lines, one secret.
func BenchmarkStringTranscript(b *testing.B) {
	lines := []string{
		"[1772446440.000100] alice: PagerDuty alert firing: checkout-api p99 latency above 2s",
		"[1772446470.000200] bob: looking, dashboards at https://grafana.internal/d/abc?orgId=1&from=now-1h",
		"[1772446500.000300] carol: pool saturated: FATAL: remaining connection slots are reserved (SQLSTATE 53300)",
		"[1772446620.000400] dave: rolled back to v2.3.0 on 10.0.3.7:8080, 5xx dropping",
		"[1772446800.000500] erin: the key:secret for the job should be rotated, filed SEC-12",
	}
	var sb strings.Builder
	for i := 0; i < 60; i++ {
		for _, l := range lines {
			sb.WriteString(l)
			sb.WriteByte('\n')
		}
	}
	sb.WriteString("export PGPASSWORD=hunter22\n")
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		String(text)
	}
}
