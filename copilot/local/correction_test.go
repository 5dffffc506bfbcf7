package local

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// rootCauseTests are channels whose root cause depends on what a later message
// says of an earlier one, on when a change was told, or on who did it: chat drops
// the "I" before what one did ("enabled stale-while-revalidate" is the fix), and a
// change told with its doer as the subject is the trigger.
var rootCauseTests = []struct {
	name        string
	texts       []string
	want, avoid string
}{
	{
		name: "a flush by a job, then the fix",
		texts: []string{"[FIRING] image-proxy 5xx ratio 30%", "ack",
			"origin cpu pegged",
			"the nightly job flushed the whole edge cache instead of the stale keys",
			"enabled stale-while-revalidate and doubled the origin pool",
			"5xx back to baseline", "resolved"},
		want: "flushed", avoid: "stale-while-revalidate",
	},
	{
		name: "a credential rotated before the incident",
		texts: []string{"[FIRING] invoice-sync failing 100%", "ack",
			"sync gets 401 from the ledger api on every call",
			"the sync job still reads the ledger api key that got rotated on friday",
			"put the new key in the sync secret and restarted the job",
			"sync green again", "resolved"},
		want: "rotated on friday", avoid: "restarted",
	},
	{
		name: "a wrap-up restating the cause, and the finding before the fix",
		texts: []string{"[FIRING] orders-api error rate > 10%", "ack", "orders-api timeouts publishing to rabbit",
			"rabbit shows a memory alarm on all 3 nodes, publishers blocked",
			"queue notifications.push has 2.3M ready msgs and 0 consumers",
			"notifications-consumer pods crashloop, their logs say missing env FCM_PROJECT_ID",
			"rolling back notifications-consumer to 4.2.0", "consumers up, alarm cleared, errors back to 0",
			"IC update: orders failing 22:14 to 22:47. cause: notifications consumer crashloop -> queue growth -> rabbit memory alarm blocks all publishers",
			"resolved"},
		want: "fcm_project_id", avoid: "rolling back",
	},
	{
		name: "a guess answered no",
		texts: []string{"[FIRING] api-gw 401 rate 40%", "ack",
			"the app release last night changed token refresh for every login",
			"no, web has the same 401s and so do old app versions",
			"keycloak rotated the realm keys at 22:00 and the gateway keeps the old keyset in memory for 24h",
			"rolling restart of the gateway pods to refetch the keys",
			"401 rate back to 0.3%", "resolved"},
		want: "keyset", avoid: "token refresh",
	},
	{
		name: "a suspect ruled out later",
		texts: []string{"[FIRING] RedisEvictionsHigh sessions-redis", "users keep getting logged out",
			"the auth deploy at 22:00 changed the session cookie",
			"rolling back auth to be safe",
			"rolled back, still logouts. not the cookie",
			"sessions-redis is at maxmemory with 5M seg keys, the segment export writes there instead of cache-redis",
			"stopped the segment export", "no more logouts", "resolved"},
		want: "segment export", avoid: "cookie",
	},
	{
		name: "a finding someone else agrees with",
		texts: []string{"[FIRING] email-sender send volume 3.4x", "customers get the same receipt 4 times",
			"the 22:05 deploy of email-sender changed the retry settings of the sender client",
			"restarting the sender workers to clear stuck ones", "no change, dupes continue",
			"render takes 42s with the new pdf lib and the visibility timeout on receipts-q is 30s",
			"yep, that explains the dupes",
			"raised the visibility timeout on receipts-q to 300s", "no new dupes", "resolved"},
		want: "visibility timeout", avoid: "retry settings",
	},
	{
		name: "a change announced before the alert",
		texts: []string{"heads up: switching the prod edge waf to the managed ruleset now, it looked quiet in log-only",
			"[FIRING] checkout-web 403 rate above 2%", "ack. 403s on POST /checkout/submit only",
			"support: customers stuck at place order, they get access denied, one lives on union street lol",
			"waf dashboard: rule 942100 blocked 3.8k requests because the addresses contain union or select",
			"switching the whole ruleset back to log-only", "403 rate 0.05%, orders going through", "resolved"},
		want: "managed ruleset now", avoid: "dashboard",
	},
	{
		name: "an action timed after the alert is the response",
		texts: []string{"[FIRING] static.shop dns resolution failed", "site loads but no css, no images",
			"cdn dashboard: origin fine, edge fine, traffic to static dropped 90%",
			"the dns janitor deletes cnames whose target does not answer on 443 without sni",
			"restored the cname from the audit log", "css back for me",
			"disabled the dns janitor cron so it doesnt delete it again at 23:30", "resolved"},
		want: "janitor deletes", avoid: "disabled",
	},
	{
		name: "a release named by its version number",
		texts: []string{"[FIRING] profile-api 5xx above 5%", "ack", "500s on PUT /profile only",
			"logs: NullPointerException in AddressMapper.toEntity",
			"profile-api 2.14.0 from 21:40 moves the address fields into a nested object and the mapper reads the flat ones",
			"rolling back profile-api to 2.13.3", "5xx back to 0", "resolved"},
		want: "2.14.0", avoid: "rolling back",
	},
	{
		name: "a look announced is no finding",
		texts: []string{"[FIRING] ledger-sync lag above 10 min", "ack",
			"checking the ledger-sync consumer group offsets, the lag is all on partition 7",
			"partition 7 has one poison record, the consumer retries it forever and the rest of the partition waits behind it",
			"skipped offset 88123 on partition 7", "lag draining", "resolved"},
		want: "poison record", avoid: "checking",
	},
	{
		name: "a finding told in clipped sentences of one message",
		texts: []string{"[FIRING] notify-api p99 above 5s", "ack", "pool waiting count 20/20 on every pod",
			"4.2.0 went out at 21:30 with a new retry path. it opens a client and returns before release() on a 404. every retry leaks a client",
			"rolling back notify-api to 4.1.9", "p99 back to 120ms", "resolved"},
		want: "4.2.0 went out at 21:30 with a new retry path. it opens a client and returns before release() on a 404. every retry leaks a client", avoid: "rolling back",
	},
	{
		name: "a step under way beside the finding",
		texts: []string{"[FIRING] billing-api duplicate charges", "ack",
			"two payment runs at 02:00, one from the old cron host and one from the new scheduler",
			"the old cron host kept its crontab after the move to the scheduler",
			"commenting out the payment run on billing-old-1 now", "done, crontab shows it commented",
			"resolved"},
		want: "kept its crontab", avoid: "commenting out",
	},
	{
		name: "what the people hit suffer is no mechanism",
		texts: []string{"[FIRING] otp-sender error rate 30%", "ack",
			"provider answers 429 for a third of sends, the account rate limit is exceeded",
			"users can't log in, no code arriving",
			"moved otp sends to the backup provider", "errors back to 0", "resolved"},
		want: "rate limit", avoid: "can't log in",
	},
}

func TestRootCauseReadsTheConversation(t *testing.T) {
	for _, tt := range rootCauseTests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := New(nil).Summarize(context.Background(), incidentOf(tt.texts...))
			if err != nil {
				t.Fatal(err)
			}
			if rc := strings.ToLower(ans.Summary.RootCause); !strings.Contains(rc, tt.want) || strings.Contains(rc, tt.avoid) {
				t.Errorf("root cause %q, want the sentence with %q and none with %q", ans.Summary.RootCause, tt.want, tt.avoid)
			}
		})
	}
}

// The trigger and the mechanism told in neighbouring messages are one root
// cause: both sentences are quoted.
func TestRootCauseCompletesTheMechanism(t *testing.T) {
	inc := incidentOf("[FIRING] AddressServiceHighErrorRate 503 rate 22%", "looking",
		"503s come from our envoy: the conn pool to the geocoding vendor is full",
		"vendor p50 went 90ms -> 3.5s, their api is slow",
		"our geocode client re-sends the lookup on any timeout immediately, up to 5 tries, and its timeout is 1s",
		"ah so the pool is full because we multiply their slowness x5",
		"set geocode.max_attempts=1 in the flag service", "503 rate 31% -> 1.5%", "resolved")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if rc := strings.ToLower(ans.Summary.RootCause); !strings.Contains(rc, "re-sends the lookup") || !strings.Contains(rc, "multiply their slowness") {
		t.Errorf("root cause %q, want the retry mechanism and the conclusion drawn from it", ans.Summary.RootCause)
	}
}

func TestRuledOutTerms(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"rolled back, still logouts. not the cookie", []string{"cookie"}},
		{"vacuum finished, disk 96% now. its not bloat, its wal", []string{"bloat"}},
		{"the record is gone from the zone, not a coredns thing", []string{"coredns"}},
		// A "not" inside a clause tells what was left, not a guess dropped.
		{"we deleted the connector but not the slot", nil},
		// A qualifier is no suspect.
		{"not sure yet, looking", nil},
		{"its not fully drained", nil},
		// An action says how it was done.
		{"UNLINKing devfp:* in batches via SCAN (not KEYS)", nil},
	} {
		got := ruledOutTerms(tt.in)
		var terms []string
		for w := range got {
			terms = append(terms, w)
		}
		sort.Strings(terms)
		want := contentTerms(strings.Join(tt.want, " "))
		sort.Strings(want)
		if len(terms) != 0 || len(want) != 0 {
			if !reflect.DeepEqual(terms, want) {
				t.Errorf("ruledOutTerms(%q) = %v, want %v", tt.in, terms, want)
			}
		}
	}
}

func TestPlacedBefore(t *testing.T) {
	const onset = 7*60 + 30 // the first signal at 07:30
	for _, tt := range []struct {
		in   string
		chat bool
		want bool
	}{
		{"deleted at 07:25 by the janitor token", true, true},
		{"renewal at 23:40 copied only the leaf", true, true}, // the evening before
		{"disabled the cron so it doesnt run again at 08:30", true, false},
		{"we moved to the new pipeline 9 days ago", true, true},
		{"purged the cache at 09:10", true, false},
		// A report's messages have made-up times: its clock times stand.
		{"at 09:10 an upstream release began sending strings", false, true},
	} {
		if got := placedBefore(lowerClean(tt.in), onset, tt.chat); got != tt.want {
			t.Errorf("placedBefore(%q, chat %v) = %v, want %v", tt.in, tt.chat, got, tt.want)
		}
	}
}

// A question asked aside in a statement leaves the statement a candidate.
func TestRootCauseKeepsAStatementWithAnAsideQuestion(t *testing.T) {
	inc := incidentOf("[FIRING] PubSubOldestUnackedMessageAge media-thumbs-sub > 15m", "ack. backlog 48k and growing",
		"workers 100% cpu, processed count is huge but ack count low",
		"since today's app release the upload is 4k by default (kenta can confirm?) so ffmpeg takes 90-150s per video, longer than the 60s ack deadline",
		"set ackDeadlineSeconds=600 on media-thumbs-sub", "backlog 61k -> 2k", "resolved")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ans.Summary.RootCause, "4k by default") || strings.Contains(ans.Summary.RootCause, "?") {
		t.Errorf("root cause %q, want the release making 4k the default", ans.Summary.RootCause)
	}
}

// The sentences of the message that states the cause are one statement: the
// one after the finding completes it even when it reads less like a cause.
func TestRootCauseKeepsTheFindingsOwnMessage(t *testing.T) {
	inc := incidentOf("[FIRING] airflow DAG finance_daily failed", "looking",
		"revenue dashboard shows 0 for yesterday", "error: column amount_cents does not exist in stg_payments",
		"probably a transient snowflake thing, rerunning", "rerun fails the same",
		"payments shipped a migration last night at 21:40: amount_cents renamed to amount_minor in the payments db. fivetran synced the new column, the old one is gone in raw.payments",
		"so not flaky, our model reads a column that doesnt exist anymore",
		"hotfix in stg_payments merged, dag green", "resolved")
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if rc := strings.ToLower(ans.Summary.RootCause); !strings.Contains(rc, "renamed") || !strings.Contains(rc, "fivetran synced") {
		t.Errorf("root cause %q, want the migration and what the sync did with it", ans.Summary.RootCause)
	}
}

// A reply agrees with the message before it when it opens with agreement or
// draws its conclusion; a question or a turn to what next does not, and a reply
// opening with "no" drops it.
func TestCauseContextReplies(t *testing.T) {
	for _, tt := range []struct {
		reply             string
		confirmed, denied bool
	}{
		{"yep, that explains the dupes", true, false},
		{"confirm, 7.2 ships 4k upload default", true, false},
		{"ah so the pool is full because we retry 5x", true, false},
		{"so is it the db?", false, false},
		{"ok so rolling back now", false, false},
		{"so far nothing in the logs", false, false},
		{"no, web has the same 401s", false, true},
		{"nope, rabbit shows a memory alarm", false, true},
		{"no customer impact so far", false, false},
	} {
		lc := analyzeLifecycle(sortedMessages(incidentOf("[FIRING] api errors", "the 22:05 deploy changed the retry settings", tt.reply)))
		cx := (&summaryBuilder{lc: lc, used: map[string]bool{}}).causeContextOf()
		if cx.confirmed[1] != tt.confirmed || cx.denied[1] != tt.denied {
			t.Errorf("reply %q: confirmed %v, denied %v; want %v, %v", tt.reply, cx.confirmed[1], cx.denied[1], tt.confirmed, tt.denied)
		}
	}
}

// A responder telling in the present tense a step they take is the response; the
// past may tell the trigger, and verbs of knowing tell no step.
func TestFirstPersonPresent(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"I switch the order page reads to the primary, it is one config value", true},
		{"we move the topic retention to 7 days", true},
		{"I applied the refactor at 13:20", false},
		{"we set the pool to 40 yesterday", false},
		{"I think the replica is behind", false},
		{"we need a lock on the migration", false},
		{"the replica is behind", false},
	} {
		if got := firstPersonPresent(lowerClean(tt.in)); got != tt.want {
			t.Errorf("firstPersonPresent(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
