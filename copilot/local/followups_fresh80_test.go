package local

import "testing"

// A promise taken back in chat's clipped spelling ("ya nvm on the script
// then", "fair. droppin the retry thing") after someone argued against it is
// dropped like "dropping the …"; the promise beside it in the thread stands.
func TestClippedTakeBackDropsTheNamedPromise(t *testing.T) {
	for _, takeBack := range []string{"ya nvm on the script then", "fair. droppin the script thing"} {
		inc := chat(append(append([]string{}, firefight...),
			"ana: follow-ups in thread pls",
			"ben: I will add the offset-skip procedure to the ingest runbook, including saving the record first.",
			"gus: ill write a script for the skip so nobody fat fingers the offset at 3am",
			"ben: with the DLQ in the next release the skip should no longer be needed; perhaps the script is not worth it?",
			"gus: "+takeBack,
		)...)
		root := ts(inc, 0)
		for i := 1; i <= 4; i++ {
			inc.Messages[len(firefight)+i].ThreadTS = root
		}
		got := followUpsBySource(t, inc)
		for i, want := range []bool{false, true, false, false, false} {
			if _, ok := got[ts(inc, i)]; ok != want {
				t.Errorf("%q: line %d (%s): follow-up %v, want %v", takeBack, i, inc.Messages[len(firefight)+i].Text, ok, want)
			}
		}
	}
}

// "In the meantime" makes a request a stopgap for the time until the fix
// ("in the meantime, may the gate staff admit anyone showing a member card
// with a valid expiry date?"), not work to outlive the incident.
func TestInTheMeantimeIsAStopgap(t *testing.T) {
	inc := chat(
		"ana: member cards denied at every gate since 09:30",
		"ben: the overnight member sync published an empty list after the CRM token expired",
		"ben: restored yesterday's allowlist snapshot, cards scan again at main gate",
		"mags: Thank you. In the meantime, may the gate staff simply admit anyone showing a physical member card with a valid expiry date? I would rather not keep members waiting at the desk.",
		"ben: yes please, visual check is fine. kai ok?",
		"kai: yes",
		"ben: sync re-run with a fresh token, all gates green",
		"ana: resolved",
		"ben: I'll add an alert when the published member list shrinks by more than 10% overnight",
	)
	got := followUpsBySource(t, inc)
	if it, ok := got[inc.Messages[3].TS]; ok {
		t.Errorf("the stopgap request is a follow-up: %q", it.Text)
	}
	if _, ok := got[inc.Messages[8].TS]; !ok {
		t.Errorf("the shrink alert is no follow-up")
	}
}

// Offering those an incident hit something once ("we will need to offer those
// members a return visit") repairs its damage: a remedy, not a follow-up.
func TestOfferingThoseHitIsARemedy(t *testing.T) {
	inc, got := followUpsOf(t,
		"mags: The desk has logged 214 complaints, around 60 member families went home. We will need to offer those members a return visit.",
		"kai: I'll add a deny-rate alert keyed on the json field instead of the log text",
	)
	wantFollowUpLines(t, inc, got, false, true)
}
