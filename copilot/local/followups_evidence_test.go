package local

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Gathering evidence for the review ("I'll grab the pgbouncer logs + pool graphs
// before they roll off") is a chore, like DOMAIN's "I'll grab the logs", never a
// change that outlives the incident; the alert promised beside it is one.
func TestEvidenceChoreIsNoFollowUp(t *testing.T) {
	inc, got := followUpsOf(t,
		"ben: I'll add an alert on pool saturation at 80%",
		"ana: I'll grab the pgbouncer logs + pool graphs from tonight before they roll off, for the review",
	)
	if _, ok := got[ts(inc, 0)]; !ok {
		t.Errorf("the alert promise is missing: %v", got)
	}
	if it, ok := got[ts(inc, 1)]; ok {
		t.Errorf("evidence gathering reported as a follow-up: %q", it.Text)
	}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"i'll pull the api logs instead of the gateway ones", true},
		{"i'll save the query as a dashboard", false},
		{"i'll export the audit logs to the retention bucket with an alert on gaps", false},
	} {
		if evidenceChore(c.text) != c.want {
			t.Errorf("evidenceChore(%q) = %v, want %v", c.text, !c.want, c.want)
		}
	}
}

// The message that stopped the bleeding is the response itself, even when its
// step is announced with a purpose ("so Redis does not block").
func TestTheMitigatingStepIsNoFollowUp(t *testing.T) {
	inc := chat(
		"alertbot: [FIRING] checkout 5xx 30%",
		"ana: checkout failing, session store refuses writes, OOM command not allowed",
		"ben: it's the session store: maxmemory reached and policy noeviction, nothing ever expires",
		"ana: quickest: delete the sess:* keys, set maxmemory-policy to allkeys-lru",
		"ben: Yes. I will delete in batches with SCAN + UNLINK so Redis does not block. Changing the policy first.",
		"ben: maxmemory-policy is now allkeys-lru on all 3 nodes",
		"ben: deleted 2.2M sess:* keys. memory at 31%. writes succeed",
		"ana: 5xx back under 1%. resolved",
		"ana: I'll add an alert on redis memory at 80%",
	)
	got := followUpsBySource(t, inc)
	if it, ok := got[inc.Messages[4].TS]; ok {
		t.Errorf("the mitigating step reported as a follow-up: %q", it.Text)
	}
	if _, ok := got[inc.Messages[8].TS]; !ok {
		t.Errorf("the alert promise is missing: %v", got)
	}
}

// "wish we'd had the guard years ago" looks back like "in hindsight": it
// proposes nothing, and the guard it names is already there.
func TestWishWeHadIsHindsight(t *testing.T) {
	inc, got := followUpsOf(t,
		"cara: the dedup guard caught the second run this time",
		"dan: fwiw wish we'd had the dedup guard years ago. would've saved us the whole morning",
	)
	if it, ok := got[ts(inc, 1)]; ok {
		t.Errorf("hindsight reported as a follow-up: %q", it.Text)
	}
}

// "fair, dropping the limit bump" concedes a promise argued against, as "dropping
// that one then" does.
func TestDroppingTheNamedPromise(t *testing.T) {
	inc, got := followUpsOf(t,
		"dan: I'll add an alert on old-gen usage after GC",
		"dan: I'll also bump the checkout-api memory limit to 4Gi as a safety margin",
		"eve: pls don't, a bigger heap just means longer GC pauses and a later OOM. the flag is the fix",
		"dan: fair, dropping the limit bump",
	)
	for i, want := range []bool{true, false, false, false} {
		if _, ok := got[ts(inc, i)]; ok != want {
			t.Errorf("line %d: follow-up %v, want %v", i, ok, want)
		}
	}
}

// A caret points at the message just above: "^ that's the fix from before, mine"
// under the tracker bot's record claims that ticket, not the alert someone else
// took just before it.
func TestCaretClaimsTheMessageAbove(t *testing.T) {
	inc := chat(
		"ana: checkout 500s since 09:55",
		"ben: the pool is exhausted, rolling back the deploy",
		"ben: rolled back, errors gone",
		"ana: resolved",
		"kofi: I'll take the pool saturation alert for checkout (in use > 85% for 10m)",
		"jira: created PAY-2291: checkout: cap the pool per pod in the chart",
		"joao: ^ that's the fix from before, mine",
	)
	inc.Messages[5].Kind = copilot.KindBot
	got := followUpsBySource(t, inc)
	it, ok := got[inc.Messages[4].TS]
	if !ok || it.Owner != "kofi" {
		t.Errorf("the alert's owner is %q (found %v), want kofi", it.Owner, ok)
	}
}
