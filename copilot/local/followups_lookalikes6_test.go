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
	})
}
