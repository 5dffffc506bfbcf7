-- The incident memory. Vectors of different embedders live side by side in one
-- column; each embedder gets its own partial HNSW index (created by the application
-- when the embedder is first used), so search only ever compares vectors of one
-- embedder and a re-embed can run while the old vectors still serve.

-- +goose Up
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE incidents (
    id            bigserial PRIMARY KEY,
    external_id   text NOT NULL UNIQUE,
    title         text NOT NULL DEFAULT '',
    severity      text NOT NULL DEFAULT '',
    status        text NOT NULL DEFAULT '',
    visibility    text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private')),
    services      text[] NOT NULL DEFAULT '{}',
    team          text NOT NULL DEFAULT '',
    channel_id    text NOT NULL DEFAULT '',
    channel_name  text NOT NULL DEFAULT '',
    started_at    timestamptz,
    resolved_at   timestamptz,
    source        text NOT NULL DEFAULT '',
    content_hash  text NOT NULL,
    ingested_at   timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incidents_services_idx ON incidents USING gin (services);
CREATE INDEX incidents_started_idx ON incidents (started_at);

CREATE TABLE messages (
    incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    ts          text NOT NULL,
    posted_at   timestamptz,
    user_id     text NOT NULL DEFAULT '',
    user_name   text NOT NULL DEFAULT '',
    text        text NOT NULL,
    thread_ts   text NOT NULL DEFAULT '',
    kind        text NOT NULL DEFAULT 'message',
    PRIMARY KEY (incident_id, ts)
);

CREATE TABLE chunks (
    id          bigserial PRIMARY KEY,
    incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    seq         int NOT NULL,
    text        text NOT NULL,
    -- failure-mode concepts and normalized terms, searched with the text
    terms       text NOT NULL DEFAULT '',
    first_ts    text NOT NULL,
    last_ts     text NOT NULL,
    message_ts  text[] NOT NULL,
    embedder    text NOT NULL,
    embedding   vector NOT NULL,
    tsv         tsvector GENERATED ALWAYS AS (to_tsvector('english', text || ' ' || terms)) STORED,
    UNIQUE (incident_id, embedder, seq)
);
CREATE INDEX chunks_tsv_idx ON chunks USING gin (tsv);
CREATE INDEX chunks_embedder_idx ON chunks (embedder);

CREATE TABLE tickets (
    incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    key         text NOT NULL,
    title       text NOT NULL DEFAULT '',
    url         text NOT NULL DEFAULT '',
    status      text NOT NULL DEFAULT '',
    PRIMARY KEY (incident_id, key)
);

CREATE TABLE runbooks (
    id           text PRIMARY KEY,
    title        text NOT NULL DEFAULT '',
    path         text NOT NULL DEFAULT '',
    text         text NOT NULL,
    content_hash text NOT NULL,
    embedder     text NOT NULL,
    embedding    vector NOT NULL,
    tsv          tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || text)) STORED
);
CREATE INDEX runbooks_tsv_idx ON runbooks USING gin (tsv);

CREATE TABLE eval_runs (
    id         bigserial PRIMARY KEY,
    capability text NOT NULL,
    engine     text NOT NULL,
    metrics    jsonb NOT NULL,
    passed     boolean NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE eval_runs;
DROP TABLE runbooks;
DROP TABLE tickets;
DROP TABLE chunks;
DROP TABLE messages;
DROP TABLE incidents;
