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
	"github.com/riverqueue/river/rivertype"

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

// chatCatchupArgs is the other kind: fetch what one channel said while no copilot
// was listening. Unique per channel while one is queued or running, so several
// processes starting at once fetch it once; a finished one does not block the
// next start's.
type chatCatchupArgs struct {
	Channel string `json:"channel" river:"unique"`
}

func (chatCatchupArgs) Kind() string { return "chat_catchup" }

// catchupUniqueStates are river's states a queued catch-up blocks another in:
// every state but the finished ones.
var catchupUniqueStates = []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStatePending,
	rivertype.JobStateRunning, rivertype.JobStateRetryable, rivertype.JobStateScheduled}

// QueueChatCatchup queues a catch-up of channelID; false when one is already
// queued or running (by this process or another).
//
// Errors: EINVALID without a channel, EUNAVAILABLE.
func (s *Store) QueueChatCatchup(ctx context.Context, channelID string) (bool, error) {
	if channelID == "" {
		return false, copilot.Errorf(copilot.EINVALID, "catch-up: channel is required")
	}
	c, err := s.jobInserter()
	if err != nil {
		return false, err
	}
	res, err := c.Insert(ctx, chatCatchupArgs{Channel: channelID}, &river.InsertOpts{
		Queue:       chatQueue,
		MaxAttempts: 12,
		UniqueOpts:  river.UniqueOpts{ByArgs: true, ByState: catchupUniqueStates},
	})
	if err != nil {
		return false, mapError(fmt.Errorf("queue catch-up: %w", err))
	}
	return !res.UniqueSkippedAsDuplicate, nil
}

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
	// Catchup works a queued catch-up of a channel (QueueChatCatchup); without it
	// such a job is cancelled.
	Catchup func(ctx context.Context, channelID string) error
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
	// outcome maps a job's error to river's: RetryLater snoozes, an error that can
	// never succeed cancels, any other is retried with backoff.
	outcome := func(kind, id string, attempt int, err error) error {
		if err == nil {
			return nil
		}
		var later RetryLater
		if errors.As(err, &later) {
			logger.Warn(kind+" job: retry later", "id", id, "after", later.RetryAfter().String())
			return river.JobSnooze(later.RetryAfter())
		}
		switch copilot.ErrorCode(err) {
		case copilot.EINVALID, copilot.ENOTFOUND, copilot.EFORBIDDEN, copilot.ENOTIMPLEMENTED:
			logger.Warn(kind+" job: given up", "id", id, "error", err.Error())
			return river.JobCancel(err)
		}
		logger.Warn(kind+" job: will retry", "id", id, "attempt", attempt, "error", err.Error())
		return err
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, river.WorkFunc(func(ctx context.Context, job *river.Job[chatEventArgs]) error {
		err := work(ctx, job.Args.EventID)
		if err == nil {
			return s.FinishChatEvent(ctx, job.Args.EventID)
		}
		return outcome("chat", job.Args.EventID, job.Attempt, err)
	}))
	river.AddWorker(workers, river.WorkFunc(func(ctx context.Context, job *river.Job[chatCatchupArgs]) error {
		if opts.Catchup == nil {
			return river.JobCancel(errors.New("no catch-up worker in this process"))
		}
		return outcome("catch-up", job.Args.Channel, job.Attempt, opts.Catchup(ctx, job.Args.Channel))
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
