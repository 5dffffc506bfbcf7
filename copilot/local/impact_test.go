package local

import (
	"strings"
	"testing"
)

// impactOf returns the impact chosen for a synthetic incident, its sentences
// joined, before the summary drops those another field quoted.
func impactOf(t *testing.T, texts ...string) string {
	t.Helper()
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(synthetic("INC-IMP", texts...))), used: map[string]bool{}}
	var got []string
	for _, c := range b.impactSentences() {
		got = append(got, c.text)
	}
	return strings.Join(got, " ")
}

// backlogChannel: a consumer backlog whose damage is told only in answer to a
// question, among readings of the mechanism with numbers in them.
var backlogChannel = []string{
	"bot> [Triggered] consumer lag > 200000 on orders.v1",
	"ana: brokers fine, the group rebalances every few minutes",
	"joe: 500 x ~1s avg blows the 5 min poll interval",
	"sue: how bad is the backlog business-wise",
	"joe: ~9k are new orders waiting for picking",
	"ana: the wms client has a 30s timeout and no breaker, that's why a slow wms stalls the loop",
	"ana: redeploying the consumer with MAX_POLL_RECORDS=50",
	"ana: group stable, lag draining",
	"sue: resolved",
}

// TestImpactAnswersTheQuestion: the reply to a question about the damage ("how bad
// is the backlog business-wise", asked without a question mark) is the impact, even
// when it has no failure word, over a reading of the mechanism with numbers in it.
func TestImpactAnswersTheQuestion(t *testing.T) {
	imp := impactOf(t, backlogChannel...)
	if !strings.Contains(imp, "9k are new orders") {
		t.Errorf("impact = %q, want the answer about the ~9k new orders", imp)
	}
}

// TestImpactExtentNotWorkedOut: an impact missing its extent is not completed with a
// duration from arithmetic on the mechanism ("500 x ~1s avg blows the 5 min poll
// interval") nor from a sentence telling why ("a 30s timeout, that's why …"), but
// a window joined with "so" ("13:58 -> 14:17, so ~19 min") still completes it.
func TestImpactExtentNotWorkedOut(t *testing.T) {
	imp := impactOf(t, backlogChannel...)
	for _, not := range []string{"poll interval", "30s timeout"} {
		if strings.Contains(imp, not) {
			t.Errorf("impact = %q, want no %q", imp, not)
		}
	}
	imp = impactOf(t,
		"bot> [Triggered] checkout errors",
		"sue: support has 3 tickets already, customers getting 'payment could not be processed'",
		"ana: pool is exhausted, so every request waits 30s",
		"ana: rolled back to 2.30.4",
		"ana: errors back to baseline. 13:58 -> 14:17, so ~19 min",
		"sue: resolved")
	if !strings.Contains(imp, "13:58 -> 14:17") {
		t.Errorf("impact = %q, want the window 13:58 -> 14:17", imp)
	}
}

// TestImpactAnswerNamesTheDamage: a reply that only tells of the system ("pods on
// those nodes are stuck") answers nothing about who was hit or how much.
func TestImpactAnswerNamesTheDamage(t *testing.T) {
	answers := damageAnswers(analyzeLifecycle(sortedMessages(synthetic("INC-A",
		"ana: I'll IC. blast radius?",
		"joe: pods on those nodes are stuck",
		"ana: scaling the node group",
		"sue: how many users?",
		"sue: anyone?",
		"joe: rolled back the release",
		"joe: ~300 users"))))
	if !answers[1] {
		t.Errorf("answers = %v, want message 1 answering the blast radius question", answers)
	}
	// An action taken after a question, and a question after it, are no answers.
	for _, i := range []int{4, 5, 6} {
		if answers[i] {
			t.Errorf("answers = %v, want no answer at %d", answers, i)
		}
	}
	imp := impactOf(t,
		"bot> [FIRING:7] KubeNodeNotReady",
		"ana: I'll IC. blast radius?",
		"joe: pods on those nodes are stuck",
		"ana: cordoned and drained the bad nodes",
		"ana: resolved, ~45 min of degraded search for users")
	if !strings.Contains(imp, "degraded search") || strings.Contains(imp, "stuck") {
		t.Errorf("impact = %q, want the degraded search and no answer about pods alone", imp)
	}
}

// TestImpactNegatedEvent: what users expect said not to happen ("new products don't
// show up", "mails are not arriving") is damage; a negated harm ("were not
// affected", "didn't help") is not.
func TestImpactNegatedEvent(t *testing.T) {
	for _, s := range []string{"customers say new products don't show up in search", "password reset mails are not arriving",
		"9k new orders that haven't gone to the warehouse", "price changes aren't reflected"} {
		if !negatedEvent(lowerClean(s)) {
			t.Errorf("negatedEvent(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"ios users were not affected", "the restart didn't help", "writes never failed", "not bloat, it's the wal",
		"no customers lost data", "it's not related"} {
		if negatedEvent(lowerClean(s)) {
			t.Errorf("negatedEvent(%q) = true, want false", s)
		}
	}
	imp := impactOf(t,
		"bot> [FIRING:3] KubePodCrashLooping search-indexer",
		"ana: indexer OOMKilled at the 2Gi limit",
		"sue: support here: customers say new products don't show up in search",
		"ana: rolling back to 3.7.4",
		"ana: 3.7.4 rolled out, 4/4 running",
		"sue: resolved")
	if !strings.Contains(imp, "don't show up") {
		t.Errorf("impact = %q, want the products that don't show up", imp)
	}
}

// TestImpactWhatWasHit: an impact told only after the fix ("confirmed with the 2
// customers who wrote in") gets the first report of what people saw while it was
// going on; a report of the system ("indexer pods crashlooping") is not one, and a
// wrap-up that already says whom it hit and for how long needs none.
func TestImpactWhatWasHit(t *testing.T) {
	imp := impactOf(t,
		"bot> [FIRING:3] KubePodCrashLooping search-indexer",
		"ana: search-indexer crashlooping, indexer requests failing",
		"sue: support here: customers say new products don't show up in search",
		"ana: rolling back to 3.7.4",
		"ana: 3.7.4 rolled out, 4/4 running",
		"sue: confirmed with the 2 customers who wrote in, their products show up now",
		"sue: resolved")
	if !strings.Contains(imp, "don't show up in search") || !strings.Contains(imp, "2 customers") {
		t.Errorf("impact = %q, want what customers saw and the 2 customers", imp)
	}
	if strings.Contains(imp, "crashlooping") {
		t.Errorf("impact = %q, want no report of the system", imp)
	}
	imp = impactOf(t,
		"bot> [FIRING] CheckoutLatencyHigh",
		"sue: support: customers stuck at 'place order'",
		"ana: switching the waf ruleset to log-only",
		"ana: 403s gone",
		"ana: IC: 10:01 to 10:31 ~6.5% of checkout submits blocked with 403, ~1,100 distinct customers",
		"sue: resolved")
	if strings.Contains(imp, "place order") {
		t.Errorf("impact = %q, want the wrap-up alone", imp)
	}
}

// TestImpactResolutionRecap: the message that declares the end recaps the damage
// and wins a tie with a dashboard reading told while the cause was looked for;
// a sentence there reporting the state things are back in is no damage.
func TestImpactResolutionRecap(t *testing.T) {
	lc := analyzeLifecycle(sortedMessages(synthetic("INC-R",
		"bot> DOWN: static.example.shop",
		"joe: site loads but no css",
		"ana: cdn dashboard: origin fine, traffic to static dropped 90% at 07:31",
		"ana: restored the CNAME from the audit log",
		"joe: css back for me",
		"joe: resolved. web checkout failing for 38 min")))
	b := &summaryBuilder{lc: lc, used: map[string]bool{}}
	if got := b.impactSentences(); len(got) == 0 || !strings.Contains(got[0].text, "38 min") {
		t.Errorf("impact = %v, want the recap of the resolution first", got)
	}
	imp := impactOf(t,
		"ana: checkout errors",
		"sue: customer impact so far: roughly 2,300 orders could not be placed in the last 25 minutes",
		"ana: rolled back order-api to 5.1.3",
		"sue: error rate has been at baseline for 15 minutes. Marking the incident resolved.")
	if !strings.Contains(imp, "2,300 orders") || strings.Contains(imp, "baseline") {
		t.Errorf("impact = %q, want the 2,300 orders and not the recovery", imp)
	}
}

// TestImpactWindowApproximateEnd: a window whose end is approximate ("07:30 to
// ~08:08") is a window.
func TestImpactWindowApproximateEnd(t *testing.T) {
	for _, s := range []string{"07:30 to ~08:08", "13:58 -> 14:17", "from 10:01 to about 10:31"} {
		if !impactWindowRE.MatchString(s) {
			t.Errorf("impactWindowRE does not match %q", s)
		}
	}
}

// TestImpactNotAZeroReading: a reading of zero told after the fix ("hikari active
// 3/20, pending 0 on all 4 pods") checks the recovery; its counts are no tally of
// the damage.
func TestImpactNotAZeroReading(t *testing.T) {
	for _, s := range []string{"hikari active 3/20, pending 0 on all 4 pods", "49 nodes ready, 0 pending pods", "lag 0", "zero rebalances since"} {
		if !zeroReadingRE.MatchString(s) {
			t.Errorf("zeroReadingRE does not match %q", s)
		}
	}
	for _, s := range []string{"~600 tickets from people who got logged out", "5xx ratio 0.12", "10:01 to 10:31", "v1.0 rolled out", "2,300 orders could not be placed"} {
		if zeroReadingRE.MatchString(s) {
			t.Errorf("zeroReadingRE matches %q", s)
		}
	}
	imp := impactOf(t,
		"bot> [Triggered] reporting-service p95 latency > 10s",
		"ana: reports page timing out for everyone",
		"joe: the pool's 20 connections are idle in transaction",
		"joe: terminating the idle-in-transaction sessions",
		"ana: hikari active 3/20, pending 0 on all 4 pods",
		"joe: resolved")
	if strings.Contains(imp, "pending 0") {
		t.Errorf("impact = %q, want no reading of the recovery", imp)
	}
	imp = impactOf(t,
		"bot> [FIRING:7] KubeNodeNotReady",
		"ana: checkout failing for users in eu",
		"joe: replaced the 7 bad nodes",
		"ana: 49 nodes ready, 0 failed checkouts",
		"joe: resolved")
	if !strings.Contains(strings.ToLower(imp), "checkout failing") || strings.Contains(imp, "49 nodes") {
		t.Errorf("impact = %q, want the failing checkout and not the nodes after the fix", imp)
	}
}

// TestImpactDurationAtTheEnd: a duration said alone as the end is declared
// ("resolved. 2h10m") completes an impact that lacks its extent.
func TestImpactDurationAtTheEnd(t *testing.T) {
	imp := impactOf(t,
		"sue: many customers say they paid but the order is still pending",
		"ana: webhooks answer 401 for all provider calls, invalid signature",
		"joe: how many orders?",
		"ana: ~12,500 orders pending payment",
		"joe: fixed the secret path, restarting payments-webhooks",
		"ana: all pending orders confirmed by provider retries. resolved. 2h10m")
	if !strings.Contains(imp, "12,500 orders") || !strings.Contains(imp, "2h10m") {
		t.Errorf("impact = %q, want the 12,500 orders and the 2h10m", imp)
	}
}

// TestImpactQuotedScreen: what a screen said, quoted ("checkout says 'we could not
// verify your address'"), is no proposal of the writer's, and the report stays the
// damage people saw; an apostrophe opens no quote.
func TestImpactQuotedScreen(t *testing.T) {
	if got := quotedSpanRE.ReplaceAllString("customers don't see what's wrong", " "); got != "customers don't see what's wrong" {
		t.Errorf("apostrophes taken as a quote: %q", got)
	}
	imp := impactOf(t,
		"sue: customers write that checkout says 'we could not verify your address' for any address",
		"joe: provider returns OVER_QUERY_LIMIT on every request",
		"joe: backfill stopped, flag address_validation_soft=true",
		"sue: finance estimates ~3,400 abandoned checkouts",
		"ana: Resolved. 2h55m impact on checkout.")
	if !strings.Contains(imp, "could not verify your address") {
		t.Errorf("impact = %q, want what customers saw", imp)
	}
}
