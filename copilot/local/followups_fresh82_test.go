package local

import "testing"

// A promise its speaker takes back after an objection, giving a reason first
// ("looked again, with ttls back we sit at 12% at peak. not resizing, dropping
// that") or naming what goes ("ok ok, no redis then"), is dropped; the
// promise before it stands.
func TestConcededWithReasonOrByName(t *testing.T) {
	for _, takeBack := range []string{
		"looked again, with ttls back we sit at 12% at peak. not resizing, dropping that",
		"ok ok, no redis then",
	} {
		inc, got := followUpsOf(t,
			"gkerr: i'll put pgbouncer in front of gis-db so scaling the pods can't eat the database",
			"lars: also i will put a redis cache inside map-api next sprint so even without cdn we survive",
			"marta: i'd skip that. if the cdn caches properly origin sees 30 rps. redis is one more thing to run",
			"lars: "+takeBack,
		)
		for i, want := range []bool{true, false, false, false} {
			if _, ok := got[ts(inc, i)]; ok != want {
				t.Errorf("%q: line %d (%s): follow-up %v, want %v", takeBack, i, inc.Messages[len(firefight)+i].Text, ok, want)
			}
		}
	}
}
