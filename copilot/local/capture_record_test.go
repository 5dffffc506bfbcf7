package local

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// The tracker exports the incident's own record beside its follow-ups ("[SEV2]
// …", "INC 2026-03-10: …", "Postmortem INC-…"). Such a ticket tells what broke,
// in the failure's words, so it shares words with any remark about the failure;
// it captures no follow-up by its words. A follow-up ticket still captures the
// item it is about, and a record cited by key still captures the item citing it.
func TestIncidentRecordTicketCapturesNothingByWords(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"ana: we should add a validation before bills are released that blocks the portal posting when the cycle total is off by more than 20% from last year",
		"ben: I'll add an alert on the meter import exception count above 3x the cycle average",
		"cai: I'll add the wrong-totals case to the billing regression pack, BILL-7",
	)...)
	inc.Tickets = append(inc.Tickets,
		copilot.Ticket{Key: "BILL-3", Title: "[SEV2] Cycle 14 bills with abnormal totals posted to the customer portal"},
		copilot.Ticket{Key: "BILL-12", Title: "Alert on meter import exception volume (>3x cycle average)"},
		copilot.Ticket{Key: "BILL-7", Title: "INC 2026-06-02: bills posted with wrong totals"},
	)
	got := followUpsBySource(t, inc)
	for i, want := range []string{"", "BILL-12", "BILL-7"} {
		it, ok := got[ts(inc, i)]
		if !ok {
			t.Errorf("line %d: no follow-up", i)
			continue
		}
		if it.TicketKey != want || it.Captured != (want != "") {
			t.Errorf("line %d (%s): ticket %q captured %v, want %q", i, it.Text, it.TicketKey, it.Captured, want)
		}
	}
}

func TestIncidentRecordTitles(t *testing.T) {
	for title, want := range map[string]bool{
		"SEV1 BRL payout batch 2026-03-12 amounts mismatch":             true,
		"[SEV2] Cycle 14 bills with abnormal amounts posted":            true,
		"Sev-2: login loop after IdP change":                            true,
		"INC 2026-03-10: gate appointment validation outage":            true,
		"INC-3004: search-api 5xx after v2.41.0 deploy":                 true,
		"Postmortem INC-2041 checkout 5xx":                              true,
		"Incident #4471 review":                                         true,
		"Incident runbook: add a step for draining the queue":           false,
		"Postmortem template: add a 'what we were lucky about' section": false,
		"Alert on meter import exception volume (>3x cycle average)":    false,
		"P1: pin the AMI id in terraform":                               false,
		"severity field in the alert payload":                           false,
	} {
		if got := incidentRecord(title); got != want {
			t.Errorf("incidentRecord(%q) = %v, want %v", title, got, want)
		}
	}
}

// A bug filed on its own ("… TTL too short for visits longer than 60 min") is
// no evidence that some remark of the incident is about it: the mutual pass,
// which pairs an exported ticket with its closest item on a low bar, leaves it
// out, so a script for the front desk is not captured by it.
func TestDefectTicketIsNoMutualPartner(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"eva: from my side I'll write a short script for the front desk for 'video won't connect' so nurses switch to a phone visit after 3 min",
	)...)
	inc.Tickets = append(inc.Tickets, copilot.Ticket{Key: "OPS-79", Title: "video-gateway: TURN credential TTL too short for visits longer than 60 min"})
	it, ok := followUpsBySource(t, inc)[ts(inc, 0)]
	if !ok || it.Captured {
		t.Errorf("follow-up %v captured %v (%s), want an uncaptured follow-up", ok, it.Captured, it.TicketKey)
	}
	for title, want := range map[string]bool{
		"label-api: pickup_window not rendered on PDF labels for DPD handover": true,
		"access-control-api: flaky validate_ticket integration test on CI":     true,
		"Discovery: facet counts wrong for large print format":                 true,
		"Fix pickup_window not rendered on PDF labels":                         false,
		"Node health check: drain node when the path to the filer fails":       false,
		"Alert when the oldest message is too old (> 15 min)":                  false,
	} {
		if got := defectReport(title); got != want {
			t.Errorf("defectReport(%q) = %v, want %v", title, got, want)
		}
	}
}

// An identifier says the words it joins: "max_slot_wal_keep_size" is about the
// WAL and the slots a title writes apart, not about the upgrade of the same
// database that shares only the component's name.
func TestIdentifierPartsMatchTitleWords(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"kim: I'll set max_slot_wal_keep_size on orders-db so a dead slot gets invalidated instead of eating the disk",
	)...)
	inc.Tickets = append(inc.Tickets,
		copilot.Ticket{Key: "OPS-98", Title: "orders-db: upgrade to PostgreSQL 16"},
		copilot.Ticket{Key: "OPS-99", Title: "orders-db: cap WAL retained by replication slots"},
	)
	it, ok := followUpsBySource(t, inc)[ts(inc, 0)]
	if !ok || it.TicketKey != "OPS-99" {
		t.Errorf("follow-up %v with ticket %q, want OPS-99", ok, it.TicketKey)
	}
}
