// Package retrieval is the PostgreSQL/pgvector memory: migrations, ingestion writes,
// hybrid search, tickets and runbooks. It is the only package that speaks pgx.
package retrieval
