package local

import "testing"

// A wrap-up thread's replies: a take that points back with a verb of setting to
// work, a request that opens with an acknowledgement, a request with an idea of its
// own, and a request whose pronoun stands for the idea before it.
func TestThreadRepliesTakeOrAddIdeas(t *testing.T) {
	t.Run("start on it takes the idea", func(t *testing.T) {
		// "^5" replies in the thread of line 1 (firefight is 4 lines).
		inc, got := followUpsOf(t,
			"ingrid: resolved. heap flat",
			"ingrid: also a soak test in CI: 6h at peak rate and fail if heap-after-GC keeps sloping up. this would have caught #4412 before prod",
			"^5 joao: I can build the soak test, but not before the sale. I'll start on it next week",
		)
		wantFollowUpLines(t, inc, got, false, true, false)
		if it := got[ts(inc, 1)]; it.Owner != "joao" || it.TakenTS != ts(inc, 2) {
			t.Errorf("owner %q taken %q, want joao taken at line 2", it.Owner, it.TakenTS)
		}
	})
	t.Run("acknowledge then ask by name", func(t *testing.T) {
		inc, got := followUpsOf(t,
			"ingrid: resolved. heap flat",
			"mel: could partners get their own status page component for the partner API? they found out before we did, again",
			"^5 kofi: good idea, mel can you take it with the statuspage folks?",
			"^5 mel: sure, I'll get a partner API component on the status page by end of month",
		)
		wantFollowUpLines(t, inc, got, false, true, false, false)
		if it := got[ts(inc, 1)]; it.Owner != "mel" || it.TakenTS != ts(inc, 3) {
			t.Errorf("owner %q taken %q, want mel taken at line 3", it.Owner, it.TakenTS)
		}
	})
	t.Run("a request with its own idea is its own item", func(t *testing.T) {
		inc, got := followUpsOf(t,
			"priya: resolved. wrap-up in thread pls",
			"^4 tom: could we move the renewal run off thursday afternoon? that's peak add-on traffic too",
			"^4 marta: no, renewals have to finish before the friday cutoff. moving it buys us nothing",
			"^4 priya: @kenji silences without expiry: can you make alertmanager refuse silences longer than 7 days unless they cite a ticket?",
			"^4 kenji: yep",
		)
		wantFollowUpLines(t, inc, got, false, false, false, true, false)
		if it := got[ts(inc, 3)]; it.Owner != "kenji" {
			t.Errorf("owner %q, want kenji", it.Owner)
		}
	})
	t.Run("a pronoun stands for the idea before", func(t *testing.T) {
		inc, got := followUpsOf(t,
			"hanna: resolved. feed is live again",
			`dee: displays should say "live times unavailable" when the feed is stale >2 min instead of showing a frozen number. who owns the display firmware?`,
			"marcin: display vendor. @tom can you take it to them?",
			"tom: yep, I'll put it on the agenda for the vendor monthly on the 22nd",
		)
		wantFollowUpLines(t, inc, got, false, true, false, false)
		if it := got[ts(inc, 1)]; it.Owner != "tom" {
			t.Errorf("owner %q, want tom", it.Owner)
		}
	})
	t.Run("unless the message says its own idea", func(t *testing.T) {
		inc, got := followUpsOf(t,
			"hanna: resolved. push works again",
			"kim: I'll add a cert expiry check for all apple push certs to the cert-monitor job, warn at 30 days. by tuesday",
			"raj: also we should move to token based auth (p8 key) so this never expires on us again. @olu can you own that?",
			"olu: on it, next sprint",
		)
		wantFollowUpLines(t, inc, got, false, true, true, false)
		if it := got[ts(inc, 2)]; it.Owner != "olu" {
			t.Errorf("owner %q, want olu", it.Owner)
		}
	})
}
