package local

import (
	"strings"
	"testing"
)

// Readings from dev59: a promise that leaves out its subject after "also", a
// promise its speaker drops after conceding an objection, a ticket titled by
// what times out, and a "covers it" said in a thread.
func TestReadingsFresh59(t *testing.T) {
	readingTests{
		{"also going to go through every other bucket's lifecycle config for empty filters, OPS-4411", true},
		{"and gonna audit the other tunnels built from the same template", true},
		{"going to add an alert on delete marker count", true},
		{"also going to be a long night", false},
		{"also going to restart the pods one by one", false},
	}.check(t, "fuCommitRE", fuCommitRE.MatchString)

	readingTests{
		{"policy-docs: PDF render times out for multi-vehicle fleet policies", true},
		{"checkout: payment call timing out under load", true},
		{"Add timeouts to the render client", false},
		{"Alert when the render queue is older than 5 min", false},
	}.check(t, "defectReport", defectReport)

	// A promise conceded away: "fair. …, dropping that" after a -1.
	inc, got := followUpsOf(t,
		"ana: resolved, invoices render again",
		"yusuf: I'll make the 3Gi limit permanent, more headroom can't hurt",
		"marco: -1, that just hides the next leak for longer. 2Gi was fine for a year",
		"yusuf: fair. going back to 2Gi with the fix, dropping that",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false)
	// Without the concession the promise stands: an objection alone does not
	// undo what its speaker promised.
	inc, got = followUpsOf(t,
		"ana: resolved, invoices render again",
		"yusuf: I'll make the 3Gi limit permanent, more headroom can't hurt",
		"marco: -1, that just hides the next leak for longer. 2Gi was fine for a year",
	)
	wantFollowUpLines(t, inc, got, false, true, false)

	// "no need, SEC-902 covers it" in the thread of a calendar reminder speaks of
	// the reminder, not of the synthetic said before it in the channel.
	inc, got = followUpsOf(t,
		"ana: resolved, card freezes work again",
		"sanjay: we should also have a synthetic that does a real freeze/unfreeze on a test card every 5 min. pod health was green the whole time",
		"sanjay: and I'll put a calendar reminder in for next april for the renewal",
		"^6 mo: no need, SEC-902 covers it and calendars are how we got here",
		"^6 sanjay: ok dropping that",
	)
	wantFollowUpLines(t, inc, got, false, true, false, false, false)
	if it, ok := got[ts(inc, 1)]; ok && it.Captured {
		t.Errorf("the synthetic is captured by %q, a ticket named in another thread", it.TicketKey)
	}
}

// More readings from dev59: a question quoted inside a sentence ends nothing,
// "no blame" after an apology turns nothing down, and "sorry all, should've …"
// after one's own promise apologises for the incident and gives up nothing.
func TestApologyAndQuotedQuestionFresh59(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"and PR template: add a 'removes or changes a cache?' checkbox that needs a perf reviewer. I'll bring it to the guild", 2},
		{"uploads stuck in 'processing...' since ~22:10", 1},
		{"is it down? checking now", 2},
		{"she said 'restart it.' Then it came back", 2},
	} {
		if got := splitSentences(tt.in); len(got) != tt.want {
			t.Errorf("splitSentences(%q) = %q, want %d sentences", tt.in, got, tt.want)
		}
	}
	readingTests{
		{"no, the review missed it too", true},
		{"nah, not worth it", true},
		{"no blame, the review missed it too. thanks everyone, closing channel tomorrow", false},
		{"no worries, happens", false},
	}.check(t, "rejects", rejects)

	inc, got := followUpsOf(t,
		"dee: ok calling it resolved. wrap-up here: what do we change so this doesn't happen again?",
		"tomas: and PR template: add a 'removes or changes a cache?' checkbox that needs a perf reviewer. I'll bring it to the backend guild thursday",
		"tomas: sorry all, should've load tested #2217",
		"dee: no blame, the review missed it too. thanks everyone, closing channel tomorrow",
	)
	wantFollowUpLines(t, inc, got, false, true, false, false)
	if it := got[ts(inc, 1)]; it.Owner != "tomas" || !strings.Contains(it.Text, "'removes or changes a cache?' checkbox") {
		t.Errorf("owner %q text %q, want tomas and the quoted question kept in its sentence", it.Owner, it.Text)
	}
}

// The incident's own postmortem named without an article, by when it comes
// ("postmortem doc later this week"), is paperwork, also after a thumbs-up;
// and a take-back is no idea for a later "i'll write it up" to take.
func TestBarePostmortemFresh59(t *testing.T) {
	readingTests{
		{"👍 thx all. postmortem doc later this week", true},
		{"ok. postmortem thursday, i'll write it up", true},
		{"pir draft from me by thursday", true},
		{"postmortem template: add a section for time to detect", false},
		{"retro on the alerting next sprint: I'll add a page on queue age", false},
	}.check(t, "paperwork", paperwork)

	inc, got := followUpsOf(t,
		"ana: resolved, paywall back to metered",
		"roisin: 👍 thx all. postmortem doc later this week",
	)
	wantFollowUpLines(t, inc, got, false, false)

	inc, got = followUpsOf(t,
		"ana: resolved, loadboard is back",
		"raj: also i'll put a circuit breaker around the maps client",
		"farah: reverting the pool size to 40 tomorrow once the alerts exist",
		"raj: actually dropping the circuit breaker, timeout + null fallback covers it and resilience4j drags in a pile of deps. not doing it",
		"lena: ok. postmortem thursday, i'll write it up",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false, false)
}

// Work said to stay with its speaker restates an earlier promise, and a promise
// its speaker reports done a few messages later is no follow-up left open.
func TestReaffirmedAndFulfilledFresh59(t *testing.T) {
	readingTests{
		{"scratch the training call, hotel ops already has the quarterly fd training next week and they'll add the override. runbook update stays on me", true},
		{"the runbook is still on me", true},
		{"runbook update stays on me, and I'll add an alert on E14 rate per property", false},
		{"I'll update the front desk runbook with the re-encode procedure", false},
	}.check(t, "reaffirmOnly", reaffirmOnly)

	resync := func(reporter string) []string {
		return []string{
			"ami: yes mitigated 06:45Z when the new cert went live. but the backlog replays in order, so stale updates first. I'll kick a full ARI resync for bookly after the backlog drains so they end on current state",
			"jonas: ok",
			reporter + ": backlog 0. full resync for bookly running, 212 properties",
		}
	}
	inc, got := followUpsOf(t, resync("ami")...)
	wantFollowUpLines(t, inc, got, false, false, false)
	// Reported by someone else, the promise is not known to be done by its
	// speaker: it stays.
	inc, got = followUpsOf(t, resync("lena")...)
	wantFollowUpLines(t, inc, got, true, false, false)
	// Not yet under way, or told in a long recap, it is not reported done.
	for _, report := range []string{
		"ami: full resync for bookly not running yet, will kick it once backlog 0",
		"ami: recap for the channel: cert renewed 06:45Z, backlog draining, the full resync for bookly is running and 212 properties are queued, then we check spot prices at boston lisbon and munich",
	} {
		lines := resync("ami")
		lines[2] = report
		inc, got = followUpsOf(t, lines...)
		wantFollowUpLines(t, inc, got, true, false, false)
	}

	inc, got = followUpsOf(t,
		"tomasz: ok wrap-up. what do we want out of this",
		"marcus: I'll update the front desk runbook with the re-encode procedure and where the manual start override + PIN lives",
		"marcus: and I'll set up a training call for all americas FD managers on the override",
		"marcus: scratch the training call, hotel ops already has the quarterly FD training next week and they'll add the override. runbook update stays on me",
	)
	wantFollowUpLines(t, inc, got, false, true, false, false)
}

// The person asked gives the date they commit to; it wins over the asker's.
func TestTakersDateFresh59(t *testing.T) {
	inc, got := followUpsOf(t,
		"tomasz: resolved. wrap-up: what do we want out of this",
		"rhea: hold the rollout until a real lock-open check passes at the canary property. priya can you own the gate change? end of next week",
		"priya: yep, by thu 12th",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
	if it := got[ts(inc, 1)]; it.Owner != "priya" || it.Due != "2026-03-12" {
		t.Errorf("owner %q due %q, want priya 2026-03-12 (the taker's date)", it.Owner, it.Due)
	}
}

// "scratch mine" takes back its speaker's own idea; it does not take the idea
// said just before it in the thread.
func TestScratchMineTakesNothingFresh59(t *testing.T) {
	inc, got := followUpsOf(t,
		"priya: resolved. follow-ups in thread pls",
		`^4 olu: we only paged on total group lag and it was 20 min in. I'll add per-partition lag + "same offset for >5 min" alerts`,
		"^4 ana: and on us: I'll update the elections graphics guide so anything over 2MB ships as an iframe embed, never inline. before the by-elections in june",
		"^4 olu: I was going to add a memory alert for the renderer too, but it was already firing to #cms-lowprio the whole time. that's a routing thing, not a new alert — scratch mine, the per-partition one covers it",
	)
	wantFollowUpLines(t, inc, got, false, true, true, false)
	if it := got[ts(inc, 2)]; it.Owner != "ana" {
		t.Errorf("owner %q, want ana (olu took back his own idea, not hers)", it.Owner)
	}
}
