package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/evals"
)

// A recap written once the fire is out ("summary: … because …", "so: purge job
// spewing WAL -> replica behind -> …") is the responders' own statement of the
// cause; its place after the fix does not count against it. In dev35's
// certificate incident the early finding tells only when the cert expired; the
// recap tells why (the renewals failed since the firewall change). In dev36's
// double bookings the recap's chain names the replica lag between the purge and
// the overbooking.
func TestRootCauseFromCausalRecap(t *testing.T) {
	for _, tc := range []struct{ set, id, want string }{
		{"dev35", "xe-agro-app-cert-expired", "renewals failed since the 7 march firewall change"},
		{"dev36", "xh-booking-double-bookings", "replica 13+ min behind"},
	} {
		c, err := evals.LoadCorpus("../../evals/testdata/" + tc.set)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, li := range c.Incidents {
			if li.Labels.ID != tc.id {
				continue
			}
			found = true
			ans, err := New(nil).Summarize(context.Background(), li.Incident)
			if err != nil {
				t.Fatal(err)
			}
			if rc := strings.ToLower(ans.Summary.RootCause); !strings.Contains(rc, tc.want) {
				t.Errorf("%s: root cause = %q, want the recap (%q)", tc.id, ans.Summary.RootCause, tc.want)
			}
		}
		if !found {
			t.Errorf("%s not in %s", tc.id, tc.set)
		}
	}
}

// A recap that ties nothing to a cause (only counts) gains nothing: the finding
// stays the root cause.
func TestRootCauseNotFromCountsRecap(t *testing.T) {
	inc := synthetic("INC-RECAP2",
		"bot> [FIRING] mobile-api: TLS handshake failures 100%",
		"bram: the api cert expired at 04:14 because the renewal cron was removed in the image rebuild last week",
		"bram: renewing by hand and reloading nginx",
		"bram: renewed and reloaded nginx on edge-01 and edge-02",
		"ines: app connects again",
		"ines: resolved",
		"bram: summary: 34 minutes down, 412 failed logins, 9 support tickets",
	)
	if rc := strings.ToLower(summarize(t, inc).RootCause); !strings.Contains(rc, "renewal cron was removed") || strings.Contains(rc, "412") {
		t.Errorf("root cause = %q, want the finding: a recap of counts names no cause", rc)
	}
}
