package postgres

import (
	"context"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// CheckSchema reports a database that `copilot migrate` has not prepared: without
// it every command fails on its first query with "relation does not exist", which
// says nothing about what to do.
//
// Errors: EUNAVAILABLE, naming the command that fixes it.
func (s *Store) CheckSchema(ctx context.Context) error {
	var tables, vector bool
	err := s.pool.QueryRow(ctx, `SELECT to_regclass('incidents') IS NOT NULL AND to_regclass('chunks') IS NOT NULL,
		to_regtype('vector') IS NOT NULL`).Scan(&tables, &vector)
	if err != nil {
		return mapError(err)
	}
	switch {
	case !vector:
		return copilot.Errorf(copilot.EUNAVAILABLE, "The database lacks the pgvector extension and the incident schema; run `copilot migrate` (it creates both; the extension must be installed on the server).")
	case !tables:
		return copilot.Errorf(copilot.EUNAVAILABLE, "The database has no incident schema yet; run `copilot migrate`.")
	}
	return nil
}
