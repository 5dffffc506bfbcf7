package bench

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	slackgo "github.com/slack-go/slack"

	"github.com/incidentcopilot/incident-copilot/api"
	"github.com/incidentcopilot/incident-copilot/api/slack"
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// The Slack bench sends signed Events API requests to the Slack request URL of a
// server built as copilot serve builds it (api.Server, the Slack handler, the
// store and its river workers) on a loopback listener, with a fake Slack Web API
// on another. Every event is an @copilot help mention, which the worker answers
// with one threaded reply; the fake counts the replies per thread, so an event
// that was acknowledged but never worked, or worked twice, shows.

// Defaults of the Slack bench.
const (
	DefaultSlackEvents = 500
	DefaultSlackRate   = 100 // events per second
	// DefaultSlackSettle is the default of SlackConfig.Settle.
	DefaultSlackSettle = 2 * time.Second
	// slackDrain bounds the wait for the workers after the last acknowledgement.
	slackDrain = 2 * time.Minute
)

// SlackConfig configures RunSlack.
type SlackConfig struct {
	DatabaseURL string
	Schema      string // throw-away schema; bench_<pid> when empty
	Events      int
	Rate        int // events sent per second
	// RetryEvery re-sends every n-th event as Slack's retry of it (same event_id,
	// X-Slack-Retry-Num: 1); 0 means every 10th, negative none.
	RetryEvery int
	Workers    int // job workers; the store's default when 0
	// SharedPool acknowledges on the store's one pool, shared with the workers,
	// as before acknowledgements had connections of their own (for comparison).
	SharedPool bool
	// AckConns sizes the reserved pool; postgres.DefaultAckConns when 0.
	AckConns int
	// Settle is how long the server runs before the first event, so that river's
	// start-up (leader election, maintenance services) is not measured as load;
	// negative means none. RunSlack's default is DefaultSlackSettle.
	Settle  time.Duration
	Command string
}

// SlackReport is the outcome of RunSlack.
type SlackReport struct {
	Environment Environment `json:"environment"`
	Command     string      `json:"command"`
	Events      int         `json:"events"`
	Rate        int         `json:"rate_per_sec"`
	Retries     int         `json:"retries_sent"`
	Acked       int         `json:"acked"` // distinct events answered 200
	Refused     int         `json:"refused"`
	// Ack is the latency of Slack's request until its 200 (store + queue).
	Ack Latency `json:"ack_latency"`
	// AckSteady leaves out the first second's events (and all retries): the
	// server's start-up against its steady state.
	AckSteady   Latency `json:"ack_latency_after_first_second"`
	Worked      int     `json:"jobs_worked"` // distinct events with a reply
	Lost        int     `json:"lost"`        // acknowledged, never replied to
	Duplicates  int     `json:"duplicates"`  // replies beyond the first for an event
	SendSeconds float64 `json:"send_seconds"`
	// DrainSeconds is from the last acknowledgement until every reply was in.
	DrainSeconds float64  `json:"drain_seconds"`
	FirstErrors  []string `json:"first_errors,omitempty"`
	// Phases splits the server's side of each acknowledgement (RunSlack only):
	// verify, mask and store in the handler; begin (pool + BEGIN), insert_event,
	// insert_job and commit inside store.
	Phases map[string]Latency `json:"ack_phases,omitempty"`
	// Pool is what the store's connection pool did during the sending, and AckPool
	// the connections reserved for acknowledgements (absent with SharedPool).
	Pool    *PoolFigures `json:"pool,omitempty"`
	AckPool *PoolFigures `json:"ack_pool,omitempty"`
	// GCCycles and GCPauseMs are the Go collector's cycles and stop-the-world
	// pauses during the sending.
	GCCycles  uint32  `json:"gc_cycles"`
	GCPauseMs float64 `json:"gc_pause_ms"`
	// LoadAvgEnd is the one-minute load average when the sending ended.
	LoadAvgEnd float64 `json:"load_avg_1m_end,omitempty"`
}

// PoolFigures are the pool's counters over the sending.
type PoolFigures struct {
	MaxConns int32 `json:"max_conns"`
	Acquires int64 `json:"acquires"`
	// EmptyAcquires had to wait for a connection (none idle).
	EmptyAcquires  int64   `json:"empty_acquires"`
	AcquireTotalMs float64 `json:"acquire_total_ms"`
}

func poolDelta(a, b postgres.PoolStat) *PoolFigures {
	return &PoolFigures{MaxConns: b.MaxConns, Acquires: b.AcquireCount - a.AcquireCount,
		EmptyAcquires: b.EmptyAcquireCount - a.EmptyAcquireCount, AcquireTotalMs: ms(b.AcquireDuration - a.AcquireDuration)}
}

// phaseClock collects the phase durations the handler and the store report.
type phaseClock struct {
	mu sync.Mutex
	ds map[string][]time.Duration
}

func (c *phaseClock) observe(phase string, d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ds == nil {
		c.ds = map[string][]time.Duration{}
	}
	c.ds[phase] = append(c.ds[phase], d)
}

func (c *phaseClock) latencies() map[string]Latency {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]Latency, len(c.ds))
	for k, ds := range c.ds {
		out[k] = latencyOf(ds)
	}
	return out
}

// phaseOrder is the order in which the table prints the phases.
var phaseOrder = []string{"verify", "mask", "store", "begin", "insert_event", "insert_job", "commit"}

// RunSlack builds the server in a scratch schema, sends the events and reports.
func RunSlack(ctx context.Context, cfg SlackConfig, log io.Writer) (rep *SlackReport, err error) {
	if cfg.Schema == "" {
		cfg.Schema = defaultSchema()
	}
	if err := checkCommon(cfg.DatabaseURL, cfg.Schema); err != nil {
		return nil, err
	}
	if log == nil {
		log = io.Discard
	}
	model, err := embeddings.NewLocal(dimensions)
	if err != nil {
		return nil, err
	}
	clock := &phaseClock{}
	store, _, cleanup, err := openFresh(ctx, cfg.DatabaseURL, cfg.Schema, model, func(o *postgres.Options) { o.ObserveAck = clock.observe })
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := cleanup(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	fake, err := NewFakeSlack()
	if err != nil {
		return nil, err
	}
	defer fake.Close()
	const secret = "bench-signing-secret"
	cp := &copilot.Copilot{Memory: store, Engine: local.New(model), Redact: redact.String}
	h, err := slack.New(slack.Options{SigningSecret: secret, Client: slackgo.New("xoxb-bench", slackgo.OptionAPIURL(fake.URL+"/")),
		Store: store, Copilot: cp, Redact: redact.String, Logger: quietLogger(), Observe: clock.observe})
	if err != nil {
		return nil, err
	}
	srv := httptest.NewUnstartedServer(api.NewServer(store, cp, api.Options{Logger: quietLogger(), Slack: h}))
	srv.Start()
	defer srv.Close()
	jobs, err := store.RunChatJobs(ctx, h.Work, postgres.JobOptions{Workers: cfg.Workers, PollInterval: 100 * time.Millisecond})
	if err != nil {
		return nil, err
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		_ = jobs.Stop(sctx)
	}()
	if !cfg.SharedPool {
		if err := store.ReserveAckConns(ctx, int32(cfg.AckConns)); err != nil {
			return nil, err
		}
	}
	if cfg.Settle == 0 {
		cfg.Settle = DefaultSlackSettle
	}
	if cfg.Settle > 0 {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(cfg.Settle):
		}
	}
	pool0, ack0 := store.PoolStat()
	var poolFigures, ackFigures *PoolFigures
	var gc0, gc1 runtime.MemStats
	runtime.ReadMemStats(&gc0)
	rep, err = SendSlackEvents(ctx, SlackTarget{URL: srv.URL, Secret: secret, Fake: fake, sent: func() {
		runtime.ReadMemStats(&gc1)
		// Read when the last acknowledgement came, before the drain.
		pool1, ack1 := store.PoolStat()
		poolFigures = poolDelta(pool0, pool1)
		if !cfg.SharedPool {
			ackFigures = poolDelta(ack0, ack1)
		}
	}}, cfg, log)
	if err != nil {
		return nil, err
	}
	rep.Phases = clock.latencies()
	rep.Pool, rep.AckPool = poolFigures, ackFigures
	rep.GCCycles = gc1.NumGC - gc0.NumGC
	rep.GCPauseMs = ms(time.Duration(gc1.PauseTotalNs - gc0.PauseTotalNs))
	return rep, nil
}

// SlackTarget is a server under test and the fake Slack its workers post to.
type SlackTarget struct {
	URL    string // base URL, on a loopback address
	Secret string // the server's signing secret
	Fake   *FakeSlack
	// sent, when set, is called once the last acknowledgement came.
	sent func()
}

// SendSlackEvents sends cfg.Events signed mentions at cfg.Rate to target, waits
// until every acknowledged event has its reply (or slackDrain passes) and counts.
func SendSlackEvents(ctx context.Context, target SlackTarget, cfg SlackConfig, log io.Writer) (*SlackReport, error) {
	if cfg.Events <= 0 {
		cfg.Events = DefaultSlackEvents
	}
	if cfg.Rate <= 0 {
		cfg.Rate = DefaultSlackRate
	}
	if cfg.RetryEvery == 0 {
		cfg.RetryEvery = 10
	}
	if log == nil {
		log = io.Discard
	}
	if !loopback(target.URL) {
		return nil, fmt.Errorf("--url %q: must be an http URL on a loopback address", target.URL)
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: 256}}
	defer client.CloseIdleConnections()
	rep := &SlackReport{Environment: environment(), Command: cfg.Command, Events: cfg.Events, Rate: cfg.Rate}
	fmt.Fprintf(log, "bench slack: %d events at %d/s to %s\n", cfg.Events, cfg.Rate, target.URL)

	type result struct {
		d      time.Duration
		status int
		err    string
	}
	results := make([]result, cfg.Events)
	retried := make([]result, cfg.Events)
	runID := strconv.FormatInt(time.Now().UnixNano(), 36)
	send := func(i int, retry bool) result {
		ts := fmt.Sprintf("%d.%06d", 1_800_000_000+i, i%1_000_000)
		body, _ := json.Marshal(map[string]any{
			"type": "event_callback", "team_id": "TBENCH", "api_app_id": "ABENCH", "event_id": "EvBench" + runID + "x" + strconv.Itoa(i),
			"event_time": time.Now().Unix(),
			"event":      map[string]any{"type": "app_mention", "channel": fakeChannel, "user": "UBENCH", "text": "<@UBOT> help", "ts": ts, "event_ts": ts},
		})
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(target.URL, "/")+"/v1/slack/events", bytes.NewReader(body))
		if err != nil {
			return result{err: err.Error()}
		}
		req.Header.Set("Content-Type", "application/json")
		signSlack(req, body, target.Secret)
		if retry {
			req.Header.Set("X-Slack-Retry-Num", "1")
			req.Header.Set("X-Slack-Retry-Reason", "http_timeout")
		}
		t0 := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return result{d: time.Since(t0), err: err.Error()}
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return result{d: time.Since(t0), status: resp.StatusCode}
	}

	var wg sync.WaitGroup
	interval := time.Second / time.Duration(cfg.Rate)
	start := time.Now()
	for i := 0; i < cfg.Events && ctx.Err() == nil; i++ {
		// Sent on a schedule, not after the previous answer: a slow server meets the
		// same offered load, as it would from Slack.
		if wait := time.Until(start.Add(time.Duration(i) * interval)); wait > 0 {
			time.Sleep(wait)
		}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = send(i, false)
			if cfg.RetryEvery > 0 && i%cfg.RetryEvery == 0 {
				retried[i] = send(i, true)
			}
		}(i)
	}
	wg.Wait()
	lastAck := time.Now()
	rep.LoadAvgEnd = loadAvg()
	if target.sent != nil {
		target.sent()
	}
	rep.SendSeconds = round(lastAck.Sub(start).Seconds(), 3)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	var acks, steady []time.Duration
	acked := map[string]bool{}
	firstSecond := cfg.Rate // events sent in the first second
	note := func(r result) {
		if r.err != "" || r.status != http.StatusOK {
			rep.Refused++
			if len(rep.FirstErrors) < 5 {
				rep.FirstErrors = append(rep.FirstErrors, fmt.Sprintf("status %d %s", r.status, r.err))
			}
		}
	}
	for i, r := range results {
		note(r)
		if r.status == http.StatusOK {
			acks = append(acks, r.d)
			if i >= firstSecond {
				steady = append(steady, r.d)
			}
			acked[fmt.Sprintf("%d.%06d", 1_800_000_000+i, i%1_000_000)] = true
		}
		if cfg.RetryEvery > 0 && i%cfg.RetryEvery == 0 {
			rep.Retries++
			note(retried[i])
			if retried[i].status == http.StatusOK {
				acks = append(acks, retried[i].d)
			}
		}
	}
	rep.Acked = len(acked)
	rep.Ack = latencyOf(acks)
	rep.AckSteady = latencyOf(steady)

	// Wait for every acknowledged event's reply, then a little longer so that a
	// second reply to any of them would be counted too.
	deadline := time.Now().Add(slackDrain)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		if target.Fake.repliedTo(acked) == len(acked) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	rep.DrainSeconds = round(time.Since(lastAck).Seconds(), 3)
	select {
	case <-ctx.Done():
	case <-time.After(time.Second):
	}
	replies := target.Fake.Replies()
	for thread := range acked {
		if n := replies[thread]; n == 0 {
			rep.Lost++
		} else {
			rep.Worked++
			rep.Duplicates += n - 1
		}
	}
	for thread, n := range replies {
		if !acked[thread] {
			rep.Duplicates += n // a reply to an event that was never acknowledged
		}
	}
	return rep, nil
}

// WriteTable prints the report as Markdown.
func (r *SlackReport) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "`%s` (%s, %d CPUs, %s)\n\n", r.Command, r.Environment.GoVersion, r.Environment.CPUs, r.Environment.OS)
	b.WriteString("| events | rate/s | retries sent | acked | refused | ack p50 ms | ack p99 ms | ack max ms | jobs worked | lost | duplicates | drain s |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	fmt.Fprintf(&b, "| %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %d | %d | %d | %.1f |\n", r.Events, r.Rate, r.Retries, r.Acked, r.Refused,
		r.Ack.P50Ms, r.Ack.P99Ms, r.Ack.MaxMs, r.Worked, r.Lost, r.Duplicates, r.DrainSeconds)
	for _, e := range r.FirstErrors {
		fmt.Fprintf(&b, "\n- %s", e)
	}
	fmt.Fprintf(&b, "\nafter the first second: ack p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d events)\n", r.AckSteady.P50Ms, r.AckSteady.P99Ms, r.AckSteady.MaxMs, r.AckSteady.N)
	fmt.Fprintf(&b, "load average (1 min): %.2f at start, %.2f after sending\n", r.Environment.LoadAvg, r.LoadAvgEnd)
	if len(r.Phases) > 0 {
		b.WriteString("\n| ack phase | n | p50 ms | p99 ms | max ms | mean ms |\n|---|---|---|---|---|---|\n")
		for _, p := range phaseOrder {
			if l, ok := r.Phases[p]; ok {
				fmt.Fprintf(&b, "| %s | %d | %.2f | %.2f | %.2f | %.2f |\n", p, l.N, l.P50Ms, l.P99Ms, l.MaxMs, l.MeanMs)
			}
		}
	}
	for _, p := range []struct {
		name string
		f    *PoolFigures
	}{{"store pool", r.Pool}, {"ack pool", r.AckPool}} {
		if p.f != nil {
			fmt.Fprintf(&b, "\n%s: max %d conns, %d acquires, %d waited for a connection, %.1f ms acquiring in all", p.name,
				p.f.MaxConns, p.f.Acquires, p.f.EmptyAcquires, p.f.AcquireTotalMs)
		}
	}
	if r.Pool != nil {
		fmt.Fprintf(&b, "\nGC: %d cycles, %.2f ms paused (while sending)\n", r.GCCycles, r.GCPauseMs)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func loopback(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	if u.Hostname() == "localhost" {
		return true
	}
	ip := net.ParseIP(u.Hostname())
	return ip != nil && ip.IsLoopback()
}

// signSlack sets Slack's v0 signature headers on req.
func signSlack(req *http.Request, body []byte, secret string) {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + ts + ":"))
	mac.Write(body)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
}

const fakeChannel = "CBENCH"

// FakeSlack is the part of Slack's Web API the bench's replies use, on a loopback
// listener: chat.postMessage is counted per thread, conversations.info names the
// bench channel an incident channel.
type FakeSlack struct {
	*httptest.Server
	mu      sync.Mutex
	replies map[string]int // thread_ts → chat.postMessage calls
	seq     int
}

// NewFakeSlack starts one.
func NewFakeSlack() (*FakeSlack, error) {
	f := &FakeSlack{replies: map[string]int{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	return f, nil
}

func (f *FakeSlack) serve(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	method := strings.TrimPrefix(r.URL.Path, "/")
	w.Header().Set("Content-Type", "application/json")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seq++
	var out any
	switch method {
	case "chat.postMessage":
		f.replies[r.Form.Get("thread_ts")]++
		out = map[string]any{"ok": true, "channel": r.Form.Get("channel"), "ts": fmt.Sprintf("1900000000.%06d", f.seq)}
	case "conversations.info":
		out = map[string]any{"ok": true, "channel": map[string]any{"id": r.Form.Get("channel"), "name": "inc-bench", "is_channel": true}}
	default:
		out = map[string]any{"ok": false, "error": "unknown_method"}
	}
	_ = json.NewEncoder(w).Encode(out)
}

// Replies returns the replies posted so far, per thread.
func (f *FakeSlack) Replies() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make(map[string]int, len(f.replies))
	for k, v := range f.replies {
		out[k] = v
	}
	return out
}

func (f *FakeSlack) repliedTo(threads map[string]bool) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for t := range threads {
		if f.replies[t] > 0 {
			n++
		}
	}
	return n
}

func quietLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelError}))
}
