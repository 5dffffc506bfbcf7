package local

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// reportOf makes a report of sections, one message a section paragraph, given as
// heading and text pairs, a second apart.
func reportOf(pairs ...string) *copilot.Incident {
	inc := &copilot.Incident{ID: "PM-9"}
	for i := 0; i+1 < len(pairs); i += 2 {
		inc.Messages = append(inc.Messages, copilot.Message{TS: fmt.Sprintf("%d.000000", 1700000000+i/2), User: "doc",
			UserName: pairs[i], Kind: copilot.KindSection, Text: pairs[i+1]})
	}
	return inc
}

func summarize(t *testing.T, inc *copilot.Incident) copilot.Summary {
	t.Helper()
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	return ans.Summary
}

// A paragraph that tells the step, the recovery it brought and then the permanent
// fix done later is quoted for the step, not for the later fix.
func TestMitigationIsTheStepBeforeTheRecoveryNotTheLaterFix(t *testing.T) {
	inc := reportOf(
		"Summary", "The billing API returned errors for 30 minutes after its signing key expired.",
		"Resolution", "The on-call engineer issued a key by hand in the vault console and loaded it on every billing node; "+
			"errors stopped at 10:40. The next day the rotation job's role was restored and an automatic rotation was verified.",
	)
	got := summarize(t, inc).Mitigation
	if !strings.Contains(got, "issued a key by hand") || strings.Contains(got, "restored") {
		t.Errorf("mitigation %q, want the key loaded by hand, not the later repair", got)
	}
	for _, tt := range []struct {
		low  string
		k    int
		want bool
	}{
		{"errors back to normal at 10:40.", 1, true},
		{"errors back to normal at 10:40.", 0, false}, // nothing told before it
		{"we reloaded the config on every node; errors back to normal.", 0, true},
		{"the restart did not help, errors back to normal only later?", 1, false},
	} {
		if got := recoveryAfterStep(tt.low, tt.k); got != tt.want {
			t.Errorf("recoveryAfterStep(%q, %d) = %v, want %v", tt.low, tt.k, got, tt.want)
		}
	}
}

// A terse report without headings lists its timeline as clock-led items: the step
// told after the first symptom row is the mitigation, the change before it the
// trigger, and the quote leaves the row's time to the timeline.
func TestMitigationFromClockRowsWithoutATimelineHeading(t *testing.T) {
	inc := reportOf(
		"Introduction", "date: 2026-03-02, sev3, team: search",
		"Introduction", "09:10 synonym list for the catalog index replaced by the nightly job",
		"Introduction", "09:25 support alert: searches for common words return nothing",
		"Introduction", "09:40 synonym list restored from yesterday's snapshot",
		"Introduction", "09:43 search results back to normal",
		"Introduction", "resolved 10:00",
	)
	if got := summarize(t, inc).Mitigation; !strings.HasPrefix(got, "synonym list restored") {
		t.Errorf("mitigation %q, want the restore at 09:40 without its time", got)
	}
	for _, tt := range []struct {
		kind, text string
		want       bool
	}{
		{copilot.KindSection, "- 09:40 synonym list restored", true},
		{copilot.KindSection, "2026-03-02: we restored the synonym list", false},
		{"", "09:40 restored the synonym list", false}, // a chat message, not a row
	} {
		m := copilot.Message{TS: "1.0", Kind: tt.kind, UserName: "Introduction", Text: tt.text}
		if got := timelineRow(tagMessage(0, m)); got != tt.want {
			t.Errorf("timelineRow(%q, %q) = %v, want %v", tt.kind, tt.text, got, tt.want)
		}
	}
}

// Whether a step was taken is read in the sentence that names it: another
// sentence's denial or plan is about something else.
func TestTakenIsReadInTheSentenceOfTheStep(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Export job paused on both workers. 2,100 reports were not yet generated and are held.", true},
		{"Rolled back the gateway to 3.1. We will look at the config diff tomorrow.", true},
		{"We never paused the export job.", false},
		{"Pause the export job on both workers? 2,100 reports are still queued.", false},
		{"We will roll back the gateway. The config diff is not yet known.", false},
	} {
		if got := tagMessage(0, incidentOf(tt.text).Messages[0]).taken; got != tt.want {
			t.Errorf("taken(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A queue that drains is the recovery told in an action's word: the mitigation
// quotes the step before it, even when the recovery's sentence is the longer one.
func TestMitigationSentenceIsNotTheQueueDraining(t *testing.T) {
	step := "At 14:02 Maya killed the stuck report query."
	after := "The queue drained within a minute and by 14:10 every import job was completing normally again."
	if s, q := mitigationSentenceScore(lowerClean(step)), mitigationSentenceScore(lowerClean(after)); s <= q {
		t.Errorf("score(step) = %v, score(recovery) = %v: want the step first", s, q)
	}
}

// A recovery that no step of the responders explains follows the step another
// team or a vendor was told to be taking: that step is the mitigation. A look
// under way is no step.
func TestMitigationIsAStepUnderWayByAVendor(t *testing.T) {
	for _, tt := range []struct {
		texts     []string
		mitigated int
	}{
		{[]string{"[FIRING] api error ratio 21% in zone b", "failing over the cache primary to zone a",
			"failover done, errors unchanged", "cloud support on the call: they are moving traffic off the faulty switches in zone b",
			"error ratio 0.9% and dropping", "resolved"}, 3},
		{[]string{"[FIRING] api error ratio 21% in zone b", "failing over the cache primary to zone a",
			"failover done, errors unchanged", "we are looking at the switch logs with the vendor",
			"error ratio 0.9% and dropping", "resolved"}, -1},
	} {
		b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(tt.texts...))), used: map[string]bool{}}
		if got := b.mitigationIndex(); got != tt.mitigated {
			t.Errorf("%q: mitigated at %d, want %d", tt.texts[3], got, tt.mitigated)
		}
	}
}

// A person who declares or escalates the incident gives its first signal when no
// alert came before; a question about escalating does not.
func TestFirstSignalIsADeclarationOrEscalation(t *testing.T) {
	for _, tt := range []struct {
		texts []string
		first int
	}{
		{[]string{"Escalation from account management: Northwind gets HTTP 403 on every upload since 10:00.",
			"upload errors only for their account", "re-adding their role to the policy now", "uploads succeed again"}, 0},
		{[]string{"Morning. I am declaring an incident: the weekly export ran twice.", "both schedulers ran it at 02:00, errors in the ledger"}, 0},
		{[]string{"should we escalate this to the vendor?", "uploads failing with 403 for Northwind"}, 1},
	} {
		if got := analyzeLifecycle(sortedMessages(incidentOf(tt.texts...))).firstSignal; got != tt.first {
			t.Errorf("%q: first signal %d, want %d", tt.texts[0], got, tt.first)
		}
	}
}

// "latency same" after a step says the symptom did not change: the step did not
// help, and the one after it is the mitigation.
func TestMeasureTheSameIsNoHelp(t *testing.T) {
	texts := []string{"[FIRING] ledger-api p99 > 4s", "reverting ledger-api to the previous build",
		"revert done but p99 same, new pods block on the first insert", "killed the stuck vacuum session, inserts flowing", "resolved"}
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(texts...))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 3 {
		t.Errorf("mitigated at %d, want 3 (%q)", got, texts[3])
	}
	if reportsNoHelp(tagMessage(0, incidentOf("the same team owns the ledger and the api").Messages[0])) {
		t.Error("'the same team' read as a step that did not help")
	}
}

// A step asked for or announced under way, with its report next, is the
// mitigation, and the announcement is what the field quotes; a look announced is
// no step, and a report that the step did not help drops it.
func TestMitigationIsTheStepAskedForAndReported(t *testing.T) {
	for _, tt := range []struct {
		texts     []string
		mitigated int
		quote     string
	}{
		{[]string{"I am declaring an incident: every invoice went out twice overnight", "both exporters ran the invoice job at 02:00",
			"First we stop the damage. Please pause the invoice job on both exporters.", "Invoice job paused on both exporters, 900 mails held.",
			"voided the duplicates with finance", "resolved"}, 2, "Please pause the invoice job on both exporters."},
		{[]string{"[FIRING] login failure rate 24%", "failures only from web-2 and web-4, their clocks are 40s ahead",
			"Tokens are valid for 30s so those two reject every one. Taking web-2 and web-4 out of the pool now.",
			"Both drained from the pool. Failure rate 1.1%.", "resolved"}, 2, "Taking web-2 and web-4 out of the pool now."},
		{[]string{"[FIRING] login failure rate 24%", "looking at the web-2 pool now",
			"pool drained of web-2 by the autoscaler, failure rate the same", "resolved"}, -1, ""},
	} {
		inc := incidentOf(tt.texts...)
		b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(inc)), used: map[string]bool{}}
		if got := b.mitigationIndex(); got != tt.mitigated {
			t.Errorf("%q: mitigated at %d, want %d", tt.texts[2], got, tt.mitigated)
			continue
		}
		if got := summarize(t, inc).Mitigation; tt.quote != "" && !strings.HasPrefix(got, tt.quote) {
			t.Errorf("mitigation %q, want %q", got, tt.quote)
		}
	}
}

// Customers who could not do something are a signal, in the past tense too.
func TestCustomersWhoCouldNotAreASignal(t *testing.T) {
	for _, s := range []string{"some customers of the shop could not pay for an hour", "customers couldn't log in"} {
		if !tagMessage(0, incidentOf(s).Messages[0]).detection {
			t.Errorf("%q read as no signal", s)
		}
	}
}

// A status report in prose tells the step by its grammar, whatever its verb, and
// the recovery after it; a look is no step.
func TestMitigationFromAProseReportsStepAndRecovery(t *testing.T) {
	for _, tt := range []struct {
		step      string
		mitigated int
	}{
		{"At 15:10 we took the two stale hosts out of the rotation, and failures stopped by 15:20. We then fixed their clocks.", 2},
		{"At 15:10 we looked at the two stale hosts in the dashboards, and failures stopped by 15:20.", -1},
	} {
		inc := reportOf(
			"Introduction", "Between 14:05 and 15:20 some customers could not stay signed in.",
			"Introduction", "We first reverted the new login page at 14:40, but that did not change anything.",
			"Introduction", tt.step,
		)
		b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(inc)), used: map[string]bool{}}
		if got := b.mitigationIndex(); got != tt.mitigated {
			t.Errorf("%q: mitigated at %d, want %d", tt.step, got, tt.mitigated)
		}
	}
	if v, _ := openingReport("At 15:10 we took the hosts out of the rotation"); v != "take" {
		t.Errorf("openingReport read %q after a capitalised clock lead, want take", v)
	}
}

// A report's sections are not in time order: an attempt that a "What we tried"
// section says did not help does not undo the mitigation its Summary labels.
func TestFailedAttemptInAnotherSectionKeepsTheLabelledMitigation(t *testing.T) {
	inc := reportOf(
		"Summary", "Impact: internal dashboards were stale for a day.\nMitigation: the data team paused the import DAG at 10:02 UTC; the hourly loads were then replayed.",
		"What we tried", "Re-running the failed hourly tasks at 09:05 did not help; each failed with the same quota error.",
		"Resolution", "After pausing the import, the data team changed it to batch its files and restarted it the next day.",
	)
	if got := summarize(t, inc).Mitigation; !strings.Contains(got, "paused the import DAG") {
		t.Errorf("mitigation %q, want the labelled pause", got)
	}
}

// A label before the step ("quick fix: …") is no subject: the step is the
// responders' own.
func TestMitigationAfterALabel(t *testing.T) {
	texts := []string{"[FIRING] DAG revenue_marts failed: column amount_cents does not exist",
		"the upstream export renamed amount_cents overnight, schema v7 published without notice",
		"quick fix: pinning the loader to export schema v6, upstream still publishes v6 for a month",
		"rerun ok with v6, marts fresh", "permanent fix merged: the model reads v7. unpinned. resolved"}
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(texts...))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 2 {
		t.Errorf("mitigated at %d, want 2 (%q)", got, texts[2])
	}
}

// A symptom that stays only until the step takes effect ("still fail until the
// negative TTL expires") is no failed attempt.
func TestSymptomUntilTheStepTakesEffectIsNoFailure(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Record is back. Resolvers that cached the NXDOMAIN still fail until the negative TTL expires.", false},
		{"Record is back. Resolvers still fail.", true},
	} {
		if got := reportsNoHelp(tagMessage(0, incidentOf(tt.text).Messages[0])); got != tt.want {
			t.Errorf("reportsNoHelp(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// Of the mitigating message's sentences, the one that explains why it broke in an
// action's word is the cause, and the step the speaker announces is the fact.
func TestMitigationSentenceIsTheAnnouncedStepNotTheExplanation(t *testing.T) {
	cause := lowerClean("Then the record was removed because the cleanup PR marked it unused.")
	step := lowerClean("I will re-create the CNAME by hand in the console now.")
	if c, s := mitigationSentenceScore(cause), mitigationSentenceScore(step); c >= s {
		t.Errorf("score(explanation) = %v, score(announced step) = %v: want the step first", c, s)
	}
}

// A step told in the simple present after its speaker, as a second language often
// reports it ("I cordon node-7 and delete the pods there"), is the step taken; a
// verb that takes another, a look and a telling are not.
func TestPresentStepInASecondLanguage(t *testing.T) {
	for _, tt := range []struct {
		low  string
		want bool
	}{
		{"i cordon pool-b-7 and pool-b-9 and delete checkout pods there", true},
		{"so we pause the importer on both hosts", true},
		{"i first try to scale checkout to 12 replica", false},
		{"i check the node metrics", false},
		{"i post an update in the status page", false},
		{"network team re-open udp 123 to pool.ntp.org", true},
		{"the dns team reopen port 53 on the resolver firewall", true},
		{"network team check the firewall logs", false},
	} {
		if got := presentStep(tt.low); got != tt.want {
			t.Errorf("presentStep(%q) = %v, want %v", tt.low, got, tt.want)
		}
	}
	texts := []string{"[FIRING] checkout p95 1.9s > 800ms", "slow pods all on node-7, a batch job takes all its cpu",
		"i first try to scale checkout to 12 replica", "scale is not help, new pods land on node-7 too",
		"I cordon node-7 and delete checkout pods there so they move to other nodes", "checkout pods on other nodes now",
		"uncordon done after the batch team set cpu limits, we close it"}
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(texts...))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 4 {
		t.Errorf("mitigated at %d, want 4 (%q)", got, texts[4])
	}
}

// Another team's step told in the simple present ("network team re-open udp 123";
// cases in TestPresentStepInASecondLanguage) is a step taken, and of its message it
// is the sentence quoted, not the recovery told after it.
func TestPresentStepOfAnotherTeam(t *testing.T) {
	texts := []string{"[FIRING] gateways offline 27%", "gateway clocks 9 min late, ntp is blocked by the firewall change",
		"Network team re-open UDP 123 to pool.ntp.org. Gateways sync clock now, connected count is going up",
		"all gateways connected, closing"}
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(texts...))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 2 {
		t.Fatalf("mitigated at %d, want 2", got)
	}
	if got := b.mitigationSentence(2); !strings.Contains(got, "re-open UDP 123") {
		t.Errorf("mitigation sentence %q, want the team's step", got)
	}
}

// A rollout halted is a pause whatever it ships ("OTA rollout of 5.2 halted"); a
// replication that stopped by itself, told with the words between, is no step.
func TestRolloutHaltedIsAPause(t *testing.T) {
	var pause *regexp.Regexp
	for _, ac := range actionClasses {
		if ac.name == "pause" {
			pause = ac.re
		}
	}
	for _, tt := range []struct {
		low  string
		want bool
	}{
		{"ota rollout of 5.2 halted; devices still on 5.1 stay there", true},
		{"we paused the canary rollout", true},
		{"replication to ldap-03 stopped after the schema change that day", false},
	} {
		if got := pause.MatchString(tt.low); got != tt.want {
			t.Errorf("pause matches %q = %v, want %v", tt.low, got, tt.want)
		}
	}
	inc := reportOf("Summary", "Firmware 5.2 went to the whole fleet at once and devices went offline.",
		"Timeline", "— Offline count starts rising.", "Timeline", "— Datadog monitor \"fleet offline > 5%\" pages the IoT on-call.",
		"Timeline", "— OTA rollout of 5.2 halted; devices still on 5.1 stay there.",
		"Timeline", "— Offline count back to normal; incident resolved.")
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(inc)), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 3 {
		t.Errorf("mitigated at %d, want 3", got)
	}
}

// A step told in the passive, the thing changed first and the doer left out or
// after "by", is a step taken; a state or a history told with an auxiliary, the
// queue that drained by itself and a look are not.
func TestPassiveStepReport(t *testing.T) {
	for _, tt := range []struct {
		low  string
		want bool
	}{
		{"campaign paused in braze by jonas from marketing. 429s dropping", true},
		{"chronyd enabled and started on batch-01..06, clocks in sync", true},
		{"hosts were rebuilt on friday", false},
		{"backlog drained in ten minutes", false},
		{"logs checked on all hosts", false},
		{"hotfix 2.8.1 deployed.", false},
	} {
		if got := passiveStep(tt.low); got != tt.want {
			t.Errorf("passiveStep(%q) = %v, want %v", tt.low, got, tt.want)
		}
	}
	texts := []string{"[FIRING] invoice batches failed, 401 from billing-api", "batch host clocks are 4 min ahead, chronyd inactive",
		"first i'll start chronyd on the six hosts, then rerun", "chronyd enabled and started on batch-01..06, clocks in sync",
		"rerunning invoice batches region by region", "all 14 regions done", "resolved"}
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(texts...))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 3 {
		t.Errorf("mitigated at %d, want 3 (%q)", got, texts[3])
	}
}

// A timeline row labelled a plan is no step; the row after it that tells the step
// in the passive is ("07-07 09:05 | flag x enabled for all sends").
func TestPlanRowIsNoStepAndPassiveRowIs(t *testing.T) {
	inc := reportOf("Summary", "Android pushes were dropped for a day after the vendor switched the old API off.",
		"Timeline", "07-07 07:40 | Support escalates 300 tickets about missing notifications.",
		"Timeline", "07-07 08:15 | Sven finds the DeprecatedApi error in raw responses.",
		"Timeline", "07-07 08:30 | Plan: enable the v1 client behind a flag, then replay the last 24 h of pushes.",
		"Timeline", "07-07 09:05 | Flag fcm_http_v1 enabled for all Android sends; first deliveries confirmed.",
		"Timeline", "07-07 10:10 | Delivery rate back to 97%; pushes of the last 24 h replayed; incident resolved.")
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(inc)), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 4 {
		t.Errorf("mitigated at %d, want 4", got)
	}
}

// A report's opening note ("This report is in English") is said before its story
// begins and is no completion report; a timeline row in the historical present
// with a verb in -ies ("Javier applies the policy again") is a step.
func TestMitigationNotBeforeTheStoryAndPresentInIes(t *testing.T) {
	if presentVerb("applies") != "apply" || presentVerb("reloads") != "reload" || presentVerb("series") != "" {
		t.Errorf("presentVerb: applies %q, reloads %q, series %q", presentVerb("applies"), presentVerb("reloads"), presentVerb("series"))
	}
	inc := reportOf(
		"Introduction", "Team: Identity. This report is in English; some parts are written by colleagues.",
		"Summary", "From 10:12 until 11:03 the selfie upload for new profiles was failing with Access Denied; around 7,300 new users could not finish the sign-up.",
		"What happened", "10:05 A Terraform apply changed the policy of the bucket selfies-raw.",
		"What happened", "10:12 First errors in the upload service: AccessDenied on PutObject.",
		"What happened", "10:41 Javier finds the policy change in the Terraform apply output.",
		"What happened", "10:48 Javier applies again the policy from the console version, with a hotfix commit. Uploads work from 10:50.",
		"What happened", "11:03 We close the incident after 10 minutes of normal funnel.",
	)
	if got := summarize(t, inc).Mitigation; !strings.Contains(got, "applies again the policy") {
		t.Errorf("mitigation %q, want the 10:48 row", got)
	}
}

// A paragraph led by a label that is a sentence of its own ("Containment. At 07:10
// …") is labelled as one led by "Containment:" is: the mitigation, quoted without
// its label.
func TestMitigationLabelledByAContainmentLead(t *testing.T) {
	for _, lead := range []string{"Containment.", "Containment:", "Workaround."} {
		inc := reportOf(
			"Introduction", "Problem statement. Between 04:50 and 07:35 labels printed at 17 of 41 depots carried a blank barcode.",
			"Introduction", "Root cause. A template release at 04:45 changed the label template to reference a font missing on old printers.",
			"Introduction", lead+" At 07:10 the release manager rolled the label template back to version 2026.10.2 in the template service.",
			"Corrective action plan", "The template service will reject a template that references a missing font.",
		)
		if got := summarize(t, inc).Mitigation; !strings.HasPrefix(got, "At 07:10 the release manager rolled") {
			t.Errorf("%s: mitigation %q, want the rollback without its label", lead, got)
		}
	}
}

// A report whose timeline tells the steps is read there for the mitigation, not
// in its summary, which tells the whole story out of order; a row that opens with
// the first signal ("First photographer email: …") is the symptom the step answers.
func TestMitigationFromTheTimelineNotTheSummary(t *testing.T) {
	inc := reportOf(
		"Introduction", "Incident date: 2026-05-06 · Severity: 2",
		"Summary", "On 6 May a change to the nightly purge job deleted the originals of 1,140 active galleries. They were restored from object versions by 05:40.",
		"Timeline (UTC)", "02:00 | Nightly purge job starts; it deletes galleries expired for more than 30 days.",
		"Timeline (UTC)", "02:14 | First photographer email: my client's gallery is all grey.",
		"Timeline (UTC)", "03:20 | Viktor finds the purge selected galleries where expires_at is NULL.",
		"Timeline (UTC)", "03:24 | Viktor disables the purge job schedule. Deletions stop.",
		"Timeline (UTC)", "05:40 | All 1,140 galleries restored from object versions.",
		"Timeline (UTC)", "05:54 | Incident resolved by Hannah.",
	)
	if got := summarize(t, inc).Mitigation; !strings.Contains(got, "disables the purge job schedule") {
		t.Errorf("mitigation %q, want the 03:24 row", got)
	}
	for row, want := range map[string]bool{
		"02:14 | First photographer email: the gallery is grey": true,
		"10:12 First errors in the upload service":              true,
		"03:24 | Viktor disables the purge job schedule":        false,
	} {
		if got := symptomReportRE.MatchString(lowerClean(row)); got != want {
			t.Errorf("symptomReportRE(%q) = %v, want %v", row, got, want)
		}
	}
}

// "is in"/"is out" report a change shipped only when they close the clause or say
// how it went out ("the fix is in.", "pool_max_conns=10 is out via the config
// map"); "the flush is in the publish job since the summer" says where a thing is.
func TestDoneIsInOnlyWhenShipped(t *testing.T) {
	for s, want := range map[string]bool{
		"the fix is in.": true,
		"pool_max_conns=10 is out via the config map":      true,
		"patch is in prod, errors dropping":                true,
		"the flush is in the publish job since the summer": false,
		"this report is in english":                        false,
		"the cache is out of memory again":                 false,
	} {
		if got := doneRE.MatchString(s); got != want {
			t.Errorf("doneRE(%q) = %v, want %v", s, got, want)
		}
	}
}

// A heading that asks how the system allowed it is answered by the cause, as one
// that asks why is; the story told under "What happened" is not the cause.
func TestRootCauseUnderAHowHeading(t *testing.T) {
	for h, want := range map[string]bool{"how the system allowed it": true, "why did it happen": true, "how it happened": true, "what happened": false, "how we fixed it": false} {
		if got := asksWhy(h); got != want {
			t.Errorf("asksWhy(%q) = %v, want %v", h, got, want)
		}
	}
	inc := reportOf(
		"What happened", "On 2026-11-06 between 02:10 and 05:40 UTC the alignment stage processed 214 samples twice. No result was released.",
		"How the system allowed it", "A worker takes a sample with a lease of 20 minutes. The new reference genome made alignment take 25 to 40 minutes, so every long sample outlived its lease and was handed out a second time.",
		"What we did", "At 05:30 Dev paused the whole-genome queue. At 05:40 the lease was set to 90 minutes and the queue resumed.",
	)
	if got := summarize(t, inc).RootCause; !strings.Contains(got, "lease") {
		t.Errorf("root cause %q, want the lease outlived under the how heading", got)
	}
}

// Holding a queue so no more work goes through the fault stops the bleeding
// before the repair: "holding the pipeline queue …" then "queue held" is the
// mitigation, not the re-run that came after it.
func TestHoldingTheQueueMitigates(t *testing.T) {
	texts := []string{"the QC of run NX2 is weird: 30% of reads unassigned",
		"sample sheet for that run came from the new LIMS export with semicolons",
		"holding the pipeline queue so no more runs get demuxed with this",
		"queue held. 3 runs waiting",
		"I converted the sample sheets of the 3 waiting runs to comma separated, re-demux started",
		"re-demux done, 97% assigned, queue released. resolved"}
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(texts...))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 2 && got != 3 {
		t.Errorf("mitigated at %d, want 2 or 3 (the queue held)", got)
	}
}

// Deleting the bad records ("deleted the 14 duplicate orders from tonight's
// batch") is a step, so the promises after it are the wrap-up's.
func TestDeletingRecordsIsAStep(t *testing.T) {
	lc := analyzeLifecycle(sortedMessages(incidentOf(
		"trucks loaded with double amounts for 14 shops",
		"14 shops with duplicate orders, second copy 20-40 sec after the first",
		"deleted the 14 duplicate orders from tonight's batch so the next bake run doesn't use them",
		"I'll put a client-generated order UUID on each order and the API rejects the same UUID twice. before friday",
		"all trucks corrected, shops informed. closing.")))
	if lc.mitigated != 2 {
		t.Errorf("mitigated at %d, want 2 (the duplicates deleted)", lc.mitigated)
	}
}
