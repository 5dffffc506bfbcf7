package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/evals"
)

// mitigationIndexOf is the index of the message the mitigation rules pick in a
// transcript of texts (incidentOf).
func mitigationIndexOf(texts ...string) int {
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(texts...))), used: map[string]bool{}}
	return b.mitigationIndex()
}

// A step ruled out ("5xx unchanged. not the waf"), a scale-out the errors went
// up with ("errors went UP as it scaled, not down"), then a limit capped with the
// recovery after it: the cap is the mitigation.
func TestUnchangedAndWentUpAreNoHelp(t *testing.T) {
	if got := mitigationIndexOf(
		"[TRIGGERED] outage-map-api: 5xx rate 38% over 5m",
		"the public map says 'unable to load outages' for the whole social team",
		"waf only challenging ~4% of requests. disabling the rate-limit rule anyway to rule it out",
		"rule off. 5xx unchanged. not the waf",
		"hpa took api from 6 -> 40 pods. errors went UP as it scaled, not down",
		"40 pods x pool 20 = 800 conns, max_connections 400",
		"capping hpa at 12 and pool at 25",
		"pods rolling. db conns 400 -> 290. errors dropping",
	); got != 6 {
		t.Errorf("mitigated at %d, want 6 (the cap)", got)
	}
	for _, low := range []string{"rule off. 5xx unchanged. not the waf", "errors went up as it scaled, not down"} {
		if !reportsNoHelp(textTags(copilot.Message{Text: low})) {
			t.Errorf("%q: read as no report that the step did not help", low)
		}
	}
	for _, low := range []string{"config unchanged since march", "not the whole fleet, only eu"} {
		if reportsNoHelp(textTags(copilot.Message{Text: low})) {
			t.Errorf("%q: read as a step that did not help", low)
		}
	}
	if tg := textTags(copilot.Message{Text: "capping hpa at 12 and pool at 25"}); len(tg.actions) == 0 {
		t.Error("a cap set to a number names no step")
	}
}

// The monitor's "[RESOLVED]" a minute after flags were applied tells the
// recovery: in dev33's iOS purchase incident the flags (retries off, throttled
// purchases deferred) are the mitigation, not the later answer to support that
// names a step word ("no restore needed").
func TestMonitorResolvedTellsTheRecovery(t *testing.T) {
	c, err := evals.LoadCorpus("../../evals/testdata/dev33")
	if err != nil {
		t.Fatal(err)
	}
	for _, li := range c.Incidents {
		if li.Labels.ID != "zx-ios-receipt-verify-retry-storm" {
			continue
		}
		ans, err := New(nil).Summarize(context.Background(), li.Incident)
		if err != nil {
			t.Fatal(err)
		}
		m := strings.ToLower(ans.Summary.Mitigation)
		if strings.Contains(m, "restore") || !strings.Contains(m, "retry") {
			t.Errorf("mitigation = %q, want the flags that turned retries off", ans.Summary.Mitigation)
		}
		return
	}
	t.Fatal("zx-ios-receipt-verify-retry-storm not in dev33")
}

// A step directed by one responder ("stop the predictor, mv the work dir
// aside…"), taken on by another ("+1, doing that on 01") and reported in the
// passive ("predictor stopped, work dir moved to work.old-0908, …") is the
// mitigation, though its report has a subject before each verb; the restart
// that "didn't help" before it is not.
func TestDirectedStepTakenOnAndReported(t *testing.T) {
	if got := mitigationIndexOf(
		"[TRIGGERED] Manual page from Control Room: RTPI arrival times frozen on displays + app",
		"restarting rtpi-predictor on node 01 to see if it picks up",
		"restart done, process up, healthz 200, feed_age still climbing. didn't help",
		"I verified with df -i. The inodes are 100% used. The disk has space but no more inodes",
		"I will delete the .part files older than 1 hour with find -delete on node 02 first.",
		"The find is very slow, it deleted only 300 thousand in 3 minutes.",
		"don't find -delete 6M files one by one. stop the predictor, mv the work dir aside, mkdir a fresh one, start it",
		"+1, doing that on 01. joao take 02",
		"node 01: predictor stopped, work dir moved to work.old-0908, fresh dir, predictor started. df -i 2%",
		"Node 02 is the same now. The service started and it is writing the snapshots. There are no errors in the log.",
	); got != 6 && got != 8 {
		t.Errorf("mitigated at %d, want the work dir moved aside (6 or 8)", got)
	}
	for _, low := range []string{"stop the predictor, mv the work dir aside", "restart the consumers on node 2"} {
		if !directsStep(low) {
			t.Errorf("%q directs no step", low)
		}
	}
	for _, low := range []string{"purge is enough", "check the logs on node 2", "tell them to use the timetable"} {
		if directsStep(low) {
			t.Errorf("%q read as a step directed", low)
		}
	}
}

// A revert reported with "holds do not clear" is an attempt that did not help;
// pausing the scheduler that double-booked, after it, is the mitigation.
func TestDoNotClearIsNoHelp(t *testing.T) {
	if got := mitigationIndexOf(
		"[TRIGGERED] lab middleware: 58 specimens on the R-17 hold worklist",
		"courier-scheduler booked the same three pickups twice, the driver found nothing to collect",
		"reverted Friday's middleware rule update (CHG-23310). holds do not clear",
		"pausing courier-scheduler and cancelling the duplicate bookings on the Swiftline portal",
		"no new duplicate bookings since, holds stable at 58",
	); got != 3 {
		t.Errorf("mitigated at %d, want 3 (the scheduler paused)", got)
	}
}

// A report that a step did not help stays one when recovery words stand beside
// it ("48 pods all up and healthy"), and a rerun reported with "same amounts …
// does nothing" takes the rerun out of the running.
func TestStrongNoHelp(t *testing.T) {
	for _, low := range []string{
		"uhh. scaled and success rate went DOWN. 48 pods all up and healthy. wtf",
		"Scaling does nothing.",
		"Purge alone is pointless, the key is wrong.",
		"rerun finished, same amounts. the reads themselves are bad so recalculating does nothing",
	} {
		if !reportsNoHelp(textTags(copilot.Message{Text: low})) {
			t.Errorf("%q: not read as a step that did not help", low)
		}
	}
	if tg := textTags(copilot.Message{Text: "sure, rerunning calc for the 217"}); len(tg.actions) == 0 {
		t.Error("rerunning a calculation names no step")
	}
	if got := mitigationIndexOf(
		"[TRIGGERED] login-svc: 5xx ratio > 5% for 2m",
		"pods look cooked tbh, scaling eu-west from 24 to 48",
		"uhh. scaled and success rate went DOWN. 48 pods all up and healthy. wtf",
		"more pods = more parallel retries = more calls into auth0",
		"Done: trust_window_s=1800 applied in all regions 18:21, config version 4412.",
		"429 from auth0 went from ~180/s to 2-3/s. success ratio back to normal",
	); got != 4 {
		t.Errorf("mitigated at %d, want 4 (the session trust window)", got)
	}
}

// A question someone else asks between a step asked for and its report ("what do I
// tell agents?") does not hide the report: the step asked for is the mitigation.
// (In dev30's billing incident the same shape still fails: "put a hold on" is no
// verb imperative knows.)
func TestQuestionBetweenStepAndReport(t *testing.T) {
	if got := mitigationIndexOf(
		"[TRIGGERED] billing: cycle 14 bills with abnormal amounts posted to the portal",
		"217 bills over $2,000, normal is ~15",
		"kyle please pause the print transfer job for cycle 14",
		"what do I tell agents?",
		"print transfer job for cycle 14 paused on both schedulers",
	); got != 2 && got != 4 {
		t.Errorf("mitigated at %d, want the pause (2 or 4)", got)
	}
}

// A report's header fields run together ("Review ID: … Status: Complete, actions
// in progress Authors: …") are its metadata: "Complete" there is no step done.
func TestHeaderFieldsAreNoStep(t *testing.T) {
	if !headerFields("Review ID: LR-2026-017 Date of incident: Wednesday 12 August 2026 Severity: SEV1 (public warning display) Status: Complete, actions in progress Authors: Raj Mehta") {
		t.Error("a header of fields read as prose")
	}
	for _, s := range []string{
		"Root cause: the overlay was cached for a day. Mitigation: purge issued at 14:48. Status: complete.",
		"Purge of /maps/warnings/* issued. Map shows Red on most edges.",
	} {
		if headerFields(s) {
			t.Errorf("%q read as header fields", s)
		}
	}
}
