package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// mutualCase builds follow-ups from texts (a "KEY|" prefix marks one already
// captured) and weights over them and the tickets' titles.
func mutualCase(texts []string, tickets []copilot.Ticket) ([]*fuCandidate, termWeights) {
	var items []*fuCandidate
	var msgs []msgTags
	for i, s := range texts {
		c := &fuCandidate{idx: i}
		if k, rest, ok := strings.Cut(s, "|"); ok {
			c.ticket, s = k, rest
		}
		c.text, c.terms, c.msgTerms = s, contentTerms(s), contentTerms(s)
		items = append(items, c)
		msgs = append(msgs, msgTags{msg: copilot.Message{Text: s}})
	}
	return items, weightsOf(msgs, tickets)
}

func TestMatchMutual(t *testing.T) {
	tickets := []copilot.Ticket{
		{Key: "NOTIF-5", Title: "Alert on RabbitMQ unacknowledged messages per channel"},
		{Key: "NOTIF-6", Title: "Separate queue for two-factor pushes with its own workers"},
	}
	open := []string{
		"and an alert on unacked per channel, not only queue depth",
		"2fa pushes should get their own queue and workers",
	}
	tests := []struct {
		name  string
		texts []string
		th    float64
		want  []string // ticket of each item after the pass
	}{
		{"on by default (0.15)", open, 0, []string{"NOTIF-5", "NOTIF-6"}},
		{"off above 1", open, 2, []string{"", ""}},
		{"each other's closest pair up", open, 0.2, []string{"NOTIF-5", "NOTIF-6"}},
		{"a bar above their coverage keeps them apart", open, 0.95, []string{"", ""}},
		{"a ticket closer to an item already captured is that item's",
			[]string{"SRE-1|alert on unacknowledged rabbitmq messages per channel", open[0]}, 0.2, []string{"SRE-1", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, w := mutualCase(tt.texts, tickets)
			l := New(nil)
			if tt.th > 0 {
				l.TicketMutualCoverage = tt.th
			}
			l.matchMutual(items, tickets, w, nil)
			for i, c := range items {
				if c.ticket != tt.want[i] {
					t.Errorf("item %d %q: ticket %q, want %q", i, c.text, c.ticket, tt.want[i])
				}
			}
		})
	}
}

var settingDiffersTests = []struct {
	title, item string
	want        bool
}{
	{"Set statement_timeout=30s on notify database", "we will enable idle_session_timeout for the notify role", true},
	{"Set statement_timeout=30s on notify database", "add a statement timeout to the notify role", false},
	{"Set statement_timeout=30s on notify database", "set statement_timeout on the notify role", false},
	{"Backfill CLI: add --dry-run and row count estimate", "make the backfill tool throttle itself when lag grows", true},
	{"Backfill CLI: add --dry-run and row count estimate", "the backfill needs a dry run mode", false},
	{"Raise maxPoolSize to 50 in reporting", "tune the hikari idle timeout in reporting", true},
	{"Raise maxPoolSize to 50 in reporting", "raise the max pool size of reporting", false},
	// The item that gives the setting the title's value names it in its own
	// words when it holds most of the identifier; another value, or fewer of
	// its words, is another setting.
	{"checkout-api: set DB pool size explicitly (maxPoolSize=12)", "the build pins the pool size to 12 in config", false},
	{"checkout-api: set DB pool size explicitly (maxPoolSize=12)", "the build pins the pool size to 20 in config", true},
	{"checkout-api: set DB pool size explicitly (maxPoolSize=12)", "the build pins the pool to 12 in config", true},
	// A column or a table the work touches is not a setting.
	{"Unique constraint on invoices (customer_id, period)", "make the invoice job idempotent per period", false},
	{"Migrate ledger_entries to partitioned tables", "partition the ledger table", false},
}

func TestSettingDiffers(t *testing.T) {
	for _, tt := range settingDiffersTests {
		if got := settingDiffers(tt.title, tt.item); got != tt.want {
			t.Errorf("settingDiffers(%q, %q) = %v, want %v", tt.title, tt.item, got, tt.want)
		}
	}
}

// referTests: a tracker bot announces a ticket outside the follow-up's thread.
var referTests = []struct {
	name string
	msgs []string // after followUpIncidentPrefix; the follow-up is msgs[0]
	want string   // its ticket
}{
	{"a ticket in other words refers to the promise", []string{
		"cara: I'll add alerting on replica lag for the ledger replicas, page over 60s",
		"ben: cdn is fine",
		"bot> OPS-23: Monitor replication delay on ledger replicas\nPriya Raman created a Task",
	}, "OPS-23"},
	// Sharing only the incident's common word ("cdn", said all along) is the same
	// component, not the same work.
	{"a ticket sharing only a common word does not", []string{
		"cara: I'll set up an alert when /account gets a cdn cache hit",
		"ben: cdn purge done, cdn headers fixed, cdn rule added",
		"bot> OPS-24: Upgrade the cdn terraform provider to v5\nDiego created a Task",
	}, ""},
	// Another setting of the same component is another ticket, however close the
	// rest of the words.
	{"a ticket setting another setting does not", []string{
		"cara: we will enable idle_session_timeout=10min on the notify db role",
		"ben: ok",
		"bot> DBA-3: Set statement_timeout=30s on the notify db role\nPriya Raman created a Task",
	}, ""},
}

func TestReferredItemByContent(t *testing.T) {
	for _, tt := range referTests {
		t.Run(tt.name, func(t *testing.T) {
			inc := synthetic("INC-9", append(append([]string{}, followUpIncidentPrefix...), tt.msgs...)...)
			ans, err := New(nil).FollowUps(context.Background(), inc)
			if err != nil {
				t.Fatal(err)
			}
			want := inc.Messages[len(followUpIncidentPrefix)].TS
			found := false
			for _, it := range ans.Items {
				if it.SourceTS != want {
					continue
				}
				found = true
				if it.TicketKey != tt.want {
					t.Errorf("%q: ticket %q, want %q", it.Text, it.TicketKey, tt.want)
				}
			}
			if !found {
				t.Fatalf("follow-up %s not found in %+v", want, ans.Items)
			}
		})
	}
}

// A report's sections all have its author as speaker, so a note citing a ticket
// about other work is judged by its words, not taken as the nearest item's by its
// author: the second ticket captures nothing.
func TestFollowUpReportTicketNoteAuthor(t *testing.T) {
	src := reportHead + "## Action items\n\n" +
		"- Read the orders indexer from the replica, never from primary (Dan Ek)\n" +
		"- Raise the orders database IOPS to 6000 (Ann Li)\n" +
		"- Tickets: OPS-412 \"Orders indexer: use the replica\" was created on 3 March. OPS-413 \"Reindex progress bar in the admin UI\" was created the same day by the product team.\n"
	open, captured := reportFollowUps(t, src)
	if len(captured) != 1 || !strings.Contains(captured[0], "replica, never") || !strings.Contains(captured[0], "OPS-412") {
		t.Errorf("captured %v: want only the replica item, by OPS-412", captured)
	}
	if len(open) != 1 || !strings.Contains(open[0], "IOPS") {
		t.Errorf("open %v: want the IOPS item uncaptured", open)
	}
}

func TestDeliverableDiffers(t *testing.T) {
	for _, tt := range []struct {
		title, item string
		want        bool
	}{
		{"Cache hit ratio dashboard for marketing site", "can you put cache hit ratio on the edge alert set?", true},
		{"Runbook: rotate the webhook secret", "add a test that the webhook secret is set", true},
		// Kinds in other words of the same kind, or one kind in common.
		{"Warn before node groups reach their maximum", "alert when a node group is at 80% of its max size", false},
		{"Synthetic monitoring: periodic test upload", "add a synthetic upload test every 5 min", false},
		{"Secret rotation procedure: include the signing key", "update the rotation runbook with the webhook secret step", false},
		// A side naming no kind is judged by its words alone.
		{"category-cleanup: replace KEYS with SCAN", "add an alert on the cleanup runtime", false},
		{"Alert on RabbitMQ unacked messages", "per-channel unacked counts, please", false},
	} {
		if got := deliverableDiffers(tt.title, tt.item); got != tt.want {
			t.Errorf("deliverableDiffers(%q, %q) = %v, want %v", tt.title, tt.item, got, tt.want)
		}
	}
}

// Each other's closest match is no pair when the ticket delivers another kind of
// thing (a dashboard) than the item (an alert) on the same metric.
func TestMatchMutualDeliverable(t *testing.T) {
	tickets := []copilot.Ticket{{Key: "EDGE-9", Title: "Cache hit ratio dashboard for the marketing site"}}
	items, w := mutualCase([]string{"can you put the api cache hit ratio on the edge alert set?"}, tickets)
	New(nil).matchMutual(items, tickets, w, nil)
	if items[0].ticket != "" {
		t.Errorf("the alert item was captured by the dashboard ticket %s", items[0].ticket)
	}
	items, w = mutualCase([]string{"can you put the api cache hit ratio on the edge dashboard?"}, tickets)
	New(nil).matchMutual(items, tickets, w, nil)
	if items[0].ticket != "EDGE-9" {
		t.Errorf("the dashboard item was not captured by the dashboard ticket (got %q)", items[0].ticket)
	}
}

// A ticket and an item delivering the same kind of thing (monitor ~ alert) that are
// each other's closest pair up on one shared rare term; without the common kind
// one term is not enough.
func TestMatchMutualSameDeliverable(t *testing.T) {
	texts := []string{
		"for me: alert if replica more than 30s behind.",
		"lena will add an idempotency key on order submit so a double click does not create two orders.",
	}
	for _, tt := range []struct {
		title, want string
	}{
		{"Monitor Seconds_Behind_Master on order replicas", "ORD-552"},
		{"Seconds_Behind_Master on order replicas", ""},
	} {
		tickets := []copilot.Ticket{{Key: "ORD-552", Title: tt.title}, {Key: "ORD-553", Title: "Use gh-ost for large table migrations"}}
		items, w := mutualCase(texts, tickets)
		New(nil).matchMutual(items, tickets, w, nil)
		if items[0].ticket != tt.want || items[1].ticket != "" {
			t.Errorf("title %q: tickets %q, %q; want %q, none", tt.title, items[0].ticket, items[1].ticket, tt.want)
		}
	}
}

func TestSharedValues(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"Raise general-b ASG max to 30 in terraform", "and i put the 30 in terraform today", 1},
		{"Raise catalog DB IOPS to 6,000", "raise provisioned IOPS to 6000 on the catalog db", 1},
		{"Upgrade vault agent to 1.16", "vault agent 1.16 on every db host, then 1.17", 1},
		{"Raise the pool to 30", "retry 3 times, then page", 0},
		{"Alert at 80%", "we should alert at 85% of maxclients", 0},
	} {
		if got := sharedValues(tt.a, tt.b); got != tt.want {
			t.Errorf("sharedValues(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// A value both name is a shared term: with one shared word besides, the ticket
// and the item that are each other's closest pair up.
func TestMatchMutualSharedValue(t *testing.T) {
	tickets := []copilot.Ticket{{Key: "PLAT-5", Title: "Raise general-b ASG max to 30 in terraform"}}
	texts := []string{"and i put the 30 in terraform today, else next apply reverts it.", "lena will add an idempotency key on order submit.", "a readiness probe on checkout-worker that waits for the warmup.", "page the owning team when the export job fails twice."}
	items, w := mutualCase(texts, tickets)
	New(nil).matchMutual(items, tickets, w, nil)
	if items[0].ticket != "PLAT-5" || items[1].ticket != "" {
		t.Errorf("tickets %q, %q; want PLAT-5, none", items[0].ticket, items[1].ticket)
	}
}

// A drill or an exercise tests a procedure as a test does: the same kind.
func TestDeliverablesSameKind(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Quarterly paging test per team", "can you run a paging drill with each team this month?"},
		{"Failover exercise for the ledger cluster", "we test the ledger failover every quarter"},
		{"Monitor Seconds_Behind_Master on order replicas", "alert if replica more than 30s behind"},
	} {
		if deliverables(tt.a)&deliverables(tt.b) == 0 {
			t.Errorf("%q and %q: no kind in common", tt.a, tt.b)
		}
	}
}

// A message announcing several tickets describes each with its own words: one
// ticket, one description.
func TestRefDescription(t *testing.T) {
	for _, c := range []struct{ msg, ref, want string }{
		{"created IOT-377 (cert issuer: backdate notBefore) and IOT-378 (fleet dashboard: cert rotation per site)", "IOT-378", " (fleet dashboard: cert rotation per site)"},
		{"created IOT-377 (cert issuer: backdate notBefore) and IOT-378 (fleet dashboard: cert rotation per site)", "IOT-377", " (cert issuer: backdate notBefore) and "},
		{"the backdated certs are IOT-377, the rotation dashboard IOT-378", "IOT-378", ", the rotation dashboard "},
		{"filed IOT-377 and IOT-378", "IOT-377", "filed IOT-377 and IOT-378"},
		{"filed IOT-377 for the cert backdating", "IOT-377", "filed IOT-377 for the cert backdating"},
		// The last key's words end with their sentence: what follows is about
		// something else.
		{"Filed: DSP-1 (debounce keystrokes per session) and DSP-5 (remember delivered addresses, 30-day expiry). The quota alert has no ticket yet.", "DSP-5", " (remember delivered addresses, 30-day expiry)."},
	} {
		if got := refDescription(c.msg, c.ref, ticketRefs(c.msg, &copilot.Incident{ID: "INC-1"})); got != c.want {
			t.Errorf("refDescription(%q, %s) = %q, want %q", c.msg, c.ref, got, c.want)
		}
	}
}

// A ticket announced in a message with other tickets is the item its own
// description names, not the nearest item. Said by the item's author, a ticket
// described in words the item does not hold, or delivering another kind of thing,
// is another piece of work of theirs: a dashboard is not the checklist change.
func TestAnnouncedTicketsByTheirOwnWords(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lines []string
		want  map[string]string
	}{
		{"one ticket, one description", []string{
			"bot> LDAPLockouts: 418 accounts locked",
			"rafael: ldap-03 stopped replicating after the schema change, stale password hashes",
			"rafael: ldap-03 out of the pool, accounts unlocked. resolved",
			"rafael: I'll add an alert on directory replication lag per replica",
			"nina: we should also verify directory replication after each schema change",
			"ivan: Filed IAM-640 \"Alert on directory replication lag (contextCSN drift)\" and IAM-641 \"Decommission ldap-01 (EOL hardware)\"",
		}, map[string]string{"alert": "IAM-640", "verify": ""}},
		{"the author's other work", []string{
			"bot> GatewayOffline: 312 gateways offline",
			"olga: a firewall change on the factory VLAN cut the gateways off their NTP source",
			"olga: firewall rule reverted, gateways reconnecting. resolved",
			"olga: factory VLAN firewall changes should run through the IoT checklist from now on",
			"olga: filed IOT-378 fleet dashboard: show firewall changes per site",
			"olga: filed IOT-379 decommission the old gear in rack 4",
		}, map[string]string{"firewall": ""}},
	} {
		t.Run(tt.name, func(t *testing.T) { checkTickets(t, synthetic("INC-ANN", tt.lines...), tt.want) })
	}
}

// checkTickets runs the engine on inc and checks the ticket of each item holding a
// word of want, and that every word's item is there.
func checkTickets(t *testing.T, inc *copilot.Incident, want map[string]string) {
	t.Helper()
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	for word, key := range want {
		found := false
		for _, it := range ans.Items {
			if strings.Contains(it.Text, word) {
				found = true
				if it.TicketKey != key {
					t.Errorf("%q: ticket %q, want %q", it.Text, it.TicketKey, key)
				}
			}
		}
		if !found {
			t.Errorf("no item holds %q: %+v", word, ans.Items)
		}
	}
}

// An exported ticket delivering a kind of thing the item's message never names is
// other work; the kinds are read in the item's whole message, not only in the
// sentence quoted. Four or more of a title's terms shared are the same work all
// the same: "a page on" is an alert in other words, and "warn at …" in the title
// is not a second piece of work.
func TestExportedTicketOfAnUnsaidKind(t *testing.T) {
	for _, tt := range []struct {
		name    string
		lines   []string
		tickets []copilot.Ticket
		want    map[string]string
	}{
		{"kind unsaid, few terms shared", []string{
			"bot> PaymentsDeclines: 3DS timeouts 40% on Visa EU",
			"joao: the acquirer's 3DS step times out, moving Visa EU to the other acquirer",
			"joao: moved, success rate back to 97%. resolved",
			"joao: the router should fail over by itself when one acquirer's 3DS timeout rate passes 15%. I'll write the design by friday",
			"stefan: and the image pipeline gets a test that chronyd is enabled + a timex alert on offset > 1s. I'll do both by friday",
		}, []copilot.Ticket{
			{Key: "PAY-1531", Title: "payment-router: per-acquirer 3DS latency dashboard"},
			{Key: "BIL-734", Title: "Base image: verify chrony enabled in image tests; alert on node_timex_offset_seconds"},
		}, map[string]string{"fail over": "", "both": "BIL-734"}},
		{"kind unsaid, four terms shared", []string{
			"bot> ThumbnailsStuck: thumbnail.render backlog 41k",
			"ines: the renderer OOMs on 200MP scans and the queue redelivers them forever",
			"ines: poison scans moved aside, renderer caught up. resolved",
			"ines: I'll add a page on oldest-message age in thumbnail.render above 20 min",
			"karl: and I'll write down how to move a poison scan aside in the wiki",
		}, []copilot.Ticket{
			{Key: "IMG-88", Title: "Alert when the oldest message in thumbnail.render is older than 20 minutes"},
			{Key: "IMG-90", Title: "thumbnail.render: cap input at 100MP"},
		}, map[string]string{"oldest-message": "IMG-88", "poison scan": ""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			inc := synthetic("INC-KINDS", tt.lines...)
			inc.Tickets = tt.tickets
			checkTickets(t, inc, tt.want)
		})
	}
}
