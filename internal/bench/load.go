package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Defaults of the load run.
const (
	DefaultLoadClients  = 32
	DefaultLoadDuration = 60 * time.Second
	maxLoadRequests     = 5_000_000 // per run: keeps every client's loop bounded
)

// LoadConfig configures RunLoad.
type LoadConfig struct {
	// BaseURL is the running server, e.g. http://127.0.0.1:18081. Only loopback
	// addresses are accepted: a load run must never leave the machine.
	BaseURL  string
	Token    string // bearer token, when the server has tokens
	Clients  int
	Duration time.Duration
	Seed     uint64
	Command  string
}

// loadRoutes are the read routes the load run cycles through.
var loadRoutes = []string{
	"GET /v1/incidents/{id}", "GET /v1/incidents/{id}/similar", "GET /v1/incidents/{id}/summary",
	"GET /v1/incidents/{id}/follow-ups", "GET /v1/incidents/{id}/runbook", "POST /v1/search",
	"GET /healthz", "GET /readyz",
}

// LoadRoute is what one route answered during a load run.
type LoadRoute struct {
	Route    string         `json:"route"`
	Requests int            `json:"requests"`
	Errors   int            `json:"errors"`
	Statuses map[string]int `json:"statuses"`
	Latency  Latency        `json:"latency"`
	// FirstErrors are a few failures as the client saw them.
	FirstErrors []string `json:"first_errors,omitempty"`
}

// LoadReport is the outcome of RunLoad.
type LoadReport struct {
	Environment  Environment `json:"environment"`
	Command      string      `json:"command"`
	Clients      int         `json:"clients"`
	Seconds      float64     `json:"seconds"`
	Incidents    int         `json:"incidents"` // ids the run spread its requests over
	Requests     int         `json:"requests"`
	Errors       int         `json:"errors"`
	RequestsPerS float64     `json:"requests_per_sec"`
	RSSBeforeMB  float64     `json:"server_rss_before_mb"`
	RSSAfterMB   float64     `json:"server_rss_after_mb"`
	Routes       []LoadRoute `json:"routes"`
}

type loadSample struct {
	route  int
	status int
	d      time.Duration
	err    string
}

// RunLoad drives a running server with Clients concurrent clients for Duration,
// cycling through every read route over incidents the server finds for a few
// searches, and reports throughput, latency per route and the server's resident
// memory (from its /metrics) before and after.
func RunLoad(ctx context.Context, cfg LoadConfig, log io.Writer) (*LoadReport, error) {
	if cfg.Clients <= 0 {
		cfg.Clients = DefaultLoadClients
	}
	if cfg.Duration <= 0 {
		cfg.Duration = DefaultLoadDuration
	}
	u, err := url.Parse(cfg.BaseURL)
	if err != nil || (u.Hostname() != "127.0.0.1" && u.Hostname() != "::1" && u.Hostname() != "localhost") {
		return nil, fmt.Errorf("--url %q: must be an http URL on a loopback address", cfg.BaseURL)
	}
	base := strings.TrimSuffix(cfg.BaseURL, "/")
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: cfg.Clients}}
	defer client.CloseIdleConnections()
	do := func(ctx context.Context, method, path string, body []byte) (int, []byte, error) {
		var r io.Reader
		if body != nil {
			r = bytes.NewReader(body)
		}
		req, err := http.NewRequestWithContext(ctx, method, base+path, r)
		if err != nil {
			return 0, nil, err
		}
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		if cfg.Token != "" {
			req.Header.Set("Authorization", "Bearer "+cfg.Token)
		}
		resp, err := client.Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, b, err
	}

	ids, err := discoverIncidents(ctx, do)
	if err != nil {
		return nil, err
	}
	queries := []string{"database connection pool exhausted", "pods crashloop after deploy", "latency spike on checkout",
		"certificate expired", "disk full on primary", "dns resolution failures", "kafka consumer lag", "memory leak oom killed"}
	rep := &LoadReport{Environment: environment(), Command: cfg.Command, Clients: cfg.Clients, Incidents: len(ids)}
	rep.RSSBeforeMB = serverRSS(ctx, do)
	fmt.Fprintf(log, "bench load: %d clients for %s over %d incidents on %s\n", cfg.Clients, cfg.Duration, len(ids), base)

	runCtx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	perClient := maxLoadRequests / cfg.Clients
	results := make([][]loadSample, cfg.Clients)
	var wg sync.WaitGroup
	start := time.Now()
	for c := 0; c < cfg.Clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(cfg.Seed, uint64(c)))
			for i := 0; i < perClient && runCtx.Err() == nil; i++ {
				route := (c + i) % len(loadRoutes)
				method, pattern, _ := strings.Cut(loadRoutes[route], " ")
				path := strings.Replace(pattern, "{id}", url.PathEscape(ids[rng.IntN(len(ids))]), 1)
				var body []byte
				if method == http.MethodPost {
					body, _ = json.Marshal(map[string]any{"query": queries[rng.IntN(len(queries))], "limit": 5})
				}
				t0 := time.Now()
				// Requests run to completion even when the run's time is up: a
				// request cut short would count as an error of the server.
				status, b, err := do(ctx, method, path, body)
				s := loadSample{route: route, status: status, d: time.Since(t0)}
				if err != nil {
					s.err = err.Error()
				} else if status != http.StatusOK {
					s.err = fmt.Sprintf("%d %s", status, strings.TrimSpace(string(b)))
				}
				results[c] = append(results[c], s)
			}
		}(c)
	}
	wg.Wait()
	elapsed := time.Since(start)
	rep.RSSAfterMB = serverRSS(ctx, do)
	rep.Seconds = round(elapsed.Seconds(), 2)

	byRoute := make([]LoadRoute, len(loadRoutes))
	durations := make([][]time.Duration, len(loadRoutes))
	for i := range byRoute {
		byRoute[i] = LoadRoute{Route: loadRoutes[i], Statuses: map[string]int{}}
	}
	for _, rs := range results {
		for _, s := range rs {
			r := &byRoute[s.route]
			r.Requests++
			r.Statuses[strconv.Itoa(s.status)]++
			durations[s.route] = append(durations[s.route], s.d)
			if s.err != "" {
				r.Errors++
				if len(r.FirstErrors) < 3 {
					r.FirstErrors = append(r.FirstErrors, s.err)
				}
			}
		}
	}
	for i := range byRoute {
		byRoute[i].Latency = latencyOf(durations[i])
		rep.Requests += byRoute[i].Requests
		rep.Errors += byRoute[i].Errors
	}
	rep.Routes = byRoute
	rep.RequestsPerS = round(float64(rep.Requests)/elapsed.Seconds(), 1)
	return rep, nil
}

type doFunc func(ctx context.Context, method, path string, body []byte) (int, []byte, error)

// discoverIncidents asks the server's search for public incidents to request.
func discoverIncidents(ctx context.Context, do doFunc) ([]string, error) {
	seen := map[string]bool{}
	for _, q := range []string{"database", "deploy", "latency", "errors", "outage", "timeout", "memory", "certificate"} {
		body, _ := json.Marshal(map[string]any{"query": q, "limit": 50})
		status, b, err := do(ctx, http.MethodPost, "/v1/search", body)
		if err != nil {
			return nil, fmt.Errorf("find incidents: %w", err)
		}
		if status != http.StatusOK {
			return nil, fmt.Errorf("find incidents: search answered %d: %s", status, strings.TrimSpace(string(b)))
		}
		var sr struct {
			Results []struct {
				IncidentID string `json:"incident_id"`
			} `json:"results"`
		}
		if err := json.Unmarshal(b, &sr); err != nil {
			return nil, fmt.Errorf("find incidents: %w", err)
		}
		for _, r := range sr.Results {
			seen[r.IncidentID] = true
		}
	}
	if len(seen) == 0 {
		return nil, fmt.Errorf("find incidents: the server's search found none; ingest a corpus first")
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids, nil
}

// serverRSS reads process_resident_memory_bytes from the server's /metrics, in MB;
// 0 when it is not there.
func serverRSS(ctx context.Context, do doFunc) float64 {
	status, b, err := do(ctx, http.MethodGet, "/metrics", nil)
	if err != nil || status != http.StatusOK {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "process_resident_memory_bytes "); ok {
			x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err == nil {
				return round(x/(1<<20), 1)
			}
		}
	}
	return 0
}

// WriteTable writes the report as Markdown, ready for BENCHMARKS.md.
func (r *LoadReport) WriteTable(w io.Writer) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("### Load: %d clients, %.0f s, every read route\n\n", r.Clients, r.Seconds)
	p("Command: `%s`  \n", r.Command)
	e := r.Environment
	p("Machine: %s/%s, %d CPUs (GOMAXPROCS %d), %s, load %.2f at start, %s\n\n",
		e.OS, e.Arch, e.CPUs, e.GOMAXPROCS, e.GoVersion, e.LoadAvg, e.StartedAt.Format("2006-01-02"))
	p("%s requests over %d incidents, %s req/s, %d errors; server RSS %s MB before, %s MB after.\n\n",
		num(float64(r.Requests), 0), r.Incidents, num(r.RequestsPerS, 1), r.Errors, num(r.RSSBeforeMB, 1), num(r.RSSAfterMB, 1))
	p("| route | requests | errors | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n")
	for _, rt := range r.Routes {
		p("| `%s` | %s | %d | %s | %s | %s |\n", rt.Route, num(float64(rt.Requests), 0), rt.Errors,
			num(rt.Latency.P50Ms, 2), num(rt.Latency.P99Ms, 2), num(rt.Latency.MaxMs, 2))
	}
	for _, rt := range r.Routes {
		for _, e := range rt.FirstErrors {
			p("\n- %s: %s", rt.Route, e)
		}
	}
	p("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
