package local

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// From dev46 (judged on dev47): "follow-ups." alone opens the list, without the
// colon fuMarkerRE wants; the sentences after it say the item, so the bot's
// announcement of the ticket for it ("mila created OPS-4411: …") finds its words
// there and files it, not an older shouted wish sharing two of them.
func TestLabelAloneHeadsTheItem(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"dex: CAN WE JUST NOT EXPIRE THE ODDS KEYS EVER. problem solved",
		"mila: then the prices are wrong forever no",
		"ravi: follow-ups. the cache loader needs request coalescing, one fetch per key no matter how many callers. mila?",
		"mila: mine. singleflight in the loader, will file",
		"jira: mila created OPS-4411: odds-api: coalesce concurrent cache misses per market key (singleflight)",
	)...)
	botSays(inc, 4)
	inc.Tickets = []copilot.Ticket{{Key: "OPS-4411", Title: "odds-api: coalesce concurrent cache misses per market key (singleflight)"}}
	got := followUpsBySource(t, inc)
	it, ok := got[ts(inc, 2)]
	if !ok || it.TicketKey != "OPS-4411" || it.Text == "Follow-ups." {
		t.Errorf("the coalescing item: %v %+v; want it said by its sentence and captured by OPS-4411", ok, it)
	}
	if it, ok := got[ts(inc, 0)]; ok && it.TicketKey == "OPS-4411" {
		t.Errorf("the shouted wish took OPS-4411")
	}
	readingTests{
		{"follow-ups.", true},
		{"action items", true},
		{"a few follow ups!", true},
		{"next steps.", true},
		{"follow-ups are in the doc.", false},
		{"todo: add the alert", false},
	}.check(t, "fuLabelAloneRE", fuLabelAloneRE.MatchString)
}

// From dev46: look-alikes a wrap-up is full of. A question of how things stand
// after a short lead-in ("just to confirm for the record - were any funds
// taken?"), a prediction with "should" ("flag stays on. should hold. but the
// ttls will all line up again at 21:00"), the review meeting ("short pm review
// thursday?"), a proposal turned down in its thread ("then the prices are wrong
// forever 😅 no") and one its speaker drops ("ok dropping mine") are no items;
// the work proposed beside them is.
func TestWrapUpLookAlikesDev46(t *testing.T) {
	inc, got := followUpsOf(t,
		"helen: Just to confirm for the record - were any customer funds taken for the rejected bets? Any stake reserved and not released?",
		"mila: none. price check runs before wallet reserve",
		"ravi: flag stays on. should hold. but the ttls will all line up again at 21:00",
		"dex: CAN WE JUST NOT EXPIRE THE ODDS KEYS EVER. problem solved",
		"mila: then the prices are wrong forever 😅 no",
		"teo: i'll also set up a nightly copy of the bucket to the backup account",
		"kwame: thats already PLAT-702 (cross-account replication for media), storage team has it in Q2. dont duplicate",
		"teo: ok dropping mine",
		"gwen: nice work all. short pm review thursday?",
		"ravi: i'll add a cache hit ratio alert for odds-api by friday",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false, false, false, false, false, false, true)
	readingTests{
		{"just to confirm for the record - were any customer funds taken for the rejected bets?", true},
		{"quick q, is the queue still growing?", true},
		{"@dana, will you add the alert?", false},
		{"can we add a page on the queue age?", false},
	}.check(t, "fuLedInfoQuestionRE", fuLedInfoQuestionRE.MatchString)
	readingTests{
		{"ok dropping mine", true},
		{"scratch mine then", true},
		{"mine", false},
	}.check(t, "upRetractRE", upRetractRE.MatchString)
	readingTests{
		{"flag stays on. should hold.", true},
		{"the cache should hold the whole catalogue, not just the hot keys", false},
	}.check(t, "fuShouldNotRE", fuShouldNotRE.MatchString)
}
