package local

import "testing"

// An action item written "item — link" quotes as the item: the dash that led to
// the link goes with it, and the link is the item's ticket.
func TestItemTextWithoutTheDashToItsLink(t *testing.T) {
	src := reportHead + "## Action items\n\n" +
		"- Set max_spill_per_node on the cluster — https://gitlab.example.io/data/infra/-/issues/1187\n"
	ans := reportAnswer(t, src)
	if len(ans.Items) != 1 {
		t.Fatalf("%d items, want 1: %+v", len(ans.Items), ans.Items)
	}
	it := ans.Items[0]
	if it.Text != "Set max_spill_per_node on the cluster." {
		t.Errorf("text %q, want the item without the dash", it.Text)
	}
	if !it.Captured || it.TicketKey != "https://gitlab.example.io/data/infra/-/issues/1187" {
		t.Errorf("ticket %q captured %v, want the issue link", it.TicketKey, it.Captured)
	}
}

func TestCleanTextDropsTheDashOfARemovedLink(t *testing.T) {
	for in, want := range map[string]string{
		"Sweep spill files — https://gitlab.example.io/x/-/issues/2": "Sweep spill files",
		"pool 10 - 20 connections":                                   "pool 10 - 20 connections",
		"see the runbook — it lists the steps":                       "see the runbook — it lists the steps",
	} {
		if got := cleanText(in); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", in, got, want)
		}
	}
}
