package postgres

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/incidentcopilot/incident-copilot/retrieval"
)

// textQuery builds the full-text side of a query as a to_tsquery('simple') string of
// lexemes: the discriminating concepts first, then the query's words most frequent
// first, leaving out stop words, chatter and words most chunks share. Lexemes come
// from PostgreSQL's own English parser so they match the stored vectors exactly.
func (s *Store) textQuery(ctx context.Context, words string, concepts []string, f *retrieval.Frequencies) (string, error) {
	rows, err := s.pool.Query(ctx, `SELECT coalesce((SELECT string_agg(lexeme, ' ') FROM unnest(to_tsvector('english', w))), '')
		FROM unnest($1::text[]) WITH ORDINALITY AS t(w, ord) ORDER BY ord`, retrieval.QueryWords(words, concepts))
	if err != nil {
		return "", mapError(err)
	}
	lexemes, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) ([]string, error) {
		var ls string
		err := row.Scan(&ls)
		return strings.Fields(ls), err
	})
	if err != nil {
		return "", mapError(err)
	}
	parts := retrieval.SelectLexemes(lexemes, len(concepts), f)
	for i, lx := range parts {
		parts[i] = "'" + strings.ReplaceAll(lx, "'", "''") + "'"
	}
	return strings.Join(parts, " | "), nil
}
