package local_test

import (
	"strings"
	"testing"
)

// TestReportProseNamesOwners: a report without headings promises in prose and
// names who does it in the next sentence ("Hanna Berg owns this and aims to finish
// it by the end of June", "Tomás Aguilar is leading this change …; the target is
// the end of July"): that sentence gives the promise before it its owner and date
// and is no item of its own. A person named in full who "will add" something has
// promised it.
func TestReportProseNamesOwners(t *testing.T) {
	src := "# PM-1 — Rooms sold for zero\n\n" +
		"On 2025-06-14 from 06:47 to 08:30 UTC every room priced in yen showed a price of zero.\n\n" +
		"The rates feed sent a malformed update and we stored a zero rate.\n\n" +
		"We will add sanity bounds to every rate update, rejecting a rate that is zero; this work is tracked as TRV-1180.\n\n" +
		"We will also alert on any booking whose total is below the supplier's net cost. Hanna Berg owns this and aims to finish it by the end of June.\n\n" +
		"Jonas Weber will add a second rates source and compare the two on every update, raising a warning when they disagree by more than 2%.\n\n" +
		"We will change the portal so that a failed validation no longer blocks the booking. Tomás Aguilar is leading this change together with the Registry; the target is the end of July.\n\n" +
		"We will also show the rejection reason on the upload screen. Priya Raman will do this as part of the same work.\n"
	_, fu := summaryAndFollowUps(t, "pm-1.md", src)
	want := map[string][2]string{ // text prefix -> owner, due
		"We will add sanity bounds":       {"", ""},
		"We will also alert on any":       {"Hanna Berg", "2025-06-30"},
		"Jonas Weber will add":            {"Jonas Weber", ""},
		"We will change the portal":       {"Tomás Aguilar", "2025-07-31"},
		"We will also show the rejection": {"Priya Raman", ""},
	}
	if len(fu.Items) != len(want) {
		for _, it := range fu.Items {
			t.Logf("item %q owner %q", it.Text, it.Owner)
		}
		t.Fatalf("%d items, want %d (one a promise; the owner sentences no items of their own)", len(fu.Items), len(want))
	}
	for prefix, w := range want {
		found := false
		for _, it := range fu.Items {
			if strings.HasPrefix(it.Text, prefix) {
				found = true
				if it.Owner != w[0] || it.Due != w[1] {
					t.Errorf("%q: owner %q due %q, want %q %q", prefix, it.Owner, it.Due, w[0], w[1])
				}
			}
		}
		if !found {
			t.Errorf("no item %q…", prefix)
		}
	}
}
