package local

import "testing"

// "+1 on the cardinality alert, we'd have seen it the day 5.16 went out" agrees
// with the idea it names; the reason it gives after the name is no idea of its
// own, and no reason to miss the idea it agrees with.
func TestAgreementNamesItsIdea(t *testing.T) {
	inc, got := followUpsOf(t,
		"kai: we need a cardinality alert: series growth per job over 50% in 24h pings the owning team",
		"lou: and a disk alert on the prometheus volumes themselves, we never alerted on them",
		"max: +1 on the cardinality alert, we'd have seen it the day 5.16 went out",
	)
	wantFollowUpLines(t, inc, got, true, true, false)
}
