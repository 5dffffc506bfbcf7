package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/incidentcopilot/incident-copilot/api"
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// apiServer is the real HTTP API on a loopback port, as `copilot serve` runs it
// without tokens (anonymous reads of public incidents).
type apiServer struct {
	base   string
	client *http.Client
	stop   context.CancelFunc
	done   chan error
}

func startAPI(ctx context.Context, s *postgres.Store) (*apiServer, error) {
	// Request logs would only measure the terminal; the metrics middleware still runs.
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	cp := &copilot.Copilot{Memory: s, Engine: local.New(s.Model())}
	srv := api.NewServer(s, cp, api.Options{Logger: logger})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen on loopback: %w", err)
	}
	sctx, stop := context.WithCancel(ctx)
	a := &apiServer{
		base: "http://" + ln.Addr().String(),
		// One kept-alive connection, no proxy: requests never leave the machine.
		client: &http.Client{Timeout: time.Minute, Transport: &http.Transport{Proxy: nil, MaxIdleConnsPerHost: 2}},
		stop:   stop,
		done:   make(chan error, 1),
	}
	go func() { a.done <- srv.Serve(sctx, ln, 5*time.Second) }()
	return a, nil
}

func (a *apiServer) close() error {
	a.stop()
	a.client.CloseIdleConnections()
	return <-a.done
}

// search answers q through the API and returns how many incidents came back.
func (a *apiServer) search(ctx context.Context, q query, k int) (int, error) {
	var req *http.Request
	var err error
	if q.incidentID != "" {
		u := a.base + "/v1/incidents/" + url.PathEscape(q.incidentID) + "/similar?limit=" + strconv.Itoa(k)
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	} else {
		body, _ := json.Marshal(map[string]any{"query": q.text, "limit": k})
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, a.base+"/v1/search", bytes.NewReader(body))
		if req != nil {
			req.Header.Set("Content-Type", "application/json")
		}
	}
	if err != nil {
		return 0, fmt.Errorf("http request: %w", err)
	}
	resp, err := a.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("http %s %s: %w", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, fmt.Errorf("http %s %s: read body: %w", req.Method, req.URL.Path, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		_ = json.Unmarshal(b, &e)
		return 0, fmt.Errorf("http %s %s: status %d: %s %s", req.Method, req.URL.Path, resp.StatusCode, e.Error.Code, e.Error.Message)
	}
	var sr api.SearchResponse
	if err := json.Unmarshal(b, &sr); err != nil {
		return 0, fmt.Errorf("http %s %s: decode answer: %w", req.Method, req.URL.Path, err)
	}
	return len(sr.Results), nil
}
