package local

import "testing"

// "could billing-svc deploys go to one city first?" … "+1, a city canary is
// doable" … "ok I'll set up the city canary stage, PLAT-2310": one item, at the
// promise, whatever agreement stands between the idea and its answer. An
// agreement that weighs the idea ("is doable") is no idea of its own. Past a "+1"
// in the idea's thread, a promise in the channel is another conversation.
func TestAgreementBetweenIdeaAndAnswer(t *testing.T) {
	inc, got := followUpsOf(t,
		"rafael: could billing-svc deploys go to one city first? munich is 8% of trips, we'd have caught it with way fewer angry people",
		"hanna: +1, a city canary is doable, the capture worker is already sharded by city.",
		"sanne: ok I'll set up the city canary stage for billing-svc in the pipeline, by end of next week. PLAT-2310",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
	if it := got[ts(inc, 2)]; it.Owner != "sanne" || it.ProposedTS != ts(inc, 0) {
		t.Errorf("the canary item: owner %q proposed at %q, want sanne and the question", it.Owner, it.ProposedTS)
	}
}
