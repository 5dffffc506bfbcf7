package local

import "testing"

// An action list's entry struck by a participle after it, one said anywhere in
// it to have been done during the incident, and one narrated with an adverb
// before its past participle are no follow-ups; an entry promised by another
// party to us is theirs, not the team's.
func TestFollowUpActionListLookalikesAnywhere(t *testing.T) {
	for _, tt := range []struct {
		name  string
		entry string
	}{
		{"dropped after the decision", "- Add a standby proxy for the pool hosts dropped after the design review."},
		{"done during the incident, in parentheses", "- Turn the verbose pool logging off on the reporting replica (done during the incident)."},
		{"history with an adverb", "- Ticket 5512 was subsequently renamed \"pool proxy: cap waiting clients at 500\"."},
		{"history told 'later'", "- Ticket 5512 was later merged into \"pool proxy: cap waiting clients at 500\" and a dashboard."},
		{"nothing left to do", "- Re-check the pool proxy limits from the March review — closed in May, no further action."},
		{"a quoted item of another list", "- \"Write the pool failover runbook\" (INC-1200, owner DB team) — still open."},
		{"another party's promise to us", "- The hosting provider will send us a month's notice of maintenance on the proxy hosts."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := reportHead + "## Action items\n\n- Add a pool saturation alert per database (Ann Li)\n" + tt.entry + "\n"
			checkReport(t, src, []string{"saturation alert"}, nil)
		})
	}
	// Our own team's promise beside it stays.
	src := reportHead + "## Action items\n\n- Add a pool saturation alert per database (Ann Li)\n- The platform team will add a guard on the pool size in the config loader.\n"
	checkReport(t, src, []string{"saturation alert", "guard on the pool size"}, nil)
}

// In chat, another party's promise ("on their side") and a bare "let's not" that
// declines what came before propose nothing; our promise beside theirs does.
func TestFollowUpOthersPromiseAndRefusal(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"the provider's side", []string{"dan: The provider says they will add per-key quotas in the next release, it is on their side."}, nil},
		{"a promise to us", []string{"dan: The registrar will give us a week's notice before any lock change on our domains."}, nil},
		{"ours beside theirs", []string{"dan: The provider will add quotas on their side; I'll add an alert on our quota usage meanwhile."}, []int{0}},
		{"declined", []string{"dan: No, let's not, local accounts are what the audit told us to remove."}, nil},
	})
}

// A note right after an entry that says the entry before it was done during
// the incident ticks that entry off too; without the note it stays.
func TestFollowUpDoneByNote(t *testing.T) {
	list := reportHead + "## Action items\n\n- Add a pool saturation alert per database (Ann Li)\n- Raise the pool size alarm threshold on the reporting replica\n"
	checkReport(t, list+"\nThe last item was done during the incident and is listed for completeness.\n", []string{"saturation alert"}, nil)
	checkReport(t, list, []string{"saturation alert", "alarm threshold"}, nil)
}
