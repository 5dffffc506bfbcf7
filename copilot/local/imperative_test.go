package local

import "testing"

var imperativeTests = []struct{ in, want string }{
	{"Reverted the export worker to yesterday's build.", "Revert the export worker to yesterday's build."},
	{"rolled back checkout-api to 2.30.4", "Roll back checkout-api to 2.30.4"},
	{"I'm restarting the workers in batches of 3", "Restart the workers in batches of 3"},
	{"we failed over to the replica in eu-west-1b", "Fail over to the replica in eu-west-1b"},
	{"ok, bumped max_connections to 800", "Bump max_connections to 800"},
	{"Ran select count(*) from pg_stat_activity", "Run select count(*) from pg_stat_activity"},
	// An unknown first word stays as it was.
	{"Connections are back to 120", "Connections are back to 120"},
	{"I", "I"},
	{"", ""},
}

func TestImperative(t *testing.T) {
	for _, tt := range imperativeTests {
		if got := imperative(tt.in); got != tt.want {
			t.Errorf("imperative(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
