package local

import "testing"

// An after-action report's "Areas for Improvement" lists what the review
// found wanting ("Post-deploy verification has to go through the same path
// residents use."); its improvement plan holds the work. Improvement headings
// that name the work are still action sections (headings arrive lower-cased).
func TestAreasForImprovementAreFindings(t *testing.T) {
	for section, want := range map[string]sectionKind{
		"areas for improvement":         sectionLessons,
		"opportunities for improvement": sectionLessons,
		"improvement areas":             sectionLessons,
		"improvement plan":              sectionActions,
		"improvement actions":           sectionActions,
	} {
		if got := kindOfSection(section); got != want {
			t.Errorf("kindOfSection(%q) = %v, want %v", section, got, want)
		}
	}
}

// A question that asks whether something is or was so ("wasn't there a pg
// failover drill for paytix this week?", "so /healthz/ready now calls out to
// the processor on every probe?") checks a fact: the drill and the probe are
// what it asks about, not work it proposes. A question that asks for the
// lasting thing still proposes it.
func TestFactQuestionsProposeNothing(t *testing.T) {
	for low, want := range map[string]bool{
		"catching up. 503 + pods not ready smells like the db to me. wasn't there a pg failover drill for paytix this week?": true,
		"@obi thanks that's probably it. so /healthz/ready now calls out to the processor on every probe?":                   true,
		"isn't there an alert for this already?":                          true,
		"can we get a failover drill for paytix every quarter?":           false,
		"wasn't there a drill this week? we should run one every quarter": false,
	} {
		if got := factQuestion(low); got != want {
			t.Errorf("factQuestion(%q) = %v, want %v", low, got, want)
		}
	}
	inc, got := followUpsOf(t, "petr: catching up. smells like the db to me. wasn't there a pg failover drill for paytix this week?")
	if _, ok := got[ts(inc, 0)]; ok {
		t.Errorf("the question about the drill is an item: %v", got)
	}
}

// "and the CA url comes from the config service, not hardcoded in the job.
// I'll do both" after the speaker's own "renewer has to exit non-zero and page
// when the CA says no" takes both ideas: two items, both theirs.
func TestDoingBothTakesTheIdeaBeforeAndItsOwn(t *testing.T) {
	inc, got := followUpsOf(t,
		"tomas: the exporter has to exit non-zero and page when the upstream says no. weeks of silent errors is the real bug",
		"tomas: and the upstream url comes from the config service, not hardcoded in the job. I'll do both",
	)
	for i := 0; i < 2; i++ {
		if it, ok := got[ts(inc, i)]; !ok || it.Owner != "tomas" {
			t.Errorf("line %d: found %v owner %q, want tomas's item", i, ok, it.Owner)
		}
	}
}
