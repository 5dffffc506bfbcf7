package local

import "testing"

// Owners written in the shapes postmortems use: a full name in an owner field, a
// name after the entry's dash, a full name that opens the sentence.
func TestOwnerShapes(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{"Add backoff to the app client — owner: Dana Okafor, due 2026-10-20, MOB-2231", "Dana Okafor"},
		{"owner: me, due 2026-01-30", "sam"},
		{"owner: lena Please review", "lena"},
		{"Follow-ups: Lena Vogt will add a redrive policy by 2026-11-13.", "Lena Vogt"},
		{"The Edge proxies will add nothing.", ""},
	} {
		if got := namedOwner(c.raw, "sam", map[string]string{"U1": "sam", "U2": "lena"}); got != c.want {
			t.Errorf("namedOwner(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
	for _, c := range []struct{ item, want string }{
		{"Alarm on evicted keys — Andrei, until 2026-11-06, ticket PORT-377", "Andrei"},
		{"Separate credentials per redis — Jana, until end of November.", "Jana"},
		{"Rotate the keys — Friday, after the freeze", ""},
		{"Rotate the keys — January", ""},
		{"Rotate the keys - The platform team", ""},
		{"Rotate the keys", ""},
	} {
		if got := dashOwner(c.item); got != c.want {
			t.Errorf("dashOwner(%q) = %q, want %q", c.item, got, c.want)
		}
	}
}
