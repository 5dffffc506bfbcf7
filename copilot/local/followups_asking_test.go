package local

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// namedIncident builds an incident whose messages carry a user field only, as a
// JSON document gives them: {user, text} pairs.
func namedIncident(pairs ...[2]string) *copilot.Incident {
	inc := &copilot.Incident{ID: "T-2"}
	for i, p := range pairs {
		inc.Messages = append(inc.Messages, copilot.Message{TS: fmt.Sprintf("%d.000100", 1780000000+60*i), User: p[0], Text: p[1]})
	}
	return inc
}

func followUpTexts(t *testing.T, inc *copilot.Incident) []copilot.FollowUp {
	t.Helper()
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	return ans.Items
}

// A question that opens with an auxiliary of tense or being asks how things stand,
// whatever obligation it names; said in hindsight, what would have been is the
// regret it explains. Neither is a follow-up; the proposals beside them still are.
func TestAskingHowThingsStandIsNoFollowUp(t *testing.T) {
	inc := namedIncident(
		[2]string{"alertbot", "[P1] audio-edge 5xx ratio 18%"},
		[2]string{"lucia", "ads bypass flag on for all shows, 5xx 18% -> 0.4%"},
		[2]string{"nadia", "do listeners need to download again by hand or will the apps retry? asking for the support macro"},
		[2]string{"lucia", "the apps retry on their own, resolved"},
		[2]string{"ola", "in hindsight we should have read the 07:12 bot message, it said 2 batches. we'd have caught it half an hour earlier"},
		[2]string{"bram", "we should add a read timeout and a circuit breaker to the ad client"},
	)
	items := followUpTexts(t, inc)
	var got []string
	for _, f := range items {
		got = append(got, f.Text)
	}
	joined := strings.Join(got, " | ")
	if strings.Contains(joined, "download again") || strings.Contains(joined, "hindsight") {
		t.Errorf("a state question or a regret read as a follow-up: %q", got)
	}
	if !strings.Contains(joined, "circuit breaker") {
		t.Errorf("the proposal beside them is lost: %q", got)
	}
}

// "scratch my TODO" calls off its speaker's own latest item, even when it comes
// with a new ask of someone else.
func TestScratchMyTodoCallsOffTheSpeakersItem(t *testing.T) {
	inc := namedIncident(
		[2]string{"monitor", "[CRIT] map tiles failing TLS"},
		[2]string{"marcos", "cert renewed on the tile server, map back, resolved"},
		[2]string{"marcos", "TODO for me: ask comms for a 'map unavailable' banner in the app for cases like this"},
		[2]string{"priya", "the banner exists already, maintenance_banner in remote config, we forgot it"},
		[2]string{"dana", "postmortem thursday"},
		[2]string{"marcos", "ah right. scratch my TODO then, priya pls put the banner step in the runbook"},
	)
	for _, f := range followUpTexts(t, inc) {
		if strings.Contains(f.Text, "ask comms") {
			t.Errorf("the called-off TODO is still listed: %q", f.Text)
		}
	}
}

// A document that gives only a user field names its people there: "lukas"
// addresses the user lukas.m.
func TestFirstNameAddressesADocumentUser(t *testing.T) {
	inc := namedIncident(
		[2]string{"gatemon", "[CRIT] acs01 certificate expired, gates offline"},
		[2]string{"florian.it", "new cert installed on acs01, gates online, resolved"},
		[2]string{"agnieszka.lead", "lukas please make a cert inventory in confluence: all certs, expiry, owner. end of Q1"},
		[2]string{"lukas.m", "ok"},
	)
	items := followUpTexts(t, inc)
	if len(items) == 0 || !strings.Contains(items[0].Text, "cert inventory") {
		t.Fatalf("the inventory ask is not found: %+v", items)
	}
	if items[0].Owner != "lukas.m" {
		t.Errorf("owner %q, want lukas.m", items[0].Owner)
	}
}

// A decision against a step, a question its writer labels open, an expectation
// ("should still make the 10:00 truck") and an idea labelled rejected commit to
// nothing; "the real fix is to …" after the resolution proposes the lasting fix.
func TestDecisionsQuestionsAndExpectationsAreNoFollowUps(t *testing.T) {
	inc := namedIncident(
		[2]string{"monitor", "[CRIT] publisher login failed, screens frozen"},
		[2]string{"sven", "password reset with expiry off, publisher restarted, screens current, resolved"},
		[2]string{"ana", "Decision: we will not switch off the domain password policy for service logins in general."},
		[2]string{"ana", "Open question: is the nightly restart of the publisher still needed at all?"},
		[2]string{"olu", "ok. first freeze 04:30, last screen back 06:55, the 07:10 departures should still make it"},
		[2]string{"ana", "Considered and rejected: moving the publisher to a local account. The vendor does not support it."},
		[2]string{"marco", "real fix is to move the publisher to a managed service account so no password can expire. CHG-1301"},
	)
	var got []string
	for _, f := range followUpTexts(t, inc) {
		got = append(got, f.Text)
	}
	joined := strings.Join(got, " | ")
	for _, not := range []string{"will not switch off", "Open question", "should still", "Considered and rejected"} {
		if strings.Contains(joined, not) {
			t.Errorf("%q read as a follow-up: %q", not, got)
		}
	}
	if !strings.Contains(joined, "managed service account") {
		t.Errorf("the real fix is not a follow-up: %q", got)
	}
}

// The entries of a report's part that lists the ideas turned down ("Ideas we did
// not take"), and an entry marked dropped, are not follow-ups; the action items
// beside them are.
func TestIdeasTurnedDownAreNoFollowUps(t *testing.T) {
	inc := &copilot.Incident{ID: "PM-7", Title: "Pick waves stuck"}
	for i, m := range []struct{ section, text string }{
		{"Summary", "A lock without expiry blocked wave release in two stores for 95 minutes."},
		{"Action items", "Alert when a store with open orders gets no wave release for 20 min\nOwner: kuba"},
		{"Ideas we did not take", "Move the mutex to Postgres advisory locks — dropped: the worker holds no DB session."},
		{"Ideas we did not take", "Let the tablets release waves themselves when the server is silent."},
		{"Notes", "Replace the cron scheduler with a queue — dropped after the review."},
	} {
		inc.Messages = append(inc.Messages, copilot.Message{TS: fmt.Sprintf("%d.000000", 1788825600+i), UserName: m.section, Kind: copilot.KindSection, Text: m.text})
	}
	var got []string
	for _, f := range followUpTexts(t, inc) {
		got = append(got, f.Text)
	}
	joined := strings.Join(got, " | ")
	for _, not := range []string{"advisory locks", "tablets release", "cron scheduler"} {
		if strings.Contains(joined, not) {
			t.Errorf("%q read as a follow-up: %q", not, got)
		}
	}
	if !strings.Contains(joined, "no wave release") {
		t.Errorf("the action item is lost: %q", got)
	}
}
