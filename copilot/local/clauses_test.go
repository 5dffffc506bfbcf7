package local

import "testing"

var clipTests = []struct{ in, want string }{
	{"Reverted the config-repo commit, pricing-service reloads config every minute.", "Reverted the config-repo commit."},
	{"Forced renew with cmctl renew ledger-mtls, new certificate issued valid 90 days.", "Forced renew with cmctl renew ledger-mtls."},
	// Every clause is an action: nothing to drop.
	{"Scaled the pool to 40, restarted the workers.", "Scaled the pool to 40, restarted the workers."},
	// The first clause is no action: the sentence is not one to clip.
	{"Errors are gone, rolled back at 10:02.", "Errors are gone, rolled back at 10:02."},
	{"Rolled back recs-api to 4.11.2.", "Rolled back recs-api to 4.11.2."},
}

func TestClipTrailingClauses(t *testing.T) {
	for _, tt := range clipTests {
		if got := clipTrailingClauses(tt.in, isActionClause); got != tt.want {
			t.Errorf("clipTrailingClauses(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
