package local

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/evals"
)

// TestRootCauseIsNotTheFixMessage: the chat message that took the step that
// stopped the bleeding tells the fix; it does not complete the cause told just
// before it. In dev15's HPC-OPS-77 "so jumbo frames get dropped silently at the
// ToR" is the finding and "I am draining rack C in slurm so no new jobs start
// there, now", the next message, the step.
func TestRootCauseIsNotTheFixMessage(t *testing.T) {
	c, err := evals.LoadCorpus("../../evals/testdata/dev15")
	if err != nil {
		t.Fatal(err)
	}
	for _, li := range c.Incidents {
		if li.Labels.ID != "HPC-OPS-77" {
			continue
		}
		ans, err := New(nil).Summarize(context.Background(), li.Incident)
		if err != nil {
			t.Fatal(err)
		}
		rc := strings.ToLower(ans.Summary.RootCause)
		if strings.Contains(rc, "draining") || !strings.Contains(rc, "jumbo frames") {
			t.Errorf("root cause = %q, want the finding without the step taken", ans.Summary.RootCause)
		}
		return
	}
	t.Fatal("HPC-OPS-77 not in dev15")
}

// After the fix, chat's short reports of what was done ("badges removed, 4,812
// queued", "v3 client deployed, …") are no root cause, whatever words they share
// with it.
func TestRootCauseIsNoLaterDoneReport(t *testing.T) {
	inc := synthetic("INC-BADGE",
		"bot> Anomaly: ID check approval rate 100% (baseline 81%)",
		"ana: the doc-scan vendor returns 503 since 14:10 and our client falls back to 'approved' on error",
		"raj: the fallback was meant for short timeouts, someone widened it to all errors last month",
		"ana: I'm flipping scan_fail_mode to 'pending' now",
		"ana: fail mode is pending since 14:52, new checks queue for manual review",
		"raj: 3,100 accounts got verified without a real check. I'll strip the flag from all of them and requeue them, doing it now",
		"raj: flags removed, 3,100 requeued",
		"ana: resolved, vendor back at 15:30",
	)
	if rc := summarize(t, inc).RootCause; strings.Contains(strings.ToLower(rc), "requeued") || strings.Contains(strings.ToLower(rc), "flipping") {
		t.Errorf("root cause = %q, a step taken", rc)
	}
	for _, low := range []string{"badges removed, 4,812 queued.", "v3 client deployed, wave_source=upstream again."} {
		if !doneToThing(low) {
			t.Errorf("doneToThing(%q) = false", low)
		}
	}
	for _, low := range []string{"the config was deployed at 14:10.", "pods keep crashing since the deploy.", "we added, removed and re-added the rule."} {
		if doneToThing(low) {
			t.Errorf("doneToThing(%q) = true", low)
		}
	}
}

// The fix's words point at the cause; the work promised after the end does not:
// the terms of later actions are read up to the resolution only.
func TestFixTermsEndAtTheResolution(t *testing.T) {
	inc := synthetic("INC-FIX",
		"bot> [FIRING] orders 5xx > 10%",
		"ana: pool exhausted, the new chart sets maxPoolSize 40",
		"ana: rolled back the chart to 3.1, pool waiting 0",
		"raj: resolved",
		"raj: I rewrote the retry middleware for next week's release",
	)
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(inc)), used: map[string]bool{}}
	fx := b.fixTerms()
	if fx.shared(0, []string{canonical("chart")}) == 0 {
		t.Error("the rollback's words are no fix terms")
	}
	if fx.shared(0, []string{canonical("middleware")}) != 0 {
		t.Error("work after the resolution counted as the fix")
	}
}

// A report's sentence telling what the team is changing since ("We are adding
// idempotency keys…", "This is already live for renewals") is no root cause,
// though it names the cause's words.
func TestRootCauseIsNoRemediationInAReport(t *testing.T) {
	inc := &copilot.Incident{ID: "PM-RENEW"}
	for i, p := range [][2]string{
		{"Double charges on 14 May", "On 14 May between 16:02 and 17:31 some members were charged twice for one renewal. We are sorry."},
		{"Double charges on 14 May", "Our payment provider's API became slow, with many calls over 30 seconds. Our billing service gave up after 10 seconds and tried again. Because the calls carried no idempotency key, the provider treated each retry as a new payment."},
		{"Double charges on 14 May", "At 17:31 the on-call engineer stopped the renewal job, which ended the double charges."},
		{"Double charges on 14 May", "We are adding idempotency keys to every call our billing service makes to the provider, so that a retried call can never create a second payment. This is already live for renewals."},
	} {
		inc.Messages = append(inc.Messages, copilot.Message{TS: fmt.Sprintf("%d.000100", 1778760000+i), User: "doc", UserName: p[0], Kind: copilot.KindSection, Text: p[1]})
	}
	if rc := summarize(t, inc).RootCause; strings.Contains(strings.ToLower(rc), "we are adding") || strings.Contains(strings.ToLower(rc), "already live") {
		t.Errorf("root cause = %q, the remediation", rc)
	}
}

// A report's recovery part narrates what was done about the cause ("deleted
// the doubled rows and re-ran the job"): the same sentence counts less as a cause
// there than in a part that tells what happened.
func TestRootCauseIsNoRecoveryStep(t *testing.T) {
	inc := &copilot.Incident{ID: "PM-DOUBLE"}
	step := "10:30–11:50 — Ben deleted monthly_usage rows for 6–7 April for affected accounts and re-ran the rollup for those dates from the raw records, one copy only."
	for i, p := range [][2]string{
		{"incident summary", "Between 02:30 and 09:40 on 8 April the invoice-rollup job ran two copies of itself and both added the same usage rows into monthly_usage."},
		{"recovery", step},
		{"detection", step},
	} {
		inc.Messages = append(inc.Messages, copilot.Message{TS: fmt.Sprintf("%d.000100", 1775606400+i), User: "doc", UserName: p[0], Kind: copilot.KindSection, Text: p[1]})
	}
	score := map[int]float64{}
	for _, c := range newSummaryBuilder(analyzeLifecycle(sortedMessages(inc))).causeCandidates() {
		score[c.idx] = max(score[c.idx], c.score)
	}
	if score[1] >= score[2] {
		t.Errorf("as a cause, the step scores %.2f in the recovery part and %.2f elsewhere", score[1], score[2])
	}
}
