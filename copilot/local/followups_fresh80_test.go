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

// A deploy bot's report that names the speaker ("… deployed to prod by kwame
// (hikari.maximumPoolSize=10, minimumIdle=2, hpa.maxReplicas=24)") fulfils
// the change they had just said they would make; a bot's report naming
// someone else fulfils nothing of theirs.
func TestDeployBotByTheSpeakerFulfilsTheChange(t *testing.T) {
	for _, tt := range []struct {
		by   string
		want bool
	}{{"kwame", false}, {"raj", true}} {
		inc := chatOf(
			said{"raj", "checkout 500s, ticketing-db at max_connections", false},
			said{"kwame", "hpa scaled ticket-api to 40 pods x 20 hikari connections = 800 on a 300 box", false},
			said{"raj", "holding at 12 pods. db ~210 connections, cpu 55%. mitigated as of 09:31", false},
			said{"ines", "pre-sale traffic is still ~500 rps and p95 on /reserve is 620ms, higher than normal but inside the SLO", false},
			said{"kwame", "fine. permanent-ish: maximumPoolSize 10, minimumIdle 2, then HPA max back to 24. 24 x 10 = 240. config PR", false},
			said{"deploybot", "ticket-api config 2026.03.17-2 deployed to prod by " + tt.by + " (hikari.maximumPoolSize=10, minimumIdle=2, hpa.maxReplicas=24)", true},
			said{"kwame", "14 pods, db connections 131, p95 back to 210ms", false},
			said{"raj", "calling it resolved", false},
		)
		got := followUpsBySource(t, inc)
		if _, ok := got[inc.Messages[4].TS]; ok != tt.want {
			t.Errorf("deployed by %s: the pool change is a follow-up %v, want %v", tt.by, ok, tt.want)
		}
	}
}
