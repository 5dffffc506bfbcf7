package local

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// Rules taken from the blind set dev40 (judged on dev41, written after them).
var fresh40InChat = []struct {
	name       string
	lines      []string
	gone, kept []int
}{
	{
		// A regret about one's own step, with nothing proposed beside it, looks
		// back; a regret beside a proposal keeps the proposal.
		name: "regret in chat",
		lines: []string{
			"priya: resolving. ~1h35m claims outage, 1,214 claims delayed, 63 patients overcharged (being reversed), no missed meds. thanks all. follow-ups pls",
			"lena: 1. i'm adding an expiry check for every tls secret in the cluster, not just ingress certs. alert at 30/14/7 days",
			"priya: 3. vendor technical contacts have to be shared aliases, not people. i'll move carepoint + the other 3 payers to integrations@ by friday",
			"marco: i'll make a proper support macro for 'payment issue / insurer down' so we're not making it up on the fly next time",
			"lena: glad it was 09:00 on a monday and not 09:00 on a saturday",
			"kenji: tbh i should've checked whose cert it was before restarting everything, would've saved us 10 min 🤷",
		},
		gone: []int{5}, kept: []int{1, 2, 3},
	},
	{
		name: "regret beside a proposal",
		lines: []string{
			"sam: (2) the 'last success' alert fired four hours after the job should have run. we want a missed-run alert within 30 minutes of the scheduled time",
		},
		kept: []int{0},
	},
	{
		// A promise its speaker declares withdrawn, after someone shows it
		// cannot work, is no item.
		name: "withdrawn in the past participle",
		lines: []string{
			"priya: resolved. follow-ups pls",
			"lena: 1. runbook for the carepoint cert renewal: where the CSR is made, who signs it. i'll do it this week",
			"kenji: 2. also i'll write a bot that auto-renews the cert through carepoint's api",
			"lena: kenji they don't have an api, it's a portal + email",
			"kenji: lol ok withdrawn, the alert will have to do",
		},
		gone: []int{2}, kept: []int{1},
	},
}

func TestFresh40InChat(t *testing.T) {
	for _, tt := range fresh40InChat {
		t.Run(tt.name, func(t *testing.T) { wantGoneKept(t, tt.lines, tt.gone, tt.kept) })
	}
}

// The failure's own code in the report that opened the channel ("AUTH-03") is
// no ticket, when a later message names it again beside other work.
func TestOpeningErrorCodeIsNoTicket(t *testing.T) {
	inc := chat(
		"juno: players cant log in, launcher says 'Can't reach account servers (AUTH-03)'",
		"ben: the pool is exhausted, rolling back the deploy",
		"ben: rolled back, errors gone",
		"ana: resolved",
		"tobi: ok follow-ups. 1) blackbox exporter probe on every public hostname with alert on cert expiry < 14 days. filing now",
		"tobi: 2) the renew cron failed for 5 weeks and nobody knew. i'll put a dead man's switch on it, healthchecks ping after successful renew",
		"mags: 3) i'll change the letsencrypt account email to ops@ today, and anything else that still points at daniel",
		"rafa: 4) client side: AUTH-03 for a TLS error is useless. i'll show a proper error and let the match finish. OPS-346",
	)
	got := followUpsBySource(t, inc)
	it, ok := got[inc.Messages[6].TS]
	if !ok {
		t.Fatalf("the account email item is missing; got %v", got)
	}
	if it.Captured {
		t.Errorf("the account email item captured by %q, the launcher's error code", it.TicketKey)
	}
	if it, ok := got[inc.Messages[7].TS]; !ok || it.TicketKey != "OPS-346" {
		t.Errorf("the client item: %+v, want it captured by OPS-346", it)
	}
}

// In a report, a sentence about its own actions by number ("Action 4 and 6 have no
// ticket yet") is the list's bookkeeping, and a compound noun that opens with a
// verb ("Contact-centre agents told customers …") is no order: dev40's review of
// the IPv6 login hang.
func TestFresh40InReport(t *testing.T) {
	const path = "../../evals/testdata/dev40/postmortems/yf-pm-portal-app-ipv6-login.md"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	inc, err := transcript.ReadPostmortem(path, src)
	if err != nil {
		t.Fatal(err)
	}
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, it := range ans.Items {
		texts = append(texts, it.Text)
	}
	all := strings.Join(texts, " | ")
	for _, bad := range []string{"Contact-centre", "bring them to the platform planning"} {
		if strings.Contains(all, bad) {
			t.Errorf("%q reported as a follow-up: %s", bad, all)
		}
	}
	for _, good := range []string{"Tag failed app requests", "change-review checklist"} {
		if !strings.Contains(all, good) {
			t.Errorf("%q missing: %s", good, all)
		}
	}
	if isImperative("Follow-up: the pods are back") || isImperative("Contact-centre agents told customers to restart") {
		t.Error("a compound noun that opens with a verb read as an order")
	}
}

// A report's header is no opening message: the ticket it lists ("Tickets:
// OPS-123") still captures the action item that cites it.
func TestReportHeaderTicketStillCaptures(t *testing.T) {
	ans := reportAnswer(t, "# Pool exhausted\n\nDate: 2026-03-02. Tickets: OPS-123.\n\n## Summary\n\nThe orders pool ran out of connections for 40 minutes.\n\n"+
		"## What happens next\n\nWe will add a pool saturation alert on the orders db (OPS-123).\n")
	for _, it := range ans.Items {
		if strings.Contains(it.Text, "pool saturation alert") {
			if !it.Captured || it.TicketKey != "OPS-123" {
				t.Errorf("the alert item: captured %v by %q, want OPS-123", it.Captured, it.TicketKey)
			}
			return
		}
	}
	t.Errorf("the alert item is missing: %+v", ans.Items)
}
