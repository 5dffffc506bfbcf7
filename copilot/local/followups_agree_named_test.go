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

// A wish put as what the speaker would do ("and I would make the pipeline refuse
// the prod stage when canary is skipped") is an idea once the next person agrees
// with it; the "+1 but keep it separate from the audit" that agrees is no idea
// of its own.
func TestAgreementTakesUpAWish(t *testing.T) {
	inc, got := followUpsOf(t,
		"dmi: and I would make the pipeline refuse the prod stage when the canary is skipped, unless someone gives an override reason",
		"gia: +1 but keep it separate from the audit, it needs platform review",
	)
	wantFollowUpLines(t, inc, got, true, false)
	// The same, the +1 a reply in the wish's thread (line 4, after the firefight).
	inc, got = followUpsOf(t,
		"dmi: and I would make the pipeline refuse the prod stage when the canary is skipped, unless someone gives an override reason",
		"^4 gia: +1 but keep it separate from the audit, it needs platform review",
	)
	wantFollowUpLines(t, inc, got, true, false)
}
