package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// A process that restarts "all the time" or "in a loop" is the symptom, not a step
// somebody took.
func TestRestartingAllTheTimeIsTheSymptom(t *testing.T) {
	for _, low := range []string{"gateway answers ping but sensord is restarting all the time",
		"the worker is crashing in a loop since 06:10", "api pods crashlooping"} {
		if tg := textTags(copilot.Message{Text: low}); tg.taken {
			t.Errorf("%q read as a step taken (actions %v)", low, tg.actions)
		}
	}
	if tg := textTags(copilot.Message{Text: "restarted sensord on the gateway"}); !tg.taken {
		t.Error("a restart reported done is still a step taken")
	}
}

// Putting a spare unit in a failed one's place and pausing what does harm are
// steps whatever the unit or the paused thing is called.
func TestSwapAndPauseAreSteps(t *testing.T) {
	for _, low := range []string{
		"swapped in the spare gateway from the shelf",
		"I swap to the spare gateway, 20 min",
		"replaced the failed disk in node 3",
		"paused the exam timer for everyone",
		"Sofia stopped online booking for the regatta weekend",
		"the trading desk suspended in-play betting by hand",
		"posted in the exam chat: do not close the browser, timer paused",
	} {
		if tg := textTags(copilot.Message{Text: low}); len(tg.actions) == 0 {
			t.Errorf("%q names no step", low)
		}
	}
	for _, low := range []string{"the scheduler stopped at 03:00", "we swapped notes about the outage"} {
		if tg := textTags(copilot.Message{Text: low}); len(tg.actions) > 0 {
			t.Errorf("%q read as step %v", low, tg.actions)
		}
	}
}

// A unit running, online or flowing "again" is the recovery; a failure "again"
// is not.
func TestAgainTellsTheRecoveryOfAGoodState(t *testing.T) {
	for _, low := range []string{"spare gw is in place, sensord running, FV-07..12 data in Grafana again",
		"kiosks online again", "orders flowing again since 10:40", "meters back online", "all 340 logged in again, uploads catching up"} {
		if !verifyRE.MatchString(low) {
			t.Errorf("%q: no recovery read", low)
		}
	}
	for _, low := range []string{"failing again", "errors again after the restart", "down again"} {
		if verifyRE.MatchString(low) {
			t.Errorf("%q read as a recovery", low)
		}
	}
}

// The spare swapped in, then the data back: the spare is the mitigation, not the
// sensor daemon restarting by itself.
func TestSwapThenDataBackIsTheMitigation(t *testing.T) {
	inc := synthetic("INC-SWAP",
		"bot> [Alerting] Cellar B fermenters: no data for 15m",
		"ana: the tank display in cellar B shows --- for all six tanks",
		"lukas: I am on it. gateway cellar-b-gw01 answers ping but sensord is restarting all the time",
		"lukas: the SD card has remounted itself read-only, dmesg is full of I/O errors",
		"lukas: I swap to the spare gateway from the shelf, the cloned image is from november. 20 min",
		"lukas: spare gw is in place, sensord running, FV-07..12 data in Grafana again",
		"ana: danke!",
	)
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if m := strings.ToLower(ans.Summary.Mitigation); !strings.Contains(m, "spare") {
		t.Errorf("mitigation %q, want the spare gateway put in place", ans.Summary.Mitigation)
	}
	if lc := analyzeLifecycle(sortedMessages(inc)); lc.mitigated >= 0 && lc.mitigated < 4 {
		t.Errorf("mitigated at message %d, before the swap", lc.mitigated)
	}
}

// "done, but they need to log in again" after the same person's "I can raise the
// token lifetime to 4h": the mitigation quotes the offer, which names the step.
func TestBareDoneQuotesTheOfferItCompletes(t *testing.T) {
	inc := synthetic("INC-OFFER",
		"hd: many students say 'connection lost, answers not saved', all at once",
		"mo: 401s from the autosave endpoint for all sessions since 11:00. expired token",
		"mo: SSO access token lifetime is 2 hours and the client never uses the refresh token",
		"mo: I can raise the token lifetime to 4h for the proctoring client id only. 2 min",
		"mo: done, but they need to log in again to get a new token",
		"hd: all 340 logged in again, uploads catching up",
	)
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if m := strings.ToLower(ans.Summary.Mitigation); !strings.Contains(m, "raise the token lifetime") || strings.HasPrefix(m, "done") {
		t.Errorf("mitigation %q, want the offer that names the step", ans.Summary.Mitigation)
	}
}

// A rollback reported done "…not seeing any improvement?? carts still disappear"
// did not help, whatever the question marks; the flag turned off after it, with
// the evictions at zero, is the mitigation.
func TestRollbackWithoutImprovementIsNoMitigation(t *testing.T) {
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(
		"[Triggered] Checkout conversion below 1.5%",
		"support: people add stuff to the cart, go to payment and the cart is empty",
		"cart-service v412 went out at 12:41, I think it's the deploy",
		"rolling back cart-service to v411 now",
		"rollback done, v411 everywhere. ...not seeing any improvement?? carts still disappear in my own test",
		"redis sessions cluster at maxmemory, evicting sessions. keys rv:* 3.4gb, no ttl, flag recs_recently_viewed went 100% at 12:45",
		"turning recs_recently_viewed off now, then unlinking rv:* in batches",
		"unlink done, 3.3gb freed. evictions 0 since 13:29",
	))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 6 {
		t.Errorf("mitigated at %d, want 6 (the flag turned off)", got)
	}
}

// "Done. 2.8 GB free, evictions zero since 08:53" reports the step announced just
// before it: that step is the mitigation, not the report.
func TestBareDoneWithItsCheckReportsTheStepBefore(t *testing.T) {
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(
		"Alert P2: careslot-web login rate 5x baseline",
		"three clinics are phoning: doctors get thrown out in the middle of a booking",
		"Redis is at 3.99 of 4 GB, evicted_keys 2.1 million since 08:00, the big keys are rpt:export:*",
		"Suspending the capacity-report CronJob and deleting rpt:export:* with SCAN + UNLINK.",
		"Done. 2.8 GB free, evictions zero since 08:53, no new logouts in the logs.",
	))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 3 {
		t.Errorf("mitigated at %d, want 3 (the step the report completes)", got)
	}
}

// A rollback "still flapping", a restart after which the units "drop again", and
// then a setting put back with "no drops in 5 min": the setting is the mitigation.
func TestFlappingAfterRollbackAndRestart(t *testing.T) {
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(
		"[Triggered] Restaurant tablet connections dropped >30% (ws-gateway)",
		"rolling back ws-gateway to v3.7 just in case",
		"rollback done... still flapping. restarting all ws-gateway pods",
		"ok after the restart tablets reconnect and then drop again after about a minute",
		"the drop is at exactly 60s idle. ALB idle_timeout on ws-gateway-alb is 60, it was 300",
		"setting idle_timeout back to 300 on ws-gateway-alb in the console now",
		"done 17:47. connected tablets climbing 4.4k → 6.8k, no drops in 5 min",
	))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 5 {
		t.Errorf("mitigated at %d, want 5 (the timeout set back)", got)
	}
}

// A restart that "helped for ~3 min, errors back above 20%" did not stop the
// bleeding; "reminder-worker scaled to 0" is a step reported in the passive with
// the value it set, and it did.
func TestBriefHelpAndAPassiveStepWithItsValue(t *testing.T) {
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(
		"[Triggered] invoice-api 5xx rate > 5%",
		"5xx on invoice-api since ~08:55, almost all 'timeout acquiring connection' from the pool",
		"restarting the invoice-api deployment",
		"restart helped for ~3 min, errors back above 20%",
		"Postgres has 497 of 500 connections, 400 of them from reminder_worker",
		"Marco, scale reminder-worker to zero. Reminders can wait.",
		"reminder-worker scaled to 0",
		"connections down to 96. 5xx at 0.4% and falling",
	))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 6 {
		t.Errorf("mitigated at %d, want 6 (the worker scaled to zero)", got)
	}
	for _, low := range []string{"connections grew to 497", "the cluster doubled to 400 nodes"} {
		if passiveStep(low) {
			t.Errorf("%q read as a step", low)
		}
	}
	for _, low := range []string{"reminder-worker scaled to 0", "retention set back to 7 days"} {
		if !passiveStep(low) {
			t.Errorf("%q not read as a step", low)
		}
	}
}

// "429 ratio is same" and "even more 404 … purge was a bad idea" tell attempts
// that did not help; "logins going through" is the recovery after the revert.
func TestSameRatioAndABadIdeaAreNoMitigation(t *testing.T) {
	for _, tt := range []struct {
		texts []string
		want  int
	}{
		{[]string{"[FIRING] IngressHTTP429Ratio 0.58 > 0.05",
			"I think it is DDoS. I turn on 'under attack' mode in Cloudflare now.",
			"Under attack mode is on, but 429 ratio is same.",
			"found it. limit_req_zone key is $server_addr now, was $binary_remote_addr",
			"reverting the configmap key to $binary_remote_addr. reload on all 6 ingress pods",
			"logins going through!!!"}, 4},
		{[]string{"[Triggered] Origin 4xx rate high (media-cdn)",
			"Purge done. Now even more 404 and origin requests 10x. Sorry, purge was a bad idea.",
			"the PR added an S3 lifecycle rule with an empty prefix, objects are behind delete markers",
			"running terraform apply with the rule disabled",
			"rule disabled, apply done 07:58. 404 ratio back to 0.2% baseline."}, 3},
	} {
		b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(tt.texts...))), used: map[string]bool{}}
		if got := b.mitigationIndex(); got != tt.want {
			t.Errorf("%q: mitigated at %d, want %d", tt.texts[0], got, tt.want)
		}
	}
}

// "Alias points to v4, confirmed. Deleting submissions-v3." announces a step in
// its second sentence; a rollback after which the counts "stay at zero" did not
// help.
func TestStepInASecondSentenceAndCountsStayingAtZero(t *testing.T) {
	lc := analyzeLifecycle(sortedMessages(incidentOf(
		"Alias submissions points to v4, confirmed. Deleting submissions-v3.",
		"Alias submissions points to v4, confirmed. Looking at the disks.",
		"Flink job rolled back to the old version; counts for the missing hours stay at zero.",
	)))
	if !shapedAction(lc.msgs[0]) {
		t.Error("the deletion announced in the second sentence is no step")
	}
	if shapedAction(lc.msgs[1]) {
		t.Error("a look read as a step")
	}
	if !failedAttempt(lc.msgs[2]) {
		t.Error("a rollback with the counts staying at zero read as working")
	}
}

// A report's header line ("Date: … · Severity: SEV-2 · Status: complete") says the
// review is complete; it is no step that mitigated.
func TestHeaderLineIsNoCompletedStep(t *testing.T) {
	inc := synthetic("INC-HDR",
		"Date: 2025-09-09 · Severity: SEV-2 · Author: Rahul Menon · Status: complete.",
		"Devices stopped installing updates at 06:00: the repository signing subkey had expired.",
		"We extended the subkey expiry and re-signed the repository metadata at 08:10; installs succeeded again from 08:20.",
	)
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if m := strings.ToLower(ans.Summary.Mitigation); strings.Contains(m, "status") || !strings.Contains(m, "subkey") {
		t.Errorf("mitigation %q, want the subkey extended", ans.Summary.Mitigation)
	}
}

// "please switch rule 100342 to log-only" answered by "Rule 100342 switched to
// log-only" is the step, and "wave_height not null anymore" is a recovery.
func TestSwitchingASettingAndNotNullAnymore(t *testing.T) {
	for _, low := range []string{"nadia, please switch rule 100342 to log-only mode now.", "rule 100342 switched to log-only on the edge waf.",
		"quick fix: i switch the wave source to our fallback model"} {
		if tg := textTags(copilot.Message{Text: low}); len(tg.actions) == 0 {
			t.Errorf("%q names no step", low)
		}
	}
	for _, low := range []string{"wave_height not null anymore, null ratio 0%", "orders no longer stuck"} {
		if !verifyRE.MatchString(low) {
			t.Errorf("%q: no recovery read", low)
		}
	}
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(
		"tickets-web checkout: 403 rate 9% (threshold 2%)",
		"403s come from the WAF, rule id 100342 'sqli-promo-code', deployed yesterday 17:00.",
		"Nadia, please switch rule 100342 to log-only mode now.",
		"Rule 100342 switched to log-only on the edge WAF.",
		"403 rate back to 0.1%. Test purchase with name O'Brien-Smith succeeds.",
	))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 2 && got != 3 {
		t.Errorf("mitigated at %d, want the rule switched to log-only (2 or 3)", got)
	}
}

// Putting something "back to" where it was is a rollback whatever the verb, a
// config pushed "with default=false" sets a value, and searches that "return hits
// again" recovered; what falls back by itself is no step.
func TestBackToAndPushedWithAValue(t *testing.T) {
	for _, low := range []string{"swinging alias `courses` back to courses_20260901", "pointed dns back to the old lb",
		"pushing bidder config with default=false for that flag"} {
		if tg := textTags(copilot.Message{Text: low}); len(tg.actions) == 0 {
			t.Errorf("%q names no step", low)
		}
	}
	if tg := textTags(copilot.Message{Text: "bidder sdk falls back to code default"}); len(tg.actions) > 0 {
		t.Errorf("a fallback by itself read as step %v", tg.actions)
	}
	if !verifyRE.MatchString("code searches return hits again") {
		t.Error("searches returning hits again read as no recovery")
	}
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(
		"support queue exploding: 'course search shows nothing' since this morning",
		"the nightly reindex used mapping v14 which renamed course_code -> code, and the alias swapped to it",
		"swinging alias `courses` back to courses_20260901",
		"code searches return hits again",
	))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 2 {
		t.Errorf("mitigated at %d, want 2 (the alias swung back)", got)
	}
}

// With no recovery told, a step told as a guess ("just in case", "thinking a job
// was stuck") is passed over for the step after it; a plain first step is kept.
func TestAGuessedStepIsPassedOver(t *testing.T) {
	for _, tt := range []struct {
		first string
		want  int
	}{
		{"Restarted payout-worker to clear its queue just in case.", 2},
		{"Restarted payout-worker to clear its queue.", 1},
	} {
		b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(
			"[Alert] payout file count 2 for settlement date 2026-11-01",
			tt.first,
			"Asked the bank to hold batch 20261101-b, recall request signed by treasury, bank confirmed the hold.",
		))), used: map[string]bool{}}
		if got := b.mitigationIndex(); got != tt.want {
			t.Errorf("%q: mitigated at %d, want %d", tt.first, got, tt.want)
		}
	}
}

// "16 replicas, same story." says the scale-out did not help.
func TestSameStoryIsNoHelp(t *testing.T) {
	if !notHelpedRE.MatchString("16 replicas, same story. every pod dies after picking up a few jobs") {
		t.Error("'same story' read as help")
	}
}

// A reading against a usual day, a reading under load and a feature named for
// recovery tell no recovery; a figure falling or back to normal does.
func TestBaselineReadingIsNoRecovery(t *testing.T) {
	for _, low := range []string{
		"also cancellations way up, my dashboard shows rider cancel rate 23% vs 8% on a normal thursday",
		"geozone p99 is 900ms right now under rush load",
		"ok whatever the cause, stop the auto recovery pls",
	} {
		if tellsRecovery(lowerClean(low)) {
			t.Errorf("%q read as a recovery", low)
		}
	}
	for _, low := range []string{"rebalances stopped, group stable with 12 members. lag dropping fast 2.1M -> 1.2M",
		"cancel rate back to normal", "error rate back under 1%"} {
		if !tellsRecovery(lowerClean(low)) {
			t.Errorf("%q: no recovery read", low)
		}
	}
}

// A guess that made things worse, its undoing, the cause found, and then a
// step told after a finding in the same message ("there is a flag X, flipping
// it to false now") with the recovery next: the flag is the mitigation, neither
// the scale-out nor the scale-back.
func TestStepAfterAFindingInOneMessage(t *testing.T) {
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(
		"[FIRING] KafkaConsumerLagHigh group=loc-ingest lag=1.84M",
		"prob just not enough consumers for rush hour. scaling loc-ingest 12 -> 24 replicas",
		"also cancellations way up, rider cancel rate 23% vs 8% on a normal thursday",
		"scaled to 24... lag still climbing, 2.3M now. worse??",
		"so they rebalance all the time, adding replicas makes it worse",
		"oops. ok scaling back to 12",
		"found it. the zone-enrichment change went out this morning and calls geozone-svc per record in the poll loop; geozone p99 is 900ms under rush load",
		"there is a flag loc_ingest.zone_enrichment, flipping it to false now",
		"rebalances stopped, group stable with 12 members. lag dropping fast 2.1M -> 1.2M",
	))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 7 {
		t.Errorf("mitigated at %d, want 7 (the flag turned off)", got)
	}
}

// "rollback changed nothing" tells the rollback did not help; work that "keeps"
// going ("the optimiser keeps calculating") is no failure, a crash that keeps
// coming is.
func TestChangedNothingAndKeepsGoing(t *testing.T) {
	if !notHelpedRE.MatchString("rollback changed nothing, so not the rule pack") {
		t.Error("'changed nothing' not read as no help")
	}
	if failedAttemptRE.MatchString("paused 02:36. optimiser keeps calculating but holds results") {
		t.Error("work going on read as a failed attempt")
	}
	if !failedAttemptRE.MatchString("restarted it, the pod keeps crashing") {
		t.Error("a crash that keeps coming not read as a failed attempt")
	}
}

// A step refused for now ("no rollback unless the purge fails") is not taken,
// whatever the sentences that weigh it say; the purge announced after it, with
// the recovery next, is the mitigation.
func TestRefusedStepIsNotTaken(t *testing.T) {
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(
		"ALERT patch_download_error_ratio 0.18 > 0.05 for 5m",
		"CDN edge logs = 404 on /patch/live/chunks/ and the CDN caches 404 for 1h on that path",
		"or we point live manifest back to 1.13.2?",
		"no rollback unless purge fails. rollback means everyone who already patched redownloads 12GB",
		"purging /patch/live/chunks/* on all POPs now. takes 5-10 min",
		"purge complete. 404s dropping fast",
	))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 4 {
		t.Errorf("mitigated at %d, want 4 (the purge)", got)
	}
}

// A vendor's report that opens with "received." and ends by asking for a test
// tells the step it took ("updated the bind password … and reloaded the auth
// service"): a question after a statement does not make the message a question.
func TestReportEndingInARequestIsAStep(t *testing.T) {
	if asks("received. updated the LDAP bind password in your tenant auth config and reloaded the auth service. can you test?") {
		t.Error("a report that asks for a test read as a question")
	}
	if !asks("can we just rm the journal? it is 471G") || !asks("ok. should we fail over now?") {
		t.Error("a question read as a statement")
	}
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(
		"[Zabbix] Problem: Catalog member login check failing",
		"restarted stunnel on ldap-gw01, no difference, still fails",
		"532 = password expired. it is the bind account svc-ilsbind",
		"received. updated the LDAP bind password in your tenant auth config and reloaded the auth service. can you test?",
		"test card login OK",
		"Update 09:08: member logins working again since ~09:01",
	))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 3 {
		t.Errorf("mitigated at %d, want 3 (the password updated and the service reloaded)", got)
	}
}

// Of a message's sentences, the step announced in the progressive ("deleting
// checkpoint.1402-1404 from /p4/1/logs now") is quoted, not the check before it.
func TestAnnouncedStepIsTheSentenceQuoted(t *testing.T) {
	if mitigationSentenceScore(lowerClean("deleting checkpoint.1402-1404 from /p4/1/logs now")) <= mitigationSentenceScore(lowerClean("checked, on backup-nas-02 with matching md5.")) {
		t.Error("the announced step does not outrank the check")
	}
}
