package local

import (
	"slices"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

func TestNamedTerms(t *testing.T) {
	for _, c := range []struct {
		title, item string
		want        []string
	}{
		// An identifier written whole in the title, in words in the item.
		{"consumer group: switch to CooperativeStickyAssignor", "move the group to cooperative-sticky", []string{"cooperativestickyassignor"}},
		// One word of three is not the identifier.
		{"consumer group: switch to CooperativeStickyAssignor", "make the consumer sticky", nil},
		// An identifier written whole in the item, in words in the title.
		{"CI fails if HPA maxReplicas x pool size exceeds DB connection budget", "the rule: maxReplicas x maximumPoolSize < max_connections", []string{"pool", "size"}},
		// An acronym in the item, spelled out in the title.
		{"Convert the logon to group Managed Service Account", "move svc_sac to a gMSA", []string{"group", "manag", "servic", "account"}},
		// An acronym in the title, spelled out in the item.
		{"Set a TTL on every draft key", "every key needs a time to live", []string{"ttl"}},
		// Letters that spell nothing of the other side, and two-letter
		// abbreviations, which spell too much.
		{"Regression tests across daylight saving changes", "add DST cases to the regression pack", nil},
		{"Page the DB on-call", "the disk bandwidth alert", nil},
	} {
		got := namedTerms(c.title, c.item)
		if !slices.Equal(got, c.want) {
			t.Errorf("namedTerms(%q, %q) = %q, want %q", c.title, c.item, got, c.want)
		}
	}
}

// A ticket exported by the tracker captures the follow-up that names its work in
// another surface form: an acronym of the title's words, or the words of the
// title's identifier. A ticket on other work stays apart.
func TestCaptureByAcronymAndIdentifier(t *testing.T) {
	tickets := []copilot.Ticket{
		{Key: "CHG-1187", Title: "Convert BHS Sort Allocation Service logon to group Managed Service Account"},
		{Key: "SKL-2391", Title: "ais-decoder consumer group: switch to CooperativeStickyAssignor (incremental rebalancing)"},
		{Key: "IAM-342", Title: "Notify account owners before service account passwords expire"},
	}
	items, w := mutualCase([]string{
		"real fix is gMSA, then no password at all to expire. I'll prepare the change to move svc_bhs_sac to a gMSA",
		"we should move the group to cooperative-sticky so a crash only pauses its own partitions",
		"IAM-342|I will make a mail warning 14 days before any svc account password expires, to the owner",
		"the nightly export should retry on 503",
	}, tickets)
	New(nil).matchMutual(items, tickets, w, nil)
	for i, want := range []string{"CHG-1187", "SKL-2391", "IAM-342", ""} {
		if items[i].ticket != want {
			t.Errorf("item %d %q: ticket %q, want %q", i, items[i].text, items[i].ticket, want)
		}
	}
}
