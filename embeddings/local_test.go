package embeddings

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

func cosine(a, b []float32) float64 {
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}

func l2(v []float32) float64 {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	return math.Sqrt(s)
}

func newTestLocal(t testing.TB, dim int) *Local {
	t.Helper()
	l, err := NewLocal(dim)
	if err != nil {
		t.Fatalf("NewLocal(%d): %v", dim, err)
	}
	return l
}

func TestNewLocalDimensions(t *testing.T) {
	tests := []struct {
		dim     int
		wantErr bool
	}{
		{15, true}, {16, false}, {384, false}, {4096, false}, {4097, true}, {0, true}, {-1, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.dim), func(t *testing.T) {
			l, err := NewLocal(tt.dim)
			if tt.wantErr {
				if copilot.ErrorCode(err) != copilot.EINVALID {
					t.Fatalf("NewLocal(%d) error = %v, want EINVALID", tt.dim, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("NewLocal(%d): %v", tt.dim, err)
			}
			if l.Dimensions() != tt.dim {
				t.Errorf("Dimensions() = %d", l.Dimensions())
			}
			if want := fmt.Sprintf("local/v1/%d/lex-%s/text-%s", tt.dim, failure.Version(), text.Version()); l.EmbedderID() != want {
				t.Errorf("EmbedderID() = %q, want %q", l.EmbedderID(), want)
			}
			v, err := l.EmbedQuery(context.Background(), "FATAL: sorry, too many clients already")
			if err != nil {
				t.Fatal(err)
			}
			if len(v) != tt.dim {
				t.Errorf("len(vector) = %d, want %d", len(v), tt.dim)
			}
		})
	}
}

var unitTexts = []string{
	"",
	"   \n\t ",
	"the and of to",
	"<@U024BE7LH> <!here> :fire: 1772446440.000100",
	"FATAL: sorry, too many clients already",
	"ok",
	strings.Repeat("checkout-api returning 503s after the deploy, rolling back now. ", 200),
	"Échec de connexion à la base de données: délai d'attente dépassé",
}

func TestLocalUnitNorm(t *testing.T) {
	l := newTestLocal(t, 384)
	vecs, err := l.EmbedDocuments(context.Background(), unitTexts)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range vecs {
		if n := l2(v); math.Abs(n-1) > 1e-5 {
			t.Errorf("text %d (%.30q): norm %v, want 1", i, unitTexts[i], n)
		}
		for _, x := range v {
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				t.Fatalf("text %d: non-finite component", i)
			}
		}
	}
}

func TestLocalEmptyText(t *testing.T) {
	l := newTestLocal(t, 384)
	ctx := context.Background()
	empty, err := l.EmbedQuery(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	// Texts with no content words share the fixed vector; real text is far from it.
	for _, s := range []string{" ", "the of and", "<@U024BE7LH> :tada:"} {
		v, _ := l.EmbedQuery(ctx, s)
		if !slices.Equal(v, empty) {
			t.Errorf("EmbedQuery(%q) differs from the empty-text vector", s)
		}
	}
	v, _ := l.EmbedQuery(ctx, "no space left on device")
	if c := cosine(v, empty); math.Abs(c) > 0.5 {
		t.Errorf("cosine(real text, empty) = %v, want near 0", c)
	}
}

func TestLocalDeterminism(t *testing.T) {
	texts := []string{
		"FATAL: sorry, too many clients already",
		"HikariPool-1 - Connection is not available, request timed out after 30000ms",
		"rolled back checkout-api to v1.41 <https://ci.example.com/run/1?x=1|ci>",
		"",
	}
	l := newTestLocal(t, 256)
	ctx := context.Background()
	want, err := l.EmbedDocuments(ctx, texts)
	if err != nil {
		t.Fatal(err)
	}
	// A second embedder, queries one by one, and many goroutines must all agree bit for bit.
	l2 := newTestLocal(t, 256)
	for i, s := range texts {
		q, _ := l2.EmbedQuery(ctx, s)
		if !slices.Equal(q, want[i]) {
			t.Errorf("EmbedQuery(%q) differs from EmbedDocuments", s)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 16 {
		wg.Go(func() {
			// Big batches take the parallel path.
			batch := make([]string, 0, 200)
			for i := range 200 {
				batch = append(batch, texts[(i+g)%len(texts)])
			}
			got, err := l.EmbedDocuments(ctx, batch)
			if err != nil {
				errs <- err.Error()
				return
			}
			for i, v := range got {
				if !slices.Equal(v, want[(i+g)%len(texts)]) {
					errs <- fmt.Sprintf("goroutine %d text %d differs", g, i)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestLocalBatchOrder(t *testing.T) {
	l := newTestLocal(t, 64)
	ctx := context.Background()
	var texts []string
	for i := range 500 {
		texts = append(texts, fmt.Sprintf("service-%d error %d", i%37, i))
	}
	got, err := l.EmbedDocuments(ctx, texts)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(texts) {
		t.Fatalf("got %d vectors for %d texts", len(got), len(texts))
	}
	for _, i := range []int{0, 1, 63, 250, 499} {
		q, _ := l.EmbedQuery(ctx, texts[i])
		if !slices.Equal(q, got[i]) {
			t.Errorf("vector %d is not the vector of text %d", i, i)
		}
	}
	// Writing into one vector must not spill into its neighbour.
	got[0][len(got[0])-1] = 42
	got = append(got[:1], got[1:]...)
	if got[1][0] == 42 {
		t.Error("vectors overlap")
	}
	empty, err := l.EmbedDocuments(ctx, nil)
	if err != nil || len(empty) != 0 {
		t.Errorf("EmbedDocuments(nil) = %v, %v", empty, err)
	}
}

func TestLocalContextCancelled(t *testing.T) {
	l := newTestLocal(t, 64)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.EmbedDocuments(ctx, []string{"a"}); !errors.Is(err, context.Canceled) {
		t.Errorf("EmbedDocuments error = %v, want context.Canceled", err)
	}
	if _, err := l.EmbedQuery(ctx, "a"); !errors.Is(err, context.Canceled) {
		t.Errorf("EmbedQuery error = %v, want context.Canceled", err)
	}
}

// similarityTests are triples: two texts of the same failure mechanism worded by
// different systems or layers, and a text of an unrelated mechanism. The pair
// must be closer than either text is to the third.
var similarityTests = []struct {
	name            string
	a, b, unrelated string
}{
	{"connection exhaustion: server vs pool",
		"FATAL: sorry, too many clients already",
		"HikariPool-1 - Connection is not available, request timed out after 30000ms",
		"write /var/lib/postgresql/data/base/16384: no space left on device"},
	{"connection exhaustion: mysql vs pgbouncer",
		"ERROR 1040 (HY000): Too many connections",
		"pgbouncer: no more connections allowed (max_client_conn)",
		"checkout pods stuck in CrashLoopBackOff"},
	{"dns: go vs java",
		"dial tcp: lookup payments.internal on 10.96.0.10:53: no such host",
		"java.net.UnknownHostException: payments.internal: Temporary failure in name resolution",
		"java.lang.OutOfMemoryError: Java heap space"},
	{"oom: kubernetes vs go runtime",
		"Last State: Terminated Reason: OOMKilled Exit Code: 137",
		"fatal error: runtime: out of memory",
		"x509: certificate signed by unknown authority"},
	{"expired certificate: go vs curl",
		"x509: certificate has expired or is not yet valid",
		"SSL certificate problem: certificate has expired",
		"ERROR: deadlock detected"},
	{"rate limiting: http vs aws",
		"HTTP 429 Too Many Requests from the payments API",
		"ThrottlingException: Rate exceeded",
		"disk full on the kafka broker"},
	{"disk full: errno vs kubelet",
		"ENOSPC: no space left on device, write",
		"The node had condition: [DiskPressure], pod evicted",
		"rpc error: code = Unauthenticated desc = invalid token"},
	{"kafka rebalance: exception vs chatter",
		"CommitFailedException: Commit cannot be completed since the group has already rebalanced",
		"consumer group keeps rebalancing, max.poll.interval.ms exceeded",
		"502 Bad Gateway from nginx"},
	{"lock contention: postgres vs mysql",
		"ERROR: deadlock detected DETAIL: Process 4242 waits for ShareLock",
		"ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction",
		"ImagePullBackOff: manifest unknown"},
	{"load balancer: envoy vs alb",
		"upstream connect error: no healthy upstream",
		"ALB returning 502 Bad Gateway, all targets unhealthy",
		"replication lag on the read replica is 45 minutes"},
}

func TestLocalSimilarMechanismCloser(t *testing.T) {
	l := newTestLocal(t, DefaultLocalDimensions)
	ctx := context.Background()
	for _, tt := range similarityTests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := l.EmbedDocuments(ctx, []string{tt.a, tt.b, tt.unrelated})
			if err != nil {
				t.Fatal(err)
			}
			same := cosine(v[0], v[1])
			ua, ub := cosine(v[0], v[2]), cosine(v[1], v[2])
			if same <= ua || same <= ub {
				t.Errorf("cos(a,b) = %.3f, not above cos(a,u) = %.3f and cos(b,u) = %.3f", same, ua, ub)
			}
			// The lexicon, not luck, should carry it: a clear margin.
			if same-max(ua, ub) < 0.2 {
				t.Errorf("margin %.3f below 0.2 (same %.3f, unrelated %.3f/%.3f)", same-max(ua, ub), same, ua, ub)
			}
		})
	}
}

func TestLocalSlackNoiseDoesNotDominate(t *testing.T) {
	l := newTestLocal(t, DefaultLocalDimensions)
	ctx := context.Background()
	// Two unrelated messages that share all their Slack noise (ids, ts, a link's
	// query string) must stay less alike than two wordings of one mechanism
	// without any shared noise.
	noise := " <@U024BE7LH> <@U0G9QF9C6> 1772446440.000100 <https://grafana.example.com/d/x?orgId=1&var-pod=checkout-7d9f8b6c5-x2x7k&from=1772446440000|graph>"
	v, err := l.EmbedDocuments(ctx, []string{
		"no space left on device on the kafka broker" + noise,
		"checkout returns 401 unauthorized for every request" + noise,
		"ENOSPC while writing the segment file",
	})
	if err != nil {
		t.Fatal(err)
	}
	if noisy, same := cosine(v[0], v[1]), cosine(v[0], v[2]); noisy >= same {
		t.Errorf("shared noise similarity %.3f >= same-mechanism similarity %.3f", noisy, same)
	}
}

func TestLocalUsesLexicon(t *testing.T) {
	// The concept block must make two texts that share a concept but no word closer
	// than two texts that share neither.
	l := newTestLocal(t, DefaultLocalDimensions)
	ctx := context.Background()
	a, b, c := "NXDOMAIN", "UnknownHostException", "ImagePullBackOff"
	if !slices.Equal(failure.Concepts(a), failure.Concepts(b)) {
		t.Fatalf("test texts must share their concept: %v vs %v", failure.Concepts(a), failure.Concepts(b))
	}
	v, _ := l.EmbedDocuments(ctx, []string{a, b, c})
	if same, other := cosine(v[0], v[1]), cosine(v[0], v[2]); same < 0.3 || same <= other {
		t.Errorf("cos(shared concept) = %.3f, cos(different) = %.3f", same, other)
	}
}

func FuzzLocalEmbed(f *testing.F) {
	for _, s := range unitTexts {
		f.Add(s)
	}
	for _, tt := range similarityTests {
		f.Add(tt.a)
	}
	l := newTestLocal(f, 32)
	f.Fuzz(func(t *testing.T, text string) {
		v, err := l.EmbedQuery(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		if n := l2(v); len(v) != 32 || math.Abs(n-1) > 1e-5 {
			t.Fatalf("len %d norm %v", len(v), n)
		}
	})
}

// benchChunks builds chunks shaped like the ingest's: 5–10 Slack messages,
// around 600 characters, mixing chatter, error messages, ids and links.
func benchChunks(n int) []string {
	msgs := []string{
		"<@U024BE7LH> checkout-api is returning 503s since 10:14, looking",
		"FATAL: sorry, too many clients already",
		"HikariPool-1 - Connection is not available, request timed out after 30000ms.",
		"pods checkout-7d9f8b6c5-x2x7k and checkout-7d9f8b6c5-abc12 restarted, OOMKilled exit code 137",
		"I'll grab the logs from the last hour",
		"rolling back the deploy of v1.42 now <https://ci.example.com/run/88123?attempt=2|ci run>",
		"p99 latency is back to normal, error rate under 0.1%",
		"we should alert on pool saturation before it hits max_connections",
		"dial tcp: lookup payments.internal on 10.96.0.10:53: i/o timeout",
		"filed PAY-881 to raise the pool size and add a dashboard",
		"x509: certificate has expired or is not yet valid",
		"consumer lag on orders is 2.3M and growing, CommitFailedException in the logs",
		"thanks all, resolving the incident :white_check_mark:",
	}
	chunks := make([]string, n)
	for i := range chunks {
		var b strings.Builder
		k := 5 + i%6
		for j := range k {
			fmt.Fprintf(&b, "[%d.%06d] %s\n", 1772446440+i*7+j, j*100, msgs[(i*3+j*5)%len(msgs)])
		}
		chunks[i] = b.String()
	}
	return chunks
}

func BenchmarkLocalEmbedDocuments(b *testing.B) {
	l := newTestLocal(b, DefaultLocalDimensions)
	chunks := benchChunks(1024)
	var bytes int
	for _, c := range chunks {
		bytes += len(c)
	}
	ctx := context.Background()
	b.SetBytes(int64(bytes))
	for b.Loop() {
		if _, err := l.EmbedDocuments(ctx, chunks); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(bytes)/float64(len(chunks)), "chars/chunk")
	b.ReportMetric(float64(b.N*len(chunks))/b.Elapsed().Seconds(), "chunks/s")
}

// TestLexiconEditChangesEmbedderID: vectors carry the lexicon's concepts, so a lexicon
// of another version must give another embedder id (and with it another index and
// content hash), never a silent mix of old and new vectors.
func TestLexiconEditChangesEmbedderID(t *testing.T) {
	a, err := newLocal(64, failure.Version())
	if err != nil {
		t.Fatal(err)
	}
	b, err := newLocal(64, "0edited0")
	if err != nil {
		t.Fatal(err)
	}
	if a.EmbedderID() == b.EmbedderID() {
		t.Fatalf("both lexicons give embedder id %s", a.EmbedderID())
	}
	if !strings.Contains(b.EmbedderID(), "/lex-0edited0/") {
		t.Fatalf("embedder id %s does not name the lexicon", b.EmbedderID())
	}
}
