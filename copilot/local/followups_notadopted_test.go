package local_test

import (
	"strings"
	"testing"
)

// A paragraph of the action section that the writer labels as not taken up
// ("Not pursued: …", "Considered and not taken: …", "Considered and rejected:
// …") lists no action; the entries beside it stay.
func TestNotAdoptedParagraphsInActionSections(t *testing.T) {
	for _, label := range []string{"Not pursued", "Considered and not taken", "Considered and rejected"} {
		md := "# Delivery notifications delayed\n\n## Summary\n\nA backfill flooded the notification queue for three hours.\n\n" +
			"## Corrective actions\n\n| # | Action | Owner | Ticket |\n|---|---|---|---|\n" +
			"| 1 | Give backfills their own queue | Rohit | NOTIF-88 |\n" +
			"| 2 | Alert on the age of the oldest real-time message | Greta | |\n\n" +
			label + ": raising our SMS provider's rate limit (the provider was never the bottleneck), and a blanket freeze on data backfills during business hours (too blunt; action 1 addresses the cause).\n\n" +
			label + ": keeping the worker pool at 160 permanently.\n"
		ans := reportFollowUps(t, "notify.md", md)
		var open []string
		for _, it := range ans.Items {
			if it.Open() {
				open = append(open, it.Text)
			}
		}
		if len(open) != 1 || !strings.HasPrefix(open[0], "Alert on the age") {
			t.Errorf("%s: open items %q, want only the alert row", label, open)
		}
	}
}

// Paragraphs of a report that promise nothing: one the writer labels an open
// question, and the report's own review (who reviewed it, when its actions are
// next reviewed, who presents them there). Only the real entry stays open.
func TestQuestionsAndReviewNotesInReports(t *testing.T) {
	head := "# Gate scanners offline\n\n## Summary\n\nA firewall change cut the scanners off their broker for 40 minutes.\n\n" +
		"## Actions\n\n- Add the scanner VLAN to the firewall change checklist (owner: Ilse, due 2026-04-30)\n\n"
	for _, tt := range []struct{ name, tail string }{
		{"open questions", "Open question for the quarterly risk review: should any change touching the scanner VLAN need a second approver?\n\n" +
			"Open questions: is the nightly broker restart still needed with the current firmware?\n"},
		{"the report's review", "Next review of open actions: site IT steering meeting, 12 May 2026.\n\n" +
			"This report stays open until the checklist change is verified; Ilse will present it at the 2026-05-12 steering meeting.\n\n" +
			"## Sign-off\n\nReviewed by the head of site operations on 2 May 2026.\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var open []string
			for _, it := range reportFollowUps(t, "gates.md", head+tt.tail).Items {
				if it.Open() {
					open = append(open, it.Text)
				}
			}
			if len(open) != 1 || !strings.HasPrefix(open[0], "Add the scanner VLAN") {
				t.Errorf("open items %q, want only the checklist entry", open)
			}
		})
	}
}
