-- incident_terms (00007) gets ~200 rows per incident at every ingest, and its foreign
-- key checked each of them against incidents: about 40% of the rows' insert cost.
-- refresh_incident_terms only inserts terms of an incident it reads, so the check
-- never caught anything; deleting an incident still removes its terms, by trigger.

-- +goose Up
ALTER TABLE incident_terms DROP CONSTRAINT incident_terms_incident_id_fkey;

-- +goose StatementBegin
CREATE FUNCTION delete_incident_terms() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM incident_terms WHERE incident_id = OLD.id;
    RETURN OLD;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER incidents_delete_terms AFTER DELETE ON incidents
    FOR EACH ROW EXECUTE FUNCTION delete_incident_terms();

-- +goose Down
DROP TRIGGER incidents_delete_terms ON incidents;
DROP FUNCTION delete_incident_terms();
DELETE FROM incident_terms it WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = it.incident_id);
ALTER TABLE incident_terms ADD CONSTRAINT incident_terms_incident_id_fkey
    FOREIGN KEY (incident_id) REFERENCES incidents (id) ON DELETE CASCADE;
