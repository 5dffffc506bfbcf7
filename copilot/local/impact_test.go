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

// impactCases: transcripts whose impact must hold some words (compared in lower
// case) and not others, each for the rule it names.
var impactCases = []struct {
	name      string
	texts     []string
	want, not []string
}{
	{
		// The reply to a question about the damage, asked without a question mark,
		// is the impact even with no failure word, over a reading of the mechanism;
		// the extent it lacks is not taken from arithmetic on the mechanism nor
		// from a sentence telling why.
		name:  "answer to a question about the damage",
		texts: backlogChannel,
		want:  []string{"9k are new orders"},
		not:   []string{"poll interval", "30s timeout"},
	},
	{
		// A window joined with "so" still completes the extent.
		name: "window joined with so",
		texts: []string{"bot> [Triggered] checkout errors",
			"sue: support has 3 tickets already, customers getting 'payment could not be processed'",
			"ana: pool is exhausted, so every request waits 30s",
			"ana: rolled back to 2.30.4",
			"ana: errors back to baseline. 13:58 -> 14:17, so ~19 min",
			"sue: resolved"},
		want: []string{"13:58 -> 14:17"},
	},
	{
		// A reply that only tells of the system answers nothing about who was hit.
		name: "answer about the system",
		texts: []string{"bot> [FIRING:7] KubeNodeNotReady",
			"ana: I'll IC. blast radius?",
			"joe: pods on those nodes are stuck",
			"ana: cordoned and drained the bad nodes",
			"ana: resolved, ~45 min of degraded search for users"},
		want: []string{"degraded search"},
		not:  []string{"stuck"},
	},
	{
		// What users expect, said not to happen, is damage.
		name: "negated event",
		texts: []string{"bot> [FIRING:3] KubePodCrashLooping search-indexer",
			"ana: indexer OOMKilled at the 2Gi limit",
			"sue: support here: customers say new products don't show up in search",
			"ana: rolling back to 3.7.4",
			"ana: 3.7.4 rolled out, 4/4 running",
			"sue: resolved"},
		want: []string{"don't show up"},
	},
	{
		// An impact told only after the fix gets the first report of what people
		// saw while it went on, not a report of the system.
		name: "what was hit, before the fix",
		texts: []string{"bot> [FIRING:3] KubePodCrashLooping search-indexer",
			"ana: search-indexer crashlooping, indexer requests failing",
			"sue: support here: customers say new products don't show up in search",
			"ana: rolling back to 3.7.4",
			"ana: 3.7.4 rolled out, 4/4 running",
			"sue: the 2 customers who wrote in got a reply",
			"sue: resolved"},
		want: []string{"don't show up in search", "2 customers"},
		not:  []string{"crashlooping"},
	},
	{
		// A check with someone after the fix that names no harm checks the
		// recovery.
		name: "confirmation after the fix",
		texts: []string{"bot> [FIRING:3] KubePodCrashLooping search-indexer",
			"sue: support here: customers say new products don't show up in search",
			"ana: rolling back to 3.7.4",
			"ana: 3.7.4 rolled out, 4/4 running",
			"sue: confirmed with the 2 customers who wrote in, their products show up now",
			"sue: resolved"},
		want: []string{"don't show up in search"},
		not:  []string{"confirmed"},
	},
	{
		// A wrap-up that says whom it hit and for how long needs no early report.
		name: "wrap-up with whom and how long",
		texts: []string{"bot> [FIRING] CheckoutLatencyHigh",
			"sue: support: customers stuck at 'place order'",
			"ana: switching the waf ruleset to log-only",
			"ana: 403s gone",
			"ana: IC: 10:01 to 10:31 ~6.5% of checkout submits blocked with 403, ~1,100 distinct customers",
			"sue: resolved"},
		want: []string{"~1,100 distinct customers"},
		not:  []string{"place order"},
	},
	{
		// A sentence of the resolution message reporting the state things are back
		// in is no damage.
		name: "recovery in the resolution message",
		texts: []string{"ana: checkout errors",
			"sue: customer impact so far: roughly 2,300 orders could not be placed in the last 25 minutes",
			"ana: rolled back order-api to 5.1.3",
			"sue: error rate has been at baseline for 15 minutes. Marking the incident resolved."},
		want: []string{"2,300 orders"},
		not:  []string{"baseline"},
	},
	{
		// A reading of zero after the fix checks the recovery; its counts are no
		// tally of the damage.
		name: "zero reading after the fix",
		texts: []string{"bot> [Triggered] reporting-service p95 latency > 10s",
			"ana: reports page timing out for everyone",
			"joe: the pool's 20 connections are idle in transaction",
			"joe: terminating the idle-in-transaction sessions",
			"ana: hikari active 3/20, pending 0 on all 4 pods",
			"joe: resolved"},
		not: []string{"pending 0"},
	},
	{
		name: "zero reading beside a count after the fix",
		texts: []string{"bot> [FIRING:7] KubeNodeNotReady",
			"ana: checkout failing for users in eu",
			"joe: replaced the 7 bad nodes",
			"ana: 49 nodes ready, 0 failed checkouts",
			"joe: resolved"},
		want: []string{"checkout failing"},
		not:  []string{"49 nodes"},
	},
	{
		// A duration said alone as the end is declared completes the extent.
		name: "duration at the end",
		texts: []string{"sue: many customers say they paid but the order is still pending",
			"ana: webhooks answer 401 for all provider calls, invalid signature",
			"joe: how many orders?",
			"ana: ~12,500 orders pending payment",
			"joe: fixed the secret path, restarting payments-webhooks",
			"ana: all pending orders confirmed by provider retries. resolved. 2h10m"},
		want: []string{"12,500 orders", "2h10m"},
	},
	{
		// What a screen said, quoted, is no proposal of the writer's.
		name: "quoted screen",
		texts: []string{"sue: customers write that checkout says 'we could not verify your address' for any address",
			"joe: provider returns OVER_QUERY_LIMIT on every request",
			"joe: backfill stopped, flag address_validation_soft=true",
			"sue: finance estimates ~3,400 abandoned checkouts",
			"ana: Resolved. 2h55m impact on checkout."},
		want: []string{"could not verify your address"},
	},
}

func TestImpactCases(t *testing.T) {
	for _, tt := range impactCases {
		imp := strings.ToLower(impactOf(t, tt.texts...))
		for _, w := range tt.want {
			if !strings.Contains(imp, w) {
				t.Errorf("%s: impact = %q, want %q", tt.name, imp, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(imp, n) {
				t.Errorf("%s: impact = %q, want no %q", tt.name, imp, n)
			}
		}
	}
}

// TestDamageAnswers: the first message by someone else after a question about the
// damage or the people hit answers it; an action or a question in its place
// answers nothing.
func TestDamageAnswers(t *testing.T) {
	answers := damageAnswers(analyzeLifecycle(sortedMessages(synthetic("INC-A",
		"ana: I'll IC. blast radius?",
		"joe: pods on those nodes are stuck",
		"ana: scaling the node group",
		"sue: how many users?",
		"sue: anyone?",
		"joe: rolled back the release",
		"joe: ~300 users",
		"sue: what does it mean for merchants?",
		"joe: 1,240 merchant payouts miss today's value date"))))
	// A question about the people hit asks about the damage too.
	for _, i := range []int{1, 8} {
		if !answers[i] {
			t.Errorf("answers = %v, want message %d answering a question about the damage", answers, i)
		}
	}
	for _, i := range []int{4, 5, 6} {
		if answers[i] {
			t.Errorf("answers = %v, want no answer at %d", answers, i)
		}
	}
}

// TestNegatedEvent: what users expect said not to happen is damage; a negated harm
// ("were not affected", "didn't help") is not.
func TestNegatedEvent(t *testing.T) {
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
}

// TestImpactResolutionRecap: the message that declares the end recaps the damage
// and wins a tie with a dashboard reading told while the cause was looked for.
func TestImpactResolutionRecap(t *testing.T) {
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(synthetic("INC-R",
		"bot> DOWN: static.example.shop",
		"joe: site loads but no css",
		"ana: cdn dashboard: origin fine, traffic to static dropped 90% at 07:31",
		"ana: restored the CNAME from the audit log",
		"joe: css back for me",
		"joe: resolved. web checkout failing for 38 min"))), used: map[string]bool{}}
	if got := b.impactSentences(); len(got) == 0 || !strings.Contains(got[0].text, "38 min") {
		t.Errorf("impact = %v, want the recap of the resolution first", got)
	}
}

// TestImpactPatterns: an approximate window end is a window, a zero is a reading of
// zero, and an apostrophe opens no quote.
func TestImpactPatterns(t *testing.T) {
	for _, s := range []string{"07:30 to ~08:08", "13:58 -> 14:17", "from 10:01 to about 10:31"} {
		if !impactWindowRE.MatchString(s) {
			t.Errorf("impactWindowRE does not match %q", s)
		}
	}
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
	if got := quotedSpanRE.ReplaceAllString("customers don't see what's wrong", " "); got != "customers don't see what's wrong" {
		t.Errorf("apostrophes taken as a quote: %q", got)
	}
}

// TestImpactFromOpeningReport: when no sentence counts the people hit or says what
// went wrong to them in words the scorer knows, the report that opened the channel
// stands for the impact; a channel opened by a question or a step has none.
func TestImpactFromOpeningReport(t *testing.T) {
	report := []string{
		"dana: Hi all, parishes are calling, donors log in and their recurring gifts are just gone. 14 tickets in the last hour.",
		"tom: the archive job ran at 13:00 and moved the new-plan rows to the archive table",
		"tom: disabled the archive cron",
		"tom: restored the archived rows, counts match yesterday",
		"dana: resolved",
	}
	if got := strings.ToLower(impactOf(t, report...)); !strings.Contains(got, "recurring gifts are just gone") {
		t.Errorf("impact %q: want the opening report", got)
	}
	asked := append([]string{"dana: are recurring gifts gone for anyone else? 14 tickets in the last hour"}, report[1:]...)
	if got := impactOf(t, asked...); got != "" {
		t.Errorf("impact %q: a channel opened by a question has no opening report", got)
	}
}

// Being left without something ("1h20m without positions for ~48k vehicles") is
// damage; being without data loss or downtime is not.
func TestImpactWithout(t *testing.T) {
	if !negatedEvent("1h20m without positions for ~48k vehicles") || !negatedEvent("32 hours without live tyre-pressure data") {
		t.Error("deprivation not read as damage")
	}
	if negatedEvent("failed over without data loss") || negatedEvent("patched without downtime") {
		t.Error("good news read as damage")
	}
	got := strings.ToLower(impactOf(t,
		"bot> P2 mqtt-broker-b CPU 100% / connected clients 6k (expected 50k)",
		"ann: after the failover at 22:10 all trackers reconnect at the same time",
		"ann: rate limit live on the NLB",
		"ann: 48k back. all trackers online. 1h20m without positions for ~48k vehicles",
		"ann: resolved"))
	if !strings.Contains(got, "without positions") {
		t.Errorf("impact %q: want the vehicles without positions", got)
	}
}

// Waiting for what does not come ("ED says they have been waiting over an hour for
// 140 results"), or things gone or missing, is damage in the words of those hit.
func TestImpactWaitingAndMissing(t *testing.T) {
	got := strings.ToLower(impactOf(t,
		"bot> CRITICAL lis-results-out: queue depth 3,200 (threshold 500)",
		"ann: the results-out channel is throwing ORA-00018: maximum number of sessions exceeded",
		"bob: Wards are phoning the lab. ED says they have been waiting over an hour for 140 results.",
		"ann: bounced the results-out workers, sessions freed, queue moving",
		"ann: closing as resolved"))
	if !strings.Contains(got, "waiting over an hour for 140 results") {
		t.Errorf("impact %q: want the ED waiting for 140 results", got)
	}
}

// A sentence the root cause already quotes is not the impact's too: the impact
// takes the next best sentence that says who was hit.
func TestImpactSkipsWhatTheCauseQuotes(t *testing.T) {
	lc := analyzeLifecycle(sortedMessages(synthetic("INC-IMP",
		"felipe: Support says customers see two holds of 150 EUR on their card after one booking",
		"felipe: our adapter retries the pre-auth on timeout without an idempotency key. the gateway was slow 11:30-11:55 so the first call succeeded late and the retry made a second hold",
		"felipe: I'll turn off the retry in the adapter config now",
		"felipe: retry off since 12:08",
		"felipe: resolved")))
	b := &summaryBuilder{lc: lc, used: map[string]bool{}}
	first := b.impactSentences()
	if len(first) == 0 {
		t.Fatal("no impact at all")
	}
	b = &summaryBuilder{lc: lc, used: map[string]bool{first[0].text: true}}
	for _, s := range b.impactSentences() {
		if s.text == first[0].text {
			t.Errorf("impact quotes %q, which another field holds", s.text)
		}
	}
}

// People are counted by what they are to the business ("~60 kids", "9,214 fans",
// "300 passengers"), as customers and users are: each such count is impact.
func TestPeopleCountedByWhatTheyAre(t *testing.T) {
	for _, text := range []string{"~60 kids refunded or moved to the 11:30", "9,214 fans sent to the back of the queue", "300 passengers rebooked"} {
		if !impactCountRE.MatchString(strings.ToLower(text)) {
			t.Errorf("%q: no count of people", text)
		}
	}
	if impactCountRE.MatchString("load-test the heartbeat with 2k clients") {
		t.Error("software clients counted as people")
	}
}
