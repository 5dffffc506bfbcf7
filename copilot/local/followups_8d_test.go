package local_test

import (
	"strings"
	"testing"
)

// An 8D report numbers its parts by discipline ("D3. Containment actions",
// "D6/D7. Corrective and preventive actions"). The containment actions are what
// the responders did, told in the past: no follow-ups. The corrective actions'
// table is the report's to-do list, read by column: the owner is the Owner cell,
// the due date the Due cell, and a row with a ticket is captured.
func TestEightDReportDisciplines(t *testing.T) {
	md := `# 8D Report MES-8D-2026-099: Track-out stalled (broker memory alarm)

**Date:** 2026-05-06

## D2. Problem description

Between 14:52 and 15:41 no lot could complete a track-out; 338 lots were held.

## D3. Containment actions

- 15:29: Priya Nair raised the memory high watermark on all mq-wip nodes from 0.4 to 0.55.
- 15:34: Lena Huang re-synced the archiver secret and restarted the archiver deployment.
- 16:22: the history queue drained to zero.

## D4. Root cause

A password rotation left the archiver unable to connect; its queue grew until the broker's memory alarm blocked every publisher.

## D6/D7. Corrective and preventive actions

| # | Action | Owner | Due | Ticket |
|---|---|---|---|---|
| 1 | Page MES on-call on any broker resource alarm | Priya Nair | 2026-05-15 | FABMES-2410 |
| 2 | Handle connection.blocked in the tracking client and fail the transaction | Dariusz Kowal | 2026-06-12 | |
`
	ans := reportFollowUps(t, "mes-8d.md", md)
	var found []string
	for _, f := range ans.Items {
		low := strings.ToLower(f.Text)
		if strings.Contains(low, "re-synced") || strings.Contains(low, "raised the memory") || strings.Contains(low, "drained") {
			t.Errorf("containment step %q read as a follow-up", f.Text)
		}
		switch {
		case strings.Contains(low, "page mes on-call"):
			found = append(found, "page")
			if !f.Captured || f.TicketKey != "FABMES-2410" || f.Owner != "Priya Nair" || f.Due != "2026-05-15" {
				t.Errorf("row 1: captured %v %q, owner %q, due %q; want FABMES-2410, Priya Nair, 2026-05-15", f.Captured, f.TicketKey, f.Owner, f.Due)
			}
		case strings.Contains(low, "connection.blocked"):
			found = append(found, "blocked")
			if f.Captured || f.Owner != "Dariusz Kowal" || f.Due != "2026-06-12" {
				t.Errorf("row 2: captured %v, owner %q, due %q; want uncaptured, Dariusz Kowal, 2026-06-12", f.Captured, f.Owner, f.Due)
			}
		}
	}
	if len(found) != 2 {
		t.Errorf("action rows found: %v, want both", found)
	}
}
