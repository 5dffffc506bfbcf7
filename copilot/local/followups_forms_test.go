package local

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// TestFollowUpFormsBeyondVocabulary: commitments whose form, not their words, makes
// them follow-ups, with the owner and due date the form gives.
func TestFollowUpFormsBeyondVocabulary(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lines []string
		items map[int][3]string // line → owner, due, ticket key
	}{
		{"an obligation that names nothing in the lasting vocabulary", []string{
			"dan: the orders service should read its pool size from the shared config",
		}, map[int][3]string{0: {"", "", ""}}},
		{"a thing added to the ideas before it, without a verb", []string{
			"carla: we need a pool saturation alert per database",
			"dan: and a dashboard panel for pool waits per service, we had none",
		}, map[int][3]string{0: {"", "", ""}, 1: {"", "", ""}}},
		{"a negative obligation", []string{
			"dan: batch jobs shouldn't share a pool with checkout traffic",
		}, map[int][3]string{0: {"", "", ""}}},
		{"a participant named without @ takes it", []string{
			"carla: Dan will write up the pool sizing rules for the wiki, he agreed in the retro",
			"dan: yes",
		}, map[int][3]string{0: {"dan", "", ""}}},
		{"an owner field and a due field", []string{
			"carla: next: pool size read from one config value. owner: me, due 2026-03-13",
		}, map[int][3]string{0: {"carla", "2026-03-13", ""}}},
		{"a request addressed by name at the end", []string{
			"carla: Could you move the pool settings into the helm chart, Dan?",
			"dan: sure",
		}, map[int][3]string{0: {"dan", "", ""}}},
		{"a list sent one entry per message", []string{
			"carla: followups: 1/ pool saturation alert at 80% (me)",
			"carla: 2/ one config value for the pool size - @dan",
			"carla: 3/ nothing else from me",
		}, map[int][3]string{0: {"carla", "", ""}, 1: {"dan", "", ""}}},
		{"a header line and entries, one message each", []string{
			"carla: Follow-ups:\n- pool saturation alert in CI (owner: dan)",
			"carla: - one config value for the pool size (owner: erin)",
			"dan: alert: https://tracker.example.net/browse/DB-77",
		}, map[int][3]string{0: {"dan", "", "DB-77"}, 1: {"erin", "", ""}}},
		{"an entry labelled with its owner, me", []string{
			"carla: I'll add a pool saturation alert per database",
			"dan: and me: runbook entry for failing over the pool, by friday",
		}, map[int][3]string{0: {"carla", "", ""}, 1: {"dan", "2026-03-06", ""}}},
		{"the end of a named day", []string{
			"carla: kindly add the pool check to the deploy pipeline by EOD tomorrow @dan",
			"dan: will do",
		}, map[int][3]string{0: {"dan", "2026-03-04", ""}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			inc, got := followUpsOf(t, tt.lines...)
			for line, od := range tt.items {
				it, ok := got[ts(inc, line)]
				if !ok {
					t.Fatalf("no follow-up at line %d; got %v", line, got)
				}
				if it.Owner != od[0] || it.Due != od[1] || it.TicketKey != od[2] {
					t.Errorf("line %d: owner %q due %q ticket %q, want %q %q %q", line, it.Owner, it.Due, it.TicketKey, od[0], od[1], od[2])
				}
			}
			for _, it := range got {
				if it.Text == "" || it.Text == "." {
					t.Errorf("an item quotes nothing: %+v", it)
				}
			}
			if len(got) != len(tt.items) {
				t.Errorf("%d follow-ups, want %d: %v", len(got), len(tt.items), got)
			}
		})
	}
}

// TestFollowUpFormsNot: look-alikes of the forms above.
func TestFollowUpFormsNot(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lines []string
		items int // follow-ups that are not look-alikes
	}{
		{"a question about one's own write-up", []string{"carla: should I also write up why the pool ran out?"}, 0},
		{"an obligation in a question", []string{"carla: does the orders service have to read the shared config at all?"}, 0},
		{"an experiment on staging", []string{"carla: dan can you try a smaller pool on staging, and we watch the p99?", "dan: on it"}, 0},
		{"a change made to see whether it helps", []string{"dan: I'll double the pool size on one replica to see if the timeouts go away"}, 0},
		{"a question about the future that proposes nothing", []string{"dan: token exp is in the future by 3 days??"}, 0},
		{"a guess with must", []string{"dan: looking back that must be the new driver version, nothing else in the pool code changed"}, 0},
		{"a guess with has to", []string{"carla: it has to be the retry storm from the mobile clients, the timing lines up"}, 0},
		{"an addition of nothing lasting", []string{"carla: we need a pool saturation alert", "dan: and a big thanks to ben for the rollback"}, 1},
		{"'before' ending a clause is 'previously', not the moment a complaint names", []string{
			"dan: a third of the checkout calls come from a client build we've never seen before",
		}, 0},
		{"a complaint that names the moment stays one", []string{
			"dan: we didn't see it until the merchants called support",
		}, 1},
		{"an owner value in a status line", []string{"ben: 47 records recreated, ownership records back with owner=prod"}, 0},
		{"a regret anchored in the past", []string{"dan: we should've had a pool limit from the beginning tbh"}, 0},
		{"a regret with a missing thing since day one", []string{"carla: we should have pool metrics since day one :("}, 0},
		{"should have had, without a past anchor, still names what is missing", []string{
			"dan: we should have had a pool saturation alert on the orders db, it was a graph nobody watched",
		}, 1},
		{"nobody looking is neglect narrated", []string{"dan: the pool size was set two years ago, nobody looked since"}, 0},
		{"nothing watching names a missing monitor", []string{"dan: nothing watches the pool wait metrics, we saw it from the 5xx"}, 1},
		{"someone obliged only to pass a word on", []string{"dan: someone should tell the mobile folks about their retry settings"}, 0},
		{"someone obliged only to read", []string{"carla: someone should read the pool docs properly"}, 0},
		{"someone obliged to change something", []string{"dan: someone should audit the other pool settings too"}, 1},
		{"an idea called off later by its initials", []string{
			"carla: I'll add a dead-letter queue for the orders consumer so one bad message can't block it",
			"erin: I'll add a pool saturation alert per database",
			"dan: carla, skip the DLQ, the new consumer already has one",
			"carla: ok dropping it",
		}, 1},
		{"an idea its author calls off by name", []string{
			"carla: I'll open a case with the vendor about the slow failover",
			"carla: nvm, not doing the vendor case, the delay is documented",
		}, 0},
		{"calling off something that is no idea leaves the ideas alone", []string{
			"carla: I'll add a pool saturation alert per database",
			"dan: let's skip the retro this week, half the team is out",
		}, 1},
		{"a list entry after someone else's list", []string{
			"carla: followups: 1/ pool saturation alert at 80%",
			"dan: 2/ also the retry thing from before, reverted already",
		}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, got := followUpsOf(t, tt.lines...)
			if len(got) != tt.items {
				t.Errorf("want %d follow-ups, got %v", tt.items, got)
			}
		})
	}
}

// TestCaptureShortItemUnderLongTitle: an item whose every word is in a longer ticket
// title is captured by it; an item sharing one word with a title is not.
func TestCaptureShortItemUnderLongTitle(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"carla: we should alert at 80% of max_connections",
		"dan: and we need a runbook for failing over the pool",
	)...)
	inc.Tickets = []copilot.Ticket{{Key: "DB-131", Title: "Alert when orders-db connected clients exceed 80% of max_connections for 5 minutes"}}
	got := followUpsBySource(t, inc)
	if it := got[ts(inc, 0)]; it.TicketKey != "DB-131" {
		t.Errorf("the alert item is not captured by DB-131: %+v", it)
	}
	if it, ok := got[ts(inc, 1)]; !ok || it.Captured {
		t.Errorf("the runbook item should be an uncaptured follow-up: %+v (found %v)", it, ok)
	}
}

// TestComplaintDuringIncidentIsStatus: the complaint that opens an incident reports
// it; the same complaint in the wrap-up implies the missing alert.
func TestComplaintDuringIncidentIsStatus(t *testing.T) {
	opening := "carla: api errors since 19:15 and nobody got paged, I saw it by chance"
	inc := chat(append([]string{opening}, firefight...)...)
	if got := followUpsBySource(t, inc); len(got) != 0 {
		t.Errorf("the opening complaint is a follow-up: %v", got)
	}
	inc, got := followUpsOf(t, "carla: api errors for 20 minutes and nobody got paged, I saw it by chance")
	if _, ok := got[ts(inc, 0)]; !ok {
		t.Errorf("the complaint in the wrap-up is no follow-up: %v", got)
	}
}

// TestCaptureCompoundWrittenApart: a title that writes a compound as one word
// ("PoolCache") captures the item that writes it as two ("pool cache").
func TestCaptureCompoundWrittenApart(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"carla: I'll add a pool saturation alert per database, by friday",
		"dan: and a shared pool cache on each node, I'll build a prototype by 3/20",
	)...)
	inc.Tickets = []copilot.Ticket{
		{Key: "DB-140", Title: "Evaluate a node-level PoolCache for the orders cluster"},
		{Key: "DB-141", Title: "Upgrade the database driver to 5.2"},
	}
	got := followUpsBySource(t, inc)
	if it := got[ts(inc, 1)]; it.TicketKey != "DB-140" {
		t.Errorf("the pool cache item is not captured by DB-140: %+v", it)
	}
	if it := got[ts(inc, 0)]; it.Captured {
		t.Errorf("the alert item is captured: %+v", it)
	}
}
