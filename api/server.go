// Package api serves the copilot over HTTP: the chi router, bearer-token scopes, the
// one error-code-to-status table, metrics and the OpenAPI document.
package api

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// DefaultMaxBody bounds request bodies; incident documents beyond it answer 413.
const DefaultMaxBody = 32 << 20

// Server is the HTTP API.
type Server struct {
	memory  copilot.Memory
	copilot *copilot.Copilot
	tokens  *Tokens
	logger  *slog.Logger
	maxBody int64

	registry  *prometheus.Registry
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	retrieval *prometheus.HistogramVec
	failures  *failureLog
	router    chi.Router
	slack     SlackRoutes
}

// Options configure a Server.
type Options struct {
	Tokens  *Tokens
	Logger  *slog.Logger
	MaxBody int64
	// Slack serves the Slack request URLs; nil answers them 501.
	Slack SlackRoutes
}

// NewServer builds the router.
func NewServer(memory copilot.Memory, cp *copilot.Copilot, opts Options) *Server {
	s := &Server{memory: memory, copilot: cp, tokens: opts.Tokens, logger: opts.Logger, maxBody: opts.MaxBody, slack: opts.Slack}
	if s.tokens == nil {
		s.tokens = &Tokens{}
	}
	if s.logger == nil {
		s.logger = slog.Default()
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	s.registry = prometheus.NewRegistry()
	s.registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	s.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "copilot_http_requests_total", Help: "HTTP requests by route, method and status.",
	}, []string{"route", "method", "status"})
	s.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "copilot_http_request_duration_seconds", Help: "HTTP request latency by route.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"route", "method"})
	s.retrieval = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "copilot_retrieval_duration_seconds", Help: "Similar-incident retrieval latency.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1},
	}, []string{"kind"})
	s.registry.MustRegister(s.requests, s.latency, s.retrieval)
	s.failures = newFailureLog(s.logger, s.registry)
	s.router = s.routes()
	return s
}

// ServeHTTP makes the Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.router.ServeHTTP(w, r) }

func (s *Server) routes() chi.Router {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, s.observe, middleware.Recoverer, middleware.GetHead)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, copilot.Errorf(copilot.ENOTFOUND, "No such endpoint."))
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		var body errorBody
		body.Error.Code, body.Error.Message = "method_not_allowed", "Method not allowed."
		writeJSON(w, http.StatusMethodNotAllowed, body)
	})
	r.Get("/healthz", s.handleHealthz)
	r.Get("/readyz", s.handleReadyz)
	r.Method(http.MethodGet, "/metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{}))
	r.Get("/openapi.json", s.handleOpenAPI)
	s.slackRoutes(r)
	r.Route("/v1", func(r chi.Router) {
		r.Use(s.authenticate, s.checkParams)
		r.With(s.require(ScopeWrite)).Post("/incidents", s.handlePostIncidents)
		r.With(s.require(ScopeWrite)).Delete("/incidents/{id}", s.handleDeleteIncident)
		r.With(s.require(ScopeWrite)).Post("/incidents/{id}/follow-ups/{followup_id}/ticket", s.handleFileFollowUp)
		r.With(s.require(ScopePrivate)).Get("/audit", s.handleAudit)
		r.Group(func(r chi.Router) {
			r.Use(s.require(ScopeRead))
			r.Get("/capabilities", s.handleCapabilities)
			r.Get("/incidents", s.handleListIncidents)
			r.Get("/incidents/{id}", s.handleGetIncident)
			r.Get("/incidents/{id}/similar", s.handleSimilar)
			r.Get("/incidents/{id}/summary", s.handleSummary)
			r.Get("/incidents/{id}/follow-ups", s.handleFollowUps)
			r.Get("/incidents/{id}/runbook", s.handleRunbook)
			r.Post("/search", s.handleSearch)
			r.Post("/summary", s.handlePostSummary)
			r.Post("/follow-ups", s.handlePostFollowUps)
			r.Post("/runbook", s.handlePostRunbook)
		})
	})
	return r
}

// observe counts and times requests by route pattern (never by raw path, which would
// put incident ids into metric labels) and logs one line per request.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		if id := middleware.GetReqID(r.Context()); id != "" {
			ww.Header().Set("X-Request-Id", id)
		}
		// authenticate runs deeper in the chain; it records the caller here so the
		// request line can name who asked.
		who := &callerName{}
		r = r.WithContext(context.WithValue(r.Context(), callerNameKey{}, who))
		next.ServeHTTP(ww, r)
		route := routeOf(r)
		status := ww.Status()
		if status == 0 {
			status = http.StatusOK
		}
		d := time.Since(start)
		s.requests.WithLabelValues(route, r.Method, strconv.Itoa(status)).Inc()
		s.latency.WithLabelValues(route, r.Method).Observe(d.Seconds())
		s.logger.Info("request", "method", r.Method, "route", route, "status", status,
			"duration_ms", float64(d.Microseconds())/1000, "request_id", requestID(r), "caller", who.name)
	})
}

func routeOf(r *http.Request) string {
	if rc := chi.RouteContext(r.Context()); rc != nil {
		if p := rc.RoutePattern(); p != "" {
			return p
		}
	}
	return "unmatched"
}

func requestID(r *http.Request) string { return middleware.GetReqID(r.Context()) }

func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) handleReadyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	warnings, err := s.memory.Ready(ctx)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	body := map[string]any{"status": "ready"}
	if len(warnings) > 0 {
		body["warnings"] = warnings
	}
	writeJSON(w, http.StatusOK, body)
}

// Serve answers on ln until ctx is done, then shuts down gracefully: requests in
// flight get up to wait to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener, wait time.Duration) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.logger.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.logger.Info("shutting down", "wait", wait.String())
	sctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
