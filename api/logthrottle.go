package api

import (
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// failureLogInterval is how often a kind of failure may write a log line.
const failureLogInterval = 10 * time.Second

// logThrottle lets the first event of each kind through, then at most one per
// interval, and says how many events the line stands for.
type logThrottle struct {
	interval time.Duration
	now      func() time.Time

	mu    sync.Mutex
	kinds map[string]*throttled
}

type throttled struct {
	last   time.Time // when a line was last let through
	missed int       // events since then that wrote none
}

func newLogThrottle(interval time.Duration) *logThrottle {
	return &logThrottle{interval: interval, now: time.Now, kinds: map[string]*throttled{}}
}

// note records one event of kind. When it may be logged, n is the number of events
// the line stands for: this one and those held back since the last line.
func (t *logThrottle) note(kind string) (log bool, n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	k := t.kinds[kind]
	if k == nil {
		t.kinds[kind] = &throttled{last: now}
		return true, 1
	}
	if now.Sub(k.last) < t.interval {
		k.missed++
		return false, 0
	}
	n = k.missed + 1
	k.last, k.missed = now, 0
	return true, n
}

// failureLog logs failed requests without flooding: during an outage every request
// fails the same way, and a line per request once filled 158 MB in 43 s. Each
// failure is counted in copilot_errors_total; the log gets one line per code per
// interval, naming one request and its cause.
type failureLog struct {
	logger   *slog.Logger
	throttle *logThrottle
	errors   *prometheus.CounterVec
}

func newFailureLog(logger *slog.Logger, reg prometheus.Registerer) *failureLog {
	f := &failureLog{
		logger:   logger,
		throttle: newLogThrottle(failureLogInterval),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "copilot_errors_total", Help: "Error answers by error code.",
		}, []string{"code"}),
	}
	reg.MustRegister(f.errors)
	return f
}

// record counts an error answer and logs the ones that are not the caller's doing.
func (f *failureLog) record(r *http.Request, code string, err error) {
	f.errors.WithLabelValues(code).Inc()
	if code != copilot.EINTERNAL && code != copilot.EUNAVAILABLE {
		return
	}
	log, n := f.throttle.note(code)
	if !log {
		return
	}
	msg, level := "request failed", slog.LevelError
	if code == copilot.EUNAVAILABLE {
		// Unavailable is an outage of a dependency, not a bug of ours.
		msg, level = "database unavailable", slog.LevelWarn
	}
	if n > 1 {
		msg = fmt.Sprintf("%s: %d requests failed in the last %s", msg, n, f.throttle.interval)
	}
	f.logger.Log(r.Context(), level, msg, "code", code, "failed", n, "err", err,
		"request_id", requestID(r), "route", routeOf(r))
}
