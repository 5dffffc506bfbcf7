package postgres

import (
	"context"
	"errors"
	"net"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func testBackoff(jitter float64) (*connBackoff, *fakeClock) {
	clock := &fakeClock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	b := newConnBackoff()
	b.now = clock.now
	b.jitter = func() float64 { return jitter }
	return b, clock
}

var windowTests = []struct {
	name     string
	failures int
	jitter   float64
	want     time.Duration
}{
	{"none", 0, 0.5, 0},
	{"first, no jitter", 1, 0, 50 * time.Millisecond},
	{"first, half jitter", 1, 0.5, 75 * time.Millisecond},
	{"second doubles", 2, 0, 100 * time.Millisecond},
	{"third doubles", 3, 0, 200 * time.Millisecond},
	{"sixth", 6, 0, 1600 * time.Millisecond},
	{"seventh reaches cap", 7, 0, 2500 * time.Millisecond},
	{"capped, half jitter", 9, 0.5, 3750 * time.Millisecond},
	{"far past cap", 40, 0, 2500 * time.Millisecond},
	{"overflowing shift", 200, 0.5, 3750 * time.Millisecond},
}

func TestBackoffWindow(t *testing.T) {
	for _, tt := range windowTests {
		t.Run(tt.name, func(t *testing.T) {
			b, _ := testBackoff(tt.jitter)
			got := b.window(tt.failures)
			if got != tt.want {
				t.Errorf("window(%d) with jitter %v = %s, want %s", tt.failures, tt.jitter, got, tt.want)
			}
		})
	}
}

func TestBackoffSequence(t *testing.T) {
	b, clock := testBackoff(0) // windows 50ms, 100ms, 200ms, ...
	refused := errors.New("connection refused")
	if err := b.admit(); err != nil {
		t.Fatalf("healthy: admit = %v", err)
	}
	b.failed(refused)
	err := b.admit()
	if copilot.ErrorCode(err) != copilot.EUNAVAILABLE || !errors.Is(err, refused) {
		t.Fatalf("inside the window: admit = %v, want EUNAVAILABLE carrying the cause", err)
	}
	// Attempts that were already under way fail too; they do not stretch the window.
	b.failed(refused)
	b.failed(refused)
	clock.advance(50 * time.Millisecond)
	if err := b.admit(); err != nil {
		t.Fatalf("window over: admit = %v, want one probe", err)
	}
	if err := b.admit(); copilot.ErrorCode(err) != copilot.EUNAVAILABLE {
		t.Fatalf("while the probe is out: admit = %v, want EUNAVAILABLE", err)
	}
	b.failed(refused) // the probe fails: second window, 100ms
	clock.advance(99 * time.Millisecond)
	if err := b.admit(); err == nil {
		t.Fatal("second window is 100ms; admitted after 99ms")
	}
	clock.advance(time.Millisecond)
	if err := b.admit(); err != nil {
		t.Fatalf("after the second window: admit = %v", err)
	}
	// A probe whose caller gave up frees the door without counting.
	b.abandoned()
	if err := b.admit(); err != nil {
		t.Fatalf("after an abandoned probe: admit = %v", err)
	}
	// A probe that never reports back frees the door after probeTimeout.
	if err := b.admit(); err == nil {
		t.Fatal("second probe admitted while the first is out")
	}
	clock.advance(probeTimeout)
	if err := b.admit(); err != nil {
		t.Fatalf("after probeTimeout: admit = %v", err)
	}
	b.succeeded()
	for i := 0; i < 3; i++ {
		if err := b.admit(); err != nil {
			t.Fatalf("after success, attempt %d: admit = %v", i, err)
		}
	}
	b.failed(refused)
	if b.failures != 1 || b.until.Sub(clock.now()) != 50*time.Millisecond {
		t.Fatalf("after success the window starts over: failures %d, window %s", b.failures, b.until.Sub(clock.now()))
	}
}

// TestBackoffStopsDialing points a store at a listener that accepts and at once
// closes connections, as a database that is starting or stopping does: after one
// failed attempt, requests inside the window fail fast without connecting.
func TestBackoffStopsDialing(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var accepts atomic.Int64
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepts.Add(1)
			c.Close()
		}
	}()
	s := openUnmigrated(t, "postgres://postgres@"+ln.Addr().String()+"/x?sslmode=disable&connect_timeout=5")
	clock := &fakeClock{t: time.Now()}
	s.backoff.now = clock.now
	ctx := context.Background()
	if err := s.Ping(ctx); copilot.ErrorCode(err) != copilot.EUNAVAILABLE {
		t.Fatalf("first ping = %v, want EUNAVAILABLE", err)
	}
	if n := accepts.Load(); n < 1 {
		t.Fatalf("first ping made %d connections, want at least 1", n)
	}
	// Count attempts the backoff lets through rather than connections the listener
	// accepts: the driver may make two in one attempt, and accepts lag behind.
	before := s.backoff.admitted.Load()
	for i := 0; i < 50; i++ {
		if err := s.Ping(ctx); copilot.ErrorCode(err) != copilot.EUNAVAILABLE {
			t.Fatalf("ping %d in the window = %v, want EUNAVAILABLE", i, err)
		}
	}
	if n := s.backoff.admitted.Load(); n != before {
		t.Fatalf("50 pings inside the window made %d connection attempts, want 0", n-before)
	}
	clock.advance(maxBackoff)
	if err := s.Ping(ctx); copilot.ErrorCode(err) != copilot.EUNAVAILABLE {
		t.Fatalf("probe ping = %v, want EUNAVAILABLE", err)
	}
	if n := s.backoff.admitted.Load(); n != before+1 {
		t.Fatalf("after the window: %d attempts, want exactly one probe", n-before)
	}
}

// TestBackoffResetsOnSuccess: with the database up, a store whose door is closed
// fails fast until the window passes, then connects and opens the door for all.
func TestBackoffResetsOnSuccess(t *testing.T) {
	s := openUnmigrated(t, dbtest.URL(t))
	clock := &fakeClock{t: time.Now()}
	s.backoff.now = clock.now
	s.backoff.failed(errors.New("simulated outage"))
	ctx := context.Background()
	if err := s.Ping(ctx); copilot.ErrorCode(err) != copilot.EUNAVAILABLE {
		t.Fatalf("inside the window: ping = %v, want EUNAVAILABLE", err)
	}
	clock.advance(maxBackoff)
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("after the window: ping = %v", err)
	}
	s.backoff.mu.Lock()
	failures := s.backoff.failures
	s.backoff.mu.Unlock()
	if failures != 0 {
		t.Fatalf("after a connection: %d failures remembered, want 0", failures)
	}
}

func openUnmigrated(t *testing.T, url string) *Store {
	t.Helper()
	model, err := embeddings.NewLocal(64)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), url, model, Options{Redact: redact.String, RedactVersion: redact.Version})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}
