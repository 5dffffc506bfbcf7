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
		{"a promise without a subject, its verb after \"also\"", []string{
			"kieran: will also write up the expand/backfill/swap pattern in the migrations runbook so nobody else does an ALTER TYPE on a hot table",
		}, map[int][3]string{0: {"kieran", "", ""}}},
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
		{"someone not in the channel takes it by name", []string{
			"carla: Tom will add the pool saturation check to CI, I talked to him already",
		}, map[int][3]string{0: {"tom", "", ""}}},
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
		{"a pronoun that will take nothing on", []string{"dan: It will take a while until the pool alert history is back in CI"}, 0},
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
		{"an offer its author withdraws by name once told it exists", []string{
			"erin: I'll add a pool saturation alert per database",
			"carla: I'll write a little script that mails a daily summary of the orders dead-letter queue",
			"dan: carla the consumer already has a dead-letter digest email, it's just switched off in your config",
			"carla: oh nice. then no script from me. just switched the digest on, goes to orders-team@ daily",
		}, 1},
		{"a promise its speaker concedes after a no", []string{
			"erin: also I'll file one to raise the pool timeout to 5 min permanently as a safety net",
			"dan: no, a 5 min timeout hides the next leak, we want it to fail loudly",
			"erin: fair. not filing it",
		}, 0},
		{"a numbered entry scratched by its number", []string{
			"carla: 7) and I'll put a validation step in front of the orders topic so garbage never lands there",
			"dan: the topic is raw on purpose, we want what the client sent for replays",
			"carla: fair, scratch 7",
		}, 0},
		{"owning the postmortem is the incident's paperwork", []string{"dan: wrap-up, I'll own the postmortem"}, 0},
		{"owning the postmortem beside a lasting thing", []string{"dan: I'll own the postmortem and add the pool saturation alert"}, 1},
		{"a change its speaker makes as they say it", []string{"dan: I am doing a guard in the pool client right now: if waits go over 2s, fail fast and alert #db-alerts"}, 0},
		{"an offer its author no longer needs", []string{
			"carla: I'll open a case with the pool vendor, maybe they changed something on their side",
			"carla: ok then I don't need the vendor case, it was our own config",
		}, 0},
		{"not needing something of someone else's leaves their promise", []string{
			"carla: I'll add a pool saturation alert per database",
			"dan: I don't need the retro notes, I was there",
		}, 1},
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
	inc, got := followUpsWithTickets(t, []copilot.Ticket{{Key: "DB-131", Title: "Alert when orders-db connected clients exceed 80% of max_connections for 5 minutes"}},
		"carla: we should alert at 80% of max_connections",
		"dan: and we need a runbook for failing over the pool",
	)
	wantTicket(t, got, ts(inc, 0), "DB-131")
	wantTicket(t, got, ts(inc, 1), "")
}

// followUpsWithTickets runs the follow-ups of lines after the shared firefight, with
// tickets exported for the incident.
func followUpsWithTickets(t *testing.T, tickets []copilot.Ticket, lines ...string) (*copilot.Incident, map[string]copilot.FollowUp) {
	t.Helper()
	inc := chat(append(append([]string{}, firefight...), lines...)...)
	inc.Tickets = tickets
	return inc, followUpsBySource(t, inc)
}

// wantTicket checks that the follow-up at ts exists with ticket key (""; an
// uncaptured follow-up).
func wantTicket(t *testing.T, got map[string]copilot.FollowUp, ts, key string) {
	t.Helper()
	if it, ok := got[ts]; !ok || it.TicketKey != key || it.Captured != (key != "") {
		t.Errorf("follow-up at %s: %+v (found %v), want ticket %q", ts, it, ok, key)
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
	inc, got := followUpsWithTickets(t, []copilot.Ticket{
		{Key: "DB-140", Title: "Evaluate a node-level PoolCache for the orders cluster"},
		{Key: "DB-141", Title: "Upgrade the database driver to 5.2"},
	},
		"carla: I'll add a pool saturation alert per database, by friday",
		"dan: and a shared pool cache on each node, I'll build a prototype by 3/20",
	)
	wantTicket(t, got, ts(inc, 1), "DB-140")
	wantTicket(t, got, ts(inc, 0), "")
}

// TestCaptureMutualBestBothWays: of two items sharing as many words with a ticket,
// the one whose own words the title holds is its item, not the longer one that
// covers a little more of the title among many other words.
func TestCaptureMutualBestBothWays(t *testing.T) {
	inc := chat(
		"ana: checkout 500s since 09:55 and the pool alert paged nobody",
		"ben: escalation policy of the pool alerts has an empty level 1, the person left",
		"ben: added myself to level 1 and rolled back, errors gone",
		"ana: resolved",
		"carla: I'll write a weekly check that every escalation policy has someone on each level, by 3/20",
		"dan: and I fix the offboarding script so it removes people from PD schedules without leaving empty levels",
	)
	inc.Tickets = []copilot.Ticket{{Key: "OPS-150", Title: "Automated audit of on-call escalation policies for empty levels"}}
	got := followUpsBySource(t, inc)
	wantTicket(t, got, ts(inc, 0), "OPS-150")
	wantTicket(t, got, ts(inc, 1), "")
}
