package postgres

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// IndexedVectorPlan returns PostgreSQL's plan for the vector side's index path under
// the settings Search gives it, for tests that check the index is what answers.
func IndexedVectorPlan(ctx context.Context, s *Store, f copilot.IncidentFilter) (string, error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return "", err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var version string
	if err := tx.QueryRow(ctx, `SELECT extversion FROM pg_extension WHERE extname = 'vector'`).Scan(&version); err != nil {
		return "", err
	}
	if _, err := tx.Exec(ctx, "SELECT "+s.indexedVectorSettings(version)); err != nil {
		return "", err
	}
	where, args := filterSQL(f, 3)
	rows, err := tx.Query(ctx, "EXPLAIN "+s.indexedVectorSQL(where), append([]any{pgvector.NewVector(make([]float32, s.model.Dimensions())), 400}, args...)...)
	if err != nil {
		return "", err
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return strings.Join(lines, "\n"), err
}

// TermStatsDrift counts the rows where incident_term_stats differs from a recount
// of incident_terms and incidents (the ” row included), and the postings whose
// incident length (dl) is not their incident's term_count.
func TermStatsDrift(ctx context.Context, s *Store) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `WITH truth AS (
			SELECT lexeme, count(*)::bigint AS df, 0::float8 AS total FROM incident_terms GROUP BY lexeme
			UNION ALL
			SELECT '', count(*), coalesce(sum(term_count), 0) FROM incidents WHERE term_count > 0
		)
		SELECT count(*) FROM truth t FULL JOIN incident_term_stats s USING (lexeme)
		WHERE t.df IS DISTINCT FROM s.df OR abs(coalesce(t.total, 0) - coalesce(s.total, 0)) > 0.001`).Scan(&n)
	if err != nil {
		return 0, err
	}
	var stale int
	err = s.pool.QueryRow(ctx, `SELECT count(*) FROM incident_terms it JOIN incidents i ON i.id = it.incident_id
		WHERE it.dl <> i.term_count`).Scan(&stale)
	n += stale
	return n, err
}

// IncidentLexemes lists the lexemes stored in an incident's terms.
func IncidentLexemes(ctx context.Context, s *Store, externalID string) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT t.lexeme FROM incident_terms t JOIN incidents i ON i.id = t.incident_id
		WHERE i.external_id = $1 ORDER BY t.lexeme`, externalID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// LexicalMatches runs the lexical side alone on a text and returns the external ids
// of the incidents it scores, best first.
func LexicalMatches(ctx context.Context, s *Store, text string) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT i.external_id FROM (`+lexicalSQL(quoteLiteral(s.model.EmbedderID()), "", 3, s.opts.lexical)+`) x
		JOIN incidents i ON i.id = x.incident_id ORDER BY x.score DESC, i.id`, text, 50, DefaultLexicalExactBelow)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// MigrationLockID is the advisory lock Migrate takes for s's schema.
func MigrationLockID(s *Store) int64 { return s.migrationLockID() }
