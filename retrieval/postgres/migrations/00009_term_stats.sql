-- The lexical side of similar-incident search stays bounded at any memory size: it
-- reads a capped number of postings per query term, highest impact first
-- (index-ordered), and takes document frequencies and the memory's length from
-- stored statistics instead of counting them per query. incident_term_stats holds
-- each lexeme's document frequency; its row '' holds the number of incidents with
-- terms (df) and the sum of their term counts (total). refresh_incident_terms keeps
-- it exact in the ingest's own transaction, updating the rows in lexeme order so
-- that concurrent ingests never deadlock; deleting an incident subtracts its terms.
-- A lexeme no incident holds is deleted (it may be a secret masked since).
--
-- impact is a posting's BM25 term-frequency factor, tf / (tf + k1 (1 - b + b dl /
-- avgdl)) with k1 = 1.2 and b = 0.75 (retrieval.BM25K1, BM25B) and the memory's
-- average length when the incident was written: it orders the capped read, so that
-- the postings read first are the ones BM25 scores highest, short incidents
-- included. Scores themselves are computed at query time from tf and the current
-- average.

-- +goose Up
CREATE TABLE incident_term_stats (
    lexeme text PRIMARY KEY,
    df     bigint NOT NULL,
    total  double precision NOT NULL DEFAULT 0
);
INSERT INTO incident_term_stats (lexeme, df)
SELECT lexeme, count(*) FROM incident_terms GROUP BY lexeme;
INSERT INTO incident_term_stats (lexeme, df, total)
SELECT '', count(*), coalesce(sum(term_count), 0) FROM incidents WHERE term_count > 0;

ALTER TABLE incident_terms ADD COLUMN impact real NOT NULL DEFAULT 0;
UPDATE incident_terms it SET impact = it.tf / (it.tf + 1.2 * (1 - 0.75 + 0.75 * i.term_count /
        (SELECT CASE WHEN df > 0 AND total > 0 THEN total / df ELSE 1 END FROM incident_term_stats WHERE lexeme = '')))
    FROM incidents i WHERE i.id = it.incident_id;
CREATE INDEX incident_terms_lexeme_impact_idx ON incident_terms (lexeme, impact DESC, incident_id);
DROP INDEX incident_terms_lexeme_idx;

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION refresh_incident_terms(inc bigint, title_weight real) RETURNS void
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

-- +goose StatementBegin
CREATE FUNCTION forget_incident_terms() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO incident_term_stats AS s (lexeme, df, total)
    SELECT d.lexeme, sum(d.df), sum(d.total) FROM (
        SELECT lexeme, -1 AS df, 0::float8 AS total FROM incident_terms WHERE incident_id = OLD.id
        UNION ALL
        SELECT '', CASE WHEN OLD.term_count > 0 THEN -1 ELSE 0 END, -OLD.term_count
    ) d GROUP BY d.lexeme HAVING sum(d.df) <> 0 OR sum(d.total) <> 0
    ORDER BY d.lexeme
    ON CONFLICT (lexeme) DO UPDATE SET df = s.df + excluded.df, total = s.total + excluded.total;
    DELETE FROM incident_term_stats WHERE lexeme IN (SELECT lexeme FROM incident_terms WHERE incident_id = OLD.id)
        AND lexeme <> '' AND df <= 0;
    RETURN OLD;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER incidents_forget_terms BEFORE DELETE ON incidents
    FOR EACH ROW EXECUTE FUNCTION forget_incident_terms();

-- +goose Down
DROP TRIGGER incidents_forget_terms ON incidents;
DROP FUNCTION forget_incident_terms();
CREATE INDEX incident_terms_lexeme_idx ON incident_terms (lexeme);
DROP INDEX incident_terms_lexeme_impact_idx;
ALTER TABLE incident_terms DROP COLUMN impact;
DROP TABLE incident_term_stats;
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION refresh_incident_terms(inc bigint, title_weight real) RETURNS void
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
