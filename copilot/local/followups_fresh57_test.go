package local

import (
	"strings"
	"testing"
)

// A regret of one's own followed by the speaker's promise in full: the item is
// the promise, at the promise's message, and the regret is no item of its own.
// A proposal its speaker then takes on still stays where it was said.
func TestRegretThenOwnPromiseFresh57(t *testing.T) {
	inc, got := followUpsOf(t,
		"deb: honestly we should've restarted the workers right after the failover. the runbook doesn't mention it. my bad",
		"deb: I'll add it to the db failover runbook: after a failover, look for app connections still on the old primary and restart those services",
	)
	regret, promise := inc.Messages[4].TS, inc.Messages[5].TS
	if f, ok := got[regret]; ok {
		t.Errorf("the regret is an item of its own: %q", f.Text)
	}
	f, ok := got[promise]
	if !ok {
		t.Fatalf("the promise is no item at its own message; items: %v", got)
	}
	if f.Owner != "deb" || !strings.Contains(strings.ToLower(f.Text), "failover runbook") {
		t.Errorf("item %q owner %q, want deb's runbook change", f.Text, f.Owner)
	}

	// A proposal its speaker then takes on keeps its place: the rule is about
	// regrets.
	inc, got = followUpsOf(t,
		"ana: we should also get the status page to say 'degraded' instead of going silent, customers can't tell the difference",
		"ana: I'll take it to the status page vendor at the monthly on the 28th",
	)
	if _, ok := got[inc.Messages[4].TS]; !ok {
		t.Errorf("the proposal taken on by its speaker is not an item at the proposal; items: %v", got)
	}

	for _, f := range followUpTexts(t, devDocument(t, "dev57/documents/jc-reminder-sms-duplicates.json")) {
		if strings.Contains(strings.ToLower(f.Text), "should've bounced") {
			t.Errorf("dev57: the regret is an item: %q", f.Text)
		}
	}
	found := false
	for _, f := range followUpTexts(t, devDocument(t, "dev57/documents/jc-reminder-sms-duplicates.json")) {
		found = found || strings.Contains(f.Text, "switchover runbook")
	}
	if !found {
		t.Errorf("dev57: the runbook promise is not an item")
	}
}
