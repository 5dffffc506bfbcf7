-- Follow-ups captured from the copilot: filed in a tracker (key set) or marked
-- captured by a person. One row per follow-up of an incident; the row is claimed
-- (pending) before the tracker is called, so two clicks file one ticket. Deleting an
-- incident deletes its records; re-ingesting it keeps them (the incident row stays).

-- +goose Up
CREATE TABLE followup_tickets (
    incident_id  bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    follow_up_id text NOT NULL,
    key          text NOT NULL DEFAULT '',
    url          text NOT NULL DEFAULT '',
    tracker      text NOT NULL DEFAULT '',
    created_by   text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    pending      boolean NOT NULL DEFAULT false,
    PRIMARY KEY (incident_id, follow_up_id)
);

-- +goose Down
DROP TABLE followup_tickets;
