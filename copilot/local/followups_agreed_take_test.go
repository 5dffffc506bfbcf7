package local

import "testing"

// A reply that opens by agreeing with the question just put and promises it by
// pointing back ("+1, … I'll scope it", "yes. … i'll make it a proper admin job")
// takes the question on: one item, the question's idea owned by the one who
// replied, not the question and the promise listed apart.
func TestAgreedTakeOfAQuestion(t *testing.T) {
	for _, tt := range []struct{ question, reply string }{
		{"tess: nothing told the wards the feed was broken, they just saw gaps. could the EHR show a 'results may be delayed' banner when the feed is down?",
			"lwong: +1, doable with the downtime banner we already have. I'll scope it for the feed-delay case"},
		{"bimpe: also: the reissue was javi running a script at 9am. can ops trigger it themselves next time?",
			"javi: yes. the reissue is basically a script on my laptop. i'll make it a proper admin job with a runbook so IOC can run it for a time window"},
	} {
		inc, got := followUpsOf(t, tt.question, tt.reply)
		q, qok := got[ts(inc, 0)]
		r, rok := got[ts(inc, 1)]
		if qok == rok {
			t.Errorf("%q: question listed %v, reply listed %v; want one item", tt.reply, qok, rok)
			continue
		}
		it := q
		if rok {
			it = r
		}
		if want := inc.Messages[len(firefight)+1].UserName; it.Owner != want {
			t.Errorf("%q: owner %q, want %q", tt.reply, it.Owner, want)
		}
	}
}
