package local

import "testing"

// A status line declares where the incident stands ("mitigated 08:29, staying in
// monitoring", "Mitigated as of 18:24 …, status to Monitoring please"), whatever
// it names beside it: it is no follow-up, not even as an agreement with the
// message before it. A status line that carries its own follow-up list
// ("Resolved. Follow-ups: …") keeps the list; a state said inside a sentence
// ("once the backlog is resolved, …") declares nothing, and lasting work named
// beside the state ("… alert on pool saturation. resolved") is still proposed;
// a pointer to the list ("Permanent fix (…) and follow-ups below") is no list.
func TestStatusLinesAreNoFollowUps(t *testing.T) {
	inc, got := followUpsOf(t,
		"tom: leaving reads on the primary until we have something better than hoping the replica keeps up",
		"pri: agreed. mitigated 08:29, staying in monitoring",
		"ines: Mitigated as of 18:24 (session trust + login queue). Queue stays on. maya, status to Monitoring please, mention the queue.",
		"kwa: Status: resolved 09:40. replica lag back under a second for an hour",
		"pri: Resolved. Follow-ups: an alert on replica lag over 30s for the booking db, owner kwa",
		"tom: once the backlog is resolved, I'll add a runbook step for moving reads back to the replica",
		"kwa: we should alert on replica lag per database, not per cluster. resolved",
		"han: Summary 09:52 - Resolved. Replica rebuilt from the 06:00 snapshot, bookings consistent since 09:31. Permanent fix (purge job in batches) and follow-ups below.",
		"tom: resolved 09:55. follow-ups in thread pls",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false, true, true, true, false, false)
}
