package local

import "testing"

// Readings from dev59: a promise that leaves out its subject after "also", a
// promise its speaker drops after conceding an objection, a ticket titled by
// what times out, and a "covers it" said in a thread.
func TestReadingsFresh59(t *testing.T) {
	readingTests{
		{"also going to go through every other bucket's lifecycle config for empty filters, OPS-4411", true},
		{"and gonna audit the other tunnels built from the same template", true},
		{"going to add an alert on delete marker count", true},
		{"also going to be a long night", false},
		{"also going to restart the pods one by one", false},
	}.check(t, "fuCommitRE", fuCommitRE.MatchString)

	readingTests{
		{"policy-docs: PDF render times out for multi-vehicle fleet policies", true},
		{"checkout: payment call timing out under load", true},
		{"Add timeouts to the render client", false},
		{"Alert when the render queue is older than 5 min", false},
	}.check(t, "defectReport", defectReport)

	// A promise conceded away: "fair. …, dropping that" after a -1.
	inc, got := followUpsOf(t,
		"ana: resolved, invoices render again",
		"yusuf: I'll make the 3Gi limit permanent, more headroom can't hurt",
		"marco: -1, that just hides the next leak for longer. 2Gi was fine for a year",
		"yusuf: fair. going back to 2Gi with the fix, dropping that",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false)
	// Without the concession the promise stands: an objection alone does not
	// undo what its speaker promised.
	inc, got = followUpsOf(t,
		"ana: resolved, invoices render again",
		"yusuf: I'll make the 3Gi limit permanent, more headroom can't hurt",
		"marco: -1, that just hides the next leak for longer. 2Gi was fine for a year",
	)
	wantFollowUpLines(t, inc, got, false, true, false)

	// "no need, SEC-902 covers it" in the thread of a calendar reminder speaks of
	// the reminder, not of the synthetic said before it in the channel.
	inc, got = followUpsOf(t,
		"ana: resolved, card freezes work again",
		"sanjay: we should also have a synthetic that does a real freeze/unfreeze on a test card every 5 min. pod health was green the whole time",
		"sanjay: and I'll put a calendar reminder in for next april for the renewal",
		"^6 mo: no need, SEC-902 covers it and calendars are how we got here",
		"^6 sanjay: ok dropping that",
	)
	wantFollowUpLines(t, inc, got, false, true, false, false, false)
	if it, ok := got[ts(inc, 1)]; ok && it.Captured {
		t.Errorf("the synthetic is captured by %q, a ticket named in another thread", it.TicketKey)
	}
}
