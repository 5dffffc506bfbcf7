package local

import "testing"

// A question about the end ("great, so we're good?") does not end the incident;
// the declaration that follows the rest of the work does.
func TestResolutionIsNoQuestion(t *testing.T) {
	inc := chat(
		"deploybot: v4.12.0 rollout finished 24/24",
		"pagerduty: [TRIGGERED] reject rate 18% on dc2",
		"gianluca: rolling back to 4.11.3 now",
		"gianluca: rollback complete, reject rate under 1% in both DCs. bleeding stopped",
		"brendan: great, so we're good?",
		"gianluca: bleeding stopped, not resolved. the pharmacy part is the important one now",
		"ruth: all 214 bags relabelled, pharmacy hold lifted",
		"gianluca: RESOLVED 14:28. thanks all",
	)
	lc := analyzeLifecycle(inc.Messages)
	if lc.resolvedAt != 7 {
		t.Fatalf("resolved at message %d, want 7 (the declaration, not the question at 4)", lc.resolvedAt)
	}

	for _, c := range []struct {
		text string
		want bool
	}{
		{"great, so we're good?", false},
		{"ok so we are good for 18:00?", false},
		{"are we good? yes. we're good, closing the incident.", true},
		{"marking this resolved. errors under 1% since 17:18", true},
		{"not resolved yet", false},
	} {
		if got := declaresResolved(c.text); got != c.want {
			t.Errorf("declaresResolved(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// An HTTP status code in the plural is an error measure that recovers.
func TestStatusCodesRecover(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"purge complete. 404s dropping fast", true},
		{"502s down to zero since the failover", true},
		{"still seeing 404s on the chunk path", false},
	} {
		if got := tellsRecovery(c.text); got != c.want {
			t.Errorf("tellsRecovery(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
