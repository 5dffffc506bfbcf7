package local_test

import (
	"strings"
	"testing"
)

// A report's preamble that names its promises as the object of a clause ("it
// covers what happened and what we are changing", "this page says how we will
// stop it") promises nothing itself; a promise after such a clause in the same
// sentence still does.
func TestReportPreambleNamesPromisesWithoutMaking(t *testing.T) {
	md := `# Tariff import dropped rows

Date: 2026-04-02

This review is blameless. It records what happened, why each step made sense at the time, and what we are changing.

We set out below how we will prevent a repeat.

Here is how we will stop it: we will add an alert on the rejected-row rate of the tariff import.

## Actions

- Reject over-length tariff codes at the gateway (Mina)
`
	ans := reportFollowUps(t, "pm-tariff.md", md)
	var texts []string
	for _, it := range ans.Items {
		texts = append(texts, it.Text)
	}
	if len(ans.Items) != 2 || !strings.Contains(texts[0]+texts[1], "rejected-row rate") || !strings.Contains(texts[0]+texts[1], "over-length") {
		t.Errorf("items = %q, want the rejected-row alert and the gateway check only", texts)
	}
}

// "One day" as a count ("three in one day pages the desk", "one day early")
// puts nothing off; at the end of its clause ("maybe one day") it still does.
func TestOneDayCountedIsNoDeferral(t *testing.T) {
	md := `# Parcel scans lost

Date: 2026-05-02

## Action items

| # | Action | Owner | Due |
|---|--------|-------|-----|
| 1 | Depot staff log every "scanned, not on manifest" parcel in the issues form; five in one day pages the depot lead | Ana Costa | 2026-05-20 |
| 2 | Move the scanner fleet to the new firmware channel one day, when the budget allows | Li Wei | |
`
	ans := reportFollowUps(t, "pm-parcels.md", md)
	var texts []string
	for _, it := range ans.Items {
		texts = append(texts, it.Text)
	}
	if len(ans.Items) != 1 || !strings.Contains(texts[0], "issues form") || ans.Items[0].Owner != "Ana Costa" {
		t.Errorf("items = %q, want only the issues-form row, owned by Ana Costa", texts)
	}
}
