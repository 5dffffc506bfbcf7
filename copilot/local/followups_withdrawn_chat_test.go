package local

import "testing"

// Conversations after the shared firefight: in each, the lines in gone are no
// follow-ups (withdrawn, turned down, the incident's own paperwork, or a complaint only) and the
// lines in kept are.
var withdrawnInChat = []struct {
	name       string
	lines      []string
	gone, kept []int
}{
	{
		// A numbered entry called off by its number, messages later and in a
		// longer message ("actually scratch my 3), the probe").
		name: "entry called off by its number",
		lines: []string{
			"oli: 1) alert on open fds per process above 70% of the limit. I'll add it to the exporter by friday",
			"ravi: 2) I'll add a step to the VM migration runbook: diff crontabs old host vs new before cutover",
			"oli: 3) I'll also build a synthetic OTP probe: send to a test SIM every minute, alert if nothing arrives",
			"julien: 4) the enquire_link interval must go in group_vars, I do it today",
			"ines: could we have a test that catches this kind of leak before prod?",
			"julien: yes, i add a churn test in CI that kills the session 1000 times",
			"oli: actually scratch my 3), the probe. the delivery alert fired 2 min after the first failures, a probe wouldn't have beaten it. not doing it",
		},
		gone: []int{2}, kept: []int{0, 1},
	},
	{
		// A complaint that only tells that nothing caught it, answered by a fix,
		// is that fix's reason; one that names what would have caught
		// it, asks someone, or proposes, is an item itself. (Unanswered, a
		// complaint implies a fix and stays: TestLocalFollowUpsMessages.)
		name: "complaints answered by a fix",
		lines: []string{
			"mira: and nobody got paged for 40 minutes. a merchant found out before us.",
			"ole: bit scary we had no alert on the settlement lag",
			"kai: nobody knew the ledger disk was filling. a disk-full forecast on the db dashboard would have shown it in march",
			"ole: pls also graph settlement lag per acquirer, we had no idea which one was stuck",
			"mira: nothing alerted on the acquirer side either. we need a lag alert per acquirer, paging payments on-call",
		},
		gone: []int{0, 1}, kept: []int{2, 3, 4},
	},
	{
		// A statement for the record tells how things are or were, or how they
		// should have been done; it promises nothing.
		name: "for the record",
		lines: []string{
			"nora: for the record, the widening should be done in batches with a lock timeout so nobody gets locked out",
			"nora: so for the record: the canary should stay on for every deploy, it was off since march",
			"femi: I'll add a CI check that fails any migration taking an ACCESS EXCLUSIVE lock on a table over 1M rows",
		},
		gone: []int{0, 1}, kept: []int{2},
	},
	{
		// The one who complained says the fix next.
		name: "complaint answered by its speaker",
		lines: []string{
			"raj: +1. and tbh nothing paged us, the desk did",
			"raj: I'll add a synthetic: 5 fixed locations pulled through the CDN every minute, diffed against origin, paging web on-call",
		},
		gone: []int{0}, kept: []int{1},
	},
	{
		// A proposal whose speaker only grants the point after someone argues
		// against it; one taken on, or handed to someone, in the reply stays.
		name: "proposal conceded",
		lines: []string{
			"priya: can we freeze feature pipeline deploys on fridays?",
			"kuba: meh, it went out at 12:05 on a normal day, a freeze just moves the same bug to monday. the range check is the real fix",
			"priya: ok ok 😅",
			"tobi: we should have a probe that compares the campus resolvers with the authoritative answer and alerts when they differ",
			"jens: for a planned change they always differ for the TTL, this will be noisy every time. the checklist is the better place",
			"tobi: ok fair",
			"ana: we should pin host keys in the config repo with a note of who rotated them",
			"dina: abena to look at that one",
			"ana: yes",
			"carl: the smoke test should create labels for every partner lane, not only DE to DE",
			"greta: carl that sounds like a volunteer",
			"carl: yeah ok, mine",
		},
		gone: []int{0, 3}, kept: []int{6, 9},
	},
	{
		// A reply that argues and closes on a bare "no.", as one that opens with
		// "no" does.
		name: "reply ending in no",
		lines: []string{
			"jens: maybe we move the recordings to the cloud object storage, then there is no quota problem at all",
			"rachel: not during exam season, and the data protection review for recordings took eight months last time. no.",
			"oonagh: I'll add an alert on bucket usage above 85% by friday",
		},
		gone: []int{0}, kept: []int{2},
	},
	{
		// An intention told in the past ("I was going to …") was not carried
		// through; a promise beside it in another sentence still is one.
		name: "intention told in the past",
		lines: []string{
			"tobi: i was going to write a script that checks all cronjobs for failures every morning and posts in here, but the alerting covers that right?",
			"oonagh: I was going to add a canary stage too. I'll add an alert on cronjob failures by friday instead.",
		},
		gone: []int{0}, kept: []int{1},
	},
	{
		// The incident's own report is no improvement, whatever adjective or
		// acronym it comes with ("a short postmortem", "an RFO", "the PIR doc"), and
		// so is what is asked of it ("I need the PM by the 20th").
		name: "the incident's own report",
		lines: []string{
			"ben: I write a short postmortem by friday, ping me if I miss something",
			"ana: We'll publish an RFO within 5 business days.",
			"carl: I'll add an alert on pool saturation by friday",
			"dina: I need the PM by the 20th for the final report please.",
			"dina: ok thanks all. ben can you own the PIR doc",
		},
		gone: []int{0, 1, 3, 4}, kept: []int{2},
	},
}

func TestWithdrawnInChat(t *testing.T) {
	for _, tt := range withdrawnInChat {
		t.Run(tt.name, func(t *testing.T) { wantGoneKept(t, tt.lines, tt.gone, tt.kept) })
	}
}

// wantGoneKept runs the engine's follow-ups on lines after the shared firefight:
// the lines in gone are no follow-ups, those in kept are.
func wantGoneKept(t *testing.T, lines []string, gone, kept []int) {
	t.Helper()
	inc, got := followUpsOf(t, lines...)
	for _, i := range gone {
		if it, ok := got[ts(inc, i)]; ok {
			t.Errorf("%q reported as a follow-up: %q", lines[i], it.Text)
		}
	}
	for _, i := range kept {
		if _, ok := got[ts(inc, i)]; !ok {
			t.Errorf("%q missing; got %v", lines[i], got)
		}
	}
}
