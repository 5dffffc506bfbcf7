package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/retrieval"
)

// hashVersion changes when what is derived from a transcript (chunks, terms) changes,
// so that re-ingesting rewrites incidents stored the old way.
// (v3: incident_terms hold the incident's failure concepts; v4: without calendar
// dates, migration 00012).
const hashVersion = "v4"

// A load either inserts its chunks into the embedder's HNSW graph row by row or drops
// the index, loads, and builds it again over the whole table. Measured on 2 cores:
// ~1.6 ms a row inserted, ~0.3 ms a row built. Loads smaller than rebuildMin chunks
// always insert: the index stays up for searches and a small load is quick anyway.
const (
	hnswInsertMsPerRow = 1.6
	hnswBuildMsPerRow  = 0.3
	rebuildMin         = 500
)

// rebuildPays reports whether loading added chunks into an index over existing ones
// is cheaper by dropping and building it again: a first import into an empty store
// rebuilds from rebuildMin chunks, a store of 100k chunks from about 23k.
func rebuildPays(existing, added int) bool {
	return added >= rebuildMin && float64(added)*hnswInsertMsPerRow > float64(existing+added)*hnswBuildMsPerRow
}

// Ingest stores incidents. Secrets are masked first, in place, with the store's
// Redact, so nothing stored, indexed or embedded holds one. Each incident is written
// in its own transaction: a failure never leaves half an incident, and incidents
// written before it stay. An incident whose content and embedder are unchanged is
// skipped; a changed one replaces its messages, chunks and tickets.
//
// An actor without Private may not create a private incident, nor replace (or
// publish) a stored private one: such a request writes nothing. Visibility changes
// are recorded in the audit log.
//
// Errors: EINVALID for an incident without a valid id or with text the database
// cannot store, EFORBIDDEN, EUNAVAILABLE when the database or embedder cannot be
// reached, EINTERNAL otherwise.
func (s *Store) Ingest(ctx context.Context, incs []*copilot.Incident, opts copilot.IngestOptions) (copilot.IngestResult, error) {
	start := time.Now()
	progress := opts.Progress
	var res copilot.IngestResult
	seen := map[string]bool{}
	for i, inc := range incs {
		if err := copilot.CheckID(fmt.Sprintf("incident %d", i+1), inc.ID); err != nil {
			return res, err
		}
		if err := copilot.CheckIncident(inc); err != nil {
			return res, err
		}
		if inc.IsPrivate() && !opts.Actor.Private {
			return res, copilot.Errorf(copilot.EFORBIDDEN, "Incident %s: writing a private incident needs the %q scope.", inc.ID, "private")
		}
		if seen[inc.ID] {
			return res, copilot.Errorf(copilot.EINVALID, "incident %s: appears twice in the input", inc.ID)
		}
		seen[inc.ID] = true
		res.Incidents++
		res.Messages += len(inc.Messages)
		res.Tickets += len(inc.Tickets)
	}

	for _, inc := range incs {
		copilot.MaskIncident(inc, s.opts.Redact)
	}

	// Skip what is stored unchanged; refuse the whole request when it would touch a
	// private incident the actor may not.
	hashes := make([]string, len(incs))
	ids := make([]string, len(incs))
	for i, inc := range incs {
		hashes[i] = s.contentHash(inc)
		ids[i] = inc.ID
	}
	stored := map[string]string{}
	rows, err := s.pool.Query(ctx, `SELECT external_id, content_hash, visibility FROM incidents WHERE external_id = ANY($1)`, ids)
	if err != nil {
		return res, mapError(err)
	}
	var forbidden []string
	for rows.Next() {
		var id, h, vis string
		if err := rows.Scan(&id, &h, &vis); err != nil {
			rows.Close()
			return res, mapError(err)
		}
		stored[id] = h
		if vis == copilot.VisibilityPrivate && !opts.Actor.Private {
			forbidden = append(forbidden, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, mapError(err)
	}
	if len(forbidden) > 0 {
		return res, errPrivateTarget(forbidden[0])
	}

	var work []*pending
	for i, inc := range incs {
		chunks := copilot.ChunkIncident(inc, s.opts.Chunking)
		res.Chunks += len(chunks)
		if stored[inc.ID] == hashes[i] {
			res.Unchanged++
			continue
		}
		work = append(work, &pending{inc: inc, hash: hashes[i], chunks: chunks})
	}
	if progress != nil {
		progress(res.Unchanged, len(incs))
	}
	if len(work) == 0 {
		res.Seconds = time.Since(start).Seconds()
		return res, nil
	}

	newChunks := 0
	for _, w := range work {
		newChunks += len(w.chunks)
	}
	opts.Announce(copilot.StageEmbed, newChunks)
	if err := s.embedPending(ctx, work); err != nil {
		return res, err
	}

	rebuild := false
	if newChunks >= rebuildMin {
		var existing int
		if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM chunks WHERE embedder = $1`, s.model.EmbedderID()).Scan(&existing); err != nil {
			return res, mapError(err)
		}
		rebuild = rebuildPays(existing, newChunks)
	}
	if rebuild {
		// While the index is down this session holds the bulk-load lock, so a
		// command opening the store can tell a load in progress (leave the index
		// to it) from one that died (build the index again; see RestoreIndex).
		release, err := s.holdBulkLoad(ctx)
		if err != nil {
			return res, err
		}
		defer release()
		if err := s.dropIndex(ctx); err != nil {
			return res, err
		}
	}
	defer s.stale.forget()
	opts.Announce(copilot.StageWrite, len(work))
	written, err := s.writeAll(ctx, work, opts.Actor, func(n int) {
		if progress != nil {
			progress(res.Unchanged+n, len(incs))
		}
	})
	res.Written = written
	// Incidents commit asynchronously (see writeIncident); one synchronous commit
	// flushes the log up to here, so whatever Ingest reports written is durable.
	if _, ferr := s.pool.Exec(ctx, "SELECT txid_current()"); err == nil && ferr != nil {
		err = mapError(ferr)
	}
	// The index comes back whatever happened, so search never stays without it.
	if rebuild {
		opts.Announce(copilot.StageIndex, newChunks)
	}
	if ierr := s.ensureIndex(ctx); err == nil && ierr != nil {
		err = ierr
	}
	if rebuild && err == nil {
		// Fresh statistics let the planner choose between the HNSW index and
		// filter-first plans for filtered searches right after a large import.
		if _, aerr := s.pool.Exec(ctx, "ANALYZE incidents, chunks"); aerr != nil {
			err = mapError(aerr)
		}
	}
	res.Seconds = time.Since(start).Seconds()
	return res, err
}

type pending struct {
	inc    *copilot.Incident
	hash   string
	chunks []copilot.Chunk
	terms  []string
}

// contentHash identifies an incident as stored: its transcript and metadata, the
// embedder, the chunking and the failure lexicon that derived its chunks and their
// concept terms (a provider embedder's id does not change with the lexicon).
func (s *Store) contentHash(inc *copilot.Incident) string {
	h := sha256.New()
	b, _ := json.Marshal(inc)
	fmt.Fprintf(h, "%s|%s|%d|%s|%s|%s|", hashVersion, s.model.EmbedderID(), s.opts.Chunking.MaxTokens, s.opts.Chunking.Window, s.opts.RedactVersion, s.lexicon)
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

func (s *Store) embedPending(ctx context.Context, work []*pending) error {
	var texts []string
	for _, w := range work {
		w.terms = make([]string, len(w.chunks))
		for i, c := range w.chunks {
			texts = append(texts, retrieval.EmbedText(w.inc, c))
			w.terms[i] = retrieval.ChunkTerms(w.inc, c)
		}
	}
	if len(texts) == 0 {
		return nil
	}
	vecs, err := s.model.EmbedDocuments(ctx, texts)
	if err != nil {
		return fmt.Errorf("embed chunks: %w", err)
	}
	if len(vecs) != len(texts) {
		return copilot.Errorf(copilot.EINVALID, "embedder returned %d vectors for %d chunks", len(vecs), len(texts))
	}
	k := 0
	for _, w := range work {
		for i := range w.chunks {
			if len(vecs[k]) != s.model.Dimensions() {
				return copilot.Errorf(copilot.EINVALID, "embedder returned a %d-dimensional vector, want %d", len(vecs[k]), s.model.Dimensions())
			}
			w.chunks[i].Embedding = vecs[k]
			k++
		}
	}
	return nil
}

// writeAll writes incidents over several connections at once: the per-incident
// transactions are independent and a single backend would leave cores idle.
func (s *Store) writeAll(ctx context.Context, work []*pending, by copilot.Actor, done func(n int)) (int, error) {
	workers := runtime.GOMAXPROCS(0) * 2
	if workers > int(s.pool.Config().MaxConns)-1 {
		workers = int(s.pool.Config().MaxConns) - 1
	}
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *pending)
	var (
		mu       sync.Mutex
		firstErr error
		count    int
		wg       sync.WaitGroup
	)
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for w := range jobs {
				if err := s.writeIncident(ctx, w, by); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = fmt.Errorf("incident %s: %w", w.inc.ID, err)
						cancel()
					}
					mu.Unlock()
					continue
				}
				mu.Lock()
				count++
				done(count)
				mu.Unlock()
			}
		}()
	}
	for _, w := range work {
		select {
		case jobs <- w:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	return count, firstErr
}

func (s *Store) writeIncident(ctx context.Context, w *pending, by copilot.Actor) error {
	inc := w.inc
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return mapError(err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	// Waiting for the log flush at every incident's commit would cap a large import
	// at the disk's fsync rate. Atomicity is unaffected: a crash can lose the last
	// incidents, never half of one, and Ingest flushes once before it returns.
	if _, err := tx.Exec(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
		return mapError(err)
	}

	services := inc.Services
	if services == nil {
		services = []string{}
	}
	visibility := inc.Visibility
	if visibility == "" {
		visibility = copilot.VisibilityPublic
	}
	// The row lock holds the visibility checked here until the commit; the guard on
	// the upsert covers a private incident created between the two statements.
	var before string
	err = tx.QueryRow(ctx, `SELECT visibility FROM incidents WHERE external_id = $1 FOR UPDATE`, inc.ID).Scan(&before)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return mapError(err)
	}
	if before == copilot.VisibilityPrivate && !by.Private {
		return errPrivateTarget(inc.ID)
	}
	var (
		id       int64
		inserted bool
	)
	err = tx.QueryRow(ctx, `
		INSERT INTO incidents (external_id, title, severity, status, visibility, services, team,
			channel_id, channel_name, started_at, resolved_at, source, content_hash)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (external_id) DO UPDATE SET
			title = EXCLUDED.title, severity = EXCLUDED.severity, status = EXCLUDED.status,
			visibility = EXCLUDED.visibility, services = EXCLUDED.services, team = EXCLUDED.team,
			channel_id = EXCLUDED.channel_id, channel_name = EXCLUDED.channel_name,
			started_at = EXCLUDED.started_at, resolved_at = EXCLUDED.resolved_at,
			source = EXCLUDED.source, content_hash = EXCLUDED.content_hash, updated_at = now()
		WHERE $14 OR incidents.visibility = 'public'
		RETURNING id, xmax = 0`,
		inc.ID, inc.Title, inc.Severity, inc.Status, visibility, services, inc.Team,
		inc.ChannelID, inc.ChannelName, nullTime(inc.StartedAt), nullTime(inc.ResolvedAt), inc.Source, w.hash,
		by.Private,
	).Scan(&id, &inserted)
	if errors.Is(err, pgx.ErrNoRows) {
		return errPrivateTarget(inc.ID)
	}
	if err != nil {
		return mapError(err)
	}
	if before != "" && before != visibility {
		if err := audit(ctx, tx, by, copilot.AuditVisibility, inc.ID, before+" -> "+visibility); err != nil {
			return err
		}
	}
	// xmax = 0 marks a row this statement inserted: a new incident has nothing to replace.
	if !inserted {
		for _, table := range []string{"messages", "chunks", "tickets"} {
			if _, err := tx.Exec(ctx, "DELETE FROM "+table+" WHERE incident_id = $1", id); err != nil {
				return mapError(err)
			}
		}
	}

	_, err = tx.CopyFrom(ctx, pgx.Identifier{"messages"},
		[]string{"incident_id", "ts", "posted_at", "user_id", "user_name", "text", "thread_ts", "kind"},
		pgx.CopyFromSlice(len(inc.Messages), func(i int) ([]any, error) {
			m := inc.Messages[i]
			kind := m.Kind
			if kind == "" {
				kind = copilot.KindMessage
			}
			return []any{id, m.TS, nullTime(m.Time()), m.User, m.UserName, m.Text, m.ThreadTS, kind}, nil
		}))
	if err != nil {
		return mapError(fmt.Errorf("copy messages: %w", err))
	}
	if err := s.copyChunks(ctx, tx, id, w); err != nil {
		return err
	}

	_, err = tx.CopyFrom(ctx, pgx.Identifier{"tickets"},
		[]string{"incident_id", "key", "title", "url", "status"},
		pgx.CopyFromSlice(len(inc.Tickets), func(i int) ([]any, error) {
			t := inc.Tickets[i]
			return []any{id, t.Key, t.Title, t.URL, t.Status}, nil
		}))
	if err != nil {
		return mapError(fmt.Errorf("copy tickets: %w", err))
	}

	// The incident's failure concepts join its terms, so the lexical side weighs a
	// shared concept by how rare it is in the memory (BM25's idf) like any word; they
	// count in its length and in the term statistics too. Last before the commit:
	// the statistics' rows (the memory's row '' above all) stay locked until then, and
	// every concurrent writer waits for them, so the slow part (chunks into the HNSW
	// graph) runs before this writer takes them.
	concepts := retrieval.ConceptTerms(copilot.IncidentText(inc, maxIncidentQueryBytes))
	if _, err := tx.Exec(ctx, "SELECT refresh_incident_terms($1, $2, $3, $4)", id, retrieval.TitleWeight, concepts, retrieval.ConceptTF); err != nil {
		return mapError(fmt.Errorf("count incident terms: %w", err))
	}
	return mapError(tx.Commit(ctx))
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func (s *Store) copyChunks(ctx context.Context, tx pgx.Tx, id int64, w *pending) error {
	embedder := s.model.EmbedderID()
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"chunks"},
		[]string{"incident_id", "seq", "text", "terms", "first_ts", "last_ts", "message_ts", "embedder", "embedding"},
		pgx.CopyFromSlice(len(w.chunks), func(i int) ([]any, error) {
			c := w.chunks[i]
			return []any{id, c.Seq, c.Text, w.terms[i], c.FirstTS, c.LastTS, c.MessageTS, embedder, pgvector.NewVector(c.Embedding)}, nil
		}))
	if err != nil {
		return mapError(fmt.Errorf("copy chunks: %w", err))
	}
	return nil
}
