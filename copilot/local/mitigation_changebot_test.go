package local

import (
	"fmt"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// said is one message of a chat: who, and whether a tool posted it.
type said struct {
	who, text string
	bot       bool
}

// chatOf builds an incident from messages a minute apart.
func chatOf(msgs ...said) *copilot.Incident {
	inc := &copilot.Incident{ID: "T-2"}
	for i, m := range msgs {
		kind := copilot.KindMessage
		if m.bot {
			kind = copilot.KindBot
		}
		inc.Messages = append(inc.Messages, copilot.Message{TS: fmt.Sprintf("%d.000100", 1700000000+60*i), UserName: m.who, Kind: kind, Text: m.text})
	}
	return inc
}

func mitigationActsOf(inc *copilot.Incident) []int {
	b := newSummaryBuilder(analyzeLifecycle(sortedMessages(inc)))
	return b.mitigationActs()
}

// A flag bot's record of a change made by someone in the channel tells the
// step taken, as the person's own report would: the kill switch is the
// mitigation, not the rollback that did not help nor the unban after it.
func TestChangeBotRecordsTheStep(t *testing.T) {
	inc := chatOf(
		said{"pagerduty", "[TRIGGERED] match-abandon rate eu-central-1 > 3x baseline", true},
		said{"dex", "we shipped gameserver 7.3.2 at 13:50, rolling eu-central back", false},
		said{"deploybot", "gameserver eu-central-1: rollout 7.3.2 → 7.3.1 started by dex", true},
		said{"dex", "rollback done, eu-central all on 7.3.1. kicks still coming. so not the build", false},
		said{"sasha", "R-4471 flags the new nvidia overlay dll, its cert is not on the allowlist", false},
		said{"ines", "sasha, can we kill R-4471 alone without pushing a whole ruleset?", false},
		said{"sasha", "yes, per-rule kill switch in sentinel remote config. doing it now", false},
		said{"sentinel-bot", "rule R-4471 state: enforce → disabled (by sasha) — propagates within ~2 min", true},
		said{"grafana", "[OK] match-abandon rate eu-central-1 back under 1.5x baseline", true},
		said{"sasha", "batch unban through ban-admin, running it in chunks of 500. starting now", false},
	)
	acts := mitigationActsOf(inc)
	if len(acts) == 0 || acts[0] != 7 {
		t.Fatalf("mitigation acts %v, want the flag bot's record (7) first", acts)
	}
}

// What is not a change made in the channel is no step: an alert, a tracker's
// record, a severity change, or a change by someone who is not in the channel.
func TestChangeNoticeIsAPersonsChange(t *testing.T) {
	people := map[string]bool{"dex": true, "kenji": true, "ana": true}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"gameserver eu-central-1: rollout 7.3.2 → 7.3.1 started by dex", true},
		{"LaunchDarkly: flag boost_bundles turned OFF in production by @ana", true},
		{"Incident inc-2026-03-17 severity changed SEV3 → SEV2 by kenji", false},
		{"created OPS-12: alert on dlq depth (reported by dex)", false},
		{"[TRIGGERED] ingest rate 0 msg/s, escalated by dex", false},
		{"checkout v2.7.0 deployed to prod by renovate", false},
	} {
		tg := textTags(copilot.Message{Text: c.text, Kind: copilot.KindBot})
		tg.bot = true
		if got := changeNotice(tg, people); got != c.want {
			t.Errorf("%q: change notice %v, want %v", c.text, got, c.want)
		}
	}
}

// A step that bought a short reprieve ("restart bought ~90s. not a fix") or
// after which the symptom kept coming ("kicks still coming", "still 401") did
// not stop the bleeding.
func TestShortReprieveAndSymptomStillComingAreNoHelp(t *testing.T) {
	for _, s := range []string{
		"2 of 3 pods back at 200/200 busy. restart bought ~90s. not a fix",
	} {
		if !reportsNoHelp(textTags(copilot.Message{Text: s})) {
			t.Errorf("%q: not read as a step that did not help", s)
		}
	}
	for _, s := range []string{
		"rollback done, eu-central all on 7.3.1. kicks still coming. so not the build",
		"rerunning the fetcher by hand... still 401. not transient",
	} {
		if !failedAttempt(textTags(copilot.Message{Text: s})) {
			t.Errorf("%q: not read as a failed attempt", s)
		}
	}
	for _, s := range []string{
		"rolled back the config, 401s gone",
		"restarted the consumer, it is not the cause but lag is dropping",
	} {
		if failedAttempt(textTags(copilot.Message{Text: s})) {
			t.Errorf("%q: read as a failed attempt", s)
		}
	}
}

// "done in 4s" says nothing of what was done: the summary quotes the step its
// speaker had announced just before.
func TestBareCompletionQuotesTheAnnouncement(t *testing.T) {
	inc := chatOf(
		said{"pagerduty", "[TRIGGERED] slots-api: p95 latency > 2s", true},
		said{"filip", "slot query does a seq scan on delivery_slots, planner stats are stale", false},
		said{"marta", "yep, last autoanalyze on delivery_slots is 2026-05-29", false},
		said{"marta", "running ANALYZE delivery_slots; ANALYZE slot_reservations; now", false},
		said{"marta", "done in 4s. EXPLAIN now index scan, 38ms", false},
		said{"filip", "p95 back to 200ms, slots loading again", false},
	)
	if m := summarize(t, inc).Mitigation; !strings.Contains(m, "ANALYZE delivery_slots") {
		t.Errorf("mitigation %q, want the ANALYZE it completed", m)
	}
	// Another speaker's announcement is not what this report completes.
	b := newSummaryBuilder(analyzeLifecycle(sortedMessages(chatOf(
		said{"ana", "hiding the invoices in the portal", false},
		said{"bo", "done, portal shows april balance again", false},
	))))
	if i, _ := b.completedAnnouncement(1, "Done, portal shows april balance again."); i >= 0 {
		t.Errorf("completed another speaker's announcement (%d)", i)
	}
}

// A try that did not help, then undone ("flipping the acquirer back", and the
// flag tool's record of it), is no mitigation; the step the recovery followed
// is, quoted from its announcement when its report opens "done at 01:12".
func TestUndoneTryIsNoMitigation(t *testing.T) {
	inc := chatOf(
		said{"pagerduty", "[TRIGGERED] trip-svc: StartTrip 5xx ratio 38%", true},
		said{"tobi", "switching to the backup acquirer to rule it out", false},
		said{"deploybot", "flag change by tobi: payments.acquirer = backup_acquirer (prod-eu1), was: paylane", true},
		said{"olu", "no change. still ~38% 5xx", false},
		said{"hanna", "every failing insert says nextval: reached maximum value of sequence trip_events_id_seq", false},
		said{"tobi", "oh. ok. flipping the acquirer back", false},
		said{"deploybot", "flag change by tobi: payments.acquirer = paylane (prod-eu1), was: backup_acquirer", true},
		said{"olu", "running ALTER SEQUENCE trip_events_id_seq MINVALUE -2147483648 RESTART WITH -2147483648 on trips-pg", false},
		said{"olu", "done at 01:12. nextval gives -2147483647 now, inserts going through, 5xx already falling", false},
	)
	if acts := mitigationActsOf(inc); len(acts) == 0 || acts[0] != 8 {
		t.Fatalf("mitigation acts %v, want the report of the sequence restart (8) first", acts)
	}
	if m := summarize(t, inc).Mitigation; !strings.Contains(m, "ALTER SEQUENCE") {
		t.Errorf("mitigation %q, want the ALTER SEQUENCE its report completes", m)
	}
	// A rollback naming what the failed try did not is a step of its own.
	b := newSummaryBuilder(analyzeLifecycle(sortedMessages(chatOf(
		said{"ana", "restarting checkout-api pods", false},
		said{"bo", "no change, still 5xx", false},
		said{"ana", "rolling checkout-api back to 2.30.4", false},
	))))
	if b.undoesFailed(b.lc.msgs[2], []int{0}, -1) {
		t.Error("a rollback to a version read as undoing the restart")
	}
}

// Captures paused, and "no new charges since 18:23" after another person's
// "still coming in": the pause stopped the bleeding, not the restart before it.
// A flag tool's "flag change by sanne: …" records the step.
func TestStillComingInAndNoNewSince(t *testing.T) {
	inc := chatOf(
		said{"lotte", "5 tickets in 15 min: charged twice for the same trip", false},
		said{"tobi", "restarting the capture workers, some have ~300 captures in flight", false},
		said{"lotte", "still coming in. 19 now. one has 4 charges", false},
		said{"hanna", "every retry gets a fresh idempotency key, so the provider charges again", false},
		said{"sanne", "flipping it", false},
		said{"deploybot", "flag change by sanne: billing.capture.enabled = false (prod-eu1), was: true", true},
		said{"sanne", "no new charges since 18:23. the pending ones go out once we've fixed it", false},
	)
	if acts := mitigationActsOf(inc); len(acts) == 0 || acts[0] < 4 {
		t.Fatalf("mitigation acts %v, want the capture flag (4 or 5), not the restart", acts)
	}
	if !recovered(textTags(copilot.Message{Text: "no new charges since 18:23"})) {
		t.Error(`"no new charges since 18:23" is no recovery`)
	}
}

// A person confirming the service works for them tells the recovery.
func TestWorksForMeIsRecovery(t *testing.T) {
	for _, s := range []string{"works here, advice opens", "openssl shows the new cert. app loads on my phone", "logs in fine for me"} {
		if !textTags(copilot.Message{Text: s}).verify {
			t.Errorf("%q: no recovery", s)
		}
	}
	for _, s := range []string{"the script works here but not in prod?", "how it works here is a mystery"} {
		if tg := textTags(copilot.Message{Text: s}); tg.verify && !tg.question {
			t.Errorf("%q: read as a recovery", s)
		}
	}
}

// A report's impact section tells the damage, and an option "considered and
// rejected" was not taken: neither is the mitigation of a postmortem.
func TestImpactSectionAndRejectedOptionAreNoSteps(t *testing.T) {
	md := "# Learning review: dispatch stopped\n\nSeverity: SEV2 (declared 07:40 CET)\n\n" +
		"## Impact\n\nEstimated lost trip revenue: EUR 38,000. Riders saw no errors, only fewer cars on the map.\n\n" +
		"## Timeline\n\n| time | event |\n|---|---|\n" +
		"| 05:52 | relay starts failing with integer overflow on task 2147483648 |\n" +
		"| 10:05 | Restarting the id sequence in the negative range is considered and rejected (see below). |\n" +
		"| 11:20 | Hotfix relay 4.3.1 deployed with an int64 task id; the relay moves on and tasks publish again. |\n"
	for _, s := range []string{"Restarting the id sequence in the negative range is considered and rejected (see below).",
		"Failover to the replica considered and rejected (see Five Whys)."} {
		if !untaken(lowerClean(s)) {
			t.Errorf("%q: read as a step taken", s)
		}
	}
	inc, err := transcript.ReadPostmortem("pm-dispatch.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if m := summarize(t, inc).Mitigation; !strings.Contains(m, "4.3.1") {
		t.Errorf("mitigation %q, want the hotfix", m)
	}
}

// A chain of clauses joined by arrows explains the mechanism; arrows between
// values record a change. A forecast ("I'd expect it to be caught up in 30-40
// minutes") is no check.
func TestCausalChainAndForecast(t *testing.T) {
	for _, c := range []struct {
		text  string
		chain bool
	}{
		{"so: purge job spewing wal -> replica 13+ min behind -> booking capacity check + slot list read the replica right after someone booked -> overbooking", true},
		{"thumbnail-worker memory limit 512mi -> 2gi, worker_concurrency 4 -> 1, rolling out", false},
		{"ocr-worker: config ocr_job_concurrency 16 → 6, replicas 24 → 12, rolling restart started", false},
		{"donor-app-web prod config: slot_cache_ttl 60s -> 0 (disabled)", false},
	} {
		if got := causalChain(c.text); got != c.chain {
			t.Errorf("%q: causal chain %v, want %v", c.text, got, c.chain)
		}
	}
	if textTags(copilot.Message{Text: "Purge scheduler disabled. At its current replay rate I'd expect it to be caught up in 30-40 minutes."}).verify {
		t.Error("a forecast read as a recovery")
	}
	if !textTags(copilot.Message{Text: "replica caught up, replay_lag 0.4s"}).verify {
		t.Error("a recovery no longer read")
	}
}

// A terse "yes rolling now" quotes the deploy tool's record of the same
// person's change.
func TestTerseReplyQuotesTheChangeRecord(t *testing.T) {
	inc := chatOf(
		said{"pagerduty", "[TRIGGERED] config-edge: flag sync failing", true},
		said{"javi", "config-edge logs: upstream flaghub sync failed: 401 Unauthorized api_key_expired", false},
		said{"helga", "New key is in vault at secret/config-edge/flaghub (version 7). javi can you roll config-edge?", false},
		said{"javi", "yes rolling now", false},
		said{"deploybot", "config-edge deploy #4471 started by javi - reason: secret rotation (flaghub key v7)", true},
		said{"javi", "no more 401. flaghub sync ok, 214 flags loaded", false},
	)
	if m := summarize(t, inc).Mitigation; !strings.HasPrefix(m, "Config-edge deploy #4471") {
		t.Errorf("mitigation %q, want the deploy record in place of the terse reply", m)
	}
}

// A check's own result ("dkim=pass, dmarc=pass", "health: success") tells the
// recovery after the step it checks.
func TestCheckResultIsRecovery(t *testing.T) {
	for _, s := range []string{
		"switched back to rp1. test to my gmail and an outlook.com address: dkim=pass header.s=rp1, dmarc=pass, both in inbox",
		"readiness probe after the reload: status: success",
	} {
		if !textTags(copilot.Message{Text: s}).verify {
			t.Errorf("%q: no recovery", s)
		}
	}
	for _, s := range []string{"the password is the pass phrase from vault", "we need a passing test before merge"} {
		if textTags(copilot.Message{Text: s}).verify {
			t.Errorf("%q: read as a recovery", s)
		}
	}
}
