-- +goose Up
-- An eval run is kept per capability with the configuration it measured, so the
-- runtime gates can tell whether it still speaks for the running process.
ALTER TABLE eval_runs
    ADD COLUMN config jsonb NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN dataset_size integer NOT NULL DEFAULT 0;
CREATE INDEX eval_runs_capability_idx ON eval_runs (capability, created_at DESC, id DESC);

-- +goose Down
DROP INDEX eval_runs_capability_idx;
ALTER TABLE eval_runs DROP COLUMN dataset_size, DROP COLUMN config;
