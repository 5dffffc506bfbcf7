package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// openIncidentFixture is an incident still burning: an action tried that did not
// help, people on tasks, a plan.
var openIncidentFixture = &copilot.Incident{ID: "INC-OPEN", Title: "Checkout 5xx", Status: "open", Messages: []copilot.Message{
	{TS: "1772446400.000100", User: "U0", UserName: "alertbot", Kind: "bot", Text: "[FIRING:1] CheckoutHighErrorRate checkout-api 5xx ratio 14%"},
	{TS: "1772446460.000200", User: "U1", UserName: "maria.k", Text: "Declaring SEV2, I'm IC."},
	{TS: "1772446520.000300", User: "U2", UserName: "jon", Text: "I'll grab the checkout-api logs."},
	{TS: "1772446580.000400", User: "U3", UserName: "sam", Text: "Restarted the checkout-api pods in batches of 3."},
	{TS: "1772446640.000500", User: "U3", UserName: "sam", Text: "No change, still failing with pool timeouts."},
	{TS: "1772446700.000600", User: "U2", UserName: "jon", Text: "Next we roll back batch-reconciler to v1.8.2 if the pool stays full."},
}}

// TestSummaryMidIncident: an open incident's summary says who is on what, what was
// tried and what is next, each sentence cited; a resolved one does not.
func TestSummaryMidIncident(t *testing.T) {
	e := New(nil)
	ctx := context.Background()
	full := loadTestIncident(t, "slack_pool")
	done, err := e.Summarize(ctx, full)
	if err != nil {
		t.Fatal(err)
	}
	if s := done.Summary; s.Open || len(s.Owners)+len(s.Tried)+len(s.Next) > 0 {
		t.Errorf("resolved incident has mid-incident fields: %+v", s)
	}
	ans, err := e.Summarize(ctx, openIncidentFixture)
	if err != nil {
		t.Fatal(err)
	}
	s := ans.Summary
	if !s.Open || len(s.Owners) == 0 || len(s.Tried) == 0 {
		t.Fatalf("open incident: open=%v owners=%v tried=%v next=%v", s.Open, s.Owners, s.Tried, s.Next)
	}
	cited := map[string]bool{}
	for _, c := range ans.Citations {
		cited[c.Text] = true
	}
	for _, o := range s.Owners {
		if o.Person == "" || o.SourceTS == "" || !cited[o.Doing] {
			t.Errorf("owner %+v lacks a person, a source or a citation", o)
		}
	}
	for _, x := range append(append([]string{}, s.Tried...), s.Next...) {
		rest := x
		for c := range cited {
			rest = strings.ReplaceAll(rest, c, "")
		}
		if x == "" || strings.TrimSpace(rest) != "" {
			t.Errorf("%q is not made of cited sentences (left: %q)", x, rest)
		}
	}
	if !strings.Contains(s.Tried[0], "No change") {
		t.Errorf("tried %q does not say the restart did not help", s.Tried)
	}
	if len(s.Next) == 0 || !strings.Contains(s.Next[0], "roll back batch-reconciler") {
		t.Errorf("next %q, want the rollback plan", s.Next)
	}
	t.Logf("owners %+v\ntried %q\nnext %q\nstatus %q", s.Owners, s.Tried, s.Next, s.Status)
}
