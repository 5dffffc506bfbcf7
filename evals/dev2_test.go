package evals

import "testing"

// TestDev2Corpus checks the second dev dataset: incidents written in voices unlike
// the team's (terse, non-native English, work assigned by others, commitments in
// threads and answered "on it", tickets said later, past-tense and rejected look-alikes).
// It loads without a database, every label names a message, and it is dev data.
func TestDev2Corpus(t *testing.T) {
	c, err := LoadCorpus("testdata/dev2")
	if err != nil {
		t.Fatalf("LoadCorpus: %v", err)
	}
	if n := len(c.Incidents); n < 20 {
		t.Errorf("labelled incidents: %d, want >= 20", n)
	}
	var followups, owned, dated, captured, threaded, notFU int
	for _, li := range c.Incidents {
		l := li.Labels
		if l.SplitOf() != SplitDev {
			t.Errorf("%s: split %q, want dev", l.ID, l.Split)
		}
		for _, g := range l.FollowUps {
			followups++
			if g.Owner != "" {
				owned++
			}
			if g.Due != "" {
				dated++
			}
			if g.Captured {
				captured++
				if g.TicketKey == "" {
					t.Errorf("%s %s: captured without ticket_key", l.ID, g.TS)
				}
			}
		}
		notFU += len(l.NotFollowUps)
		for _, m := range li.Incident.Messages {
			if m.ThreadTS != "" && m.ThreadTS != m.TS {
				threaded++
				break
			}
		}
	}
	// The mechanisms the dataset exists for must all be present.
	if followups < 50 || owned < 30 || dated < 10 || captured < 5 || threaded < 5 || notFU < 40 {
		t.Errorf("follow-ups %d (owned %d, dated %d, captured %d), incidents with threads %d, look-alikes %d: want >= 50, 30, 10, 5, 5, 40",
			followups, owned, dated, captured, threaded, notFU)
	}
}
