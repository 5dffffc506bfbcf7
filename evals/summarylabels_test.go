package evals

import "testing"

// checkSummaryLabels holds one incident of a summary dev set to what the set
// promises: root cause, impact and mitigation labels with text and messages of
// the incident, runbook steps with text at a message, a resolution message, and
// the key-moment ts of mitigation and root cause.
func checkSummaryLabels(t *testing.T, li *LabeledIncident) {
	t.Helper()
	l := li.Labels
	msgs := map[string]bool{}
	for _, m := range li.Incident.Messages {
		msgs[m.TS] = true
	}
	for name, g := range map[string]*GoldStatement{"root_cause": l.RootCause, "impact": l.Impact, "mitigation": l.Mitigation} {
		if g == nil || g.Text == "" || len(g.TS) == 0 {
			t.Errorf("%s: no %s label with messages", l.ID, name)
			continue
		}
		for _, ts := range g.TS {
			if !msgs[ts] {
				t.Errorf("%s: %s ts %s is not a message of the incident", l.ID, name, ts)
			}
		}
	}
	if len(l.RunbookSteps) == 0 {
		t.Errorf("%s: no runbook steps", l.ID)
	}
	for _, s := range l.RunbookSteps {
		if s.Text == "" || !msgs[s.TS] {
			t.Errorf("%s: runbook step %q at %q: empty or not a message of the incident", l.ID, s.Text, s.TS)
		}
	}
	if l.ResolvedTS == "" || !msgs[l.ResolvedTS] {
		t.Errorf("%s: resolved ts %q is not a message of the incident", l.ID, l.ResolvedTS)
	}
	if len(l.MitigationTS) == 0 || len(l.RootCauseTS) == 0 {
		t.Errorf("%s: mitigation_ts %v, root_cause_ts %v, want both", l.ID, l.MitigationTS, l.RootCauseTS)
	}
}
