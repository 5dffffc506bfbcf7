package local_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/evals"
)

// Phones and many desktop editors type "I’ll" and “quotes”, not "I'll" and
// "quotes". The same channel typed either way is the same channel: every
// follow-up, owner, due date and ticket state must come out the same, and so
// must the summary's fields. Before the engine spelled typographic marks
// plainly, a dev set typed with curly apostrophes lost a third of its
// follow-ups (dev30-dev39 uncaptured recall 0.83 -> 0.57).
func TestTypographicPunctuationChangesNothing(t *testing.T) {
	curly := strings.NewReplacer("'", "’", "\u00a0", " ")
	e := local.New(nil)
	ctx := context.Background()
	changed, promises := 0, 0
	for _, set := range []string{"dev31", "dev35", "dev39"} {
		c, err := evals.LoadCorpus("../../evals/testdata/" + set)
		if err != nil {
			t.Fatal(err)
		}
		for _, li := range c.Incidents {
			plain := li.Incident
			typed := *plain
			typed.Messages = append([]copilot.Message(nil), plain.Messages...)
			for i := range typed.Messages {
				n := curly.Replace(typed.Messages[i].Text)
				if n != typed.Messages[i].Text {
					changed++
					low := strings.ToLower(n)
					if strings.Contains(low, "i’ll") || strings.Contains(low, "we’ll") {
						promises++
					}
				}
				typed.Messages[i].Text = n
			}
			a, err := e.FollowUps(ctx, plain)
			if err != nil {
				t.Fatal(err)
			}
			b, err := e.FollowUps(ctx, &typed)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := followUpKeys(b.Items), followUpKeys(a.Items); got != want {
				t.Errorf("%s %s: typed with curly apostrophes, follow-ups differ:\n got %s\nwant %s", set, plain.ID, got, want)
			}
			sa, err := e.Summarize(ctx, plain)
			if err != nil {
				t.Fatal(err)
			}
			sb, err := e.Summarize(ctx, &typed)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range [][3]string{{"root cause", sa.Summary.RootCause, sb.Summary.RootCause}, {"mitigation", sa.Summary.Mitigation, sb.Summary.Mitigation}, {"impact", sa.Summary.Impact, sb.Summary.Impact}} {
				if f[1] != f[2] {
					t.Errorf("%s %s: typed with curly apostrophes, the %s is %q, plain %q", set, plain.ID, f[0], f[2], f[1])
				}
			}
		}
	}
	// The test must have had something to lose.
	if changed < 50 || promises < 10 {
		t.Fatalf("only %d messages changed, %d promises with an apostrophe: the sets no longer exercise this", changed, promises)
	}
}

func followUpKeys(items []copilot.FollowUp) string {
	var b strings.Builder
	for _, it := range items {
		fmt.Fprintf(&b, "[%s owner=%s due=%s open=%v] ", it.SourceTS, it.Owner, it.Due, it.Open())
	}
	return b.String()
}
