package local

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// From dev51 (judged on dev52): what is given back ("pods … slow to give conns
// back") is handed over, not recovered; the guess it explains is no step that
// worked.
func TestGivenBackIsNoRecovery(t *testing.T) {
	got := mitigationOfDoc(t, "dev51/documents/pa-wager-pool-exhaustion.json")
	if strings.Contains(strings.ToLower(got), "cpu starved") {
		t.Errorf("mitigation %q is the guess before the fix", got)
	}
	readingTests{
		{"think the pods are cpu starved and slow to give conns back", false},
		{"the pool hands connections back after 30s idle", false},
		{"connections back to normal", true},
		{"5xx back to 0.3% from 19:09", true},
	}.check(t, "tellsRecovery", tellsRecovery)
}

// A step announced "now" in a clause of its own is taken, whatever the next
// clause plans ("…, will backport to tf after").
func TestStepTakenInItsClauseNow(t *testing.T) {
	for _, tt := range []struct {
		text  string
		taken bool
	}{
		{"me. re-adding ingress 10.42.16.0/20 tcp 8443 on sg-claims-internal by hand in the console now, will backport to tf after", true},
		{"I'll re-add the ingress rule, will backport to tf after", false},
		{"we could re-add the rule now, or wait for the PR?", false},
		{"rolled back in staging, will roll back prod after the check", false},
	} {
		if got := computeTextTags(copilot.Message{Text: tt.text}).taken; got != tt.taken {
			t.Errorf("taken(%q) = %v, want %v", tt.text, got, tt.taken)
		}
	}
	got := mitigationOfDoc(t, "dev51/documents/pa-terminal-claims-sg.json")
	if !strings.Contains(strings.ToLower(got), "re-adding ingress") {
		t.Errorf("mitigation %q, want the rule re-added by hand", got)
	}
}

// A timeline row dated with a month's name ("16 Apr 07:31 | Sinéad adds …")
// opens with its step like a row dated in digits; a restart after which the
// uploads "still time out" did not help.
func TestRowDatedByMonthName(t *testing.T) {
	for in, want := range map[string]string{
		"16 apr 07:31 | sinéad adds the static route":    "sinéad adds the static route",
		"thu apr 16 07:31 – colm restarts the publisher": "colm restarts the publisher",
		"2026-06-02 23:40 – marta finds the key":         "marta finds the key",
	} {
		if got := rowLeadRE.ReplaceAllString(in, ""); got != want {
			t.Errorf("rowLeadRE on %q left %q, want %q", in, got, want)
		}
	}
	readingTests{
		{"16 apr 07:12 | draw-results-publisher restarted. uploads still time out.", true},
		{"restarted it, still hangs", true},
		{"restarted it, still timing out", true},
		{"restarted it, all uploads through", false},
	}.check(t, "stillFailingRE", stillFailingRE.MatchString)
	got := mitigationOfDoc(t, "dev51/postmortems/pa-pm-draw-settlement-route.md")
	if !strings.Contains(got, "static route") || strings.Contains(got, "restarted") {
		t.Errorf("mitigation %q, want the static route added", got)
	}
}

// What a status post says, quoted after the colon ("posted: '… Fix in
// progress.'"), is no step; "exception added to uni-edge-v14" is one, done to a
// setting by someone.
func TestPostedWordingIsNoStep(t *testing.T) {
	got := mitigationOfDoc(t, "dev51/documents/pc-sso-tls-cert-expired-waf-blocked-acme.json")
	if !strings.Contains(got, "uni-edge-v14") || strings.Contains(strings.ToLower(got), "password") {
		t.Errorf("mitigation %q, want the WAF exception and not the status post", got)
	}
	post := tagMessage(0, copilot.Message{Text: "posted: 'Some users see a security warning when signing in. Do not enter your password on any other site. Fix in progress.'"})
	if !commsOnly(post) {
		t.Error("a status post quoting 'Fix in progress' reads as a step")
	}
	readingTests{
		{"exception added to uni-edge-v14 (allow get /.well-known/acme-challenge/*), policy applied on both units", true},
		{"connections grew to 497", false},
	}.check(t, "passiveStep", passiveStep)
}
