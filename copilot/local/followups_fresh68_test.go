package local

import "testing"

// Readings from dev68 once dev69 was in place.

// "monitoring for 20 min first pls" keeps watch for minutes; an alert whose
// condition holds "for 5 min" is lasting work.
func TestWatchForMinutesIsNoItem(t *testing.T) {
	inc, got := followUpsOf(t,
		"lena: patrons can borrow again. can I mark it resolved on statuspage?",
		"ines: monitoring for 20 min first pls",
		"omar: and a monitor on zero-result ratio > 20% for 5 min, we learned it from customers again",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}

// "… dead-letter instead... actually no, scrap that, retrying is exactly why
// nothing got lost" takes the idea back in the message that said it; one that
// promises something else after the take-back is that promise.
func TestSameMessageTakeBack(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"tomek: also thinking ingest should stop retrying on 23514 and dead-letter instead... actually no, scrap that, retrying is exactly why nothing got lost",
		"lee: maybe a dashboard of partitions per table... actually no, scrap that, I'll add an alert when the next period's partition is missing",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}

// "ines created LOANS-884: …" right after ines's own idea that nobody took:
// filing it is taking it, and she owns it.
func TestBotFilerOwnsTheirIdea(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"maya: follow-ups?",
		"ines: and a synthetic that does a real checkout and return on a test patron every minute. the health check only reads",
		"jira: ines created LOANS-884: Synthetic checkout and return probe for the loans write path",
	)...)
	botSays(inc, 2)
	got := followUpsBySource(t, inc)
	if it, ok := got[ts(inc, 1)]; !ok || it.TicketKey != "LOANS-884" || it.Owner != "ines" {
		t.Errorf("the synthetic: found %v, ticket %q, owner %q; want LOANS-884 owned by ines", ok, it.TicketKey, it.Owner)
	}
}

// "I'll check use1 and staging for the same /24 setup" looks elsewhere for
// the flaw just found: an audit, not a look at this incident.
func TestCheckElsewhereForTheSameIsAnAudit(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"priya: and I'll check use1 and staging for the same /24 setup, pretty sure use1 is similar",
		"lee: I'll check the bucket policy to be sure",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
}
