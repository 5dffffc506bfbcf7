-- Similar-incident search scores incidents as wholes: BM25 over each incident's whole
-- text (title counted title_weight times, every message once). Terms are counted per
-- message, so no tsvector holds a long transcript and loses counts to its caps. An
-- ingest refreshes its incident's rows in the same transaction.

-- +goose Up
CREATE TABLE incident_terms (
    incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    lexeme      text NOT NULL,
    tf          real NOT NULL,
    PRIMARY KEY (incident_id, lexeme)
);
CREATE INDEX incident_terms_lexeme_idx ON incident_terms (lexeme);
ALTER TABLE incidents ADD COLUMN term_count real NOT NULL DEFAULT 0;

-- +goose StatementBegin
CREATE FUNCTION refresh_incident_terms(inc bigint, title_weight real) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM incident_terms WHERE incident_id = inc;
    INSERT INTO incident_terms (incident_id, lexeme, tf)
    SELECT inc, x.lexeme, sum(x.n) FROM (
        SELECT t.lexeme, title_weight * coalesce(array_length(t.positions, 1), 1) AS n
        FROM incidents i, unnest(to_tsvector('english', i.title)) t
        WHERE i.id = inc
        UNION ALL
        SELECT t.lexeme, coalesce(array_length(t.positions, 1), 1)
        FROM messages m, unnest(to_tsvector('english', m.text)) t
        WHERE m.incident_id = inc
    ) x GROUP BY x.lexeme;
    UPDATE incidents SET term_count = coalesce((SELECT sum(tf) FROM incident_terms WHERE incident_id = inc), 0)
    WHERE id = inc;
$$;
-- +goose StatementEnd

SELECT refresh_incident_terms(id, 3) FROM incidents;

-- +goose Down
DROP FUNCTION refresh_incident_terms(bigint, real);
ALTER TABLE incidents DROP COLUMN term_count;
DROP TABLE incident_terms;
