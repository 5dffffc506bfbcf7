package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// mitigationOfDoc is the summary's mitigation of a dev set's document.
func mitigationOfDoc(t *testing.T, path string) string {
	t.Helper()
	ans, err := New(nil).Summarize(context.Background(), devDocument(t, path))
	if err != nil {
		t.Fatal(err)
	}
	return ans.Summary.Mitigation
}

// From dev47 (judged on dev48): a system "still sending dupes" after the
// rollback says the rollback did not help, as "still failing" does; the step
// that did is the flag turned off after it.
func TestStillSendingTellsNoHelp(t *testing.T) {
	got := mitigationOfDoc(t, "dev47/documents/td-trip-alerts-dupes.json")
	if !strings.Contains(got, "fanout_enabled") || strings.Contains(strings.ToLower(got), "rollback's been out") {
		t.Errorf("mitigation %q, want the fan-out flag turned off, not the rollback that did not help", got)
	}
	for _, low := range []string{"rollback's been out 3 min, still sending dupes. not push-sender", "still returning 500s on checkout", "still serving the old cert"} {
		if !stillSymptom(textTags(copilot.Message{Text: low})) {
			t.Errorf("%q: no symptom that stayed", low)
		}
	}
}

// From dev47: the words a screen shows, quoted in a report of the symptom
// ("every kiosk PC shows \"… Turn on TLS 1.0 … and try connecting again\""), are
// no step of the speaker's; and of the message that reports the step done, the
// sentence with a step still to take ("so lucas may need to flush") is not the
// mitigation.
func TestQuotedScreenTextIsNoStep(t *testing.T) {
	got := mitigationOfDoc(t, "dev47/documents/tb-examdesk-kiosk-tls.json")
	if !strings.Contains(got, "exam-hall view") {
		t.Errorf("mitigation %q, want the exam-hall DNS view pointed back at the old pair", got)
	}
	readingTests{
		{"kiosks cache dns ~5 min so lucas may need to flush.", true},
		{"we will also have to restart the agents", true},
		{"flushed the kiosks' dns cache via sccm", false},
	}.check(t, "stepStillNeededRE", stepStillNeededRE.MatchString)
}

// From dev47: a timeline row dated as well as timed ("06-02 23:40 | Marta Lind
// finds every hold is exactly 300 s …") is read past its date as one timed
// only: the finding is no step, and the hotfix row after it is the mitigation.
func TestDatedTimelineRowFinding(t *testing.T) {
	got := mitigationOfDoc(t, "dev47/postmortems/ta-pm-reservation-hold-timeout.md")
	if !strings.Contains(got, "hold-timeout") || strings.Contains(got, "finds") {
		t.Errorf("mitigation %q, want the hotfix row, not the finding", got)
	}
	for _, row := range []string{"06-02 23:40 | ", "2026-06-02 23:40 – ", "23:40 | ", "23:40:05 utc: "} {
		if got := rowLeadRE.ReplaceAllString(row+"marta finds the key", ""); got != "marta finds the key" {
			t.Errorf("row lead %q left %q", row, got)
		}
	}
}

// From dev47: a reply that opens "nope." after an attempt says it did not help,
// and a message that explains the symptom by what a system did ("so when db-1
// restarted for the rewind hikari lost its conns, reconnected, …") tells neither
// a step nor a recovery.
func TestNopeAndExplanationsAreNoSteps(t *testing.T) {
	got := mitigationOfDoc(t, "dev47/documents/td-topup-readonly-ledger.json")
	if strings.HasPrefix(got, "So when") || strings.Contains(got, "Evicted, new conns") {
		t.Errorf("mitigation %q: an explanation or an attempt that did not help", got)
	}
	if !reportsNoHelp(textTags(copilot.Message{Text: "nope. evicted, new conns, still .21, still read-only errors"})) {
		t.Error(`"nope. evicted, …" not read as an attempt that did not help`)
	}
	readingTests{
		{"so when db-1 restarted for the rewind hikari lost its conns, reconnected, and went straight back to the old ip", true},
		{"because the pool recycled its connections the cache went cold", true},
		{"when we restarted it, errors dropped to zero", false},
		{"since the restart errors are at 0", false},
	}.check(t, "explainsWhen", explainsWhen)
}
