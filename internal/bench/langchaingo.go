package bench

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/tmc/langchaingo/schema"
	lcpgvector "github.com/tmc/langchaingo/vectorstores/pgvector"

	"github.com/incidentcopilot/incident-copilot/embeddings"
)

// The side-by-side store: langchaingo's pgvector vector store configured as its
// documentation suggests, with the same embedder and dimension as ours and
// pgvector's default HNSW build (m 16, ef_construction 64), in its default tables
// inside the bench schema.
const (
	lcCollection = "incident_chunks"
	lcDistance   = "vector_cosine_ops"
	lcM          = 16
	lcEfBuild    = 64
)

// withSearchPath returns the connection string with the bench schema first on the
// search path (public stays on it for the vector type). pgx passes unknown URL and
// DSN settings to the server as run-time parameters.
func withSearchPath(dsn, schema string) (string, error) {
	path := schema + ",public"
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			// url's message repeats the URL, password included.
			return "", errors.New("DATABASE_URL: not a valid URL")
		}
		q := u.Query()
		q.Set("search_path", path)
		u.RawQuery = q.Encode()
		return u.String(), nil
	}
	return dsn + " search_path=" + path, nil
}

// scrub removes a connection string from an error message, so a password in it never
// reaches a log; the error keeps no chain to the original for the same reason.
func scrub(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	for _, s := range secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "<DATABASE_URL>")
		}
	}
	return errors.New(msg)
}

// openLangchaingo opens (creating when missing) the langchaingo store in the bench
// schema. The caller closes the returned connection.
func openLangchaingo(ctx context.Context, dsn, schemaName string, model *embeddings.Local) (lcpgvector.Store, *pgx.Conn, error) {
	lcURL, err := withSearchPath(dsn, schemaName)
	if err != nil {
		return lcpgvector.Store{}, nil, err
	}
	conn, err := pgx.Connect(ctx, lcURL)
	if err != nil {
		return lcpgvector.Store{}, nil, fmt.Errorf("langchaingo pgvector: connect: %w", scrub(err, lcURL, dsn))
	}
	store, err := lcpgvector.New(ctx,
		lcpgvector.WithConn(conn),
		lcpgvector.WithEmbedder(model),
		lcpgvector.WithVectorDimensions(model.Dimensions()),
		lcpgvector.WithHNSWIndex(lcM, lcEfBuild, lcDistance),
		lcpgvector.WithCollectionName(lcCollection),
	)
	if err != nil {
		conn.Close(context.WithoutCancel(ctx))
		return lcpgvector.Store{}, nil, fmt.Errorf("langchaingo pgvector: open: %w", scrub(err, lcURL, dsn))
	}
	return store, conn, nil
}

// loadLangchaingo creates the langchaingo store and adds every chunk text in batches
// of batch documents, the way its users load documents. The time covers connecting,
// table and index creation, embedding and inserts. This harness is the one place
// outside retrieval/postgres that touches pgx: it plays a langchaingo user.
//
// The caller closes the returned connection: langchaingo's Store.Close cannot close
// a *pgx.Conn (its Close takes a context), so the store is given one we own.
func loadLangchaingo(ctx context.Context, dsn, schemaName string, model *embeddings.Local, c *corpus, batch int) (lcpgvector.Store, *pgx.Conn, time.Duration, error) {
	lcURL, err := withSearchPath(dsn, schemaName)
	if err != nil {
		return lcpgvector.Store{}, nil, 0, err
	}
	start := time.Now()
	store, conn, err := openLangchaingo(ctx, dsn, schemaName, model)
	if err != nil {
		return lcpgvector.Store{}, nil, 0, err
	}
	fail := func(err error) (lcpgvector.Store, *pgx.Conn, time.Duration, error) {
		conn.Close(context.WithoutCancel(ctx))
		return lcpgvector.Store{}, nil, 0, err
	}
	docs := make([]schema.Document, 0, batch)
	for i := 0; i < len(c.texts); i += batch {
		docs = docs[:0]
		for j := i; j < min(i+batch, len(c.texts)); j++ {
			docs = append(docs, schema.Document{
				PageContent: c.texts[j],
				Metadata:    map[string]any{"incident_id": c.incs[c.owner[j]].ID, "seq": c.seq[j]},
			})
		}
		if _, err := store.AddDocuments(ctx, docs); err != nil {
			return fail(fmt.Errorf("langchaingo pgvector: add documents %d..%d: %w", i, i+len(docs), scrub(err, lcURL, dsn)))
		}
	}
	return store, conn, time.Since(start), nil
}
