package local

import "testing"

// Readings from dev67 once dev68 was in place.

// In a wrap-up thread, "and I'll …" from someone who has just spoken adds an
// idea of their own to their list; it does not take the idea of another before
// it, which shares no word with it.
func TestAndIllInThreadAddsOwnIdea(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"^4 lee: we should page when queue depth doubles within ten minutes, depth alone told us nothing",
		"^4 omar: the importer gets a hard 5s timeout on geo lookups before the flag goes back on",
		"^4 omar: and I'll move the importer to batched commits so one slow row doesn't stall the partition",
	)
	wantFollowUpLines(t, inc, got, false, true, false, true)
	if it := got[ts(inc, 3)]; it.Owner != "omar" {
		t.Errorf("the batched commits: owner %q, want omar", it.Owner)
	}
	if it := got[ts(inc, 1)]; it.Owner == "omar" {
		t.Errorf("lee's paging idea was given to omar, who took nothing of it")
	}
}

// "actually drop the geo-lookup replicas, … not doing that" takes back the
// idea it names, not the speaker's latest one that merely shares a service
// name.
func TestNamedTakeBackPicksTheNamedIdea(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"^4 omar: I'll also raise geo-lookup replicas to 8 for good",
		"^4 omar: before the flag goes back on I'll add a soak test for the importer against a slow geo-lookup, by friday",
		"^4 omar: actually drop the geo-lookup replicas, with the cache in front 8 is overkill. not doing that",
	)
	wantFollowUpLines(t, inc, got, false, false, true, false)
}
