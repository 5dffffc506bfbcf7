package local

import "testing"

// From dev47 (judged on dev48): a reply that opens "can't," with the reason
// turns the idea down, as "we can't, …" does: the reply is no item (its "needs"
// is the reason, not a proposal), nor is the idea its speaker then drops.
func TestCantTurnsTheIdeaDown(t *testing.T) {
	inc, got := followUpsOf(t,
		"ravi: I'll get every agency-issued cert into the cert register with a named owner and renewal date",
		"per: I'll also script the renewal against the portal so it's automatic",
		"aino: can't, renewal needs a BankID signature from someone with signing rights. no API for it",
		"per: ok, dropping the auto-renew idea then",
	)
	wantFollowUpLines(t, inc, got, true, false, false, false)
	readingTests{
		{"can't, renewal needs a bankid signature. no api for it", true},
		{"we can't - it needs a signature", true},
		{"cannot. the vendor has no api", true},
		{"can't wait for the new dashboards", false},
	}.check(t, "upRejectRE", upRejectRE.MatchString)
}
