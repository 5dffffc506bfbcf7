// Package retrieval is the ranking policy of the incident memory as plain functions:
// fusion of the vector and full-text rankings, per-incident scoring, explanations and
// the choice of query terms. It needs no database; retrieval/postgres runs the SQL
// and applies this policy to what comes back.
package retrieval
