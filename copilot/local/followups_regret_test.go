package local

import "testing"

// "We should have had an alert on X" looks back at what was missing: a regret,
// as the labelling guide and all but one writer of the dev sets read it. "We
// should have an alert on X" proposes it, and a promise in the same message is
// the follow-up whatever the regret before it.
func TestShouldHaveHadIsARegret(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"should have had", []string{"dan: we really should have had an alert on evictions, this is kind of embarrassing tbh."}, nil},
		{"should've had", []string{"dan: should've had an alert on provider errors"}, nil},
		{"should have had, and a promise", []string{"dan: we should have had an alert on evictions. I'll add one on evicted_keys > 0 by friday."}, []int{0}},
		{"should have, a proposal", []string{"dan: we should have an alert on evictions for every redis cluster."}, []int{0}},
	})
}
