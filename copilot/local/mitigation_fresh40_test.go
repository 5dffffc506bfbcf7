package local

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Steps written the way dev40's writers wrote them, taken from that set and
// judged on dev41: a volume named before its verb, a kernel setting written
// with sysctl, a limit whose name ends in "max".
func TestFresh40StepForms(t *testing.T) {
	for _, tc := range []struct{ text, class string }{
		{"volume pg-readings-01-data resized 1.2T -> 1.6T, filesystem grown online. 73% now", "expand-storage"},
		{"done on natgw-b: sysctl -w net.netfilter.nf_conntrack_max=524288. same on a for good measure", "set-config"},
		{"20:41 | Luís raises nf_conntrack_max on lb-02 to 262,144", "raise-limit"},
	} {
		tg := textTags(copilot.Message{Text: tc.text})
		found := false
		for _, a := range tg.actions {
			found = found || a == tc.class
		}
		if !found {
			t.Errorf("%q: actions %v, want %s", tc.text, tg.actions, tc.class)
		}
	}
}

// "the 2h timeout does the same thing without a cron" compares two means; it does
// not say the step just taken left the symptom the same. In dev40's kiosk chat it
// made the raised conntrack limit look like a relapse, and no mitigation was left.
func TestSameMeansIsNoRelapse(t *testing.T) {
	if got := mitigationIndexOf(
		"[FIRING] kiosk-fleet: payment_success_rate < 85% for 10m",
		"natgw-b conntrack table full, new flows dropped",
		"done on natgw-b: sysctl -w net.netfilter.nf_conntrack_max=524288",
		"psp dial timeouts gone since 09:04. p99 back to 310ms",
		"i can write a cron that deletes idle kiosk entries every hour, as a safety net",
		"pls no, the 2h timeout does the same thing without a cron to babysit",
		"no drops for 45min. marking resolved",
	); got != 2 {
		t.Errorf("mitigated at %d, want 2 (the sysctl)", got)
	}
}

// A name resolved to an address is DNS, not the incident's end: in dev40's review
// "every failing probe resolved to lb-02" ended the story before the step.
func TestResolvedToAnAddressIsNoResolution(t *testing.T) {
	for _, s := range []string{"Luís notices that every failing probe resolved to lb-02; lb-01 probes all pass", "api.example.com resolved to 10.1.2.3 from the office", "it resolved to an AAAA first"} {
		if declaresResolved(tagsOf(s).lower) {
			t.Errorf("%q read as the incident resolved", s)
		}
	}
	for _, s := range []string{"resolved. thanks all", "marking resolved, status: resolved"} {
		if !declaresResolved(tagsOf(s).lower) {
			t.Errorf("%q not read as the incident resolved", s)
		}
	}
}

// From dev41: a pod named by its generated name or before its verb is killed like
// any other, and "Bleeding stopped" tells the recovery.
func TestFresh41KillForms(t *testing.T) {
	for _, s := range []string{"deleting dispatcher-5d8c7-qwx2p now", "09:47 | Hung worker pod killed (SIGKILL). 9.3k tasks redelivered to the other workers"} {
		if !mitigationActRE.MatchString(tagsOf(s).lower) {
			t.Errorf("%q not read as a step", s)
		}
	}
	if !tagsOf("9.3k tasks redelivered. Bleeding stopped").verify {
		t.Error("'Bleeding stopped' not read as the recovery")
	}
	if got := mitigationIndexOf(
		"[FIRING] unlock p95 > 30s for 5m",
		"one dispatcher pod holds 4,812 unacked, the others idle",
		"deleting dispatcher-5d8c7-qwx2p now",
		"messages requeued, bleeding stopped, p95 2.1s",
		"telematics-dispatcher v2.41.3 deployed: prefetch=20",
	); got != 2 {
		t.Errorf("mitigated at %d, want 2 (the pod deleted)", got)
	}
}
