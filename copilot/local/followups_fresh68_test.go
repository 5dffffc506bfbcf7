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
