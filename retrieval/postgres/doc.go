// Package postgres is the PostgreSQL/pgvector adapter of the incident memory:
// migrations, ingestion writes, the two SQL sides of hybrid search, tickets, runbooks,
// eval runs and the audit log. It is the only product package that speaks pgx; the
// ranking policy it applies lives in package retrieval.
package postgres
