package local

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// summaryTests name, per hand-made transcript, the message each field must cite
// (by the start of its text) and the timeline moments expected.
var summaryTests = []struct {
	name       string
	file       string
	rootCause  string
	resolution string
	status     string
	impact     string
	timeline   map[string]string // label -> message prefix
}{
	{
		name:       "slack channel with wrong guess before the finding",
		file:       "slack_pool",
		rootCause:  "turns out the new batch reconciler",
		resolution: "rolled back batch-reconciler",
		status:     "resolved. thanks all",
		impact:     "support says customers",
		timeline: map[string]string{
			"First signal": "[FIRING:1] CheckoutHighErrorRate",
			"Declared":     "declaring SEV2",
			"Cause found":  "turns out the new batch reconciler",
			"Mitigation":   "killed the idle in transaction",
			"Resolved":     "resolved. thanks all",
		},
	},
	{
		name:       "document with a restart that did not help",
		file:       "doc_pool_orders",
		rootCause:  "root cause: the export worker release",
		resolution: "reverted the export worker",
		status:     "resolved",
		timeline: map[string]string{
			"Cause found": "root cause: the export worker release",
			"Resolved":    "resolved",
		},
	},
	{
		name:       "dns incident with a cause stated without cue words",
		file:       "slack_dns",
		rootCause:  "coredns pods at 100% cpu",
		resolution: "scaled coredns from 2 to 6",
		status:     "all clear, closing the incident",
		timeline: map[string]string{
			"First signal": "Monitor triggered",
			"Resolved":     "all clear",
		},
	},
	{
		name: "postmortem sections",
		file: "postmortem_ingress",
		// The trigger (the change that removed the route), not a contributing
		// factor (where the route was defined).
		rootCause:  "On Thursday 3rd April 2025 a change",
		resolution: "2025-04-03 10:05 | Reverted the cleanup commit",
		status:     "2025-04-03 10:13 | All services responding again",
		impact:     "On Thursday 3rd April 2025",
		timeline: map[string]string{
			"First signal": "2025-04-03 09:36 | Issue detected",
			"Cause found":  "2025-04-03 09:58 | Discovered",
			"Mitigation":   "2025-04-03 10:05 | Reverted",
			"Resolved":     "2025-04-03 10:13 | All services",
		},
	},
}

func TestLocalSummarize(t *testing.T) {
	e := New(nil)
	for _, tt := range summaryTests {
		t.Run(tt.name, func(t *testing.T) {
			inc := loadTestIncident(t, tt.file)
			ans, err := e.Summarize(context.Background(), inc)
			if err != nil {
				t.Fatal(err)
			}
			checkSummaryShape(t, inc, ans)
			cited := func(field, text, prefix string) {
				t.Helper()
				if prefix == "" {
					return
				}
				want := tsOf(t, inc, prefix)
				for _, c := range ans.Citations {
					if strings.Contains(text, c.Text) && len(c.SourceTS) == 1 && c.SourceTS[0] == want {
						return
					}
				}
				t.Errorf("%s %q does not cite the message %q (%s)", field, text, prefix, want)
			}
			s := ans.Summary
			cited("root cause", s.RootCause, tt.rootCause)
			// The action that fixed it is the mitigation when it was the first to
			// work, else the resolution.
			cited("mitigation or resolution", s.Mitigation+" "+s.Resolution, tt.resolution)
			cited("status", s.Status, tt.status)
			cited("impact", s.Impact, tt.impact)
			for label, prefix := range tt.timeline {
				want := tsOf(t, inc, prefix)
				found := false
				for _, e := range s.Timeline {
					if strings.Contains(e.Text, label) && e.SourceTS[0] == want {
						found = true
					}
				}
				if !found {
					t.Errorf("timeline has no %q entry citing %q: %+v", label, prefix, s.Timeline)
				}
			}
			if ans.DroppedSentences != 0 {
				t.Errorf("the local engine drafted %d sentences with invalid citations", ans.DroppedSentences)
			}
		})
	}
}

// checkSummaryShape asserts what holds for every local summary: each field is made
// of cited sentences that point at real messages, the timeline is in time order with
// RFC 3339 times, and the whole is short.
func checkSummaryShape(t *testing.T, inc *copilot.Incident, ans *copilot.SummaryAnswer) {
	t.Helper()
	if ans.Engine != copilot.EngineLocal || ans.PromptVersion != Version || ans.IncidentID != inc.ID {
		t.Errorf("answer header = %q %q %q", ans.Engine, ans.PromptVersion, ans.IncidentID)
	}
	s := ans.Summary
	for name, field := range map[string]string{"overview": s.Overview, "impact": s.Impact, "root cause": s.RootCause, "resolution": s.Resolution, "status": s.Status} {
		rest := field
		for _, c := range ans.Citations {
			rest = strings.Replace(rest, c.Text, "", 1)
		}
		if strings.TrimSpace(rest) != "" {
			t.Errorf("%s has uncited text %q", name, rest)
		}
		if strings.Contains(field, "<!") || strings.Contains(field, "<@") {
			t.Errorf("%s can ping people: %q", name, field)
		}
	}
	for _, c := range ans.Citations {
		if !copilot.ValidCitation(inc, c.SourceTS) {
			t.Errorf("citation %q points at %v, not messages of the incident", c.Text, c.SourceTS)
		}
	}
	var last time.Time
	for _, e := range s.Timeline {
		if !copilot.ValidCitation(inc, e.SourceTS) {
			t.Errorf("timeline entry %q points at %v", e.Text, e.SourceTS)
		}
		at, err := time.Parse(time.RFC3339, e.At)
		if err != nil {
			t.Errorf("timeline entry %q has time %q: %v", e.Text, e.At, err)
			continue
		}
		if at.Before(last) {
			t.Errorf("timeline out of order at %q", e.Text)
		}
		last = at
	}
	words := len(strings.Fields(strings.Join([]string{s.Overview, s.Impact, s.RootCause, s.Resolution, s.Status}, " ")))
	if words > 150 {
		t.Errorf("summary has %d words; it must be readable in half a minute", words)
	}
}

func TestLocalSummarizeSafety(t *testing.T) {
	inc := synthetic("INC-9",
		"bot> [FIRING] ApiErrors 5xx 30% <!channel>",
		"ana: <!here> customers cannot log in, 40% of logins failing",
		"ben: db url is postgres://app:hunter2@db.internal:5432/app and it refuses connections",
		"ben: turns out the pool limit was lowered to 5 in the last config change, so logins queue until timeout <!channel>",
		"ana: rolled back the config change",
		"ben: errors back to normal",
		"ana: resolved",
	)
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	checkSummaryShape(t, inc, ans)
	all := ans.Summary.Overview + ans.Summary.Impact + ans.Summary.RootCause + ans.Summary.Resolution + ans.Summary.Status
	for _, e := range ans.Summary.Timeline {
		all += e.Text
	}
	if strings.Contains(all, "hunter2") {
		t.Errorf("summary quotes a pasted secret: %q", all)
	}
	if strings.Contains(all, "<!") || strings.Contains(all, "@here") {
		t.Errorf("summary can notify people: %q", all)
	}
	if !strings.Contains(ans.Summary.RootCause, "pool limit was lowered") {
		t.Errorf("root cause = %q", ans.Summary.RootCause)
	}
}

func TestLocalSummarizeInvestigating(t *testing.T) {
	// Still open: no resolution, the status is the latest update.
	inc := synthetic("INC-10",
		"bot> [FIRING] QueueLag orders 2M messages behind",
		"ana: looking",
		"ben: consumers keep rebalancing, checking the broker logs",
		"ana: update: still investigating, lag growing 10k/min",
	)
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	checkSummaryShape(t, inc, ans)
	if !strings.Contains(ans.Summary.Status, "still investigating") {
		t.Errorf("status = %q, want the latest update", ans.Summary.Status)
	}
	for _, e := range ans.Summary.Timeline {
		if strings.HasPrefix(e.Text, "Resolved") {
			t.Errorf("an open incident has a resolution entry %q", e.Text)
		}
	}
}

// TestImpactCountsAnyDamage: the impact is the sentence that measures the damage,
// whatever the affected things are called ("18k searches") and when no customer word
// is said, not left empty.
func TestImpactCountsAnyDamage(t *testing.T) {
	inc := synthetic("INC-IMP",
		"bot> [FIRING] search cluster status RED",
		"ana: looking",
		"ana: 3 of 6 data nodes at 95% disk, indices went read-only",
		"joe: snapshots were never pruned because the retention job was deleted in the chart refactor",
		"ana: deleted snapshots older than 7 days, freed 1.1 TB",
		"ana: cluster green again",
		"joe: search was down for ~30 min, about 18k searches returned errors",
		"ana: resolved")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Summary.Impact, "18k searches returned errors") {
		t.Errorf("impact = %q, want the 18k failed searches", ans.Summary.Impact)
	}
}

// TestImpactIsTheDamageAndItsWindow: the impact says what was hit and for how long
// when chat says them in different messages ("13:58 -> 14:17, so ~19 min"); a check
// after the fix ("49 nodes Ready, 0 pending pods") and a sentence telling why ("at
// 10% it only saw EU users, that's why") are not the damage.
func TestImpactIsTheDamageAndItsWindow(t *testing.T) {
	inc := synthetic("INC-WIN",
		"bot> [FIRING] checkout 5xx ratio above 5%",
		"ana: ack",
		"sue: support has 3 tickets already, customers getting payment errors on the last step",
		"joe: the flag went to 100% but at 10% it only ever saw 2 regions, that's why nobody noticed",
		"ana: flag set to 0%",
		"joe: 41 pods Ready, 0 pending pods, 5xx back to baseline",
		"ana: 13:58 -> 14:17, so ~19 min",
		"ana: resolved")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Summary.Impact, "payment errors") || !strings.Contains(ans.Summary.Impact, "13:58 -> 14:17") {
		t.Errorf("impact = %q, want the payment errors and the 13:58 -> 14:17 window", ans.Summary.Impact)
	}
	for _, not := range []string{"pending pods", "that's why"} {
		if strings.Contains(ans.Summary.Impact, not) {
			t.Errorf("impact = %q, want no %q", ans.Summary.Impact, not)
		}
	}
}

// TestImpactInPieces: chat states the damage, its count and its length in different
// messages. An impact that lacks the length gets the message that gives it as a
// duration ("1h35m of timeouts"), and a setting or an instruction that carries a
// number is never added.
func TestImpactInPieces(t *testing.T) {
	inc := synthetic("INC-PIECES",
		"bot> [FIRING] partner api p99 above 5s",
		"ana: 14 of 52 partners affected, roughly 30% of partner traffic is failing",
		"joe: the resolver ttl is 3600s on the old record, that's why",
		"joe: set the ttl to 60s on the new record now",
		"ana: AWS re-associated the old address, traffic flowing",
		"ana: 1h35m of timeouts for the partners, closing")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	imp := ans.Summary.Impact
	if !strings.Contains(imp, "14 of 52 partners") || !strings.Contains(imp, "1h35m of timeouts") {
		t.Errorf("impact = %q, want the partners hit and the 1h35m", imp)
	}
	for _, not := range []string{"3600s", "60s"} {
		if strings.Contains(imp, not) {
			t.Errorf("impact = %q, want no %q", imp, not)
		}
	}
}

// TestCauseIsTheSystemsChangeNotAFix: "the cluster doubled to 400 nodes" has an action
// word after a subject: it is the trigger, not the responders' mitigation, which is
// the scale-out that followed.
func TestCauseIsTheSystemsChangeNotAFix(t *testing.T) {
	inc := synthetic("INC-RC",
		"bot> [FIRING] CoreDNSLatencyHigh p99 > 2s",
		"tariq: seeing i/o timeouts resolving redis.cache.svc in several services",
		"jo: coredns pods at 100% cpu. the cluster doubled to 400 nodes this afternoon and we still run 2 coredns replicas",
		"jo: scaled coredns from 2 to 8 replicas",
		"tariq: p99 back to 12ms, timeouts stopped",
		"tariq: resolved")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	s := ans.Summary
	if !strings.Contains(s.RootCause, "doubled to 400 nodes") {
		t.Errorf("root cause = %q, want the cluster doubling", s.RootCause)
	}
	if !strings.Contains(s.Mitigation, "coredns from 2 to 8") {
		t.Errorf("mitigation = %q, want the scale-out", s.Mitigation)
	}
}

// TestTerseMitigationQuotesItsAnnouncement: "patched" says nothing about what
// changed; the message that announced the patch does. A report that names its
// change itself ("scaled coredns from 2 to 8 replicas") stays as it is.
func TestTerseMitigationQuotesItsAnnouncement(t *testing.T) {
	inc := synthetic("INC-TERSE",
		"bot> [FIRING] api availability < 95%",
		"ana: every request is 503, no ready endpoints",
		"joe: readiness probe calls billing with a 1s timeout and billing is slow, so every pod is pulled out",
		"ana: fastest fix: point readiness at /livez, timeout 3s. patching the deployment",
		"ana: patched, rollout in progress",
		"joe: 24/24 ready, 200s again",
		"ana: resolved")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if m := ans.Summary.Mitigation; !strings.Contains(m, "readiness at /livez") {
		t.Errorf("mitigation = %q, want the announced patch", m)
	}
}

// TestCauseIsAValueChangedBeforeTheSignal: a setting changed from one value to
// another at a clock time just before the first alert is the trigger, though the
// message opens with a hedge and the errors pasted earlier read louder.
func TestCauseIsAValueChangedBeforeTheSignal(t *testing.T) {
	inc := synthetic("INC-TRANS",
		"bot> [FIRING] checkout 5xx ratio above 5%",
		"ana: checkout logs are full of this: too many clients already, remaining connection slots are reserved",
		"joe: max_connections is 400 and we're at the ceiling",
		"dev: oh no. that's probably me. raised minReplicas on the checkout hpa 12 -> 30 at 09:55 for the campaign",
		"ana: reverting the hpa to 12 now",
		"joe: 5xx back to baseline",
		"ana: resolved")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if rc := ans.Summary.RootCause; !strings.Contains(rc, "12 -> 30 at 09:55") {
		t.Errorf("root cause = %q, want the replica change", rc)
	}
}

// TestImpactNotAnAlertThreshold: an alert's condition ("5xx > 20% for 5m") is the
// rule that fired, not a measure of the damage; the impact is what the channel said
// was hit and how much, with a bare duration said beside it ("Duration 1h05m.") and
// without a courtesy that names everyone ("Thank you everyone.").
func TestImpactNotAnAlertThreshold(t *testing.T) {
	inc := synthetic("INC-THR",
		"bot> [FIRING] ReportingApi5xx: reporting-api 5xx > 20% for 5m",
		"ana: taking IC. reporting-api is returning errors for report exports",
		"joe: connection pool exhausted, active=15 idle=0 waiting=48",
		"ana: update: all report exports are failing for enterprise customers since 14:00",
		"joe: restarted the pods, exports work again",
		"ana: resolved. Duration 1h05m. 230 scheduled reports were delayed and have been re-sent. Thank you everyone.")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	imp := ans.Summary.Impact
	if strings.Contains(imp, "> 20%") {
		t.Errorf("impact = %q, want no alert threshold", imp)
	}
	if !strings.Contains(imp, "230 scheduled reports") || !strings.Contains(imp, "1h05m") {
		t.Errorf("impact = %q, want the 230 delayed reports and the 1h05m beside them", imp)
	}
	if strings.Contains(imp, "Thank you") {
		t.Errorf("impact = %q, want no courtesy", imp)
	}
}

// TestImpactNotTheMechanism: with no count of the damage anywhere, the impact is the
// sentence that says what went wrong for how long ("mails were ~70 min late"), not a
// reading equated with what explains it ("p99 is 30s = our acquire timeout") nor a
// code path with a number in it ("on a 404 it returns early").
func TestImpactNotTheMechanism(t *testing.T) {
	inc := synthetic("INC-MECH",
		"bot> [FIRING] NotifyLatencyHigh",
		"ana: notify-svc p99 is 30s = our acquire timeout",
		"joe: new code in templateLookup: on a cache miss + 404 it returns early and never calls client.release()",
		"sue: how bad for users?",
		"ana: rolled back to 3.18.2, pool waiting count 0",
		"ana: backlog drained. last password mails were ~70 min late",
		"sue: resolved")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	imp := ans.Summary.Impact
	if !strings.Contains(imp, "70 min late") {
		t.Errorf("impact = %q, want the mails ~70 min late", imp)
	}
	for _, not := range []string{"acquire timeout", "returns early"} {
		if strings.Contains(imp, not) {
			t.Errorf("impact = %q, want no %q", imp, not)
		}
	}
}

// TestImpactTallyAfterTheFix: a count of affected things told after the fix ("~3,400
// abandoned checkouts") is the size of the damage even with no failure word beside
// it, and a duration ("2h55m impact") is no such count; a count told while the
// cause is looked for ("230k calls came from the backfill") is not the damage.
func TestImpactTallyAfterTheFix(t *testing.T) {
	inc := synthetic("INC-TALLY",
		"sue: customers write that checkout says 'we could not verify your address'",
		"joe: provider returns OVER_QUERY_LIMIT on every request since 14:10",
		"joe: 230k calls came from the data team backfill job with our prod key",
		"joe: backfill stopped",
		"joe: flag address_validation_soft=true, checkout skips validation",
		"sue: customers can finish checkout again",
		"ana: finance estimates ~3,400 abandoned checkouts between 14:10 and now",
		"ana: Resolved. 2h55m impact on checkout.")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	imp := ans.Summary.Impact
	if !strings.Contains(imp, "2h55m") || !strings.Contains(imp, "3,400 abandoned checkouts") {
		t.Errorf("impact = %q, want the 2h55m and the ~3,400 abandoned checkouts", imp)
	}
	if strings.Contains(imp, "230k") {
		t.Errorf("impact = %q, want no count from the diagnosis", imp)
	}
}

// TestImpactNoneSaysHowNear: an update that says nobody was hit goes on to say how
// near it came; the impact keeps that ("disk reached 96%, would have been full
// around 00:15", "writes never failed") and not what was done after.
func TestImpactNoneSaysHowNear(t *testing.T) {
	inc := synthetic("INC-NEAR",
		"bot> [FIRING] OrdersDbDiskFull",
		"ana: pg_wal is 410GB, data dir only 180",
		"joe: an inactive replication slot holds the wal",
		"ana: dropped the slot, forced a checkpoint, disk 41%",
		"sue: IC update: no customer impact. orders-db disk reached 96%, would have been full around 00:15. writes never failed. mitigated 23:43",
		"sue: resolved")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	imp := ans.Summary.Impact
	for _, want := range []string{"no customer impact", "reached 96%", "never failed"} {
		if !strings.Contains(strings.ToLower(imp), want) {
			t.Errorf("impact = %q, want %q", imp, want)
		}
	}
	if strings.Contains(imp, "23:43") {
		t.Errorf("impact = %q, want no mitigation time", imp)
	}
}
