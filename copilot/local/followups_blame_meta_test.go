package local

import (
	"fmt"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// "partly on me" takes a share of the blame, not the work. "that one is on me"
// after an idea still takes it, and so does a blame said beside a promise.
func TestBlameIsNoPromise(t *testing.T) {
	inc, got := followUpsOf(t,
		"raf: canary was switched off in march during the migration and nobody turned it back on. partly on me",
		"mia: I should have caught the key thing in the review tbh. on me as much as anyone",
		"jon: the canary stage must be back on before the next release, with an alert when it is skipped. that one is on me",
		"mia: sorry, that was on me. I'll add the key check to the review template by friday",
	)
	wantFollowUpLines(t, inc, got, false, false, true, true)
}

// "yes, let's list follow-ups now" agrees to talk about the list, and "we will
// check on these actions in the weekly" says when the list is reviewed: neither
// is on it.
func TestTalkAboutTheListIsNotOnIt(t *testing.T) {
	inc, got := followUpsOf(t,
		"jon: can we make sure this doesn't happen again",
		"mia: yes, let's list follow-ups now",
		"raf: I'll add an alert on pool waits over 5s, by friday",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
	pm := &copilot.Incident{ID: "PM-8", Title: "Voucher renderer out of file descriptors"}
	for i, m := range [][2]string{
		{"Summary", "The voucher renderer leaked file descriptors and stopped rendering for 40 minutes."},
		{"Action items", "Alert when open file descriptors pass 80% of the limit. Owner: ana"},
		{"Action items", "We will check on these actions in the fulfilment weekly on 2026-05-06."},
	} {
		pm.Messages = append(pm.Messages, copilot.Message{TS: fmt.Sprintf("%d.000000", 1788825600+i), UserName: m[0], Kind: copilot.KindSection, Text: m[1]})
	}
	var texts []string
	for _, f := range followUpTexts(t, pm) {
		texts = append(texts, f.Text)
	}
	joined := strings.Join(texts, " | ")
	if strings.Contains(joined, "check on these actions") {
		t.Errorf("the review date read as an action item: %q", texts)
	}
	if !strings.Contains(joined, "file descriptors pass 80%") {
		t.Errorf("the action item is lost: %q", texts)
	}
}
