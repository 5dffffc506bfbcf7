package local

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// "+1 on the reconciler. helga can you own it?" says its idea by name only; the
// words of the list entry that proposed it match the ticket filed for it.
func TestAgreementByNameMatchesTheIdeasTicket(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"helga: Follow-ups, proposed:\n- recap out of redis-reminders: own instance, TTL 8 days on every key\n- redis-reminders: maxmemory-policy noeviction, managed in terraform. today maxmemory was set by hand and nobody knew\n- alert on evicted_keys > 0 for every redis that holds state, not cache\n- a reconciler that compares expected reminders (postgres) with the buckets every hour and rebuilds the gap",
		"javi: recap part is mine, i move it to own redis and add TTL",
		"helga: I'll do the noeviction + terraform change tomorrow",
		"tomasz: evicted_keys alert is mine, for every redis with the role=state label",
		"lea: should we just switch recap off until all this is done?",
		"^8 helga: No. With a TTL and its own instance it's fine, and its retention numbers are good.",
		"kenji: I'll do the android local notification backup for 7.16, no ticket yet",
		"dana: +1 on the reconciler. helga can you own it? no rush, next sprint",
		"^11 helga: ok",
	)...)
	inc.Tickets = append(inc.Tickets,
		copilot.Ticket{Key: "OPS-2306", Title: "reminder-scheduler: hourly job to diff expected reminders against scheduled buckets and backfill"},
		copilot.Ticket{Key: "OPS-2288", Title: "reminder-scheduler: quiet hours not respected for users in UTC+13"},
	)
	got := followUpsBySource(t, inc)
	it, ok := got[ts(inc, 7)]
	if !ok {
		t.Fatalf("no follow-up at the agreement; got %v", got)
	}
	if it.TicketKey != "OPS-2306" || it.Owner != "helga" {
		t.Errorf("ticket %q owner %q, want OPS-2306 and helga", it.TicketKey, it.Owner)
	}
	if it := got[ts(inc, 6)]; it.Captured {
		t.Errorf("the notification backup is captured by %s", it.TicketKey)
	}
}
