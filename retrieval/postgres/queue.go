package postgres

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// The store owns the job queue (riverqueue/river on the store's own pool) so that
// no other package sees pgx or river: callers get AcceptChatEvent to queue work in
// the same transaction that stores it, and RunChatJobs to work it off.

// queueState holds the insert-only river client, made on first use.
type queueState struct {
	mu     sync.Mutex
	client *river.Client[pgx.Tx]
}

// chatEventArgs is the one job kind: work one stored chat event. It holds the
// event's id only, never its text, so the queue's tables hold no transcript.
type chatEventArgs struct {
	EventID string `json:"event_id" river:"unique"`
}

func (chatEventArgs) Kind() string { return "chat_event" }

func (s *Store) driver() *riverpgxv5.Driver { return riverpgxv5.New(s.pool) }

// migrateQueue applies river's own migrations to the store's schema. River keeps
// its migration history apart from ours; concurrent replicas take turns through an
// advisory lock, as goose's do.
func (s *Store) migrateQueue(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return mapError(err)
	}
	defer conn.Release()
	const key = `hashtext(current_schema() || '.river_migrate')`
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock("+key+")"); err != nil {
		return mapError(err)
	}
	defer func() {
		if _, err := conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock("+key+")"); err != nil {
			conn.Conn().Close(context.WithoutCancel(ctx))
		}
	}()
	m, err := rivermigrate.New(s.driver(), &rivermigrate.Config{Schema: s.opts.Schema, Logger: quietLogger()})
	if err != nil {
		return fmt.Errorf("job queue migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return mapError(fmt.Errorf("job queue migrations: %w", err))
	}
	return nil
}

func quietLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(discard{}, &slog.HandlerOptions{Level: slog.LevelError}))
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func (s *Store) jobInserter() (*river.Client[pgx.Tx], error) {
	s.queue.mu.Lock()
	defer s.queue.mu.Unlock()
	if s.queue.client != nil {
		return s.queue.client, nil
	}
	c, err := river.NewClient(s.driver(), &river.Config{Schema: s.opts.Schema, Logger: quietLogger()})
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	s.queue.client = c
	return c, nil
}

func insertChatJob(ctx context.Context, c *river.Client[pgx.Tx], tx pgx.Tx, eventID string) error {
	_, err := c.InsertTx(ctx, tx, chatEventArgs{EventID: eventID}, &river.InsertOpts{
		Queue:       chatQueue,
		MaxAttempts: 12, // river's backoff (attempt⁴ s) spreads these over about six hours
		UniqueOpts:  river.UniqueOpts{ByArgs: true},
	})
	if err != nil {
		return mapError(fmt.Errorf("queue chat event: %w", err))
	}
	return nil
}

const chatQueue = "chat"

// JobOptions configure the workers of RunChatJobs.
type JobOptions struct {
	Workers int // concurrent jobs in this process; default 4
	// PollInterval is how often the queue is polled when no notification comes;
	// default one second (tests shorten it).
	PollInterval time.Duration
	Logger       *slog.Logger
}

// RetryLater is what a job returns to be tried again after a wait the other side
// named (Slack's Retry-After); the wait does not count as a failed attempt.
type RetryLater interface {
	error
	RetryAfter() time.Duration
}

// Jobs works off queued chat events until Stop.
type Jobs struct{ client *river.Client[pgx.Tx] }

// RunChatJobs starts workers that call work with each queued event's id. An error
// is retried with backoff; an error that can never succeed (EINVALID, ENOTFOUND,
// EFORBIDDEN, ENOTIMPLEMENTED) ends the job; RetryLater waits as asked.
//
// Errors: EUNAVAILABLE when the queue cannot start.
func (s *Store) RunChatJobs(ctx context.Context, work func(ctx context.Context, eventID string) error, opts JobOptions) (*Jobs, error) {
	if opts.Workers <= 0 {
		opts.Workers = 4
	}
	if opts.PollInterval <= 0 {
		opts.PollInterval = time.Second
	}
	logger := opts.Logger
	if logger == nil {
		logger = quietLogger()
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, river.WorkFunc(func(ctx context.Context, job *river.Job[chatEventArgs]) error {
		err := work(ctx, job.Args.EventID)
		if err == nil {
			return s.FinishChatEvent(ctx, job.Args.EventID)
		}
		var later RetryLater
		if errors.As(err, &later) {
			logger.Warn("chat job: retry later", "event_id", job.Args.EventID, "after", later.RetryAfter().String())
			return river.JobSnooze(later.RetryAfter())
		}
		switch copilot.ErrorCode(err) {
		case copilot.EINVALID, copilot.ENOTFOUND, copilot.EFORBIDDEN, copilot.ENOTIMPLEMENTED:
			logger.Warn("chat job: given up", "event_id", job.Args.EventID, "error", err.Error())
			return river.JobCancel(err)
		}
		logger.Warn("chat job: will retry", "event_id", job.Args.EventID, "attempt", job.Attempt, "error", err.Error())
		return err
	}))
	cooldown := opts.PollInterval / 4
	if cooldown > 100*time.Millisecond {
		cooldown = 100 * time.Millisecond
	}
	c, err := river.NewClient(s.driver(), &river.Config{
		Schema:            s.opts.Schema,
		Queues:            map[string]river.QueueConfig{chatQueue: {MaxWorkers: opts.Workers}},
		Workers:           workers,
		FetchPollInterval: opts.PollInterval,
		FetchCooldown:     cooldown,
		Logger:            quietLogger(),
	})
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	if err := c.Start(ctx); err != nil {
		return nil, mapError(fmt.Errorf("start job queue: %w", err))
	}
	return &Jobs{client: c}, nil
}

// Stop lets running jobs finish (until ctx ends) and stops taking new ones. Jobs
// still queued stay queued for the next worker.
func (j *Jobs) Stop(ctx context.Context) error {
	if err := j.client.Stop(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}
