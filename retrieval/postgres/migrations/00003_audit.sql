-- Who deleted an incident, or changed who may see it, and when. The entries name the
-- incident by its external id only: a deleted incident leaves no title or text behind.

-- +goose Up
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    action      text NOT NULL,
    incident_id text NOT NULL,
    detail      text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);

-- +goose Down
DROP TABLE audit_log;
