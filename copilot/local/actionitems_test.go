package local_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// TestActionItemsOfRealPostmortems reads every dfds postmortem: each entry of its
// Action Items section is a follow-up, uncaptured unless it names a ticket key or a
// tracker link, with its own text (no table pipes, no field lines). An entry the
// report itself marks done ("(done)") is listed with that state and is not on the
// list of open items waiting for a ticket: there is nothing left to file.
func TestActionItemsOfRealPostmortems(t *testing.T) {
	dir := needFixtures(t, "postmortems-dfds")
	files, err := filepath.Glob(filepath.Join(dir, "PM*"))
	if err != nil {
		t.Fatal(err)
	}
	e := local.New(nil)
	cp := &copilot.Copilot{Engine: e}
	ctx := context.Background()
	n, items, uncaptured, doneN := 0, 0, 0, 0
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "PMyyyy") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inc, err := transcript.ReadPostmortem(f, data)
		if err != nil {
			t.Fatal(err)
		}
		n++
		all, err := e.FollowUps(ctx, inc)
		if err != nil {
			t.Fatal(err)
		}
		open, err := cp.FollowUpsOfIncident(ctx, inc, true)
		if err != nil {
			t.Fatal(err)
		}
		byTS := map[string]copilot.FollowUp{}
		for _, it := range all.Items {
			byTS[it.SourceTS] = it
		}
		openTS := map[string]bool{}
		for _, it := range open.Items {
			openTS[it.SourceTS] = true
		}
		for _, m := range inc.Messages {
			if !strings.EqualFold(m.UserName, "Action Items") {
				continue
			}
			items++
			it, ok := byTS[m.TS]
			if !ok {
				t.Errorf("%s: action item %q is not a follow-up", inc.ID, m.Text)
				continue
			}
			_, _, ticketed := text.TicketRef(m.Text)
			done := strings.HasSuffix(m.Text, "\nStatus: done")
			if it.Captured != ticketed || it.Done != done || openTS[m.TS] != (!ticketed && !done) {
				t.Errorf("%s: %q captured=%v done=%v open=%v, want captured %v done %v", inc.ID, m.Text, it.Captured, it.Done, openTS[m.TS], ticketed, done)
			}
			if !ticketed {
				uncaptured++
			}
			if done {
				doneN++
			}
			if it.Text == "" || strings.Contains(it.Text, "|") || strings.Contains(it.Text, "\n") {
				t.Errorf("%s: follow-up text %q", inc.ID, it.Text)
			}
		}
	}
	if n != 39 {
		t.Errorf("read %d postmortems, want 39", n)
	}
	t.Logf("%d postmortems, %d action items, %d without a ticket (%d of them marked done)", n, items, uncaptured, doneN)
}
