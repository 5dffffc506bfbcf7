package postgres

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// AcceptChatEvent stores a (masked) chat event and queues its work in one
// transaction, so an event that was acknowledged is never lost and never worked
// twice: a repeat of a stored id changes nothing and returns false.
//
// Errors: EINVALID for an event without id or payload, EUNAVAILABLE.
func (s *Store) AcceptChatEvent(ctx context.Context, ev copilot.ChatEvent) (accepted bool, err error) {
	if ev.ID == "" || len(ev.Payload) == 0 {
		return false, copilot.Errorf(copilot.EINVALID, "chat event: id and payload are required")
	}
	client, err := s.jobInserter()
	if err != nil {
		return false, err
	}
	phase := s.ackPhases()
	pool := s.acks.get()
	if pool == nil {
		pool = s.pool
	}
	tx, err := pool.Begin(ctx)
	if err != nil {
		return false, mapError(err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	phase("begin")
	tag, err := tx.Exec(ctx, `INSERT INTO chat_events (id, kind, team, channel, payload) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (id) DO NOTHING`, ev.ID, ev.Kind, ev.Team, ev.Channel, ev.Payload)
	if err != nil {
		return false, mapError(fmt.Errorf("store chat event: %w", err))
	}
	phase("insert_event")
	if tag.RowsAffected() == 0 {
		return false, nil
	}
	if err := insertChatJob(ctx, client, tx, ev.ID); err != nil {
		return false, err
	}
	phase("insert_job")
	if err := tx.Commit(ctx); err != nil {
		return false, mapError(err)
	}
	phase("commit")
	return true, nil
}

// ackPool is a small pool of connections kept open for AcceptChatEvent alone, so
// that an acknowledgement never waits for a connection behind the job workers,
// river's own services or a search, nor for a new connection to be dialled.
type ackPool struct {
	mu   sync.Mutex
	pool *pgxpool.Pool
}

func (a *ackPool) get() *pgxpool.Pool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.pool
}

// DefaultAckConns is the size of the pool ReserveAckConns opens when asked for 0.
const DefaultAckConns = 8

// ReserveAckConns opens n connections (DefaultAckConns when n <= 0) that from now
// on serve AcceptChatEvent only, and waits until they are established; the job
// queue's inserter is built too. Servers that acknowledge chat events call it
// before they listen. Calling it again changes nothing.
//
// Errors: EUNAVAILABLE when the connections cannot be opened.
func (s *Store) ReserveAckConns(ctx context.Context, n int32) error {
	if n <= 0 {
		n = DefaultAckConns
	}
	if _, err := s.jobInserter(); err != nil {
		return err
	}
	s.acks.mu.Lock()
	defer s.acks.mu.Unlock()
	if s.acks.pool != nil {
		return nil
	}
	cfg := s.poolConfig.Copy()
	cfg.MaxConns, cfg.MinConns = n, n
	cfg.AfterConnect = nil // chat events hold no vectors
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return mapError(err)
	}
	// Open every connection now, not on the first events.
	conns := make([]*pgxpool.Conn, 0, n)
	defer func() {
		for _, c := range conns {
			c.Release()
		}
	}()
	for range n {
		c, err := pool.Acquire(ctx)
		if err != nil {
			pool.Close()
			return mapError(err)
		}
		conns = append(conns, c)
	}
	s.acks.pool = pool
	return nil
}

// ackPhases returns a clock that tells ObserveAck the time since its last tick.
func (s *Store) ackPhases() func(name string) {
	observe := s.opts.ObserveAck
	if observe == nil {
		return func(string) {}
	}
	last := time.Now()
	return func(name string) {
		now := time.Now()
		observe(name, now.Sub(last))
		last = now
	}
}

// PoolStat is a snapshot of the store's connection pool.
type PoolStat struct {
	MaxConns          int32
	TotalConns        int32
	AcquireCount      int64
	EmptyAcquireCount int64         // acquires that had to wait for a connection
	AcquireDuration   time.Duration // total time spent acquiring
}

// PoolStat returns the counters of the store's pool, and of the connections
// reserved for acknowledgements (zero before ReserveAckConns).
func (s *Store) PoolStat() (main, acks PoolStat) {
	if p := s.acks.get(); p != nil {
		acks = poolStat(p)
	}
	return poolStat(s.pool), acks
}

func poolStat(p *pgxpool.Pool) PoolStat {
	st := p.Stat()
	return PoolStat{MaxConns: st.MaxConns(), TotalConns: st.TotalConns(), AcquireCount: st.AcquireCount(),
		EmptyAcquireCount: st.EmptyAcquireCount(), AcquireDuration: st.AcquireDuration()}
}

// ChatEvent returns a stored event.
//
// Errors: ENOTFOUND, EUNAVAILABLE.
func (s *Store) ChatEvent(ctx context.Context, id string) (copilot.ChatEvent, error) {
	var ev copilot.ChatEvent
	err := s.pool.QueryRow(ctx, `SELECT id, kind, team, channel, payload, received_at FROM chat_events WHERE id = $1`, id).
		Scan(&ev.ID, &ev.Kind, &ev.Team, &ev.Channel, &ev.Payload, &ev.ReceivedAt)
	return ev, mapError(err)
}

// FinishChatEvent marks an event's work done.
//
// Errors: EUNAVAILABLE.
func (s *Store) FinishChatEvent(ctx context.Context, id string) error {
	_, err := s.pool.Exec(ctx, `UPDATE chat_events SET done_at = now() WHERE id = $1 AND done_at IS NULL`, id)
	return mapError(err)
}

// ChatChannel returns what is known of a channel.
//
// Errors: ENOTFOUND for a channel never seen, EUNAVAILABLE.
func (s *Store) ChatChannel(ctx context.Context, id string) (copilot.ChatChannel, error) {
	var ch copilot.ChatChannel
	err := s.pool.QueryRow(ctx, `SELECT id, name, private, incident_id, title, registered FROM chat_channels WHERE id = $1`, id).
		Scan(&ch.ID, &ch.Name, &ch.Private, &ch.IncidentID, &ch.Title, &ch.Registered)
	return ch, mapError(err)
}

// ChatIncidentChannels returns the incident channels whose incident is not
// resolved (or not stored yet): the channels a copilot catches up on at start.
//
// Errors: EUNAVAILABLE.
func (s *Store) ChatIncidentChannels(ctx context.Context) ([]copilot.ChatChannel, error) {
	rows, err := s.pool.Query(ctx, `SELECT c.id, c.name, c.private, c.incident_id, c.title, c.registered FROM chat_channels c
		WHERE c.incident_id <> '' AND NOT EXISTS (
			SELECT 1 FROM incidents i WHERE i.external_id = c.incident_id AND lower(i.status) IN ('resolved', 'closed'))
		ORDER BY c.id`)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []copilot.ChatChannel
	for rows.Next() {
		var ch copilot.ChatChannel
		if err := rows.Scan(&ch.ID, &ch.Name, &ch.Private, &ch.IncidentID, &ch.Title, &ch.Registered); err != nil {
			return nil, mapError(err)
		}
		out = append(out, ch)
	}
	return out, mapError(rows.Err())
}

// SaveChatChannel stores what is known of a channel. A channel registered as an
// incident's stays registered when a later lookup finds its name matches no pattern.
//
// Errors: EUNAVAILABLE.
func (s *Store) SaveChatChannel(ctx context.Context, ch copilot.ChatChannel) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO chat_channels (id, name, private, incident_id, title, registered)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, private = excluded.private,
			incident_id = CASE WHEN chat_channels.registered AND NOT excluded.registered THEN chat_channels.incident_id ELSE excluded.incident_id END,
			title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE chat_channels.title END,
			registered = chat_channels.registered OR excluded.registered, updated_at = now()`,
		ch.ID, ch.Name, ch.Private, ch.IncidentID, ch.Title, ch.Registered)
	return mapError(err)
}

// PostedReply returns the ts of the reply posted for key, or "".
//
// Errors: EUNAVAILABLE.
func (s *Store) PostedReply(ctx context.Context, key string) (string, error) {
	var ts string
	err := s.pool.QueryRow(ctx, `SELECT ts FROM chat_replies WHERE key = $1`, key).Scan(&ts)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	return ts, mapError(err)
}

// RecordReply remembers the reply posted for key.
//
// Errors: EUNAVAILABLE.
func (s *Store) RecordReply(ctx context.Context, key, channel, ts string) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO chat_replies (key, channel, ts) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`, key, channel, ts)
	return mapError(err)
}

// RecordChatAnswer remembers an answer posted in a chat.
//
// Errors: EUNAVAILABLE.
func (s *Store) RecordChatAnswer(ctx context.Context, a copilot.ChatAnswer) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO chat_answers (id, incident_id, capability, channel, ts, verified) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (id) DO UPDATE SET ts = excluded.ts`, a.ID, a.IncidentID, a.Capability, a.Channel, a.TS, a.Verified)
	return mapError(err)
}

// RecordFeedback stores one verdict; a repeat of the same click stores nothing.
//
// Errors: EINVALID for an unknown kind, EUNAVAILABLE.
func (s *Store) RecordFeedback(ctx context.Context, f copilot.Feedback) error {
	switch f.Kind {
	case copilot.FeedbackUp, copilot.FeedbackDown, copilot.FeedbackDone, copilot.FeedbackNotFollowUp:
	default:
		return copilot.Errorf(copilot.EINVALID, "feedback kind %q is unknown", f.Kind)
	}
	var eventID *string
	if f.EventID != "" {
		eventID = &f.EventID
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO chat_feedback (kind, answer_id, incident_id, follow_up_id, user_id, channel, event_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
		f.Kind, f.AnswerID, f.IncidentID, f.FollowUpID, f.User, f.Channel, eventID)
	return mapError(err)
}

// ListFeedback returns every verdict, oldest first, with the capability and
// incident of the answer it was given on.
//
// Errors: EUNAVAILABLE.
func (s *Store) ListFeedback(ctx context.Context) ([]copilot.Feedback, error) {
	rows, err := s.pool.Query(ctx, `SELECT f.id, f.at, f.kind, f.answer_id, COALESCE(a.capability, CASE WHEN f.follow_up_id <> '' THEN $1 ELSE '' END),
			CASE WHEN f.incident_id <> '' THEN f.incident_id ELSE COALESCE(a.incident_id, '') END, f.follow_up_id, f.user_id, f.channel
		FROM chat_feedback f LEFT JOIN chat_answers a ON a.id = f.answer_id AND f.answer_id <> ''
		ORDER BY f.at, f.id`, copilot.CapFollowUps)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	out := []copilot.Feedback{}
	for rows.Next() {
		var f copilot.Feedback
		if err := rows.Scan(&f.ID, &f.At, &f.Kind, &f.AnswerID, &f.Capability, &f.IncidentID, &f.FollowUpID, &f.User, &f.Channel); err != nil {
			return nil, mapError(err)
		}
		f.At = f.At.UTC()
		out = append(out, f)
	}
	return out, mapError(rows.Err())
}

// LockChatChannel serialises the live ingest of one channel across workers and
// replicas: each change reads the stored transcript, edits it and stores it whole,
// and two at once would lose one. The lock is a session lock on a connection of its
// own; a killed process's session ends, and its lock with it.
//
// Errors: EUNAVAILABLE.
func (s *Store) LockChatChannel(ctx context.Context, channelID string) (unlock func(), err error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, mapError(err)
	}
	const key = `hashtext(current_schema() || '.chat_channel.' || $1)`
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock("+key+")", channelID); err != nil {
		conn.Release()
		return nil, mapError(err)
	}
	return func() {
		if _, err := conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock("+key+")", channelID); err != nil {
			conn.Conn().Close(context.WithoutCancel(ctx))
		}
		conn.Release()
	}, nil
}

// CapabilityVotes counts 👍 and 👎 given after since on the capability's answers,
// over the last `last` verdicts (newest first).
//
// Errors: EUNAVAILABLE.
func (s *Store) CapabilityVotes(ctx context.Context, capability string, since time.Time, last int) (up, down int, err error) {
	err = s.pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE kind = $1), count(*) FILTER (WHERE kind = $2) FROM (
			SELECT f.kind FROM chat_feedback f JOIN chat_answers a ON a.id = f.answer_id AND f.answer_id <> ''
			WHERE a.capability = $3 AND f.at > $4 AND f.kind IN ($1, $2)
			ORDER BY f.at DESC, f.id DESC LIMIT $5) v`,
		copilot.FeedbackUp, copilot.FeedbackDown, capability, since, last).Scan(&up, &down)
	return up, down, mapError(err)
}

// LatestMessageChange returns the payload of the stored message_changed or
// message_deleted event of the channel's message ts that Slack sent last.
//
// Errors: EUNAVAILABLE.
func (s *Store) LatestMessageChange(ctx context.Context, channelID, ts string) ([]byte, bool, error) {
	var payload []byte
	err := s.pool.QueryRow(ctx, `SELECT payload FROM chat_events
		WHERE channel = $1 AND kind = $3 AND payload->>'type' = 'message' AND (
			(payload->>'subtype' = 'message_deleted' AND (payload->>'deleted_ts' = $2 OR payload->'previous_message'->>'ts' = $2))
			OR (payload->>'subtype' = 'message_changed' AND payload->'message'->>'ts' = $2))
		ORDER BY payload->>'ts' DESC, id DESC LIMIT 1`, channelID, ts, copilot.ChatKindEvent).Scan(&payload)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, mapError(err)
	}
	return payload, true, nil
}
