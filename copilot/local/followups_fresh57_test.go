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

	const doc = "dev57/documents/jc-reminder-sms-duplicates.json"
	if docHasItem(t, doc, "should've bounced") {
		t.Errorf("dev57: the regret is an item")
	}
	if !docHasItem(t, doc, "switchover runbook") {
		t.Errorf("dev57: the runbook promise is not an item")
	}
}

// docHasItem reports whether a dev set's document has a follow-up whose text
// holds text (case-insensitive).
func docHasItem(t *testing.T, path, text string) bool {
	t.Helper()
	for _, f := range followUpTexts(t, devDocument(t, path)) {
		if strings.Contains(strings.ToLower(f.Text), strings.ToLower(text)) {
			return true
		}
	}
	return false
}

// Four look-alikes read from dev57: an order not to do something, a watch for
// the next hour that leaves a stopgap in place, an idea its thread turns down
// ("…, i'd rather not", "agree, not doing that") and a to-do note that exists
// in the code.
func TestLookAlikesFresh57(t *testing.T) {
	readingTests{
		{"rui please dont scale further, every new pod opens 12 more conns and just gets refused", true},
		{"pls do NOT rm anything inside pg_wal itself", true},
		{"stop retrying!! every hard bounce counts against reputation", true},
		{"dont know yet, give us 15 min", false},
		{"I don't agree, scaling on 429 is a strange signal", false},
		{"we don't have a staging sorter, it'd test nothing", false},
		{"i'll add an alert so nobody has to stop the batch by hand again", false},
	}.check(t, "prohibits", prohibits)
	readingTests{
		{"I'll keep an eye on conns for the next hour, leaving fanout pinned at 30 tonight", true},
		{"i'll keep an eye on the gw error rate for the next hour before i sleep", true},
		{"I'll keep an eye on it this week and pin the chart to 4.2 in terraform", false},
		{"i'll add an alert on pool usage so nobody has to watch it for the next hour again", false},
	}.check(t, "boundedWatch", boundedWatch)
	readingTests{
		{"dedupe in notifications would just hide bugs like this one, i'd rather not", true},
		{"agree, not doing that", true},
		{"ok not doing that then", true},
		{"hope we're not doing this again next week lol", false},
		{"we'd page less, rather not rely on the dashboard. I'll add the alert", false},
	}.check(t, "upRejectRE", upRejectRE.MatchString)
	readingTests{
		{"this one I make", true},
		{"we should go to 25% for this one, I can do that together with the timeout", true},
		{"dedupe would just hide bugs like this one, i'd rather not", false},
	}.check(t, "upTakeRE", upTakeRE.MatchString)
	readingTests{
		{"fwiw the assessor has a TODO from 2023 that says 'make idempotent'", true},
		{"there's a FIXME in the parser about this", true},
		{"TODO for me: make the assessor idempotent", false},
		{"todo: add a lock to the assessor", false},
	}.check(t, "fuExistingTodoRE", fuExistingTodoRE.MatchString)

	inc, got := followUpsOf(t,
		"lena: could notifications dedupe identical messages to the same customer within an hour? would've halved the calls",
		"^4 rosa: dedupe in notifications would just hide bugs like this one, i'd rather not",
		"^4 priya: agree, not doing that",
		"rui: scaling the workers 40 -> 52",
		"hana: rui please dont scale further, every new pod opens 12 more conns and just gets refused",
		"hana: I'll keep an eye on conns for the next hour, leaving the workers pinned at 30 tonight",
		"rosa: fwiw the assessor has a TODO from 2023 that says 'make idempotent'",
		"priya: I'll add an alert on connection usage above 80% of max_connections",
	)
	for i := 4; i <= 10; i++ {
		if f, ok := got[inc.Messages[i].TS]; ok {
			t.Errorf("message %d is an item: %q", i, f.Text)
		}
	}
	if _, ok := got[inc.Messages[11].TS]; !ok {
		t.Errorf("the alert promise is no item; items: %v", got)
	}
}

// Two more look-alikes read from dev57: an idea its thread puts off to "we'll
// see after the load test", and a change already up for review.
func TestPutOffAndReviewAskFresh57(t *testing.T) {
	readingTests{
		{"we'll see after the load test", true},
		{"maybe, let's see", true},
		{"let's see if the alert fires again before we page anyone", false},
	}.check(t, "upRejectRE", upRejectRE.MatchString)
	readingTests{
		{"PR #2297 up: puts the bucket grant back in the module. marta can you review", true},
		{"dedup PR is up, kuba can you review?", true},
		{"code fix: close the channel before re-bind. PR smsgw#482, @oli can you review", true},
		{"can you review the alert thresholds next week?", false},
		{"I'll open a PR for the base image next week", false},
	}.check(t, "changeUpForReview", func(low string) bool {
		return (fuChangeUpRE.MatchString(low) || fuChangeURLRE.MatchString(low)) && fuReviewAskRE.MatchString(low)
	})

	inc, got := followUpsOf(t,
		"ana: also thinking we could raise the autoscaler max back to 40 once the pooler is in?",
		"^4 ben: we'll see after the load test",
		"kofi: marta",
		"marta: ?",
		"kofi: PR #2297 up: puts the bucket grant back in modules/bucket-policy and keeps the TLS deny. marta can you review",
	)
	for _, i := range []int{4, 8} {
		if f, ok := got[inc.Messages[i].TS]; ok {
			t.Errorf("message %d is an item: %q", i, f.Text)
		}
	}
}
