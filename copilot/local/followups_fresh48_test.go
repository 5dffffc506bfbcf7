package local

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// From dev48 (judged on dev49): a reply that opens by turning the idea down
// argues about it after the incident as before it; the constraint it gives as
// its reason ("paylane.js has to come from their domain") is no item.
func TestRefusalReplyArguesAfterTheIncidentToo(t *testing.T) {
	inc, got := followUpsOf(t,
		"tomasz: or we just self-host paylane.js and never get surprised again",
		"raj: cant. PCI — paylane.js has to come from their domain or we fall out of SAQ A. not doing that",
		"raj: I'll pipe their changelog rss into #subs-eng so at least we see releases",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}

// "let's not" turns an idea down wherever it stands in the sentence; a message
// with nothing else proposed is no item.
func TestLetsNotAfterAClauseRefuses(t *testing.T) {
	inc, got := followUpsOf(t,
		"ben: I'll set up expiry monitoring for every external client cert we hold, exporter reading them from vault, page at 7 days",
		"hamid: could we also just put cert dates in the team calendar?",
		"^5 ben: calendar reminders is basically what we had (in graham's inbox). the exporter is the fix, let's not do both",
	)
	wantFollowUpLines(t, inc, got, true, false, false)
	readingTests{
		{"the exporter is the fix, let's not do both", true},
		{"ok let's not", true},
		{"let's not wait for the review, I'll add the alert now", false},
		{"let's add an alert on it, but let's not page on it", false},
	}.check(t, "letsNotOnly", letsNotOnly)
}

// A proposal that names no work ("lets do this properly") is no item; one that
// gives what was just named its new state ("should be weekly") names it.
func TestProposalThatNamesNoWork(t *testing.T) {
	inc, got := followUpsOf(t,
		"jonas: second time this year a vendor script changed under us and took out a page that pays the bills. lets do this properly",
		"oskar: I'll put every vendor tag in the tag manager on a versioned url, by friday",
	)
	wantFollowUpLines(t, inc, got, false, true)
	readingTests{
		{"lets do this properly", true},
		{"it shouldn't.", true},
		{"monthly restore test was the only reason we found it. should be weekly", false},
		{"we should add a disk alert", false},
	}.check(t, "namesNoWork", namesNoWork)
}

// A promise the deploy bot records done by its speaker two messages later was
// kept in the incident: a step of the response, not work still to do.
func TestPromiseKeptByTheBotRecord(t *testing.T) {
	inc := chat(
		"ana: booking 500s since 09:55, pgbouncer saturated",
		"jules: I'll scale booking-api down from 6 to 3 so it stops hammering pgbouncer with retries?",
		"^1 tomasz: yes pls, fewer retries helps",
		"deploybot: booking-api scaled 6 -> 3 replicas by jules",
		"tomasz: vacuum done, latency back to normal",
		"ana: resolved",
		"jules: I'll add retry backoff with jitter to booking-api's pgbouncer client, by friday",
	)
	inc.Messages[3].Kind = copilot.KindBot
	got := followUpsBySource(t, inc)
	if _, ok := got[inc.Messages[1].TS]; ok {
		t.Errorf("the scale-down the bot records done is a follow-up: %v", got)
	}
	if _, ok := got[inc.Messages[6].TS]; !ok {
		t.Errorf("the backoff promise after the incident is no follow-up: %v", got)
	}
}

// A promise given in the thread of its speaker's own earlier one, "instead",
// takes that one's place.
func TestPromiseInsteadReplacesTheOwnOne(t *testing.T) {
	inc, got := followUpsOf(t,
		"ren: I'll move the compliance notebooks off the primary onto the read replica",
		"^4 tomasz: careful, the replica has hot_standby_feedback=on so a long txn there holds back vacuum on the primary just the same",
		"^4 ren: ugh ok. then I'll point them at the nightly snapshot db instead, by friday",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}

// A report's entry whose last clause says it is no action was raised and let go.
func TestEntryThatSaysItIsNoAction(t *testing.T) {
	readingTests{
		{"Automatic renewal via ACME was also raised; the TSO PKI does not offer it, so it is not an action.", true},
		{"Monitor expiry of every external client certificate, alert at 30/14/3 days.", false},
	}.check(t, "dropped", dropped)
}

// The same two readings on dev48's chats as they came: ben's "the exporter is
// the fix, let's not do both" under hamid's calendar idea, and jules's scale-down
// that the deploy bot records two messages later, are no items; the wrap-up
// promises around them stay uncaptured. A bot's record of a change made days later keeps
// nothing from being a follow-up.
func TestDev48RefusalsAndKeptPromises(t *testing.T) {
	for _, tt := range []struct {
		doc       string
		not, item string
	}{
		{"dev48/documents/sa-pcs-client-cert-expired.json", "1778745118.011444", "1778745208.011866"},
		{"dev48/documents/sc-bookings-db-slots-bloat.json", "1773131895.000430", "1773223770.000760"},
		// gethin's runbook entry is kept: the bot's record of his config
		// change comes a week later, with the permanent fix.
		{"dev42/documents/yk-avl-gnss-week-rollover.json", "", "1778995140.235342"},
	} {
		got := followUpsBySource(t, devDocument(t, tt.doc))
		if it, ok := got[tt.not]; ok && tt.not != "" {
			t.Errorf("%s: %s is an item: %q", tt.doc, tt.not, it.Text)
		}
		if it, ok := got[tt.item]; !ok || it.Captured {
			t.Errorf("%s: %s is no uncaptured item (%+v)", tt.doc, tt.item, it)
		}
	}
}

// From dev49 (read; judged on dev50): a proposal its speaker answers at once
// ("oh wait we have one, it's what paged"), a report that the lasting fix is in
// place ("plan is clean now, so the permanent fix is in") and a report's idea
// "We dropped it: …" are no items.
func TestDev49LookAlikes(t *testing.T) {
	inc, got := followUpsOf(t,
		`tomas: should intake get a "suspiciously little traffic" alert? oh wait we have one, it's what paged`,
		"kai: #419 applied, binding imported into state. plan is clean now, so the permanent fix is in",
		"kai: I'll add a runbook entry for the renderer: 403 from GCS -> check bucket IAM first, by tuesday",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
	readingTests{
		{"should we get an alert? oh wait we have one", true},
		{"we already have one, it paged at 05:01", true},
		{"we have one alert but it fires too late, I'll fix the threshold", false},
	}.check(t, "alreadyThere", alreadyThere)
	readingTests{
		{"We also talked about pushing a 5.9 build over the air. We dropped it: the bootloader is the blocker.", true},
		{"Push a 5.9 build over the air to every K2 cabinet.", false},
	}.check(t, "dropped", dropped)
}

// From dev50 (read; judged on dev51): an emoji with a word after it stands
// where a chat writer puts a full stop, so the laugh ends its sentence and the
// promise after it is a sentence of its own, which the laugh does not unsay.
func TestEmojiEndsTheSentence(t *testing.T) {
	inc, got := followUpsOf(t,
		"gabi: 5) support needs a proper overpayment macro in EN/JA/KO, not the thing marisol typed at 9:30 😅 I'll have it drafted by friday",
		"dev: clearly nobody on app teams reads #db-changes 😅 I'll build the list of direct clients from performance_schema and we'll tag their owning teams",
		"ola: the new dashboards look great 😂",
	)
	wantFollowUpLines(t, inc, got, true, true, false)
	if got, want := emojiBreaks("not the thing marisol typed 😅 I'll have it drafted"), []string{"not the thing marisol typed 😅", "I'll have it drafted"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("emojiBreaks = %q, want %q", got, want)
	}
}
