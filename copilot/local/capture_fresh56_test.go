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

// Three ways a proposal is turned down in dev56's channels: the proposer takes
// it back after fillers ("ha ok, nevermind then"), a reply will not make it an
// action ("not making that an action from this one"), and a reply opening with
// "nah" turns down the idea just said, whatever earlier idea its reason names
// ("nah, overkill for one encoder. truncation fix + the field audit covers it").
// dev46's "no - policy is no outbound internet ntp …" turns down the question
// right before it the same way.
func TestTurnedDownFresh56(t *testing.T) {
	for path, ts := range map[string]string{
		"dev56/documents/kd-payslip-renderer-oom.json":       "1782478520.459602",
		"dev56/documents/ka-meter-kafka-disk-full.json":      "1773138765.000639",
		"dev56/documents/kc-bcbp-long-name.json":             "1773736770.006538",
		"dev46/documents/ub-erx-hub-signature-rejected.json": "1776334365.006094",
	} {
		items := followUpTexts(t, devDocument(t, path))
		if len(items) == 0 {
			t.Errorf("%s: no follow-up at all; the document has others", path)
		}
		for _, f := range items {
			if f.SourceTS == ts {
				t.Errorf("%s: follow-up %q, which was turned down", path, f.Text)
			}
		}
	}
}

// "think I've got it." opens a finding, not a take-on (dev56, dev44).
func TestFoundItFresh56(t *testing.T) {
	readingTests{
		{"think I've got it. with weasyprint 63 our code builds a FontConfiguration per document", true},
		{"think I've got it. pg_wal is 288GB. WAL isnt being recycled", true},
		{"I've got it, will add the alert tomorrow", false},
		{"i think we need an alert on it", false},
	}.check(t, "foundIt", func(s string) bool { return foundIt(lowerClean(s)) })
	for _, f := range followUpTexts(t, devDocument(t, "dev56/documents/kd-payslip-renderer-oom.json")) {
		if f.SourceTS == "1782464534.245789" {
			t.Errorf("follow-up %q, a finding", f.Text)
		}
	}
}

// "no need, …" right after another's offer ("I'll set a calendar reminder for
// next year's expiry date too") answers that offer; it does not call off its
// speaker's own item two messages before (dev56). "actually nvm the calendar
// thing" still takes back its speaker's own.
func TestNoNeedAnswersTheOfferFresh56(t *testing.T) {
	found := false
	for _, f := range followUpTexts(t, devDocument(t, "dev56/documents/kc-kiosk-client-cert-expiry.json")) {
		found = found || f.SourceTS == "1778051490.007735"
	}
	if !found {
		t.Errorf("olu's failure reason on the OOS screen is no item: the 'no need' after tomasz's offer called it off")
	}
	for _, f := range followUpTexts(t, devDocument(t, "dev56/documents/kb-wallet-pass-cert-expired.json")) {
		if f.SourceTS == "1778925620.012062" {
			t.Errorf("follow-up %q, taken back by its speaker ('actually nvm the calendar thing')", f.Text)
		}
	}
}
