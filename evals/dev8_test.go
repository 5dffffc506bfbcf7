package evals

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// TestDev8Corpus checks the dev set written for follow-ups and summaries before
// tuning: it loads, is all dev, holds the three transcript forms in the numbers it
// was written with, every incident labels follow-ups, look-alikes and the summary
// facts, and every labelled follow-up and look-alike is a message of its incident.
func TestDev8Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev8", devSetCounts{
		incidents: 20, slack: 8, documents: 7, postmortems: 5, pairs: 4, followUps: 40, lookAlikes: 40,
	})
}

// devSetCounts are the least numbers a dev set for follow-ups and summaries was
// written with: labelled incidents, incidents per transcript form, families shared
// by two incidents, labelled follow-ups and look-alikes.
type devSetCounts struct {
	incidents, slack, documents, postmortems, pairs, followUps, lookAlikes int
}

// checkFollowUpSummaryDevSet loads the dev set in dir and checks it against want:
// all dev, every incident labels 2 or more follow-ups and look-alikes whose ts are
// its messages, captured exactly when a ticket key is given, the summary facts and
// key-moment ts present, and both captured and uncaptured follow-ups in the set.
func checkFollowUpSummaryDevSet(t *testing.T, dir string, want devSetCounts) {
	t.Helper()
	c, err := LoadCorpus(dir)
	if err != nil {
		t.Fatalf("LoadCorpus: %v", err)
	}
	if n := len(c.Incidents); n < want.incidents {
		t.Errorf("labelled incidents: %d, want >= %d", n, want.incidents)
	}
	sources := map[string]int{}
	families := map[string]int{}
	followUps, captured, lookAlikes, pairs := 0, 0, 0, 0
	for _, li := range c.Incidents {
		l, inc := li.Labels, li.Incident
		sources[inc.Source]++
		if families[l.Family]++; families[l.Family] == 2 {
			pairs++
		}
		if l.SplitOf() != SplitDev {
			t.Errorf("%s: split %q, want dev", l.ID, l.Split)
		}
		if len(l.FollowUps) < 2 || len(l.NotFollowUps) < 2 {
			t.Errorf("%s: %d follow-ups and %d look-alikes, want >= 2 of each", l.ID, len(l.FollowUps), len(l.NotFollowUps))
		}
		for _, f := range l.FollowUps {
			if inc.MessageByTS(f.TS) == nil {
				t.Errorf("%s: follow-up %q at %s is no message of the incident", l.ID, f.Text, f.TS)
			}
			if f.Captured != (f.TicketKey != "") {
				t.Errorf("%s: follow-up %q: captured %v with ticket key %q", l.ID, f.Text, f.Captured, f.TicketKey)
			}
			if f.Captured {
				captured++
			}
		}
		for _, ts := range l.NotFollowUps {
			if inc.MessageByTS(ts) == nil {
				t.Errorf("%s: look-alike %s is no message of the incident", l.ID, ts)
			}
		}
		followUps += len(l.FollowUps)
		lookAlikes += len(l.NotFollowUps)
		for name, g := range map[string]*GoldStatement{"root_cause": l.RootCause, "impact": l.Impact, "mitigation": l.Mitigation} {
			if g == nil || g.Text == "" || len(g.TS) == 0 {
				t.Errorf("%s: no %s label", l.ID, name)
			}
		}
		if len(l.RunbookSteps) == 0 || l.ResolvedTS == "" || len(l.RootCauseTS) == 0 || len(l.MitigationTS) == 0 {
			t.Errorf("%s: runbook steps, resolved, root cause or mitigation ts missing", l.ID)
		}
	}
	if sources[copilot.SourceSlack] < want.slack || sources[copilot.SourceDocument] < want.documents || sources[copilot.SourcePostmortem] < want.postmortems {
		t.Errorf("incidents by source: %v, want >= %d Slack channels, %d documents, %d postmortems", sources, want.slack, want.documents, want.postmortems)
	}
	if pairs < want.pairs {
		t.Errorf("families shared by two incidents: %d, want >= %d (%v)", pairs, want.pairs, families)
	}
	if followUps < want.followUps || lookAlikes < want.lookAlikes {
		t.Errorf("follow-ups %d, look-alikes %d, want >= %d and >= %d", followUps, lookAlikes, want.followUps, want.lookAlikes)
	}
	if captured == 0 || captured == followUps {
		t.Errorf("captured follow-ups: %d of %d, want both captured and uncaptured ones", captured, followUps)
	}
}
