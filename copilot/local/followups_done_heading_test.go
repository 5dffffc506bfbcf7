package local_test

import (
	"strings"
	"testing"
)

// A report's part whose heading says its entries are done ("Remediation already
// done", "Done during the incident") lists the response's own steps, told in any
// tense: none is a follow-up, while the action list beside it still is.
func TestDoneHeadingsHoldNoFollowUps(t *testing.T) {
	for _, heading := range []string{"Remediation already done", "Done during the incident", "What we did"} {
		md := `# Map tiles missing after a lifecycle rule

**Date:** 2026-04-22

## Summary

A lifecycle rule expired the current versions of every map tile; riders saw blank maps for 3 hours.

## ` + heading + `

- Delete markers removed for geo/ and tiles/; img/ restored on 23 April.
- The tile cache is checked by hand every morning until the module validation ships.
- Credits of 15 zl issued to every rider with a stuck ride.

## Action items

| Action | Owner | Ticket |
|---|---|---|
| Terraform module validation that fails on an expiration rule without a prefix filter | Ola Nowak | |
| Alert when the tile bucket's object count drops by more than 5% in an hour | Piotr Zielinski | MAP-221 |
`
		ans := reportFollowUps(t, "tiles.md", md)
		validation, alert := false, false
		for _, f := range ans.Items {
			low := strings.ToLower(f.Text)
			if strings.Contains(low, "delete markers") || strings.Contains(low, "checked by hand") || strings.Contains(low, "credits") {
				t.Errorf("%s: done entry %q read as a follow-up", heading, f.Text)
			}
			validation = validation || (strings.Contains(low, "module validation") && f.Open() && f.Owner == "Ola Nowak")
			alert = alert || (strings.Contains(low, "object count") && f.Captured && f.TicketKey == "MAP-221")
		}
		if !validation || !alert {
			t.Errorf("%s: action list lost (validation %v, alert %v): %+v", heading, validation, alert, ans.Items)
		}
	}
}

// A table row is read as its text with one line per field under it ("Owner:
// Marit Eide", "Ticket: SKL-1880"): one item with that owner and ticket, not an
// item for the line that names a person.
func TestEntryFieldLinesAreNoItems(t *testing.T) {
	md := `# PIR-2026-004: Customs manifests refused as expired

**Date:** 2026-03-10

## Summary

Every cargo manifest was refused for five hours: the submitting server's clock was ten minutes slow.

## Corrective actions

| # | Action | Owner | Ticket | Due |
|---|---|---|---|---|
| 1 | Freight portal: show hauliers "submission delayed, we are working on it" instead of "Manifest not accepted" for retryable faults | Marit Eide | SKL-1880 | |
| 2 | Alert on manifest rejects by SOAP fault code, not only on HTTP 5xx | Tomasz Wrona | | 2026-03-20 |
`
	ans := reportFollowUps(t, "pir.md", md)
	if len(ans.Items) != 2 {
		t.Fatalf("want 2 items, got %d: %+v", len(ans.Items), ans.Items)
	}
	for _, f := range ans.Items {
		if strings.HasPrefix(f.Text, "Owner:") || strings.HasPrefix(f.Text, "Ticket:") || strings.HasPrefix(f.Text, "Due:") {
			t.Errorf("a field line is an item: %q", f.Text)
		}
		if strings.Contains(f.Text, "Freight portal") && (f.Owner != "Marit Eide" || !f.Captured || f.TicketKey != "SKL-1880") {
			t.Errorf("portal item %+v: want owner Marit Eide, captured by SKL-1880", f)
		}
		if strings.Contains(f.Text, "SOAP fault") && (f.Owner != "Tomasz Wrona" || f.Due != "2026-03-20" || !f.Open()) {
			t.Errorf("alert item %+v: want owner Tomasz Wrona, due 2026-03-20, open", f)
		}
	}
}
