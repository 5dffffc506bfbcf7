package local

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// From dev44 (judged on dev45): an idea someone else takes on is captured by a
// ticket titled in the take's words. The proposal only hints at the work ("that
// should be a trend alert"); the take names it ("a forecast alert … fire if full
// within 48h … for all rds instances"), and the tracker titles it so. A ticket
// that shares a word or two with the take's other work is no capture.
func TestTakeWordsCaptureTheIdea(t *testing.T) {
	for _, tc := range []struct {
		name    string
		lines   []string
		tickets []copilot.Ticket
		key     string // the ticket that captures line 0, "" for none
	}{
		{"other words", []string{
			"ines: we should have something better than the hourly report for this",
			"tomas: agreed, I'll add a synthetic probe that books and cancels a test slot every 5 minutes per region",
		}, []copilot.Ticket{
			{Key: "SHOP-88", Title: "Synthetic probe: book + cancel a test slot every 5 min in each region"},
			{Key: "SHOP-80", Title: "Upgrade the booking service to Java 21"},
		}, "SHOP-88"},
		{"no capture by the take's other work", []string{
			"ines: we should have something better than the hourly report for this",
			"tomas: agreed, I'll sort it out",
		}, []copilot.Ticket{
			{Key: "SHOP-88", Title: "Synthetic probe: book + cancel a test slot every 5 min in each region"},
		}, ""},
	} {
		inc := chat(append(append([]string{}, firefight...), tc.lines...)...)
		inc.Tickets = tc.tickets
		got := followUpsBySource(t, inc)
		item, ok := got[ts(inc, 0)]
		if !ok {
			t.Errorf("%s: the idea is no item (items %v)", tc.name, got)
			continue
		}
		if item.TicketKey != tc.key || item.Captured != (tc.key != "") {
			t.Errorf("%s: captured %v by %q, want %q", tc.name, item.Captured, item.TicketKey, tc.key)
		}
	}
}

// The same in dev44's chat, where the incident's other messages set the words'
// weights: maya's trend alert is captured by the ticket for oscar's forecast alert.
func TestTakeWordsCaptureTheIdeaDev44(t *testing.T) {
	inc := devDocument(t, "dev44/documents/wd-ledger-db-wal-slot-disk-full.json")
	it, ok := followUpsBySource(t, inc)["1778060830.374103"]
	if !ok {
		t.Fatal("the trend-alert idea is no item")
	}
	if it.TicketKey != "OPS-2419" {
		t.Errorf("trend alert captured by %q, want OPS-2419 (the forecast alert's ticket)", it.TicketKey)
	}
}

// "Page on …" in a ticket title is an alert, as "pager" is; "page" alone, or a
// page "when the database is unreachable", is a web page.
func TestPageAsAlertKind(t *testing.T) {
	for s, want := range map[string]bool{
		"checkout-api: page on spike in rejected waiting-room passes":       true,
		"page the ledger on-call when postings fail":                        true,
		"forward the disk warning to the pager":                             true,
		"enrol-web: user-facing maintenance page when database unreachable": false,
		"fix the account page layout":                                       false,
		"Route HesCollectorRunTooLong to PagerDuty metering rotation":       false,
	} {
		if got := deliverables(s)&1 != 0; got != want {
			t.Errorf("%q: alert %v, want %v", s, got, want)
		}
	}
}

// From dev44: a ticket "page on spike in X" captures the alert on X, whose
// words are an identifier's parts (queue_pass_invalid), and not the runbook entry
// that only shares the component's name.
func TestPageTicketCapturesTheAlert(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"lena: we had zero alerting on this, the box office found it. I'll add an alert on the seat_hold_failed 409 rate, separate from the generic 4xx one",
		"omar: I'll write the manual release tool into the box office runbook, took us 10 min to find it",
	)...)
	inc.Tickets = []copilot.Ticket{
		{Key: "BOX-51", Title: "box-office-api: page on spike in failed seat holds"},
		{Key: "BOX-40", Title: "box-office-api: upgrade Node 20 -> 22"},
	}
	got := followUpsBySource(t, inc)
	alert, ok := got[ts(inc, 0)]
	if !ok || alert.TicketKey != "BOX-51" {
		t.Errorf("the alert: item %v, captured by %q, want BOX-51", ok, alert.TicketKey)
	}
	runbook, ok := got[ts(inc, 1)]
	if !ok || runbook.Captured {
		t.Errorf("the runbook entry: item %v, captured %v by %q, want uncaptured", ok, runbook.Captured, runbook.TicketKey)
	}
}

// From dev44: a report's "Considered and not taken:" paragraph heads the list
// after it; those entries are ideas turned down, not action items. An entry
// after the next label ("Also open:") is an item again.
func TestListUnderNotTakenLabel(t *testing.T) {
	src := reportHead + "## Corrective actions\n\n" +
		"| Action | Owner | Ticket |\n|---|---|---|\n" +
		"| Put a connection proxy in front of orders-db | Priti Nair | PAY-1180 |\n\n" +
		"Considered and not taken:\n\n" +
		"- Raising max_connections to 3,000: memory on the writer would not support it.\n" +
		"- Moving orders-db to a larger instance class before the June sales: same reason.\n\n" +
		"Also open:\n\n" +
		"- Add the pool budget to the on-sale checklist (Hana Sato).\n"
	got := map[string]bool{}
	for _, it := range reportAnswer(t, src).Items {
		for _, k := range []string{"connection proxy", "max_connections", "larger instance", "on-sale checklist"} {
			if strings.Contains(it.Text, k) {
				got[k] = true
			}
		}
	}
	for k, want := range map[string]bool{"connection proxy": true, "max_connections": false, "larger instance": false, "on-sale checklist": true} {
		if got[k] != want {
			t.Errorf("%s: item %v, want %v", k, got[k], want)
		}
	}
}

// From dev44: a wrap-up question that asks for something with a switch in it
// ("an in-app banner we can flip when the backend is degraded?") asks for that
// step, it does not report one done; taken up ("good one, i'll take it to mobile
// product") it is the item, owned by the taker, and the take is no second item.
func TestQuestionWithAStepIsAnIdea(t *testing.T) {
	inc, got := followUpsOf(t,
		"lena: i'll add a 'maps slow' scenario to the staging load test so this shows up before release. MOB-591",
		"marco: support side: can we get an in-app banner we can flip when the backend is degraded? half the drivers reinstalled the app",
		"ben: good one, i'll take it to mobile product",
	)
	idea, ok := got[ts(inc, 1)]
	if !ok {
		t.Fatalf("the banner question is no item (items %v)", got)
	}
	if idea.Owner != "ben" {
		t.Errorf("owner %q, want ben", idea.Owner)
	}
	if _, dup := got[ts(inc, 2)]; dup {
		t.Error("the take is a second item")
	}
}

// A JSON document names its speakers in "user" only ("user": "juno"), as a
// Slack export names them in user_name: "juno can you own setting one up?"
// asks juno in both, and the idea is juno's.
func TestAddresseeInADocumentWithUserOnly(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"noor: honestly we need a status page. discord being our status page means i get 500 pings every time",
		"mara: agreed. juno can you own setting one up? end of month is fine",
		"juno: sure",
	)...)
	for i := range inc.Messages {
		inc.Messages[i].User, inc.Messages[i].UserName = inc.Messages[i].UserName, ""
	}
	got := followUpsBySource(t, inc)
	var owners []string
	for _, it := range got {
		owners = append(owners, it.Owner)
	}
	if len(got) != 1 || owners[0] != "juno" {
		t.Errorf("items %d, owners %v; want one item, owned by juno", len(got), owners)
	}
}

// From dev44: a promise right after an idea nobody owns yet, naming the idea's
// rarest thing ("sweep", "G2"), takes the idea on in its own words: one item,
// owned by the one who promised. A promise about something else right after the
// idea is an item of its own.
func TestPromiseRestatingTheIdeaTakesIt(t *testing.T) {
	inc, got := followUpsOf(t,
		"tomas: someone has to sweep every image for a bundled G2 before the 30th when priya kills the key, or we do this again",
		"dmitri: i'll do the sweep, scan the registry images for the G2 fingerprint and list owners by the 25th",
	)
	idea, ok := got[ts(inc, 0)]
	if !ok || len(got) != 1 {
		t.Fatalf("want one item, the idea; got %v", got)
	}
	if idea.Owner != "dmitri" || idea.TakenTS != ts(inc, 1) || idea.Due != "2026-03-25" {
		t.Errorf("owner %q taken at %q due %q, want dmitri at %s by 2026-03-25", idea.Owner, idea.TakenTS, idea.Due, ts(inc, 1))
	}
	_, got = followUpsOf(t,
		"tomas: someone has to sweep every image for a bundled G2 before the 30th when priya kills the key, or we do this again",
		"dmitri: i'll add a handshake failure counter per service and alert on it, by friday",
	)
	if len(got) != 2 {
		t.Errorf("an idea and a promise about something else: %d items, want 2", len(got))
	}
}

// From dev44: a reply that starts to take an idea and turns it down in its first
// words ("I can... actually no, sandbox has its own fixed limit, it wouldnt tell
// us anything") rejects it. A message that has an idea of its own and drops it
// later ("was also thinking X... actually no, dropping that idea") leaves the
// idea before it alone.
func TestReplyThatReversesItselfRejects(t *testing.T) {
	inc, got := followUpsOf(t,
		"hannah: can someone load test against the vendor sandbox with the Growth limits so we know where we break?",
		"^4 tomasz: I can... actually no, sandbox has its own fixed 10 rps limit, it wouldnt tell us anything about prod. skipping that",
	)
	if it, ok := got[ts(inc, 0)]; ok {
		t.Errorf("the load test turned down is an item: %q", it.Text)
	}
	inc, got = followUpsOf(t,
		"dmitri: @kofi can you write the runbook section 'lag growing but cpu low' -> check rebalances before scaling out?",
		"kofi: on it, after DISP-1187",
		"dmitri: was also thinking autoscaling loc-ingest on lag... actually no, today showed that makes it worse. dropping that idea",
	)
	if _, ok := got[ts(inc, 0)]; !ok {
		t.Error("the runbook section is no item after another idea was dropped")
	}
}

// From dev44: "at some point" in a sentence that tells the past ("payments-db
// and rules-db had debezium on them at some point too") puts off nothing; the
// dated promise beside it is an item. Said of the future ("would be nice if
// someday this was automatic"), it still waits for someone to take it up.
func TestDeferralWordsInAStoryDeferNothing(t *testing.T) {
	inc, got := followUpsOf(t,
		"rafa: I'll audit every other postgres cluster for inactive slots by friday. payments-db and rules-db had debezium on them at some point too",
		"lin: would be nice if someday this whole cert thing was automatic, like the web certs",
	)
	if _, ok := got[ts(inc, 0)]; !ok {
		t.Error("the dated audit is no item")
	}
	if it, ok := got[ts(inc, 1)]; ok {
		t.Errorf("the wish for someday is an item: %q", it.Text)
	}
}

// A ticket that moves a component to another version captures only an item that
// speaks of a version or an upgrade: "ledger-db: PostgreSQL 15.6 -> 15.8" shares
// the component's words with "max_slot_wal_keep_size should be a default in our
// shared rds terraform module, not only on ledger" and is other work. A value
// moved ("raise the offline buffer from 500 to 5000") is a setting, no version.
func TestVersionTicketCapturesOnlyAnUpgrade(t *testing.T) {
	for _, tc := range []struct {
		title, item string
		differs     bool
	}{
		{"ledger-db: PostgreSQL 15.6 -> 15.8 minor version upgrade", "and max_slot_wal_keep_size should be a default in our shared rds terraform module, not only on ledger", true},
		{"checkout-api: bump Node 20 -> 22 base image", "checkout-api should page on 401s", true},
		{"ledger-db: PostgreSQL 15.6 -> 15.8 minor version upgrade", "we need to get ledger-db onto 15.8 before the next on-sale", false},
		{"billing-db: upgrade to PostgreSQL 16", "schedule the billing-db upgrade for the maintenance window", false},
		{"Scanner MDM profile: offline buffer 500 -> 5000 events", "i'll raise the offline buffer from 500 to 5000 events in the MDM profile", false},
	} {
		if got := versionDiffers(tc.title, tc.item); got != tc.differs {
			t.Errorf("%q / %q: differs %v, want %v", tc.title, tc.item, got, tc.differs)
		}
	}
}

// In dev44's chat the upgrade ticket no longer captures the terraform default.
func TestVersionTicketCapturesOnlyAnUpgradeDev44(t *testing.T) {
	inc := devDocument(t, "dev44/documents/wd-ledger-db-wal-slot-disk-full.json")
	it, ok := followUpsBySource(t, inc)["1778061250.117036"]
	if !ok {
		t.Fatal("the terraform default is no item")
	}
	if it.Captured {
		t.Errorf("the terraform default is captured by %q, the PostgreSQL upgrade", it.TicketKey)
	}
}
