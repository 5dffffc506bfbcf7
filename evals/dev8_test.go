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
	c, err := LoadCorpus("testdata/dev8")
	if err != nil {
		t.Fatalf("LoadCorpus: %v", err)
	}
	if n := len(c.Incidents); n < 20 {
		t.Errorf("labelled incidents: %d, want >= 20", n)
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
	if sources[copilot.SourceSlack] < 8 || sources[copilot.SourceDocument] < 7 || sources[copilot.SourcePostmortem] < 5 {
		t.Errorf("incidents by source: %v, want >= 8 Slack channels, 7 documents, 5 postmortems", sources)
	}
	if pairs < 4 {
		t.Errorf("families shared by two incidents: %d, want >= 4 (%v)", pairs, families)
	}
	if followUps < 40 || lookAlikes < 40 {
		t.Errorf("follow-ups %d, look-alikes %d, want >= 40 of each", followUps, lookAlikes)
	}
	if captured == 0 || captured == followUps {
		t.Errorf("captured follow-ups: %d of %d, want both captured and uncaptured ones", captured, followUps)
	}
}
