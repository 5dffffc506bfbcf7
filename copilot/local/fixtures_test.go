package local_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

const fixtures = "../../../shared/fixtures"

func needFixtures(t *testing.T, sub string) string {
	t.Helper()
	p := filepath.Join(fixtures, sub)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real-world fixtures not present (%s): %v", p, err)
	}
	return p
}

// TestLocalEngineOnRealPostmortems runs the engine over the 39 real postmortems: every
// ticket an action item names is found as a captured follow-up,
// and summaries cite only real messages with times from the postmortem's timeline.
func TestLocalEngineOnRealPostmortems(t *testing.T) {
	dir := needFixtures(t, "postmortems-dfds")
	incs, err := transcript.Read([]string{dir}, transcript.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(incs) < 30 {
		t.Fatalf("read %d postmortems, want the fixture set", len(incs))
	}
	e := local.New(nil)
	ctx := context.Background()
	withCause, withTimeline := 0, 0
	for _, inc := range incs {
		fu, err := e.FollowUps(ctx, inc)
		if err != nil {
			t.Fatalf("%s: %v", inc.ID, err)
		}
		keys := map[string]bool{}
		for _, it := range fu.Items {
			if inc.MessageByTS(it.SourceTS) == nil {
				t.Errorf("%s: follow-up from unknown ts %s", inc.ID, it.SourceTS)
			}
			if it.Captured {
				keys[it.TicketKey] = true
			}
		}
		for _, tk := range inc.Tickets {
			if !keys[tk.Key] {
				t.Errorf("%s: action item %s %q not found as a captured follow-up", inc.ID, tk.Key, tk.Title)
			}
		}
		sum, err := e.Summarize(ctx, inc)
		if err != nil {
			t.Fatalf("%s: %v", inc.ID, err)
		}
		if sum.DroppedSentences != 0 {
			t.Errorf("%s: %d sentences with invalid citations", inc.ID, sum.DroppedSentences)
		}
		if sum.Summary.RootCause != "" {
			withCause++
		}
		if len(sum.Summary.Timeline) > 0 {
			withTimeline++
		}
		for _, e := range sum.Summary.Timeline {
			if !copilot.ValidCitation(inc, e.SourceTS) {
				t.Errorf("%s: timeline entry %q cites %v", inc.ID, e.Text, e.SourceTS)
			}
			// A timeline row's time is the postmortem's own, not the parser's
			// synthetic ts, so it appears in the row's text.
			m := inc.MessageByTS(e.SourceTS[0])
			if len(e.At) >= 16 && !strings.Contains(m.Text, e.At[:10]) {
				t.Errorf("%s: timeline entry at %s from a row that says %q", inc.ID, e.At, m.Text)
			}
		}
	}
	// Most real postmortems state a cause and carry a timeline table.
	if withCause < len(incs)*2/3 || withTimeline < len(incs)/2 {
		t.Errorf("root cause in %d and timeline in %d of %d postmortems", withCause, withTimeline, len(incs))
	}
}

// TestLocalFollowUpsIgnoreRealChatter runs the detector over a real Slack export of
// ordinary team chatter (no incident): it must not report follow-ups there.
func TestLocalFollowUpsIgnoreRealChatter(t *testing.T) {
	zip := needFixtures(t, "slack-export-viewer/testarchive.zip")
	incs, err := transcript.ReadSlackExport(zip, transcript.Options{ChannelPattern: ".*"})
	if err != nil {
		t.Fatal(err)
	}
	if len(incs) == 0 {
		t.Fatal("no channels read")
	}
	e := local.New(nil)
	for _, inc := range incs {
		fu, err := e.FollowUps(context.Background(), inc)
		if err != nil {
			t.Fatalf("%s: %v", inc.ID, err)
		}
		for _, it := range fu.Items {
			t.Errorf("%s: chatter reported as a follow-up: %q", inc.ID, it.Text)
		}
	}
}
