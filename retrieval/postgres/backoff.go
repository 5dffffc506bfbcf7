package postgres

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Connection backoff bounds: the first failure closes the door for about minBackoff,
// each further one doubles it up to maxBackoff.
const (
	minBackoff = 100 * time.Millisecond
	maxBackoff = 5 * time.Second
	// probeTimeout frees the door when an admitted attempt never reports back (it
	// failed before dialing, in a name lookup say).
	probeTimeout = 10 * time.Second
)

// connBackoff paces connection attempts while the database is down. Without it every
// request dials, a busy server dials thousands of times a second, and one of those
// outgoing connections can take the database's own port as its local port, so the
// database cannot start again. After a failure no request dials until a jittered,
// exponentially growing window has passed; then one attempt probes while the others
// still fail fast, and a success opens the door for all.
type connBackoff struct {
	min, max time.Duration
	now      func() time.Time
	jitter   func() float64 // uniform in [0, 1)

	mu       sync.Mutex
	failures int       // consecutive failed attempts
	until    time.Time // no attempt before
	probing  time.Time // start of the attempt admitted after a window; zero when none
	cause    error     // what the last failed attempt said

	admitted atomic.Int64 // attempts let through, for tests
}

func newConnBackoff() *connBackoff {
	return &connBackoff{min: minBackoff, max: maxBackoff, now: time.Now, jitter: rand.Float64}
}

// window is how long the door stays closed after n consecutive failures:
// min·2^(n-1), capped at max, of which the upper half is random so that replicas
// (and concurrent requests) do not come back in step.
func (b *connBackoff) window(n int) time.Duration {
	if n < 1 {
		return 0
	}
	base := b.max
	if n < 32 {
		if d := b.min << (n - 1); d > 0 && d < b.max {
			base = d
		}
	}
	return base/2 + time.Duration(b.jitter()*float64(base/2))
}

// admit is asked before every connection attempt: nil lets it dial, an EUNAVAILABLE
// error refuses it without touching the network.
func (b *connBackoff) admit() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.failures == 0 {
		return nil
	}
	now := b.now()
	if now.Before(b.until) {
		return b.refusal(b.until.Sub(now))
	}
	if !b.probing.IsZero() && now.Sub(b.probing) < probeTimeout {
		return b.refusal(0)
	}
	b.probing = now
	return nil
}

func (b *connBackoff) refusal(wait time.Duration) error {
	cause := fmt.Errorf("connect: not dialing for %s after %d failed attempts: %w", wait.Round(time.Millisecond), b.failures, b.cause)
	if wait == 0 {
		cause = fmt.Errorf("connect: another attempt is under way after %d failed attempts: %w", b.failures, b.cause)
	}
	return &wrapped{copilot.Errorf(copilot.EUNAVAILABLE, "The database is unavailable; retrying shortly."), cause}
}

// failed records a failed attempt. Attempts that were already under way when the
// door closed fail too; they do not lengthen the window again.
func (b *connBackoff) failed(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.cause = err
	now := b.now()
	b.probing = time.Time{}
	if b.failures > 0 && now.Before(b.until) {
		return
	}
	b.failures++
	b.until = now.Add(b.window(b.failures))
}

// succeeded records a connection made: the door opens for everyone.
func (b *connBackoff) succeeded() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.failures, b.until, b.probing, b.cause = 0, time.Time{}, time.Time{}, nil
}

// abandoned records an attempt its caller gave up on: it says nothing about the
// database, but it frees the door for the next probe.
func (b *connBackoff) abandoned() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.probing = time.Time{}
}

// errStartupClosed is an attempt whose TCP connection closed before PostgreSQL
// accepted it: refused during startup or shutdown, or a handshake that failed.
var errStartupClosed = errors.New("connection closed before the database accepted it")

// hook installs the backoff in a pool's configuration: BeforeConnect asks admit,
// and each admitted attempt reports how it ended through its dial function and the
// connection's AfterConnect.
func (b *connBackoff) hook(ctx context.Context, cc *pgx.ConnConfig) error {
	if err := b.admit(); err != nil {
		return err
	}
	b.admitted.Add(1)
	a := &connAttempt{b: b}
	dial := cc.DialFunc
	cc.DialFunc = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := dial(ctx, network, addr)
		if err != nil {
			if ctx.Err() != nil {
				a.abandon() // the caller gave up; the database said nothing
			} else {
				a.fail(err)
			}
			return nil, err
		}
		return &attemptConn{Conn: c, a: a}, nil
	}
	after := cc.AfterConnect
	cc.AfterConnect = func(ctx context.Context, pc *pgconn.PgConn) error {
		if after != nil {
			if err := after(ctx, pc); err != nil {
				return err
			}
		}
		a.succeed()
		return nil
	}
	return nil
}

// connAttempt reports one connection attempt's outcome once.
type connAttempt struct {
	b    *connBackoff
	done atomic.Bool
}

func (a *connAttempt) fail(err error) {
	if !a.done.Swap(true) {
		a.b.failed(err)
	}
}

func (a *connAttempt) abandon() {
	if !a.done.Swap(true) {
		a.b.abandoned()
	}
}

func (a *connAttempt) succeed() {
	a.done.Store(true)
	a.b.succeeded()
}

// attemptConn notices a connection that breaks or closes before the attempt
// succeeded. A read error counts at once, before the driver returns it, so the
// next request already finds the door closed.
type attemptConn struct {
	net.Conn
	a *connAttempt
}

func (c *attemptConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if err != nil && !c.a.done.Load() {
		c.a.fail(fmt.Errorf("%w: %w", errStartupClosed, err))
	}
	return n, err
}

func (c *attemptConn) Close() error {
	c.a.fail(errStartupClosed)
	return c.Conn.Close()
}
