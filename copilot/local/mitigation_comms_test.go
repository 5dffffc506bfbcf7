package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/evals"
)

// Telling or asking people changes nothing in the system: a call to dispatch, a
// post to social media, a P1 or a case raised with a vendor is passed over for the
// change made after it. A request to a system's API ("called POST …/cancel") is a
// change, and so is a step told beside the call.
func TestCommsIsNoMitigation(t *testing.T) {
	if got := mitigationIndexOf(
		"[FIRING] parser: east feed rows rejected 100%",
		"vendor changed the column order in the east export overnight",
		"I called dispatch, they watch the vendor terminal meanwhile",
		"hotfix: parser maps columns by header name. deployed 09:04",
		"east data flowing again, rejects 0",
	); got != 3 {
		t.Errorf("mitigated at %d, want 3 (the hotfix, not the call)", got)
	}
	for _, s := range []string{
		"I called dispatch, they watch the vendor terminal meanwhile",
		"Posted on insta + facebook with the list from markus.",
		"Raising a P1 with them.",
		"opened a quota increase request with the provider, they say 24h",
		"Contacted IDVerify support to add the new IPs, they say 2-4 hours.",
		"paging billing oncall",
	} {
		if !commsOnly(tagsOf(s)) {
			t.Errorf("%q: not read as people told or asked", s)
		}
	}
	for _, s := range []string{
		"called POST /v2/collection-batches/B7/cancel. response: 36,270 instructions cancelled",
		"POST _aliases: remove catalogue-20260310, add catalogue-20260309. done 09:35",
		"called the vendor. restarting the gateway now",
		"writing a void script for the duplicate entries",
		"post-incident: we add an alert on the queue",
		"rolled back to 4.18.2",
	} {
		if commsOnly(tagsOf(s)) {
			t.Errorf("%q: read as people told or asked only", s)
		}
	}
}

// "had to be done at the staff desks" and "had no work done" are no steps
// completed; "do JFK crews have same problem?" asks about the scope and does not
// report that the step just taken failed.
func TestObligationAndScopeQuestion(t *testing.T) {
	if got := mitigationIndexOf(
		"[FIRING] kiosks: sip2 login failed on 38 of 38 kiosks",
		"1,430 loans and 610 returns had to be done at the staff desks instead.",
		"extended the sip_kiosk credential by 30 days on the tenant, kiosks reconnected",
	); got != 2 {
		t.Errorf("mitigated at %d, want 2 (the credential extended)", got)
	}
	// In dev25's DST incident the question about New York came after the flag
	// that stopped the automatic swaps, and was read as that flag not helping.
	c, err := evals.LoadCorpus("../../evals/testdata/dev25")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, li := range c.Incidents {
		if li.Labels.ID != "m-crew-legality-summertime" {
			continue
		}
		found = true
		ans, err := New(nil).Summarize(context.Background(), li.Incident)
		if err != nil {
			t.Fatal(err)
		}
		if m := strings.ToLower(ans.Summary.Mitigation); !strings.Contains(m, "auto_recovery=false") {
			t.Errorf("mitigation = %q, want the auto_recovery flag", ans.Summary.Mitigation)
		}
	}
	if !found {
		t.Fatal("m-crew-legality-summertime not in dev25")
	}
	if reportsNoHelp(tagsOf("side q: do JFK crews have same problem? NY changed clocks in march and nobody complained")) {
		t.Error("a question about the same problem elsewhere read as a step that did not help")
	}
	if !reportsNoHelp(textTags(copilot.Message{Text: "restarted it, same errors"})) {
		t.Error("'same errors' after a step no longer reads as no help")
	}
}

// tagsOf is the tags of one message of text s, the message kept.
func tagsOf(s string) msgTags {
	m := copilot.Message{Text: s}
	t := textTags(m)
	t.msg = m
	return t
}
