package postgres_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
	"github.com/incidentcopilot/incident-copilot/internal/synth"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// BenchmarkIngest measures end-to-end ingest (chunking, local embedding, CopyFrom,
// HNSW build) of 10,000 messages into a fresh schema per iteration.
//
//	make db && DATABASE_URL=$(scripts/db.sh url) go test -run '^$' -bench BenchmarkIngest -count 5 ./retrieval/postgres/
func BenchmarkIngest(b *testing.B) {
	const incidents, msgsPer = 500, 20
	model, err := embeddings.NewLocal(384)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	url := dbtest.URL(b)
	iter := 0
	for b.Loop() {
		b.StopTimer()
		iter++
		incs := synth.Incidents(incidents, msgsPer, uint64(iter), fmt.Sprintf("B%d", iter))
		s, err := postgres.Open(ctx, url, model, postgres.Options{Schema: dbtest.Schema(b), Redact: redact.String, RedactVersion: redact.Version})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Migrate(ctx); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := s.Ingest(ctx, incs, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}})
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if res.Messages != incidents*msgsPer || res.Written != incidents {
			b.Fatalf("ingest = %+v", res)
		}
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(incidents*msgsPer*b.N)/b.Elapsed().Seconds(), "msgs/s")
}
