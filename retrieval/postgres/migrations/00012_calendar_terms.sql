-- Calendar dates say when an incident happened, not what failed: two postmortems
-- written in the same month share "2022", "-08" and "-03" (PostgreSQL's parser reads
-- 2022-08-03 as a year and two signed integers) and the lexical side ranked them as
-- alike. calendar_lexeme names those lexemes: signed integers (in incident text the
-- day and month of ISO dates) and the years 1900-2099. refresh_incident_terms leaves
-- them out of an incident's terms and length, and the lexical query leaves them out of
-- its terms (search.go); other numbers (503, 137, 5432) still count. Incidents stored
-- before keep their terms until re-ingested (ingest's hashVersion v4).

-- +goose Up
CREATE FUNCTION calendar_lexeme(lexeme text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT lexeme ~ '^(-[0-9]+|(19|20)[0-9][0-9])$' $$;

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
            WHERE i.id = inc
            UNION ALL
            SELECT t.lexeme, coalesce(array_length(t.positions, 1), 1)
            FROM messages m, unnest(to_tsvector('english', m.text)) t
            WHERE m.incident_id = inc
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
DROP FUNCTION calendar_lexeme(text);
