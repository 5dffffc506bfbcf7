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

// TestCalendarDatesAreNoTerms: the dates in an incident's text are neither its terms
// nor query terms, so two incidents written on the same day do not match for it,
// while other numbers (an HTTP status) still do.
func TestCalendarDatesAreNoTerms(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	by := copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}}
	a := sampleIncident("CAL-1", 3, "public")
	a.Messages[0].Text = "2022-08-03 10:21 orders returned HTTP 503 for every request"
	b := sampleIncident("CAL-2", 3, "public")
	b.Title = "disk quota reached on the ledger volume"
	b.Messages[0].Text = "Postmortem of 2022-08-03: ledger volume full"
	if _, err := s.Ingest(ctx, []*copilot.Incident{a, b}, by); err != nil {
		t.Fatal(err)
	}
	lexemes, err := postgres.IncidentLexemes(ctx, s, "CAL-1")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, l := range lexemes {
		have[l] = true
	}
	for _, l := range []string{"2022", "-08", "-03"} {
		if have[l] {
			t.Errorf("incident terms hold the date part %q: %v", l, lexemes)
		}
	}
	if !have["503"] || !have["10"] {
		t.Errorf("incident terms lost a number that is not a date: %v", lexemes)
	}
	if got, err := postgres.LexicalMatches(ctx, s, "2022-08-03"); err != nil || len(got) != 0 {
		t.Errorf("a date alone matched %v (err %v), want nothing", got, err)
	}
	if got, err := postgres.LexicalMatches(ctx, s, "HTTP 503"); err != nil || len(got) == 0 || got[0] != "CAL-1" {
		t.Errorf("HTTP 503 matched %v (err %v), want CAL-1 first", got, err)
	}
}
