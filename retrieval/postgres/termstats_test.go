package postgres_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// TestTermStatsStayExact: the stored document frequencies and memory length the
// lexical side reads equal a recount after concurrent ingests, re-ingests that
// change an incident's words, and a delete.
func TestTermStatsStayExact(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	by := copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}
	check := func(when string) {
		t.Helper()
		drift, err := postgres.TermStatsDrift(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		if drift != 0 {
			t.Fatalf("%s: %d term statistics differ from a recount", when, drift)
		}
	}
	// Four writers at once, each on its own incidents, all sharing common words.
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var incs []*copilot.Incident
			for i := 0; i < 25; i++ {
				inc := sampleIncident(fmt.Sprintf("TS-%d-%02d", w, i), 2+i%5, "public")
				inc.Messages[0].Text += fmt.Sprintf(" rareword%dx%d", w, i)
				incs = append(incs, inc)
			}
			if _, err := s.Ingest(ctx, incs, by); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	check("after concurrent ingests")

	changed := sampleIncident("TS-0-00", 7, "public")
	changed.Title = "resolver timeouts on the edge gateway"
	changed.Messages[3].Text = "coredns SERVFAIL storm"
	if _, err := s.Ingest(ctx, []*copilot.Incident{changed}, by); err != nil {
		t.Fatal(err)
	}
	check("after a re-ingest that changed the words")

	if err := s.DeleteIncident(ctx, "TS-1-03", copilot.Actor{Name: "test", Private: true}); err != nil {
		t.Fatal(err)
	}
	check("after a delete")
}
