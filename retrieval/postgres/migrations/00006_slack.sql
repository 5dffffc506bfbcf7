-- The Slack copilot's state. Events are stored (masked) before Slack gets its 200,
-- so an acknowledged event survives a crash; the work runs from river's queue,
-- whose tables river's own migrations create (see queue.go).

-- +goose Up
CREATE TABLE chat_events (
    id          text PRIMARY KEY,            -- Slack's event_id, or cmd:/act: trigger ids
    kind        text NOT NULL,
    team        text NOT NULL DEFAULT '',
    channel     text NOT NULL DEFAULT '',
    payload     jsonb NOT NULL,              -- masked before it is written
    received_at timestamptz NOT NULL DEFAULT now(),
    done_at     timestamptz
);
CREATE INDEX chat_events_received_idx ON chat_events (received_at);

CREATE TABLE chat_channels (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    private      boolean NOT NULL,
    incident_id  text NOT NULL DEFAULT '',   -- '' for a channel that is no incident's
    title        text NOT NULL DEFAULT '',
    registered   boolean NOT NULL DEFAULT false,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- A reply posted for a piece of work: a retried job finds it and posts nothing twice.
CREATE TABLE chat_replies (
    key        text PRIMARY KEY,
    channel    text NOT NULL,
    ts         text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chat_answers (
    id          text PRIMARY KEY,
    incident_id text NOT NULL,
    capability  text NOT NULL,
    channel     text NOT NULL,
    ts          text NOT NULL DEFAULT '',
    verified    boolean NOT NULL,
    at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chat_feedback (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    kind         text NOT NULL,
    answer_id    text NOT NULL DEFAULT '',
    incident_id  text NOT NULL DEFAULT '',
    follow_up_id text NOT NULL DEFAULT '',
    user_id      text NOT NULL,
    channel      text NOT NULL DEFAULT '',
    event_id     text UNIQUE                 -- the click that gave it: a retry stores it once
);
CREATE INDEX chat_feedback_at_idx ON chat_feedback (at, id);

-- +goose Down
DROP TABLE chat_feedback;
DROP TABLE chat_answers;
DROP TABLE chat_replies;
DROP TABLE chat_channels;
DROP TABLE chat_events;
