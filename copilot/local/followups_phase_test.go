package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// Before the step that stopped the bleeding, what people ask for and promise is
// the response itself, unless it names a lasting thing ("can you own adding an
// alert on replica lag by friday?"); once it has stopped, "we need an alert" is a
// follow-up.
func TestNoFollowUpsBeforeTheBleedingStops(t *testing.T) {
	inc := incidentOf(
		"[FIRING] gate appointment checks failing at all lanes",
		"@sanne can you look at the appointment service, I am checking the db side",
		"I'll open a case with the kiosk vendor, maybe they changed something on their side.",
		"I will tell you when kiosks are back",
		"@dana can you own adding a runbook page for zookeeper patching by friday?",
		"zk-3 never came back after patching, its unit still points at the old java path. fixing the unit now",
		"zk-3 started with java-17, quorum back 2/3, gate service reconnected",
		"lanes processing again",
		"we need an alert on zookeeper quorum, nothing paged us. I'll add it this week",
	)
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	alert, runbook := false, false
	for _, f := range ans.Items {
		low := strings.ToLower(f.Text)
		if strings.Contains(low, "appointment service") || strings.Contains(low, "kiosks are back") || strings.Contains(low, "kiosk vendor") {
			t.Errorf("a request made while the bleeding went on read as a follow-up: %q", f.Text)
		}
		alert = alert || strings.Contains(low, "alert on zookeeper quorum")
		runbook = runbook || strings.Contains(low, "runbook page")
	}
	if !alert || !runbook {
		t.Errorf("the wrap-up's alert (%v) or the runbook asked for mid-incident (%v) is no follow-up; items %v", alert, runbook, ans.Items)
	}
	if got := firefightingEnd(analyzeLifecycle(sortedMessages(inc))); got != 5 {
		t.Errorf("firefighting ends at %d, want 5 (the unit fixed)", got)
	}
}

// The same in a channel written by someone who had not read the engine (dev26):
// the requests and the promise to report back made while the quorum was lost are
// not follow-ups; the alert promised in the wrap-up is.
func TestNoFollowUpsBeforeTheBleedingStopsDev26(t *testing.T) {
	incs, err := transcript.Read([]string{"../../evals/testdata/dev26/documents/t-gate-zk-quorum-patching.json"}, transcript.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ans, err := New(nil).FollowUps(context.Background(), incs[0])
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range ans.Items {
		low := strings.ToLower(f.Text)
		// ("@sanne can you look at gate-appointment-service" is still read: its
		// "gate" is the word for a CI gate too, a lasting thing.)
		if strings.Contains(low, "kiosks are back") {
			t.Errorf("said while the bleeding went on, read as a follow-up: %q", f.Text)
		}
		n++
	}
	if n < 4 {
		t.Errorf("%d items, want the wrap-up's follow-ups", n)
	}
}

// "I'll take that one." says who, not what: the item is what the message says
// next ("apns/fcm failure ratio > 5% for 5 min pages clinician-apps").
func TestTakingSentenceQuotesWhatFollows(t *testing.T) {
	got := followUpText("I'll take that one. apns/fcm failure ratio > 5% for 5 min pages clinician-apps", false)
	if !strings.Contains(strings.ToLower(got), "failure ratio") {
		t.Errorf("quoted %q, want the alert the taker describes", got)
	}
	if got := followUpText("I'll add an alert on quorum loss by friday.", false); !strings.Contains(got, "alert on quorum") {
		t.Errorf("a plain promise quoted as %q", got)
	}
}

// While the bleeding goes on, a lasting word in a question about the response
// ("revert only the policy of that bucket?", "set maxmemory-policy to
// allkeys-lru?") makes no follow-up; a lasting thing put off to after the
// incident ("for the postmortem: we need an alert…") does.
func TestLastingWordsMidIncidentNeedADeferral(t *testing.T) {
	inc := incidentOf(
		"[FIRING] dock config downloads failing with 403 at every station",
		"the hardening PR changed the bucket policy, docks can't read their config",
		"can we revert only the policy of that bucket, not the whole PR?",
		"quick fix: set maxmemory-policy to allkeys-lru on the session cache and it frees itself?",
		"for the postmortem: we need an alert when dock config reads fail, nothing told us for 40 min",
		"reverted the bucket policy, docks fetching config again",
		"all stations green",
		"resolved",
	)
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	alert := false
	for _, f := range ans.Items {
		low := strings.ToLower(f.Text)
		if strings.Contains(low, "revert only") || strings.Contains(low, "allkeys-lru") {
			t.Errorf("a question about the response read as a follow-up: %q", f.Text)
		}
		alert = alert || strings.Contains(low, "alert when dock config reads fail")
	}
	if !alert {
		t.Errorf("the alert put off to the postmortem is no follow-up: %+v", ans.Items)
	}
	if got := firefightingEnd(analyzeLifecycle(sortedMessages(inc))); got != 5 {
		t.Errorf("firefighting ends at %d, want 5 (the policy reverted)", got)
	}
}

// "I replay the DLQ now", "I'm flipping the fail mode to pending now": its speaker
// does it as they say it, the response or work done, never a follow-up; "right
// now it's only a log line" describes, "from now on" defers.
func TestDoingItNowIsNoFollowUp(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"I'll add a retry cap to the adapter config now", false},
		{"I'm doing a guard in fx-rates-sync right now: reject a rate that moves >10% and alert", false},
		{"TODO for me: alert when a submit to the gateway times out, right now it's only a log line", true},
		{"from now on we will send a config diff with every LB change", true},
	} {
		if got := doingNow(strings.ToLower(tt.line)); got == tt.want {
			t.Errorf("%q: doing now %v", tt.line, got)
		}
	}
}
