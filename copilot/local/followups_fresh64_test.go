package local

import "testing"

// Readings from dev64 once dev65 was in place.

// "let's not …" turns something down: a sentence that says it proposes
// nothing, unlike "let's not hope", which goes on to act.
func TestLetsNotTurnsDown(t *testing.T) {
	for _, tt := range []struct {
		low  string
		want bool
	}{
		{"lets not spin up a separate item.", false},
		{"pg-osc is overkill for us, batched backfill covers it. let's not", false},
		{"let's add a lag alert on the export", true},
	} {
		if got := proposalForm(tt.low, true); got != tt.want {
			t.Errorf("proposalForm(%q) = %v, want %v", tt.low, got, tt.want)
		}
	}
	inc, got := followUpsOf(t,
		"maeve: thanks all. follow-ups?",
		"oskar: I'll move 'check pg_replication_slots' to the top of the pg disk-full runbook",
		"maeve: out of scope for this one, the app team roadmap already has the offline-cache work. lets not spin up a separate item",
		"priya: let's not hope. i'll go through every resilience4j config in app-api for probes on deprecated paths",
	)
	wantFollowUpLines(t, inc, got, false, true, false, true)
}

// An agreement that puts a condition on the idea ("+1 but audit first or it
// blocks half the cluster") or says something else covers it ("agree, DLQ +
// alert on DLQ depth covers it. no auto-skip") adds no idea.
func TestAgreementWithConditionOrCover(t *testing.T) {
	inc, got := followUpsOf(t,
		"hana: thanks all. follow-ups?",
		"hana: and an admission policy (kyverno) that rejects images not from our ECR in prod namespaces. I'll take it",
		"tomas: +1 but audit first or it blocks half the cluster on day one",
		"amara: also proposal: a small job that auto-skips any offset that crashes the consumer 3x",
		"drhollis: please no. silently skipping a study is exactly how a stat sits unread for a day",
		"felix: agree, DLQ + alert on DLQ depth covers it. no auto-skip",
	)
	wantFollowUpLines(t, inc, got, false, true, false, false, false, false)
}

// A report's note that the people agreed not to pursue an idea drops it.
func TestAgreedNotToPursue(t *testing.T) {
	if !dropped("Discussed but parked: a separate vmagent just for billing alerts. Action 3 covers the same risk more cheaply, so we agreed not to pursue it.") {
		t.Error("dropped: 'we agreed not to pursue it' drops the idea")
	}
	if dropped("Add a separate vmagent for billing alerts; we agreed it is worth it.") {
		t.Error("dropped: an agreement to do it drops nothing")
	}
}
