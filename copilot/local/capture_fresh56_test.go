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

	for _, c := range []struct {
		path, ts, want string // the item and its ticket ("" for none)
	}{
		{"dev56/documents/kb-seatmap-onsale-hpa-ceiling.json", "1773399320.006503", "SRE-2291"},
		{"dev56/documents/kb-seatmap-onsale-hpa-ceiling.json", "1773399880.007736", ""},
		{"dev56/documents/kb-wallet-pass-cert-expired.json", "1778925704.012273", ""},
	} {
		found := false
		for _, f := range followUpTexts(t, devDocument(t, c.path)) {
			if f.SourceTS != c.ts {
				continue
			}
			found = true
			if f.TicketKey != c.want {
				t.Errorf("%s %s: ticket %q, want %q (%s)", c.path, c.ts, f.TicketKey, c.want, f.Text)
			}
		}
		if !found {
			t.Errorf("%s %s: no item", c.path, c.ts)
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
		items := followUpsBySource(t, devDocument(t, path))
		if len(items) == 0 {
			t.Errorf("%s: no follow-up at all; the document has others", path)
		}
		if f, ok := items[ts]; ok {
			t.Errorf("%s: follow-up %q, which was turned down", path, f.Text)
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
	if f, ok := followUpsBySource(t, devDocument(t, "dev56/documents/kd-payslip-renderer-oom.json"))["1782464534.245789"]; ok {
		t.Errorf("follow-up %q, a finding", f.Text)
	}
}

// "no need, …" right after another's offer ("I'll set a calendar reminder for
// next year's expiry date too") answers that offer; it does not call off its
// speaker's own item two messages before (dev56). "actually nvm the calendar
// thing" still takes back its speaker's own.
func TestNoNeedAnswersTheOfferFresh56(t *testing.T) {
	if _, ok := followUpsBySource(t, devDocument(t, "dev56/documents/kc-kiosk-client-cert-expiry.json"))["1778051490.007735"]; !ok {
		t.Errorf("olu's failure reason on the OOS screen is no item: the 'no need' after tomasz's offer called it off")
	}
	if f, ok := followUpsBySource(t, devDocument(t, "dev56/documents/kb-wallet-pass-cert-expired.json"))["1778925620.012062"]; ok {
		t.Errorf("follow-up %q, taken back by its speaker ('actually nvm the calendar thing')", f.Text)
	}
}
