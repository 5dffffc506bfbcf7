package local

import "testing"

// A request whose words carry an idea of its own is that idea, even when the
// detector did not list it: it is not a request about the idea before it.
func TestRequestWithItsOwnIdea(t *testing.T) {
	inc, got := followUpsOf(t,
		"priya: resolved at 08:12. follow-ups please",
		"tomasz: PayNordic has no ACME or API for their cert, so at least a shared rotation calendar with 2 owners. I'll set it up",
		"sam: @lucia could your ops team prepare a driver message template for 'card payments down, accept cash'? we improvised today",
		"lucia: yes, on it, draft by thursday",
	)
	wantFollowUpLines(t, inc, got, false, true, true, false)
	if it := got[ts(inc, 1)]; it.Owner != "tomasz" {
		t.Errorf("line 1: owner %q, want tomasz", it.Owner)
	}
	if it := got[ts(inc, 2)]; it.Owner != "lucia" || it.Due == "" {
		t.Errorf("line 2: owner %q due %q, want lucia by thursday", it.Owner, it.Due)
	}
}

// The reply that takes an item and names a ticket files the item there, even a
// ticket already filed for another item ("it is the same work"); a ticket the
// taker waits for ("after DISP-1187") files nothing.
func TestTakeNamesTheTicket(t *testing.T) {
	inc, got := followUpsOf(t,
		"priya: resolved. files delivered",
		"kim: and I will build a check which compares the banks' published host key fingerprints every day with our known_hosts and warns us before a rotation. PAY-4410",
		"lee: also a cutoff countdown on the payments dashboard: undelivered files against minutes left to the bank cutoff. @kim?",
		"^6 kim: ok, I add it to PAY-4410, it is the same work",
		"dmitri: @kofi can you write the runbook section 'lag growing but cpu low': check rebalances before scaling out?",
		"kofi: on it, after DISP-1187",
	)
	wantFollowUpLines(t, inc, got, false, true, true, false, true, false)
	for i, want := range map[int]string{1: "PAY-4410", 2: "PAY-4410", 4: ""} {
		if it := got[ts(inc, i)]; it.TicketKey != want || it.Captured != (want != "") {
			t.Errorf("line %d (%s): ticket %q, want %q", i, it.Text, it.TicketKey, want)
		}
	}
	if it := got[ts(inc, 2)]; it.Owner != "kim" {
		t.Errorf("line 2: owner %q, want kim", it.Owner)
	}
}

// "mine, filing now" files the ticket for the work at once: it captures the item,
// it is no step of the response taken now.
func TestFilingNowIsNoStepOfTheResponse(t *testing.T) {
	inc, got := followUpsOf(t,
		"kuba: calling this resolved. wrap-up in thread pls, AIs + owners",
		"^4 kuba: 1) lock needs renewal/heartbeat while the run is alive + a fencing token on the row updates, so a holder whose lock expired can't keep writing. mine, filing now",
		"^4 kuba: I'm restarting the settler now",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
	if it := got[ts(inc, 1)]; it.Owner != "kuba" {
		t.Errorf("owner %q, want kuba", it.Owner)
	}
}
