package local

import "testing"

// "X don't need Y" denies an obligation: a joke or a remark, no proposal.
func TestDeniedNeedIsNoProposal(t *testing.T) {
	for _, s := range []string{
		"pigeons don't need connection pools at least",
		"the replica doesn't need a restart, it caught up by itself",
	} {
		if proposalForm(s, true) {
			t.Errorf("%q reads as a proposal", s)
		}
	}
	for _, s := range []string{
		"the importer needs a strict parser",
		"retries need exp backoff",
	} {
		if !proposalForm(s, true) {
			t.Errorf("%q does not read as a proposal", s)
		}
	}
}
