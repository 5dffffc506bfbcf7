package local

import "testing"

// A question that states something and asks to confirm it ("then we put the quota
// back to 40?", "… i think?", "before I turn the job on: is anything on hold?")
// proposes nothing; a question without a clause of its own ("quota alert too?")
// still proposes what it names. A short question after a report of what was just
// done ("… reloaded the auth service. can you test?") asks for a check now.
func TestFollowUpDeclarativeQuestions(t *testing.T) {
	res := "dan: all green again, resolved. quota at 40 for now"
	runLookalikes(t, []lookalikeCase{
		{"a plan to confirm", []string{res, "ann: then we put the storage quota back to 40?"}, nil},
		{"a tag question", []string{res, "ann: the storage bucket has a quota alert i think?"}, nil},
		{"a lead-in before a question of state", []string{res, "ann: @dan before I turn the retention job back on: is anything older than 60 days on hold?"}, nil},
		{"a check asked after a step", []string{res, "ann: received. updated the bind password in the auth config and reloaded the auth service. can you test?"}, nil},
		{"an elliptic proposal", []string{res, "ann: storage quota alert too?"}, []int{1}},
	})
}

// A message that reports a step just taken and what things should do now says the
// step's expected effect ("drained. codes minted from now on should scan"; "I set
// no-store on the origin, so a CDN should not keep it"); a proposal beside the
// step ("someone should…", "we need…") is still one.
func TestFollowUpEffectOfStep(t *testing.T) {
	res := "dan: mitigated, error rate back to normal. resolved"
	runLookalikes(t, []lookalikeCase{
		{"effect after the report of a drain", []string{res, "ann: drained the node. all replicas now on nodes with a good clock. tokens issued from now on should validate."}, nil},
		{"effect in a clause of consequence", []string{res, "ann: and on the origin nginx I set Cache-Control: no-store for 404 on /live/, so even if a CDN has a default it should not keep it. hotfix on both origins, reloaded"}, nil},
		{"a proposal beside the step", []string{res, "ann: drained the node. someone should add a clock offset alert to every node pool."}, []int{1}},
		{"a past tense that reports no step", []string{res, "ann: and we burned the first 5 min guessing. flag changes on checkout.* should post into #checkout-deploys like deploys do, nobody knew it had flipped"}, []int{1}},
	})
}

// A speaker takes their own idea back by naming it ("ok, autoscaling cancelled",
// "on reflection not merging pg_wal … withdrawn", "ah ok forget the script, I put
// the flag in the runbook"), also in a message that commits to something new; one
// message takes back one idea, not the next one that shares a word with it.
func TestFollowUpWithdrawnByName(t *testing.T) {
	res := "dan: queue drained, resolved."
	runLookalikes(t, []lookalikeCase{
		{"cancelled by name", []string{res,
			"tom: I will set up autoscaling on the web pool for the next peaks, so we dont need to ask",
			"jo: @tom please not, more nodes made the queue worse today. keep 8 fixed until friday",
			"tom: ok, autoscaling cancelled, 8 fixed until fri"}, nil},
		{"not doing it, on reflection", []string{res,
			"rgh: i'll also move pg_wal back onto the data volume, 500G of headroom there",
			"rgh: on reflection not merging pg_wal. keep it separate, the keep_size cap is the real fix. withdrawn"}, nil},
		{"forgotten beside a new promise", []string{res,
			"javi: I will write a script to replay from the DLQ into the importer",
			"tk: replay exists, bkimport has --replay-dlq since v3.2",
			"javi: ah ok forget the script. I put --replay-dlq in the booking-import on-call runbook monday"}, []int{3}},
		{"one idea per message", []string{res,
			"sanne: I'll also write a synthetic check that polls 20 real stops through the edge every minute",
			"hanna: the 'displays blank' runbook gets a step: check x-cache/age on the edge, purge the departures path. I'll update it today",
			"sanne: ok scrap my synthetic check, the 404 share alert covers it. not doing the synthetic"}, []int{2}},
	})
}

// Sending the incident's notification to a regulator or a partner is its
// paperwork, however it is worded; an improvement named beside it is still one.
func TestFollowUpNotificationIsPaperwork(t *testing.T) {
	res := "dan: queue drained, resolved."
	runLookalikes(t, []lookalikeCase{
		{"the initial notification", []string{res, "ann: I'll send the initial notification to the regulator before 15:00 today, final report within 30 days. I'll need the PM and timeline for that."}, nil},
		{"a formal notice", []string{res, "ann: I will file a formal notice to the partner bank tomorrow."}, nil},
		{"with an improvement beside it", []string{res, "ann: I'll send the initial notification to the regulator today, and I'll add an alert on the fd count of every sms gateway."}, []int{1}},
	})
}

// A number in the thing called off counts it ("forget the 10 years") rather than
// pointing at a numbered entry; a reply that names what it is about ("re my
// restart script: nvm, scrap that") calls that idea off.
func TestFollowUpCalledOffByItsWords(t *testing.T) {
	res := "dan: feed live again, resolved."
	runLookalikes(t, []lookalikeCase{
		{"a counted thing", []string{res,
			"max: And I tell the vendor they should put a certificate with 10 years on the gateway, then we have our peace",
			"ines: please no. can the gateway do ACME?",
			"max: Reinhard says the new version can do ACME. OK then forget the 10 years, I organise with the vendor the update to ACME by friday"}, nil},
		{"named after re", []string{res,
			"jules: also i'll write a lil script that does a rollout restart of chat pods whenever patroni fails over, belt and braces",
			"dana: +1, someone add failover annotations to the grafana chat board",
			"jules: re my restart script: nvm, scrap that. with ttl=30 it's pointless"}, []int{2}},
	})
}
