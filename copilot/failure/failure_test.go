package failure

import (
	"slices"
	"strings"
	"testing"
)

// conceptTests pairs realistic messages, as clients, servers and responders
// print them, with the concept each must be mapped to.
var conceptTests = []struct {
	concept string
	texts   []string
}{
	{"conn-exhaustion", []string{
		"FATAL: sorry, too many clients already",
		"pq: remaining connection slots are reserved for non-replication superuser connections",
		"ERROR 1040 (HY000): Too many connections",
		"HikariPool-1 - Connection is not available, request timed out after 30000ms.",
		"ERROR: no more connections allowed (max_client_conn)",
		"redis: connection pool exhausted",
		"sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30",
		"Cannot get a connection, pool error Timeout waiting for idle object",
		"ERR max number of clients reached",
		"we maxed out connections on the primary db",
	}},
	{"dns-failure", []string{
		"dial tcp: lookup payments.internal on 10.96.0.10:53: no such host",
		"dial tcp: lookup api.example.com on 172.20.0.10:53: read udp 10.1.2.3:44120->172.20.0.10:53: i/o timeout",
		"curl: (6) Could not resolve host: registry.example.com",
		"getaddrinfo ENOTFOUND db.prod.internal",
		"java.net.UnknownHostException: kafka-0.kafka-headless",
		"ping: api.example.com: Temporary failure in name resolution",
		"status: NXDOMAIN for checkout.svc.cluster.local",
		";; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 4242",
		"coredns pods are crashlooping after the upgrade",
	}},
	{"cert-expired", []string{
		"x509: certificate has expired or is not yet valid: current time 2026-03-02T10:14:00Z is after 2026-03-01T23:59:59Z",
		"SSL certificate problem: certificate has expired",
		"javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertificateExpiredException: NotAfter: Sun Mar 01 23:59:59 UTC 2026",
		"the partner's cert expired last night",
		"NET::ERR_CERT_DATE_INVALID",
	}},
	{"tls-trust", []string{
		"x509: certificate signed by unknown authority",
		"SSL certificate problem: unable to get local issuer certificate",
		"sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target",
		"x509: certificate is valid for *.example.com, not api.example.org",
		"[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain",
	}},
	{"tls-handshake", []string{
		"remote error: tls: handshake failure",
		"net/http: TLS handshake timeout",
		"SSL routines:ssl3_read_bytes:sslv3 alert handshake failure",
		"tls: no cipher suites in common",
		"SSL routines:ssl3_get_record:wrong version number",
	}},
	{"cert-renewal", []string{
		"cert-manager failed to renew the certificate for ingress-tls",
		"CertificateRequest is not ready: issuer not ready",
		"ACME challenge failed: http-01 self check failed",
		"Let's Encrypt rate limited our renewal",
	}},
	{"disk-full", []string{
		"write /var/lib/docker/tmp: no space left on device",
		"ENOSPC: no space left on device, write",
		"PANIC: could not write to file \"pg_wal/xlogtemp.123\": No space left on device",
		"The node had condition: [DiskPressure]",
		"df -i shows 100% inode usage on /var",
		"The node was low on resource: ephemeral-storage.",
		"ERROR 1114 (HY000): The table 'events' is full",
		"the data volume filled up, disk is full",
	}},
	{"oom", []string{
		"Last State: Terminated Reason: OOMKilled Exit Code: 137",
		"java.lang.OutOfMemoryError: Java heap space",
		"fatal error: runtime: out of memory",
		"Memory cgroup out of memory: Killed process 4242 (java)",
		"FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
		"pods keep getting OOM killed after the release",
		"container exited with exit code 137",
		"std::bad_alloc",
	}},
	{"gc-pressure", []string{
		"[GC pause (G1 Evacuation Pause) (young) 2048M->1900M(2048M), 2.3 secs]",
		"long GC pauses on the search nodes",
		"Full GC (Allocation Failure) took 8s, stop-the-world",
	}},
	{"kafka-rebalance", []string{
		"org.apache.kafka.clients.consumer.CommitFailedException: Commit cannot be completed since the group has already rebalanced",
		"Offset commit failed on partition orders-3 at offset 1234: The coordinator is not aware of this member.",
		"consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms",
		"Attempt to heartbeat failed since group is rebalancing",
		"consumer group keeps rebalancing every few minutes",
	}},
	{"queue-backlog", []string{
		"consumer lag on orders topic is 2.3M and growing",
		"SQS ApproximateNumberOfMessagesVisible is at 400k, backlog keeps growing",
		"queue depth on payments-events is 1.2M",
		"messages piling up in the DLQ",
		"records-lag-max alert firing for group billing",
	}},
	{"rabbitmq-flow-control", []string{
		"memory resource limit alarm set on node rabbit@mq-1. Publishers will be blocked until this alarm clears",
		"connection.blocked received from broker: low on memory",
		"disk_free_limit reached, blocking publishers",
		"vm_memory_high_watermark set. Memory used: 3.2GB allowed: 3.1GB",
		"rabbitmq connections in state flow",
	}},
	{"kafka-partition", []string{
		"org.apache.kafka.common.errors.NotLeaderForPartitionException: This server is not the leader for that topic-partition.",
		"LEADER_NOT_AVAILABLE for topic orders",
		"UnderReplicatedPartitions > 0 on broker 3",
		"ISR shrink for partition payments-7 from 1,2,3 to 1",
		"NotEnoughReplicasException: Messages are rejected since there are fewer in-sync replicas than required",
	}},
	{"redis-memory", []string{
		"OOM command not allowed when used memory > 'maxmemory'.",
		"evicted_keys jumped to 2M in the last hour",
		"redis is full, maxmemory-policy is noeviction",
	}},
	{"conn-reset", []string{
		"read tcp 10.0.1.5:51234->10.0.2.9:6379: read: connection reset by peer",
		"Error: socket hang up (ECONNRESET)",
		"write: broken pipe",
		"server closed the connection unexpectedly This probably means the server terminated abnormally",
		"upstream connect error or disconnect/reset before headers. reset reason: connection termination",
	}},
	{"conn-refused", []string{
		"dial tcp 10.0.3.4:5432: connect: connection refused",
		"Error: connect ECONNREFUSED 127.0.0.1:6379",
		"psql: error: could not connect to server: Connection refused Is the server running on host",
	}},
	{"node-notready", []string{
		"Node ip-10-0-1-23.ec2.internal status is now: NodeNotReady",
		"Kubelet stopped posting node status.",
		"PLEG is not healthy: pleg was last seen active 3m ago",
		"two nodes went NotReady and were cordoned",
	}},
	{"pod-pending", []string{
		"0/12 nodes are available: 12 Insufficient cpu.",
		"Warning FailedScheduling default-scheduler 0/5 nodes are available: 3 node(s) had untolerated taint",
		"pods stuck in Pending after the node group change",
		"pod has unbound immediate PersistentVolumeClaims",
	}},
	{"pod-eviction", []string{
		"The node was low on resource: memory. Container app was using 2Gi, which exceeds its request of 1Gi.",
		"pods are being evicted from the ingest node pool",
		"checkout-7d9f8b6c5-x2x7k   0/1     Evicted   0          5m",
		"low priority pods were preempted",
	}},
	{"crashloop", []string{
		"checkout-api-5c9d8   0/1   CrashLoopBackOff   12   30m",
		"Back-off restarting failed container app in pod worker-0",
		"the worker keeps restarting every minute",
	}},
	{"app-crash", []string{
		"panic: runtime error: invalid memory address or nil pointer dereference [signal SIGSEGV: segmentation violation]",
		"Exception in thread \"main\" java.lang.NullPointerException",
		"Segmentation fault (core dumped)",
		"fatal error: concurrent map writes",
		"Traceback (most recent call last): File \"app.py\", line 3",
	}},
	{"image-pull", []string{
		"Failed to pull image \"registry.example.com/app:v1.2.3\": manifest unknown",
		"Warning Failed ErrImagePull; Normal BackOff Back-off pulling image",
		"pod status ImagePullBackOff",
		"toomanyrequests: You have reached your pull rate limit.",
	}},
	{"probe-failure", []string{
		"Liveness probe failed: HTTP probe failed with statuscode: 500",
		"Readiness probe failed: Get \"http://10.0.1.5:8080/healthz\": context deadline exceeded",
		"health checks failing on half the fleet",
	}},
	{"lb-upstream", []string{
		"502 Bad Gateway",
		"no healthy upstream",
		"upstream timed out (110: Connection timed out) while reading response header from upstream",
		"ALB target group shows all targets unhealthy",
		"UnHealthyHostCount alarm for checkout-tg",
		"users are seeing 504s from the edge",
	}},
	{"http-5xx", []string{
		"checkout returning 500s since 10:14",
		"5xx rate is at 12%",
		"HTTP/1.1 500 Internal Server Error",
		"error rate on the API jumped to 8%",
	}},
	{"rate-limit", []string{
		"HTTP 429 Too Many Requests",
		"ThrottlingException: Rate exceeded",
		"SlowDown: Please reduce your request rate.",
		"rpc error: code = ResourceExhausted desc = Quota exceeded for quota metric 'Read requests'",
		"we are being rate limited by the GitHub API",
		"ProvisionedThroughputExceededException on the sessions table",
	}},
	{"timeout", []string{
		"rpc error: code = DeadlineExceeded desc = context deadline exceeded",
		"java.net.SocketTimeoutException: Read timed out",
		"ERROR: canceling statement due to statement timeout",
		"net/http: request canceled (Client.Timeout exceeded while awaiting headers)",
		"calls to the fraud service time out after 5s",
	}},
	{"deploy", []string{
		"rolled back checkout-api to v1.41",
		"deploy of search-indexer 2026.03.02-1 started",
		"the canary went out at 10:05",
		"kubectl rollout undo deployment/checkout",
		"reverting PR #4411",
	}},
	{"config-change", []string{
		"someone flipped the feature flag new_pricing for 100%",
		"terraform apply changed the security group on the db subnet",
		"config push to the edge at 09:58",
		"the service was misconfigured after the env var rename",
	}},
	{"clock-skew", []string{
		"RequestTimeTooSkewed: The difference between the request time and the current time is too large.",
		"JWT rejected: token used before issued (iat in the future)",
		"chronyd was not running, clock drift of 90s on the node",
		"NTP sync broken on the new AMI",
	}},
	{"cron-job", []string{
		"the nightly cronjob for invoices did not run",
		"Cannot determine if job needs to be started: too many missed start times (> 100).",
		"set concurrencyPolicy: Forbid on the report job",
	}},
	{"duplicate-execution", []string{
		"the billing job ran twice and customers were charged twice",
		"ERROR: duplicate key value violates unique constraint \"payments_pkey\"",
		"Duplicate entry '4242' for key 'PRIMARY'",
		"we sent duplicate emails to 3k users",
		"the handler is not idempotent",
	}},
	{"replication-lag", []string{
		"Seconds_Behind_Master: 3600",
		"replication lag on the read replica is 45 minutes",
		"ERROR: canceling statement due to conflict with recovery",
		"requested WAL segment 000000010000000A000000FF has already been removed",
		"users see stale reads from the replicas",
	}},
	{"lock-contention", []string{
		"ERROR: deadlock detected DETAIL: Process 4242 waits for ShareLock on transaction 991",
		"Deadlock found when trying to get lock; try restarting transaction",
		"ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction",
		"ERROR: canceling statement due to lock timeout",
		"a migration took an AccessExclusiveLock on orders",
		"a session was idle in transaction for 2h holding locks",
	}},
	{"network-partition", []string{
		"dial tcp 10.2.0.4:443: connect: no route to host",
		"20% packet loss between az-a and az-b",
		"nf_conntrack: nf_conntrack: table full, dropping packet",
		"BGP session to the transit provider flapped",
		"network is unreachable",
	}},
	{"cpu-saturation", []string{
		"container_cpu_cfs_throttled_periods_total is high for the api",
		"CPU throttling on the checkout pods after lowering limits",
		"cpu pegged at 100% on db-1",
		"load average 48 on a 16 core box",
	}},
	{"fd-exhaustion", []string{
		"accept tcp [::]:8080: accept4: too many open files",
		"java.io.IOException: Too many open files",
		"failed to create fsnotify watcher: too many open files / inotify watch limit reached",
		"raised fs.inotify.max_user_watches to 524288",
		"ulimit -n was 1024 on the new image",
	}},
	{"thread-exhaustion", []string{
		"java.lang.OutOfMemoryError: unable to create new native thread",
		"bash: fork: retry: Resource temporarily unavailable",
		"java.util.concurrent.RejectedExecutionException: Task rejected from ThreadPoolExecutor",
		"512 worker_connections are not enough",
	}},
	{"ip-exhaustion", []string{
		"failed to assign an IP address to container",
		"InsufficientFreeAddressesInSubnet: There are not enough free addresses in subnet",
		"the pod subnet ran out of IPs",
		"IP starvation in the cluster's subnets",
	}},
	{"port-exhaustion", []string{
		"dial tcp 10.0.0.5:443: connect: cannot assign requested address",
		"SNAT port exhaustion on the NAT gateway",
		"60k sockets in TIME_WAIT",
	}},
	{"auth-denied", []string{
		"AccessDenied: User: arn:aws:sts::123:assumed-role/app is not authorized to perform: s3:GetObject",
		"FATAL: password authentication failed for user \"app\"",
		"pods is forbidden: User \"system:serviceaccount:ci:deployer\" cannot list resource \"pods\" in API group \"\"",
		"open /etc/app/config.yaml: permission denied",
		"HTTP/1.1 403 Forbidden",
	}},
	{"credential-expiry", []string{
		"ExpiredToken: The security token included in the request is expired",
		"the DB password was rotated and the app still has the old one",
		"JWT expired at 2026-03-02T10:00:00Z",
		"the API key was revoked by the vendor",
	}},
	{"failover", []string{
		"RDS Multi-AZ failover completed, new primary in us-east-1b",
		"READONLY You can't write against a read only replica.",
		"ERROR: cannot execute INSERT in a read-only transaction",
		"patroni promoted db-2 to leader",
		"we failed over to the secondary region",
	}},
	{"slow-query", []string{
		"a seq scan on orders after the index was dropped",
		"slow queries on the reporting db since noon",
		"autovacuum can't keep up, table bloat at 80%",
		"database is not accepting commands to avoid wraparound data loss in database \"app\"",
	}},
	{"io-saturation", []string{
		"EBS BurstBalance hit 0 on the db volume",
		"iowait at 60% on the kafka brokers",
		"disk latency spiked to 200ms",
	}},
	{"cache-failure", []string{
		"cache hit rate dropped from 95% to 20% after the flush",
		"cache stampede when the popular keys expired",
		"cold cache after the redis restart",
	}},
	{"retry-storm", []string{
		"clients retried without backoff and caused a retry storm",
		"circuit breaker open for payments-service",
		"thundering herd on reconnect",
	}},
	{"dependency-outage", []string{
		"AWS outage in us-east-1 is affecting SQS",
		"the upstream provider posted a partial outage",
		"third party API for address validation is down, third party outage",
	}},
}

func TestConcepts(t *testing.T) {
	for _, tt := range conceptTests {
		t.Run(tt.concept, func(t *testing.T) {
			if _, ok := Describe(tt.concept); !ok {
				t.Fatalf("concept %q is not in the lexicon", tt.concept)
			}
			for _, text := range tt.texts {
				if got := Concepts(text); !slices.Contains(got, tt.concept) {
					t.Errorf("Concepts(%q) = %v, want it to contain %q", text, got, tt.concept)
				}
			}
		})
	}
}

func TestEveryConceptTested(t *testing.T) {
	tested := map[string]bool{}
	for _, tt := range conceptTests {
		tested[tt.concept] = true
	}
	for _, c := range All() {
		if !tested[c.ID] {
			t.Errorf("concept %q has no test messages", c.ID)
		}
	}
}

// unrelatedTexts are everyday channel and office chatter without any failure mechanism.
var unrelatedTexts = []string{
	"",
	"Let's grab lunch at noon and review the quarterly roadmap with the design team.",
	"Thanks everyone, great work! See you tomorrow :tada:",
	"<@U024BE7LH> can you share the slides from the offsite?",
	"The new onboarding guide is in the wiki: https://wiki.example.com/onboarding?ref=slack#start",
	"Happy birthday Maria! 🎂",
	"I'll be out on Friday, Sam is covering my reviews.",
	"Q3 planning doc: please add your team's goals by Thursday.",
}

func TestConceptsUnrelated(t *testing.T) {
	for _, text := range unrelatedTexts {
		if got := Concepts(text); len(got) != 0 {
			t.Errorf("Concepts(%q) = %v (%v), want none", text, got, Signatures(text))
		}
	}
}

func TestConceptsSortedUnique(t *testing.T) {
	text := "FATAL: sorry, too many clients already; HikariPool-1 - Connection is not available, request timed out after 30000ms; " +
		"no space left on device; too many clients already; 502 Bad Gateway"
	got := Concepts(text)
	want := []string{"conn-exhaustion", "disk-full", "http-5xx", "lb-upstream", "timeout"}
	if !slices.Equal(got, want) {
		t.Errorf("Concepts = %v, want %v", got, want)
	}
}

func TestSignatures(t *testing.T) {
	got := Signatures("FATAL: sorry, too many clients already. FATAL: sorry, too many clients already")
	want := []Match{{Phrase: "too many clients already", Concept: "conn-exhaustion"}}
	if !slices.Equal(got, want) {
		t.Errorf("Signatures = %v, want %v", got, want)
	}
	got = Signatures("x509: certificate has expired or is not yet valid, then dial tcp: lookup db on 10.0.0.2:53: i/o timeout")
	var phrases []string
	for _, m := range got {
		phrases = append(phrases, m.Phrase+"→"+m.Concept)
	}
	for _, w := range []string{
		"x509 certificate has expire or is not yet valid→cert-expired",
		"lookup ~ 53 i o timeout→dns-failure",
	} {
		if !slices.Contains(phrases, w) {
			t.Errorf("Signatures = %v, want it to contain %s", phrases, w)
		}
	}
}

func TestWildcards(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"gap of an IP and port", "lookup a.b on 10.96.0.10:53: i/o timeout", true},
		{"no gap", "lookup 53 i/o timeout", true},
		{"gap too long", "lookup a b c d e f g h i j k l m 53 i/o timeout", false},
		{"words out of order", "i/o timeout 53 lookup", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.ContainsFunc(Signatures(tt.text), func(m Match) bool { return m.Phrase == "lookup ~ 53 i o timeout" })
			if got != tt.want {
				t.Errorf("matched = %v, want %v (%v)", got, tt.want, Signatures(tt.text))
			}
		})
	}
}

func TestExactWord(t *testing.T) {
	// "=502" must match only 502, not every 5xx form that shares its alias.
	if got := Concepts("we saw 503s"); slices.Contains(got, "lb-upstream") {
		t.Errorf("Concepts(503s) = %v, must not contain lb-upstream", got)
	}
	if got := Concepts("we saw 502s"); !slices.Contains(got, "lb-upstream") {
		t.Errorf("Concepts(502s) = %v, want lb-upstream", got)
	}
}

var normalizeTests = []struct {
	name, in, want string
}{
	{"lowercase and punctuation", "FATAL: Sorry, TOO many clients!", "fatal sorry too many clients"},
	{"5xx keeps the number", "Checkout 503s and a 502", "checkout 503s http5xx and a 502 http5xx"},
	{"5xx words", "HTTP 500 Internal Server Error", "http 500 http5xx internal server error http5xx"},
	{"database synonyms", "pg and psql on the db", "pg database and psql database on the db database"},
	{"kubernetes spelling", "k8s and kube nodes", "kubernetes and kubernetes node"},
	{"oom forms", "OOMKilled, out of memory", "oomkilled oom out of memory oom"},
	{"timed out", "request timed out", "request timed out timeout"},
	{"ticket key stays whole", "filed PAY-503 for it", "filed pay503 for it"},
	{"hyphenated words split", "HikariPool-1 connection-pool", "hikaripool 1 connection pool"},
	{"slack user mention dropped", "<@U024BE7LH> is on it", "is on it"},
	{"slack channel label kept", "see <#C0123|inc-2041-checkout>", "see inc 2041 checkout"},
	{"broadcast dropped", "<!here> db is down", "db database is down"},
	{"url query dropped", "graph <https://grafana.example.com/d/abc/api?orgId=1&from=now-1h|here>", "graph grafana example com d abc api here"},
	{"bare url query dropped", "https://x.example.com/p?token=abc#frag now", "x example com p now"},
	{"emoji dropped", ":rotating_light: cert expired :fire:", "cert certificate expired expire"},
	{"port not emoji", "10.0.0.1:53: i/o", "10 0 0 1 53 i o"},
	{"unicode lowercase", "ÉCHEC de connexion", "échec de connexion"},
	{"already normalized", "db database 503 http5xx", "db database 503 http5xx"},
}

func TestNormalize(t *testing.T) {
	for _, tt := range normalizeTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := Normalize(Normalize(tt.in)); got != Normalize(tt.in) {
				t.Errorf("Normalize is not idempotent on %q: %q", tt.in, got)
			}
		})
	}
}

func TestLexiconShape(t *testing.T) {
	c, err := compile(lexicon)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	if n := len(c.concepts); n < 25 || n > 64 {
		t.Errorf("lexicon has %d concepts, want 25..64 (ConceptsOf keeps a 64-entry bitmap)", n)
	}
	perConcept := map[int]int{}
	seen := map[string]string{}
	for _, s := range c.sigs {
		perConcept[s.concept]++
		var ws []string
		for _, w := range s.words {
			ws = append(ws, w.w)
		}
		key := strings.Join(ws, " ")
		if prev, ok := seen[key]; ok {
			t.Errorf("signature %q of %s duplicates one of %s", s.phrase, c.concepts[s.concept].ID, prev)
		}
		seen[key] = c.concepts[s.concept].ID
	}
	for i, con := range c.concepts {
		if perConcept[i] < 3 {
			t.Errorf("concept %s has %d signatures, want at least 3", con.ID, perConcept[i])
		}
		if con.Description == "" {
			t.Errorf("concept %s has no description", con.ID)
		}
	}
}

func TestCompileRejectsBadSignatures(t *testing.T) {
	for _, sig := range []string{"", "  ", "~ timeout", "* timeout", "timeout ~", "!!!"} {
		if _, err := compile([]entry{{id: "x", desc: "x", sigs: []string{sig}}}); err == nil {
			t.Errorf("compile accepted signature %q", sig)
		}
	}
	if _, err := compile([]entry{{id: "x", sigs: []string{"a"}}, {id: "x", sigs: []string{"b"}}}); err == nil {
		t.Error("compile accepted a duplicate concept id")
	}
}

func FuzzNormalize(f *testing.F) {
	for _, tt := range normalizeTests {
		f.Add(tt.in)
	}
	for _, tt := range conceptTests {
		f.Add(tt.texts[0])
	}
	f.Fuzz(func(t *testing.T, text string) {
		n := Normalize(text)
		if n2 := Normalize(n); n2 != n {
			t.Errorf("Normalize not idempotent: %q → %q → %q", text, n, n2)
		}
		if strings.Contains(n, "  ") || strings.TrimSpace(n) != n {
			t.Errorf("Normalize(%q) = %q has stray spaces", text, n)
		}
		cs := Concepts(text)
		if !slices.IsSorted(cs) || len(slices.Compact(slices.Clone(cs))) != len(cs) {
			t.Errorf("Concepts(%q) = %v not sorted and unique", text, cs)
		}
		for _, m := range Signatures(text) {
			if !slices.Contains(cs, m.Concept) {
				t.Errorf("Signatures gave %v but Concepts = %v", m, cs)
			}
		}
	})
}

func BenchmarkConcepts(b *testing.B) {
	text := strings.Repeat("HikariPool-1 - Connection is not available, request timed out after 30000ms. <@U01> rolling back the deploy now ", 6)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		ConceptsOf(Tokens(text))
	}
}
