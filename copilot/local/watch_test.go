package local

import "testing"

// A promise to watch and raise the alarm in person is a watch for the next hours,
// not a lasting change.
func TestWatchAndShoutIsNoFollowUp(t *testing.T) {
	for low, want := range map[string]bool{
		"cr: 640 off. crews out. ill keep the map tab open and shout if it goes blank":          true,
		"i'll stay on the graphs, ping you if it climbs again":                                  true,
		"i'll keep the dashboard open and add an alert so nobody has to shout if it goes blank": false,
		"i'll write a script that pings us if the map goes blank":                               false,
		"i'll keep the map tab open":                                                            false,
	} {
		if got := watchOnly(low); got != want {
			t.Errorf("watchOnly(%q) = %v, want %v", low, got, want)
		}
	}
	inc, got := followUpsOf(t,
		"rgrant: good work all, resolved. fingers crossed the storm moves off by midnight",
		"jhale: CR: 640 off. crews out. ill keep the map tab open and shout if it goes blank 👀",
		"piotr: I'll split the map cache onto its own redis with a memory alert, by friday",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}
