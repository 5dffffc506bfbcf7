-- Failure-mode concepts weigh more than ordinary words in full-text ranking: a shared
-- "connection exhaustion" says more about two incidents than a shared "checkout".

-- +goose Up
ALTER TABLE chunks DROP COLUMN tsv;
ALTER TABLE chunks ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', terms), 'A') || setweight(to_tsvector('english', text), 'D')) STORED;
CREATE INDEX chunks_tsv_idx ON chunks USING gin (tsv);

-- +goose Down
ALTER TABLE chunks DROP COLUMN tsv;
ALTER TABLE chunks ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text || ' ' || terms)) STORED;
CREATE INDEX chunks_tsv_idx ON chunks USING gin (tsv);
