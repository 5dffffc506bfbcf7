-- The bounded lexical side (search.go, lexicalSQL) reads up to 6,400 postings a
-- query. It used to join every posting to its incident for the incident's length
-- (BM25's dl) and to check the incident's visibility and chunks per posting: at 100k
-- chunks that was thousands of random reads a query. Each posting now carries its
-- incident's length (dl, the same value as incidents.term_count, written by the same
-- refresh), and the index the read walks includes tf and dl, so the postings are
-- scored from the index alone; only the few incidents that make the top of the
-- ranking are then looked up for the filters.

-- +goose Up
ALTER TABLE incident_terms ADD COLUMN dl real NOT NULL DEFAULT 0;
UPDATE incident_terms it SET dl = i.term_count FROM incidents i WHERE i.id = it.incident_id;
CREATE INDEX incident_terms_lexeme_impact_dl_idx ON incident_terms (lexeme, impact DESC, incident_id) INCLUDE (tf, dl);
DROP INDEX incident_terms_lexeme_impact_idx;

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION refresh_incident_terms(inc bigint, title_weight real, concepts text, concept_tf real) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    old_lexemes text[];
    old_len     real;
    new_len     real;
    avgdl       float8;
BEGIN
    SELECT coalesce(array_agg(lexeme), '{}') INTO old_lexemes FROM incident_terms WHERE incident_id = inc;
    SELECT term_count INTO old_len FROM incidents WHERE id = inc;
    SELECT CASE WHEN df > 0 AND total > 0 THEN total / df END INTO avgdl FROM incident_term_stats WHERE lexeme = '';
    DELETE FROM incident_terms WHERE incident_id = inc;
    WITH x AS (
        SELECT x.lexeme, sum(x.n) AS tf FROM (
            SELECT t.lexeme, title_weight * coalesce(array_length(t.positions, 1), 1) AS n
            FROM incidents i, unnest(to_tsvector('english', i.title)) t
            WHERE i.id = inc AND NOT calendar_lexeme(t.lexeme)
            UNION ALL
            SELECT t.lexeme, coalesce(array_length(t.positions, 1), 1)
            FROM messages m, unnest(to_tsvector('english', m.text)) t
            WHERE m.incident_id = inc AND NOT calendar_lexeme(t.lexeme)
            UNION ALL
            SELECT t.lexeme, concept_tf FROM unnest(to_tsvector('english', concepts)) t
        ) x GROUP BY x.lexeme
    ), len AS (SELECT sum(tf) AS dl FROM x)
    INSERT INTO incident_terms (incident_id, lexeme, tf, impact, dl)
    SELECT inc, x.lexeme, x.tf, x.tf / (x.tf + 1.2 * (1 - 0.75 + 0.75 * len.dl / coalesce(avgdl, len.dl))), len.dl
    FROM x, len;
    -- The incident's length is the one its postings carry (dl), summed once.
    UPDATE incidents SET term_count = coalesce((SELECT max(dl) FROM incident_terms WHERE incident_id = inc), 0)
    WHERE id = inc RETURNING term_count INTO new_len;
    INSERT INTO incident_term_stats AS s (lexeme, df, total)
    SELECT d.lexeme, sum(d.df), sum(d.total) FROM (
        SELECT unnest(old_lexemes) AS lexeme, -1 AS df, 0::float8 AS total
        UNION ALL
        SELECT lexeme, 1, 0 FROM incident_terms WHERE incident_id = inc
        UNION ALL
        SELECT '', CASE WHEN coalesce(old_len, 0) > 0 THEN -1 ELSE 0 END, -coalesce(old_len, 0)
        UNION ALL
        SELECT '', CASE WHEN coalesce(new_len, 0) > 0 THEN 1 ELSE 0 END, coalesce(new_len, 0)
    ) d GROUP BY d.lexeme HAVING sum(d.df) <> 0 OR sum(d.total) <> 0
    ORDER BY d.lexeme
    ON CONFLICT (lexeme) DO UPDATE SET df = s.df + excluded.df, total = s.total + excluded.total;
    -- A lexeme no incident holds any more goes: it may be a masked secret.
    DELETE FROM incident_term_stats WHERE lexeme = ANY(old_lexemes) AND lexeme <> '' AND df <= 0;
END;
$$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION refresh_incident_terms(inc bigint, title_weight real, concepts text, concept_tf real) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    old_lexemes text[];
    old_len     real;
    new_len     real;
    avgdl       float8;
BEGIN
    SELECT coalesce(array_agg(lexeme), '{}') INTO old_lexemes FROM incident_terms WHERE incident_id = inc;
    SELECT term_count INTO old_len FROM incidents WHERE id = inc;
    SELECT CASE WHEN df > 0 AND total > 0 THEN total / df END INTO avgdl FROM incident_term_stats WHERE lexeme = '';
    DELETE FROM incident_terms WHERE incident_id = inc;
    WITH x AS (
        SELECT x.lexeme, sum(x.n) AS tf FROM (
            SELECT t.lexeme, title_weight * coalesce(array_length(t.positions, 1), 1) AS n
            FROM incidents i, unnest(to_tsvector('english', i.title)) t
            WHERE i.id = inc AND NOT calendar_lexeme(t.lexeme)
            UNION ALL
            SELECT t.lexeme, coalesce(array_length(t.positions, 1), 1)
            FROM messages m, unnest(to_tsvector('english', m.text)) t
            WHERE m.incident_id = inc AND NOT calendar_lexeme(t.lexeme)
            UNION ALL
            SELECT t.lexeme, concept_tf FROM unnest(to_tsvector('english', concepts)) t
        ) x GROUP BY x.lexeme
    ), len AS (SELECT sum(tf) AS dl FROM x)
    INSERT INTO incident_terms (incident_id, lexeme, tf, impact)
    SELECT inc, x.lexeme, x.tf, x.tf / (x.tf + 1.2 * (1 - 0.75 + 0.75 * len.dl / coalesce(avgdl, len.dl)))
    FROM x, len;
    UPDATE incidents SET term_count = coalesce((SELECT sum(tf) FROM incident_terms WHERE incident_id = inc), 0)
    WHERE id = inc RETURNING term_count INTO new_len;
    INSERT INTO incident_term_stats AS s (lexeme, df, total)
    SELECT d.lexeme, sum(d.df), sum(d.total) FROM (
        SELECT unnest(old_lexemes) AS lexeme, -1 AS df, 0::float8 AS total
        UNION ALL
        SELECT lexeme, 1, 0 FROM incident_terms WHERE incident_id = inc
        UNION ALL
        SELECT '', CASE WHEN coalesce(old_len, 0) > 0 THEN -1 ELSE 0 END, -coalesce(old_len, 0)
        UNION ALL
        SELECT '', CASE WHEN coalesce(new_len, 0) > 0 THEN 1 ELSE 0 END, coalesce(new_len, 0)
    ) d GROUP BY d.lexeme HAVING sum(d.df) <> 0 OR sum(d.total) <> 0
    ORDER BY d.lexeme
    ON CONFLICT (lexeme) DO UPDATE SET df = s.df + excluded.df, total = s.total + excluded.total;
    -- A lexeme no incident holds any more goes: it may be a masked secret.
    DELETE FROM incident_term_stats WHERE lexeme = ANY(old_lexemes) AND lexeme <> '' AND df <= 0;
END;
$$;
-- +goose StatementEnd
CREATE INDEX incident_terms_lexeme_impact_idx ON incident_terms (lexeme, impact DESC, incident_id);
DROP INDEX incident_terms_lexeme_impact_dl_idx;
ALTER TABLE incident_terms DROP COLUMN dl;
