package local

import "testing"

// A ticket announced as created right after an item is that item's, even when a
// later item names the same key as work already filed ("PLAT-31 for the other
// load balancers still to come"): the later mention does not take the key away
// from what it was filed for.
func TestAnnouncedKeyStaysWithTheEarlierItem(t *testing.T) {
	inc, got := followUpsOf(t,
		"malcolm: I'll write a policy check so a plan fails if a load balancer idle_timeout is >= the keep-alive of its targets",
		"malcolm: created PLAT-31: policy: block load balancer idle_timeout >= backend keep-alive",
		"dana: nice",
		"malcolm: update: api idle timeout now 130s, read from the same terraform output. I'll extend it to the other balancers under PLAT-31 next week",
	)
	if it, ok := got[ts(inc, 0)]; !ok || it.TicketKey != "PLAT-31" {
		t.Errorf("the policy item: %+v, want it captured by PLAT-31 (announced right after it)", it)
	}
	if it, ok := got[ts(inc, 3)]; ok && it.TicketKey != "PLAT-31" {
		t.Errorf("the later item citing PLAT-31 lost its key: %+v", it)
	}
}
