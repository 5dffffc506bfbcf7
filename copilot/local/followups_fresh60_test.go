package local

import "testing"

// Readings from dev60: a reply that closes by turning the idea down after its
// reasons, a review of the actions named with "of", and the numbers asked for a
// report.
func TestReadingsFresh60(t *testing.T) {
	readingTests{
		{"if the client gets fixed that's headroom we don't need, and every new ip has to be allowlisted at the psp which is a 3 week process. not now", true},
		{"the psp allowlist takes 3 weeks and we'd pay for idle ips. nope, not now", true},
		{"every new ip has to be allowlisted at the psp. I'll start that process now", false},
		{"not now", false},
		{"we looked at it. no, the allowlist at the psp takes three weeks so we fix the client first", false},
	}.check(t, "refusalCloses", refusalCloses)
	readingTests{
		{"follow-up review of the actions is on the crew systems weekly on 2026-09-02.", true},
		{"impact numbers please, for the ops report", true},
		{"final numbers please and what we do so the next domain change does not break payment.", true},
		{"can someone get me the figures for the weekly report", true},
		{"I'll add the booking numbers to the capacity dashboard", false},
	}.check(t, "reportMeta", reportMeta)

	inc, got := followUpsOf(t,
		"tomas: resolved. captures flowing again",
		"ines: should we also give the payments nat gw secondary IPs? more IPs = more ports per destination",
		"^5 marta: if the client gets fixed that's headroom we don't need, and every new IP has to be allowlisted at the psp which is a 3 week process. not now",
		"^5 ines: ok fine, dropping it",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false)
}
