package local

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// The messages of incidentOf start at 22:13 UTC (ts 1700000000), a minute apart.

var attemptTests = []struct {
	name      string
	texts     []string
	mitigated int
}{
	{
		// The report names the attempt's class: the restart announced before it
		// is dropped with it.
		name: "a later report that the restart changed nothing",
		texts: []string{"[FIRING] api p99 latency > 2s", "restarting the api pods", "restart done, no change",
			"the pool is pinned at 50 conns since the config push", "raised the pool size from 50 to 200", "latency back to normal", "resolved"},
		mitigated: 4,
	},
	{
		name: "the symptom still there",
		texts: []string{"[FIRING] lookups failing for billing.internal", "flushed the resolver cache on all nodes",
			"still SERVFAIL from every pod", "re-added the billing record to the zone", "lookups succeed again", "resolved"},
		mitigated: 3,
	},
	{
		name: "worse after the attempt",
		texts: []string{"[FIRING] db connection errors", "raising the proxy connection limit 100 -> 400",
			"worse, the db cpu is pinned now", "paused the nightly export job", "connection errors back to zero", "resolved"},
		mitigated: 3,
	},
	{
		// No class names the attempt: the report drops the latest one.
		name: "an attempt no action class reads",
		texts: []string{"[FIRING] invoice mails bouncing", "resent the failed invoices from the provider console",
			"no better, same error on every domain", "republished the spf record with the new relay", "bounces stopped", "resolved"},
		mitigated: 3,
	},
	{
		// The report names the restart: the step taken after it stays.
		name: "a report on an earlier attempt",
		texts: []string{"[FIRING] mail queue > 5000", "restarting the mail workers", "re-sent the stuck batch from the provider console",
			"the restart did not help, the workers crash the same way", "mail queue draining, delivered 4k", "resolved"},
		mitigated: 2,
	},
	{
		// Slower but still there: the step helped, the next one finished the job.
		name: "a partial improvement is no failure",
		texts: []string{"[FIRING] sessions evicted", "stopped the import job that fills the cache",
			"evictions slower but still 300/s", "deleting the import keys in batches", "evictions 0, logins stable", "resolved"},
		mitigated: 1,
	},
	{
		// The step took effect, but what it was to save broke already.
		name: "but it died already",
		texts: []string{"[FIRING] kafka offline partitions 212", "set retention.ms=86400000 on the clickstream topic",
			"segments deleting. but brokers at 100% already died, need disk to start", "expanding the EBS volumes on the brokers +500G each, then restart",
			"all brokers up, offline partitions 0", "resolved"},
		mitigated: 3,
	},
	{
		name: "a good state is no failure",
		texts: []string{"[FIRING] api 5xx 12%", "rolled back api to 1.2.3", "checkout still works.",
			"5xx back to baseline", "resolved"},
		mitigated: 1,
	},
	{
		name: "a warning that it would get worse is no failure",
		texts: []string{"[FIRING] db cpu 100%", "killed the runaway report query",
			"do not restart the primary now, that would make it worse", "db cpu back to 40%", "resolved"},
		mitigated: 1,
	},
	{
		name: "still looking, said last, is no failure",
		texts: []string{"[FIRING] api 5xx 12%", "rolled back api to 1.2.3", "cause still unknown, still investigating.",
			"5xx back to baseline", "resolved"},
		mitigated: 1,
	},
	{
		name: "still looking is no failure",
		texts: []string{"[FIRING] api 5xx 12%", "rolled back api to 1.2.3", "still investigating why 1.2.4 broke it",
			"5xx back to baseline", "resolved"},
		mitigated: 1,
	},
}

func TestMitigationDropsAttemptsThatDidNotHelp(t *testing.T) {
	for _, tt := range attemptTests {
		t.Run(tt.name, func(t *testing.T) {
			b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(tt.texts...))), used: map[string]bool{}}
			if got := b.mitigationIndex(); got != tt.mitigated {
				t.Errorf("mitigated at %d (%q), want %d (%q)", got, tt.texts[max(got, 0)], tt.mitigated, tt.texts[tt.mitigated])
			}
		})
	}
}

// A change the channel dates before the alert is the trigger, found while
// looking for the cause, not the response to the alert.
func TestMitigationIsNotTheTriggerToldLater(t *testing.T) {
	for _, texts := range [][]string{
		{"[FIRING] login error rate 20%", "tokens fail signature checks since the alert",
			"we switched the token signer to the new key at 21:50", "switched the signer back to the old key", "login errors back to baseline", "resolved"},
		{"[FIRING] sync lag > 1h", "the sync reads from a replica that no longer exists",
			"we moved the sync job to the new cluster yesterday", "pointed the sync job at the new replica", "lag back to normal", "resolved"},
	} {
		b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(texts...))), used: map[string]bool{}}
		if got := b.mitigationIndex(); got != 3 {
			t.Errorf("mitigated at %d (%q), want 3 (%q)", got, texts[max(got, 0)], texts[3])
		}
	}
}

var toldBeforeTests = []struct {
	low   string
	onset int // minute of the day of the first signal
	want  bool
}{
	{"we switched the token signer at 21:50", 22*60 + 13, true},
	{"changed the limit at 23:50", 10, true}, // before midnight, the alert after it
	{"restarted it at 22:20", 22*60 + 13, false},
	// The change that opened the channel, told later with its time rounded up
	// to the next minute (the deploy bot posted at 18:57:50).
	{"i deployed matchmaker 5.4.0 at 18:58", 18*60 + 57, true},
	{"rolled back at 18:59", 18*60 + 57, false},
	{"rolled back the 21:50 deploy", 22*60 + 13, false}, // the time names the object
	{"the connector was deleted 9 days ago", -1, true},
	{"shipped the migration last night", -1, true},
	{"the nfs server was patched and rebooted overnight", -1, true},
	{"rolled back to 2.6", 22*60 + 13, false},
}

func TestToldBefore(t *testing.T) {
	for _, tt := range toldBeforeTests {
		if got := toldBefore(tt.low, tt.onset); got != tt.want {
			t.Errorf("toldBefore(%q, %d) = %v, want %v", tt.low, tt.onset, got, tt.want)
		}
	}
}

var shapedTests = []struct {
	text string
	want bool
}{
	{"reactivated the previous signing cert in the idp", true},
	{"re-keyed the webhook signer with the previous cert", true},
	{"ok, moving the partner traffic back to the old gateway", true},
	{"ran dig billing.internal a few times, 1 in 4 SERVFAIL", false},  // a diagnostic
	{"changing the node type is a 30 min job with a failover", false}, // an option
	{"inspected the pool settings on every pod", false},               // a diagnostic
	{"grabbed a tcpdump on node 3", false},                            // a tool run
	{"looking into the gateway logs", false},
	{"should we move the partner traffic back?", false},
	{"the gateway dropped requests over 1MB", false},                                        // the system's doing
	{"upstream sees our keepalives late, we saturated the link with backup traffic", false}, // a cause told
}

func TestShapedAction(t *testing.T) {
	for _, tt := range shapedTests {
		inc := incidentOf(tt.text)
		if got := shapedAction(tagMessage(0, inc.Messages[0])); got != tt.want {
			t.Errorf("shapedAction(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// An action no class reads still mitigates when its grammar tells one.
func TestMitigationReadsAReportByItsGrammar(t *testing.T) {
	texts := []string{"[FIRING] partner api 502s", "the new gateway drops requests over 1MB",
		"moving the partner traffic back to the old gateway", "502s down to zero", "resolved"}
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(texts...))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 2 {
		t.Errorf("mitigated at %d, want 2 (%q)", got, texts[2])
	}
}

// Two steps taken before the recovery are both the mitigation; the report of the
// step announced before is not a second one.
func TestMitigationQuotesTheStepTakenBesideIt(t *testing.T) {
	for _, tt := range []struct {
		texts      []string
		want, not_ string
	}{
		{[]string{"[FIRING] notification sends failing 30%", "dns pods throttled and the worker opens a client per send",
			"scaling the dns deployment 2 -> 6", "rolling back notifier to 2.1.0", "send failures down to 0.2%", "resolved"},
			"Rolling back notifier to 2.1.0", ""},
		{[]string{"[FIRING] homepage 503 at the edge", "the edge cached the error page",
			"purging the homepage on all edges", "purged the homepage from every edge pop in eu and us", "homepage back to 200, errors back to zero", "resolved"},
			"Purging the homepage", "every edge pop"},
	} {
		ans, err := New(nil).Summarize(context.Background(), incidentOf(tt.texts...))
		if err != nil {
			t.Fatal(err)
		}
		m := ans.Summary.Mitigation
		if !strings.Contains(m, tt.want) || tt.not_ != "" && strings.Contains(m, tt.not_) {
			t.Errorf("mitigation = %q, want %q without %q", m, tt.want, tt.not_)
		}
	}
}

var fallingTests = []struct {
	clause string
	want   bool
}{
	{"backlog 61k -> 40k", true},
	{"503 rate 31% -> 1.5%", true},
	{"pg_wal 410gb -> 6gb", true},
	{"ready msgs from 2.3m to 400k", true},
	{"p50 went 90ms -> 3.5s", false},           // other units: rose
	{"disk 95% -> 96%", false},                 // rose
	{"crash-free users 99.6% -> 91.2%", false}, // more is better
	{"queue depth 1,800 -> 1,750", false},      // not by a tenth
}

func TestFalling(t *testing.T) {
	for _, tt := range fallingTests {
		if got := falling(tt.clause); got != tt.want {
			t.Errorf("falling(%q) = %v, want %v", tt.clause, got, tt.want)
		}
	}
}

// A measure that fell after the step is the recovery: the step after it is no
// part of the mitigation.
func TestMitigationEndsAtAFallingMeasure(t *testing.T) {
	texts := []string{"[FIRING] thumbnail queue age > 15m", "workers at 100% cpu, scaling thumbnailer 8 -> 20",
		"20 workers busy, backlog still grows, 61k", "set the ack deadline to 600s on the subscription",
		"backlog 61k -> 40k", "paused the 7.2 rollout anyway", "uploads working again", "resolved"}
	ans, err := New(nil).Summarize(context.Background(), incidentOf(texts...))
	if err != nil {
		t.Fatal(err)
	}
	if m := ans.Summary.Mitigation; !strings.Contains(m, "ack deadline") || strings.Contains(m, "rollout") {
		t.Errorf("mitigation = %q, want the ack deadline alone", m)
	}
	// A step that only sets a value is no measure falling.
	if recovered(tagMessage(0, incidentOf("scaled the workers 20 -> 8").Messages[0])) {
		t.Error("a scale-down read as a recovery")
	}
}

// timelineRows makes a report's timeline section of rows, a minute apart.
func timelineRows(rows ...string) *copilot.Incident {
	inc := &copilot.Incident{ID: "T-9"}
	for i, r := range rows {
		inc.Messages = append(inc.Messages, copilot.Message{TS: fmt.Sprintf("%d.000100", 1700000000+60*i), User: "doc", UserName: "Timeline", Kind: copilot.KindSection, Text: r})
	}
	return inc
}

// A timeline tells the responders' steps in the historical present or as a
// participle after what changed; a finding reported, a quoted intention and the
// system's own doings are no steps.
func TestTimelineActionReadsTheRowsGrammar(t *testing.T) {
	for _, tt := range []struct {
		row  string
		want bool
	}{
		{"09:05 | Jana reloads HAProxy on edge-1 and edge-2", true},
		{"12:30 | Tomasz cancels reindex job in the admin UI and kills its queries", true},
		{"10:12 | Limit on the deployment set to 4Gi and rolled out", true},
		{"08:49 | ScaledObject paused, order-consumer scaled to 8", true},
		{"18:44 | Client team confirms 7.12 added an immediate retry on any 5xx", false},
		{"08:40 | First jobs fail; workers restart with exit code 137", false},
		{`08:52 | Jana: "I'll check the cert the edge serves"`, false},
		{"09:10 | Kenji finds the query returns no data after the rename", false},
		{"09:30 | Queue half drained", false},
	} {
		m := timelineRows(tt.row).Messages[0]
		if got := timelineAction(tagMessage(0, m)); got != tt.want {
			t.Errorf("timelineAction(%q) = %v, want %v", tt.row, got, tt.want)
		}
	}
}

// The step the timeline tells in the present, after a row that a restart did not
// help, is the mitigation; the recovery row after it ("retries drain") is not.
func TestTimelineMitigationInTheHistoricalPresent(t *testing.T) {
	rows := []string{
		"06:00 | Old certificate of hooks.example.io expires",
		"07:41 | First partner reports TLS errors to support",
		"08:20 | Ana scales the edge pool from 2 to 4 hosts; TLS errors stay",
		"09:05 | Jana reloads HAProxy on edge-1 and edge-2",
		"09:12 | Partners confirm deliveries succeed; retries drain",
		"09:40 | Incident resolved",
	}
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(timelineRows(rows...))), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 3 {
		t.Errorf("mitigated at %d (%q), want 3 (%q)", got, rows[max(got, 0)], rows[3])
	}
}

// A queue or the retries that drain are the recovery, not a node drained.
func TestDrainingQueueIsNoActionTaken(t *testing.T) {
	for _, s := range []string{"09:12 | Partners confirm deliveries succeed; retries drain", "10:20 | Job failures stop, queue starts to drain", "09:30 | Queue half drained"} {
		if tg := tagMessage(0, timelineRows(s).Messages[0]); tg.taken {
			t.Errorf("%q read as an action taken", s)
		}
	}
	if tg := tagMessage(0, timelineRows("11:02 | drained node ip-10-0-3-4 and cordoned it").Messages[0]); !tg.taken {
		t.Errorf("a drained node is an action taken")
	}
}

// The mitigation quoted from a timeline row names the step without the row's
// time; the citation keeps the row.
func TestMitigationFromATimelineRowDropsItsTime(t *testing.T) {
	inc := timelineRows(
		"07:41 | First partner reports TLS errors to support",
		"09:05 | Jana reloads HAProxy on edge-1 and edge-2",
		"09:12 | Partners confirm deliveries succeed",
		"09:40 | Incident resolved",
	)
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if got := ans.Summary.Mitigation; !strings.HasPrefix(got, "Jana reloads HAProxy") {
		t.Errorf("mitigation %q, want the reload without its time", got)
	}
}

// A step a responder announces ("I'll roll it back") answered next by a recovery
// was taken, before the permanent fix; an announced status update is no step.
func TestMitigationIsTheAnnouncedStepThatRecoveryAnswers(t *testing.T) {
	for _, tt := range []struct {
		texts     []string
		mitigated int
	}{
		{[]string{"[Triggered] gateway synthetic check failed: HTTP 503", "5.2.0 deployed 13:17, it renames the health path",
			"I'll roll it back", "5.1.4 back, targets healthy 6/6, 503 gone", "changed the target group health path in terraform and applied",
			"5.2.0 redeployed, 6/6 healthy", "resolved"}, 2},
		{[]string{"[FIRING] api 5xx 10%", "I'll post an update on the status page", "5xx back to baseline", "resolved"}, -1},
	} {
		b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(incidentOf(tt.texts...))), used: map[string]bool{}}
		if got := b.mitigationIndex(); got != tt.mitigated {
			t.Errorf("%q: mitigated at %d, want %d", tt.texts[1:4], got, tt.mitigated)
		}
	}
}

// A flag given a value ("flag geo_check_lenient=true, …") is a step, and the
// people the incident hurt able to act again ("members can book classes again")
// is its recovery: the flag is the mitigation, not the finding before it.
func TestFlagAssignedThenPeopleAbleAgain(t *testing.T) {
	texts := []string{
		"members report the app says 'location could not be confirmed' on every booking",
		"geo-service logs: upstream returns RATE_EXCEEDED for every lookup since 07:40",
		"monthly lookups 1.2M used, most of them from the analytics export with our app key",
		"flag geo_check_lenient=true, bookings skip the location check and get flagged for review",
		"members can book classes again",
		"resolved, 1h50m of failed bookings",
	}
	inc := incidentOf(texts...)
	if tags := tagMessage(3, inc.Messages[3]); len(tags.actions) == 0 {
		t.Errorf("the flag assignment names no action: %q", texts[3])
	}
	if !tagMessage(4, inc.Messages[4]).verify {
		t.Errorf("%q is no recovery", texts[4])
	}
	if m := summarize(t, inc).Mitigation; !strings.Contains(m, "geo_check_lenient") {
		t.Errorf("mitigation = %q, want the flag", m)
	}
}

// A state reported with its flaw ("… is Synced but the key is empty") is a
// finding, no step completed; "200s now" is the recovery after the real step.
func TestDoneButIsAFinding(t *testing.T) {
	texts := []string{
		"partners say their callbacks get 403 since the migration this morning",
		"callback-api rejects every request, bad HMAC",
		"SecretStore is Synced but the ref points at kv/partners/callback, the value lives at kv/partners/callbacks. key empty",
		"so the service booted with an empty HMAC key and rejects everything",
		"corrected the ref, key present, restarting callback-api",
		"200s now for new callbacks",
		"resolved, partners retried on their side",
	}
	inc := incidentOf(texts...)
	if !tagMessage(5, inc.Messages[5]).verify {
		t.Errorf("%q is no recovery", texts[5])
	}
	if m := summarize(t, inc).Mitigation; !strings.Contains(m, "restarting callback-api") {
		t.Errorf("mitigation = %q, want the corrected ref and the restart", m)
	}
}

// What someone adds back by hand ("Ines add the firewall rule back in the
// console") is a restore, written in a timeline in any grammar.
func TestAddedBackIsARestore(t *testing.T) {
	inc := timelineRows(
		"08:02 | Pipeline apply removes 2 rules it does not know.",
		"08:05 | Checkout error rate jumps to 70%. Page to Ines.",
		"08:09 | Ines restart the checkout pods. Not helping.",
		"08:20 | Ines add the firewall rule for port 9443 back in the console.",
		"08:23 | Checkout error rate back to normal.",
		"08:30 | Incident resolved.",
	)
	if tags := tagMessage(3, inc.Messages[3]); !tags.taken || len(tags.actions) == 0 {
		t.Errorf("the rule added back is no step taken: %+v", tags.actions)
	}
	if m := summarize(t, inc).Mitigation; !strings.Contains(m, "back in the console") {
		t.Errorf("mitigation = %q, want the rule added back", m)
	}
}

// A new secret put in place ("new cert uploaded to the gateway secret") is a
// rotation, and a thing that verifies, passes or delivers again has recovered.
func TestNewSecretInPlaceAndWorksAgain(t *testing.T) {
	for _, tt := range []struct {
		text          string
		taken, verify bool
	}{
		{"new cert uploaded to notify-gateway secret, rolling pods", true, false},
		{"fresh api key created and loaded into the sms-relay", true, false},
		{"signatures verify again", false, true},
		{"health checks passing again", false, true},
		{"receipts print again at all tills", false, true},
		{"the new cert will be uploaded tomorrow", false, false},
		{"signatures still fail again and again", false, false},
	} {
		got := tagMessage(0, incidentOf(tt.text).Messages[0])
		if got.taken != tt.taken || got.verify != tt.verify {
			t.Errorf("%q: taken %v, recovery %v; want %v, %v", tt.text, got.taken, got.verify, tt.taken, tt.verify)
		}
	}
}

// Swapping writes to another table and pointing routes at another gateway are
// steps; told before the recovery, the swap is the mitigation.
func TestSwappedAndRepointedAreSteps(t *testing.T) {
	for _, text := range []string{
		"swapping inserts to the new events_v2 table with bigint id",
		"pointing the private subnets' default route at nat-b",
		"routes switched 10:47",
	} {
		if got := tagMessage(0, incidentOf(text).Messages[0]); len(got.actions) == 0 || !got.taken {
			t.Errorf("%q: actions %v, taken %v", text, got.actions, got.taken)
		}
	}
	inc := synthetic("INC-SWAP",
		"bot> [FIRING] feed-api 5xx > 20%",
		"ana: every post fails with 500: integer out of range on insert into events",
		"raj: events.id is int4, the sequence passed 2147483647",
		"ana: I'll put a read-only banner up so people stop retrying, doing it now",
		"raj: do we alter to bigint? on 700M rows that is a full rewrite",
		"kim: no. swapping inserts to the new events_v2 table with bigint id and a view over both",
		"raj: events_v2 is live, the view serves reads. posts succeeding again since 21:04",
		"ana: removed the banner. error rate back under 0.1%",
		"kim: resolved",
	)
	if m := summarize(t, inc).Mitigation; !strings.Contains(m, "events_v2") {
		t.Errorf("mitigation = %q, want the swap to events_v2", m)
	}
}

// A step whose targets "all crash too" did not help: it is no part of the
// mitigation that the next step brought.
func TestStepThatCrashesTooIsAFailedAttempt(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"scaled the renderers to 12, they all crash too :(", true},
		{"restarted the consumers, they fail anyway", true},
		{"restarted the consumers, they are fine too", false},
	} {
		if got := failedAttempt(tagMessage(0, incidentOf(tt.text).Messages[0])); got != tt.want {
			t.Errorf("failedAttempt(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	inc := synthetic("INC-POISON",
		"bot> [FIRING] render workers crashlooping",
		"ana: every worker dies on job 81220, a 900-page PDF",
		"ana: scaled the renderers to 12, they all crash too :(",
		"raj: deleted job 81220 from the queue, file moved to the quarantine bucket",
		"ana: workers stay up, queue draining. resolved",
	)
	if m := summarize(t, inc).Mitigation; !strings.Contains(strings.ToLower(m), "deleted job 81220") || strings.Contains(strings.ToLower(m), "scaled") {
		t.Errorf("mitigation = %q, want the deleted job alone", m)
	}
}

// A timeline tells steps in the present ("Wei restores the previous password",
// "Ana rolls back the gateway") and the recovery by who came back ("45 trucks
// reconnect, …"); "restores should not run on the replica" names backups, and
// "all trackers reconnect at the same time" is a herd, not a recovery.
func TestTimelinePresentStepsAndReconnects(t *testing.T) {
	for _, tt := range []struct {
		text          string
		taken, verify bool
	}{
		{"15:05 | Wei restores the previous password as a second valid credential on the broker", true, false},
		{"15:05 | Ana rolls back the gateway to 4.1", true, false},
		{"15:09 | 45 trucks reconnect, the buffered data flushes", false, true},
		{"22:14 | all trackers reconnect at the same time, handshakes eat the CPU", false, false},
	} {
		got := tagMessage(0, timelineRows(tt.text).Messages[0])
		if (len(got.actions) > 0 && got.taken) != tt.taken || got.verify != tt.verify {
			t.Errorf("%q: actions %v taken %v, recovery %v; want step %v, recovery %v", tt.text, got.actions, got.taken, got.verify, tt.taken, tt.verify)
		}
	}
	if got := tagMessage(0, incidentOf("also restores should not happen on the replica the etl reads from").Messages[0]); len(got.actions) > 0 {
		t.Errorf("backups' restores read as a step: %v", got.actions)
	}
}

// "We rolled the portal back to the previous release" is a rollback, the thing
// rolled named between the verb and its particle.
func TestRolledTheThingBack(t *testing.T) {
	for _, text := range []string{
		"at 14:20 we rolled the portal back to the previous release",
		"rolling checkout-api back to 2.3.1",
	} {
		if got := tagMessage(0, incidentOf(text).Messages[0]); !slices.Contains(got.actions, "rollback") || !got.taken {
			t.Errorf("%q: actions %v, taken %v; want a rollback taken", text, got.actions, got.taken)
		}
	}
}
