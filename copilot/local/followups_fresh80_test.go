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
