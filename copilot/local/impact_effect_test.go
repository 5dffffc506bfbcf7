package local

import (
	"strings"
	"testing"
)

// TestImpactWindowBetween: "between 09:40 and 10:21" is the window of the damage,
// so an impact that says it needs no other sentence for its extent; a later
// proposal whose "401s" reads like a duration is not taken to complete it. Two
// times joined by "and" without "between" are two moments.
func TestImpactWindowBetween(t *testing.T) {
	for _, s := range []string{"between 09:40 and 10:21", "between ~13:02 and 13:40", "between 16:02 cest and 17:31"} {
		if !impactWindowRE.MatchString(lowerClean(s)) {
			t.Errorf("impactWindowRE does not match %q", s)
		}
	}
	for _, s := range []string{"paged at 09:40 and again at 10:21", "09:40 and 10:21"} {
		if impactWindowRE.MatchString(s) {
			t.Errorf("impactWindowRE matches %q", s)
		}
	}
	imp := strings.ToLower(impactOf(t,
		"pm: support says login complaints tripled, everyone says the code never came",
		"lea: the sms gateway answers 401 to every send since 07:15",
		"lea: key rotated by the cleanup job. made a new key, sender redeployed, codes arriving",
		"lea: from the logs: ~8,200 failed sign-ins between 07:15 and 08:02, mostly android",
		"pm: and alert when the sender sees 401s from the gateway, not only 5xx"))
	if !strings.Contains(imp, "8,200 failed sign-ins") || strings.Contains(imp, "alert when") {
		t.Errorf("impact = %q, want the count with its window and no proposal", imp)
	}
}

// TestImpactFellIsHarm: a measure of what people did that fell by a share is the
// damage, as "dropped" is, when nothing else in the channel counts it.
func TestImpactFellIsHarm(t *testing.T) {
	imp := strings.ToLower(impactOf(t,
		"kim: the suggestions box is odd, typing 'lap' offers garden chairs",
		"raj: the alias points at yesterday's half-built collection, 90k docs instead of 900k",
		"raj: pointed the alias back at the previous collection. suggestions look right",
		"kim: analytics: searches started from a suggestion fell 55% from 09:00 until the switch, web and app",
		"raj: rebuilding the collection tonight from a fresh snapshot"))
	if !strings.Contains(imp, "fell 55%") {
		t.Errorf("impact = %q, want the fall in suggestion searches", imp)
	}
}

// TestImpactEffectOfAConsequence: in "X, so Y" the clause Y that counts what was
// hit is the impact; X, the mechanism, is left to the root cause, and the
// sentence still beats a later count of the remedy.
func TestImpactEffectOfAConsequence(t *testing.T) {
	got := damageEffect("The new rounding code truncated the discount, so 730 customers who renewed between 08:10 and 11:40 were charged the undiscounted price.")
	if got != "730 customers who renewed between 08:10 and 11:40 were charged the undiscounted price." {
		t.Errorf("damageEffect = %q, want the clause after 'so'", got)
	}
	for _, s := range []string{
		"The pool was full, so we restarted the pods.",              // no count of things hit
		"We have 3 replicas, so 2 can fail without impact.",         // an aim, not a result
		"The cert expired at 09:00 so the proxy rejected requests.", // no count
	} {
		if got := damageEffect(s); got != "" {
			t.Errorf("damageEffect(%q) = %q, want none", s, got)
		}
	}
	imp := strings.ToLower(impactOf(t,
		"## Summary",
		"Release 4.2 changed the discount code. It truncated the discount for yearly plans, so 730 customers who renewed between 08:10 and 11:40 were charged the undiscounted price. Rolled back at 11:40.",
		"## Timeline",
		"- 08:10 release 4.2 deployed",
		"- 11:40 rolled back to 4.1",
		"- 14:00 refunds issued to all 730 customers"))
	if !strings.HasPrefix(imp, "730 customers who renewed") || strings.Contains(imp, "truncated") {
		t.Errorf("impact = %q, want the effect clause alone first", imp)
	}
}

// TestImpactNotTheRepair: a responder's step that counts the damage it repairs,
// done or under way, is the response; the impact is the count of the damage, and
// a past form that names harm still tells it.
func TestImpactNotTheRepair(t *testing.T) {
	imp := strings.ToLower(impactOf(t,
		"bot> [P1] billing-events: webhook 4xx rate 100%",
		"ana: every webhook rejected, bad signature. the vendor rotated its signing key",
		"ana: new secret loaded, consumer restarted, webhooks verify",
		"joe: replay finished. 640 customers retried meanwhile and 85 were charged twice",
		"joe: refunding the 85 double charges now through the vendor api",
		"joe: redelivered the 85 failed receipts to the mail queue",
		"joe: refunds done, resolved"))
	if !strings.Contains(imp, "85 were charged twice") || strings.Contains(imp, "refunding") || strings.Contains(imp, "redelivered") {
		t.Errorf("impact = %q, want the damage without the repair", imp)
	}
	if imp := strings.ToLower(impactOf(t,
		"bot> [P2] renewals: duplicate charge alert",
		"ana: the retry loop ran twice per renewal",
		"ana: disabled the retry loop",
		"joe: charged twice: 17 customers between 10:02 and 10:40")); !strings.Contains(imp, "charged twice: 17 customers") {
		t.Errorf("impact = %q, want the harm told in the past", imp)
	}
}

// TestImpactPeopleLockedOut: people, employees and staff are who a failure hits,
// counted as customers are, and being locked out is damage; a window said after
// a list ("locked out of mail, VPN and the wiki between 08:05 and 10:20") is a
// clause of the impact, not a comment clipped from it.
func TestImpactPeopleLockedOut(t *testing.T) {
	s := "Roughly 380 employees were locked out of mail, VPN and the wiki between 07:50 and 09:35."
	if got := clipTrailingClauses(s, isImpactClause); got != s {
		t.Errorf("clipTrailingClauses = %q, want the window kept", got)
	}
	imp := strings.ToLower(impactOf(t,
		"ana: the directory replica on ldap-2 stopped replicating last week",
		"ana: pulled ldap-2 out of the balancer, logins work again",
		"joe: about 380 people were locked out of sso this morning, per the service desk"))
	if !strings.Contains(imp, "380 people were locked out") {
		t.Errorf("impact = %q, want the people locked out", imp)
	}
}

// TestImpactCrewAndNoProposal: a count of crew (people, though the word takes no
// plural "s") who cannot do something is the damage; a proposal after the fire
// that holds a number ("within 30 minutes") names work to come and is no impact.
func TestImpactCrewAndNoProposal(t *testing.T) {
	imp := strings.ToLower(impactOf(t,
		"ops: roster publish did not run at 22:00",
		"ana: crew control says 1,140 crew can't see their Monday duties, the first wave reports at 05:00 tomorrow",
		"ben: triggered the publish by hand, it is running",
		"ben: publish finished 06:58, the app shows the duties again. resolved",
		"ana: we want a missed-run alert within 30 minutes of the scheduled time"))
	if !strings.Contains(imp, "1,140 crew") || strings.Contains(imp, "missed-run alert") {
		t.Errorf("impact = %q, want the crew count and no proposal", imp)
	}
}

// TestImpactKeepsWhatItCost: an amount of money after the count ("…, total EUR
// 9,834", "~€96k GMV") says what the damage cost, so the impact keeps it with the
// clauses before it.
func TestImpactKeepsWhatItCost(t *testing.T) {
	for _, s := range []string{"total eur 9,834", "~€96k gmv", "approx 41k eur", "about $18k we'll credit", "cost roughly 2,400 euros"} {
		if !isImpactClause(lowerClean(s)) {
			t.Errorf("%q is not read as an impact clause", s)
		}
	}
	imp := impactOf(t,
		"ana: support says visitors are charged twice at the gate",
		"bo: gateway latency spikes, our checkout worker retries POST /charge on timeout",
		"bo: disabled the retry on /charge, no new doubles since 09:27",
		"ana: list: 312 orders double charged between 08:52 and 09:27, total EUR 9,834")
	if !strings.Contains(imp, "312 orders double charged") || !strings.Contains(imp, "EUR 9,834") {
		t.Errorf("impact = %q, want the count with what it cost", imp)
	}
}

// TestImpactLeavesOutThePromiseBeside: a sentence beside the count that promises
// what will be done for the people hit ("I will send the apology credit to
// everyone who had a failed unlock") is no part of the impact, though it names
// them and what failed.
func TestImpactLeavesOutThePromiseBeside(t *testing.T) {
	imp := impactOf(t,
		"ops: unlock requests timing out for many cars, app shows 'try again'",
		"dev: the telematics gateway pool is at max, raised it from 50 to 200 and restarted, unlocks going through",
		"ops: Roughly 3,100 failed unlock attempts, 212 customers called us. I will send the apology credit to everyone who had a failed unlock today.")
	if !strings.Contains(imp, "3,100 failed unlock attempts") || strings.Contains(imp, "apology credit") {
		t.Errorf("impact = %q, want the count without the promise beside it", imp)
	}
}

// TestImpactNoBeforeTheNoun: "no" before what people expect ("7,000 owners got
// no reminder", "no email goes out at all") negates an event as "did not" does;
// "no" before what is good news to lack ("got no complaints", "no data was lost")
// does not.
func TestImpactNoBeforeTheNoun(t *testing.T) {
	for _, s := range []string{"about 7,000 owners got no reminder for 20 and 21 nov", "since 14:02 no email goes out at all", "11:52-12:00 no unit with expiry before 11-02 could be scanned out", "the trackers sent no positions"} {
		if !negatedEvent(lowerClean(s)) {
			t.Errorf("%q: no negated event", s)
		}
	}
	for _, s := range []string{"we got no complaints", "no data was lost", "saw no errors after the rollback", "no new alerts since 10:02"} {
		if negatedEvent(lowerClean(s)) {
			t.Errorf("%q: read as a negated event", s)
		}
	}
	imp := impactOf(t,
		"vet: clinics say nobody got the reminder sms for tomorrow",
		"dev: the sms provider suspended our sender id, the campaign job failed at 06:00",
		"dev: new sender id approved, resent the reminders, delivered",
		"vet: About 7,000 owners got no reminder for 20 and 21 Nov, 96 no-shows reported so far across 31 clinics.",
		"dev: Bounce-rate guard: pause a campaign when hard bounces > 3% in the first 500 sends.")
	if !strings.Contains(imp, "7,000 owners got no reminder") || strings.Contains(imp, "Bounce-rate") {
		t.Errorf("impact = %q, want the owners who got no reminder", imp)
	}
}

// TestImpactKeepsTheListOfWhatWasHit: the list after a colon says what was hit
// ("…: refill reminders, pickup notices, password resets") and stays with the
// sentence; a clock time's colon opens no list.
func TestImpactKeepsTheListOfWhatWasHit(t *testing.T) {
	if !colonListRE.MatchString("since 14:02 no email goes out at all: refill reminders, pickup notices, password resets") {
		t.Error("the list after 'at all:' is not read as one")
	}
	if colonListRE.MatchString("06:00-06:46, 44% of api calls 401, new logins only") {
		t.Error("a clock time's colon read as opening a list")
	}
	imp := impactOf(t,
		"pharm: patients call that no pickup notice came",
		"ops: since 14:02 no email goes out at all: refill reminders, pickup notices, password resets",
		"dev: the smtp relay rejects our new api key, rotated it back, queue draining")
	if !strings.Contains(imp, "pickup notices, password resets") {
		t.Errorf("impact = %q, want the whole list of what was hit", imp)
	}
}

// TestImpactHarmOfThingsThatStop: a show that froze, a unit gone silent or
// offline, buses invisible, people refunded, and what came in excess (extra
// pieces baked, units wrongly shown, feed over-fed, points doubled): these say
// what went wrong as "failed" does.
func TestImpactHarmOfThingsThatStop(t *testing.T) {
	for _, s := range []string{"the 10:10 show froze after 4 min", "~60 kids refunded or moved to the 11:30", "23 other loggers are also silent since saturday night", "120 buses invisible in the parents app", "the client crashed for 11% of players", "east telemetry blind for 212 units", "~3,100 extra pieces baked", "~310 units wrongly shown expired", "~40 kg concentrate over-fed", "their points doubled after purchases"} {
		if !impactHarmRE.MatchString(lowerClean(s)) {
			t.Errorf("%q names no harm", s)
		}
	}
}
