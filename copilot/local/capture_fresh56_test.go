package local

import (
	"testing"
)

// Two capture readings from dev56. An item that gives a ticket's settings by
// their values alone ("I'll get 120 / 90 into the helm values and the terraform
// for onsale-c5") and names no setting of its own is about those settings; and
// "actually nvm the calendar thing, SRE-2340 covers it" takes back its
// speaker's own idea, so the ticket does not capture the item another person
// said just before.
func TestCaptureFresh56(t *testing.T) {
	title := "Persist seatmap-api HPA maxReplicas=120 in helm chart and onsale-c5 ASG max=90 in terraform"
	for item, want := range map[string]bool{
		"I'll get 120 / 90 into the helm values and the terraform for onsale-c5 today, otherwise the next deploy quietly reverts my patch": false,
		"I'll set min_replicas=120 in the helm values for onsale-c5":                                                                       true,
		"I'll get 150 into the helm values for onsale-c5":                                                                                  true,
	} {
		if got := settingDiffers(title, item); got != want {
			t.Errorf("settingDiffers(%q) = %v, want %v", item, got, want)
		}
	}

	seat := devDocument(t, "dev56/documents/kb-seatmap-onsale-hpa-ceiling.json")
	wallet := devDocument(t, "dev56/documents/kb-wallet-pass-cert-expired.json")
	checks := []struct {
		doc      string
		ts, want string // the item and its ticket ("" for none)
	}{
		{"seatmap", "1773399320.006503", "SRE-2291"},
		{"seatmap", "1773399880.007736", ""},
		{"wallet", "1778925704.012273", ""},
	}
	for _, c := range checks {
		inc := seat
		if c.doc == "wallet" {
			inc = wallet
		}
		found := false
		for _, f := range followUpTexts(t, inc) {
			if f.SourceTS != c.ts {
				continue
			}
			found = true
			if f.TicketKey != c.want {
				t.Errorf("%s %s: ticket %q, want %q (%s)", c.doc, c.ts, f.TicketKey, c.want, f.Text)
			}
		}
		if !found {
			t.Errorf("%s %s: no item", c.doc, c.ts)
		}
	}
}
