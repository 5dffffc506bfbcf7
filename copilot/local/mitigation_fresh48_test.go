package local

import (
	"strings"
	"testing"
)

// From dev48 (judged on dev49): of the steps before the recovery, one that only
// obtained the artefact ("signed cert downloaded. openssl verify … OK") is passed
// over for the step that put it in place.
func TestGettingTheCertIsNoMitigation(t *testing.T) {
	got := mitigationOfDoc(t, "dev48/documents/sc-castell-mtls-cert-expired.json")
	if !strings.Contains(got, "castell-mtls-client") || strings.Contains(strings.ToLower(got), "downloaded") {
		t.Errorf("mitigation %q, want the secret replaced, not the cert downloaded", got)
	}
	readingTests{
		{"signed cert downloaded. openssl verify -> OK", true},
		{"got the new key from the vendor", true},
		{"replaced secret castell-mtls-client in prod with the new key+cert, restarting connector", false},
		{"downloaded the fixed package and restarted the agent", false},
	}.check(t, "obtainsOnly", obtainsOnly)
}

// From dev48: what a provider's status page says ("status page says maintenance
// completed 00:40, all green") is neither a step nor the recovery.
func TestStatusPageIsNoRecovery(t *testing.T) {
	got := mitigationOfDoc(t, "dev48/documents/sa-pcs-client-cert-expired.json")
	if strings.Contains(strings.ToLower(got), "status page") {
		t.Errorf("mitigation %q quotes the provider's status page", got)
	}
	readingTests{
		{"status page says maintenance completed 00:40, all green", true},
		{"their status page: all green", true},
		{"checked the status page of our own api, errors back to 0.1%", false},
	}.check(t, "statusPageRE", statusPageRE.MatchString)
}

// From dev48: a deploy tool's record with an arrow between spaces
// ("subscribe-web v2026.02.10-2 → prod by tomasz: 'pin paylane.js to 3.14.2'")
// records a change; the speaker's own "pinned build is live. test card purchase
// went through" right after it checks that step, which the record names.
func TestToolRecordBeforeTheSpeakersCheck(t *testing.T) {
	got := mitigationOfDoc(t, "dev48/documents/sb-checkout-card-sdk.json")
	if !strings.Contains(got, "3.14.2") {
		t.Errorf("mitigation %q, want the deploy record of the pin to 3.14.2", got)
	}
	readingTests{
		{"subscribe-web v2026.02.10-2 → prod by tomasz", true},
		{"booking-api scaled 6 -> 3 replicas by jules", true},
		{"created OPS-1 by ana", false},
	}.check(t, "changeVerbRE", changeVerbRE.MatchString)
	readingTests{
		{"meanwhile ill check if account-web loads the same thing, pretty sure it uses elements too", false},
		{"restarted, same thing", true},
	}.check(t, "saysNotHelped", saysNotHelped)
}

// With arrows read, a record that sets back what an earlier one set ("CNAME b ->
// a" after "CNAME a -> b", "replicas 48 → 24" after "replicas 24 → 48") undoes a
// try; and a finding that rules a suspect out ("Postgres … looks normal, 40% of
// pool, no locks. So DB I think is not it") is no recovery. dev38's and dev30's
// mitigations stay the steps that worked.
func TestUndoneTryAndRuledOutSuspect(t *testing.T) {
	if got := mitigationOfDoc(t, "dev38/documents/xn-upload-presign-expired.json"); strings.Contains(got, "CNAME") {
		t.Errorf("dev38 mitigation %q is the DNS try that was undone", got)
	}
	if got := mitigationOfDoc(t, "dev30/documents/zl-login-auth0-429-bloodmoon.json"); strings.Contains(got, "replicas") {
		t.Errorf("dev30 mitigation %q is the scale-up that was undone", got)
	}
	readingTests{
		{"postgres looks normal, 40% of pool, no locks. so db i think is not it.", true},
		{"network is not the cause.", true},
		{"we can rule out the cdn", true},
		{"error rate back to 0.2%, it's fixed", false},
	}.check(t, "ruledOutRE", ruledOutRE.MatchString)
}

// From dev49, where the undone-try reading above first lowered the figure:
// undoing a step a responder said made things worse ("I just made it worse",
// then "hpa maxReplicas 24 -> 16") is part of stopping the bleeding; and a
// timeline row whose symptom stays ("error ratio stays above 95%") tells a try
// that did not help, so the batch paused after it is the mitigation.
func TestUndoingWhatMadeItWorse(t *testing.T) {
	if got := mitigationOfDoc(t, "dev49/documents/ra-crewhub-db-connections.json"); !strings.Contains(got, "24 -> 16") {
		t.Errorf("dev49 crewhub mitigation %q, want the max bump reverted with its record", got)
	}
	if got := mitigationOfDoc(t, "dev49/postmortems/rb-pm-credit-decision-mesh-throttle.md"); strings.Contains(got, "8 to 16") || !strings.Contains(got, "paused") {
		t.Errorf("dev49 credit decision mitigation %q, want the batch paused, not the scale-up that did not help", got)
	}
	readingTests{
		{"admitted rate roughly doubles but retries consume it; error ratio stays above 95%.", true},
		{"latency remained high", true},
		{"error ratio stays at 0.1% since the fix", false},
	}.check(t, "strongNoHelpRE", strongNoHelpRE.MatchString)
}

// Four more readings from dev49 (read; judged on dev50): a command followed by
// a falling measure ("SELECT pg_cancel_backend(41822); -> t", then "lock waiters
// 78 -> 0 within seconds") was the step that worked; "scale-up did nothing btw"
// says the scale-up did not help, whatever else the message checks; "and it's
// back. 503s again" after a first recovery tells a relapse; and a row that opens
// with a theory ("07:16 | First theory: the Patroni switchover …") is no step.
func TestDev49MitigationReadings(t *testing.T) {
	for _, tt := range []struct {
		doc, want, not string
	}{
		{"dev49/documents/rd-alloc-migration-lock.json", "pg_cancel_backend", "maximumPoolSize"},
		{"dev49/documents/rb-broker-upload-throttle.json", "second=50", "6 → 12"},
		{"dev49/documents/rb-intake-pg-wal-full.json", "900G", "old server logs"},
		{"dev49/postmortems/ra-pm-crew-legality-ruleset.md", "", "checked and healthy"},
	} {
		got := mitigationOfDoc(t, tt.doc)
		if !strings.Contains(got, tt.want) || strings.Contains(got, tt.not) {
			t.Errorf("%s: mitigation %q, want %q and not %q", tt.doc, got, tt.want, tt.not)
		}
	}
	readingTests{
		{"and it's back. 503s again", true},
		{"ugh, they're back.", true},
		{"so a retry is a no-op even if we 500 again", false},
		{"it's back to normal.", false},
		{"its back up, 200s on /v3", false},
	}.check(t, "relapseRE", relapseRE.MatchString)
	readingTests{
		{"07:16 | first theory: the patroni switchover of crewdb", true},
		{"first guess: bureau latency", true},
		{"07:40 | theory confirmed, reverting the rules file", false},
	}.check(t, "hypothesisRE", hypothesisRE.MatchString)
}
