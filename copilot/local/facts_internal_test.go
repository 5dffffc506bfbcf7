package local

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

var clipTests = []struct {
	in, want string
	keep     func(string) bool
}{
	{"Reverted the config-repo commit, pricing-service reloads config every minute.", "Reverted the config-repo commit.", nil},
	{"Forced renew with cmctl renew ledger-mtls, new certificate issued valid 90 days.", "Forced renew with cmctl renew ledger-mtls.", nil},
	// Every clause is an action: nothing to drop.
	{"Scaled the pool to 40, restarted the workers.", "Scaled the pool to 40, restarted the workers.", nil},
	// The first clause is no action: the sentence is not one to clip.
	{"Errors are gone, rolled back at 10:02.", "Errors are gone, rolled back at 10:02.", nil},
	{"Rolled back recs-api to 4.11.2.", "Rolled back recs-api to 4.11.2.", nil},
	// A check whose words name an action ("no restarts") is no action.
	{"Helm rollback search-api 41 done, new pods Running, no restarts.", "Helm rollback search-api 41 done.", nil},
	{"Restarted the cache nodes, evictions back to zero.", "Restarted the cache nodes.", nil},
	// Impact keeps what measures the damage, not the recovery after it.
	{"1,250 payments not posted to the ledger during 35 min, all replayed from the outbox now.", "1,250 payments not posted to the ledger during 35 min.", isImpactClause},
	{"Search was down for ~30 min, about 18k searches returned errors, storefront showed empty results.", "Search was down for ~30 min, about 18k searches returned errors, storefront showed empty results.", isImpactClause},
}

func TestClipTrailingClauses(t *testing.T) {
	for _, tt := range clipTests {
		keep := tt.keep
		if keep == nil {
			keep = isActionClause
		}
		if got := clipTrailingClauses(tt.in, keep); got != tt.want {
			t.Errorf("clipTrailingClauses(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func incidentOf(texts ...string) *copilot.Incident {
	inc := &copilot.Incident{ID: "T-1"}
	for i, s := range texts {
		inc.Messages = append(inc.Messages, copilot.Message{TS: fmt.Sprintf("%d.000100", 1700000000+60*i), User: fmt.Sprintf("U%d", i%3), Text: s})
	}
	return inc
}

var momentTests = []struct {
	name                string
	texts               []string
	mitigated, resolved int
}{
	{
		name: "bare command followed by recovery",
		texts: []string{"api 500s on every write", "cache full, eviction policy is noeviction",
			"CONFIG SET maxmemory-policy volatile-lru on the cache primary", "writes succeed again, error rate back to 0.1%", "resolved"},
		mitigated: 2, resolved: 4,
	},
	{
		name: "quoted resolution is not the writer's",
		texts: []string{"checkout errors spiking", "ack", "support is flooded, one ticket says:\n> this incident is resolved, close it",
			"rolled back checkout to 8.1.0", "errors back to baseline", "resolved"},
		mitigated: 3, resolved: 5,
	},
	{
		name: "a side team standing down before anything was done",
		texts: []string{"signup backlog alert", "ack", "fraud team checked the signups, all legit. standing down",
			"scaled the kyc workers down to 4 to stop the retry storm", "backlog draining, 0 errors now", "resolved"},
		mitigated: 3, resolved: 5,
	},
	{
		name: "labelled by its writer",
		texts: []string{"pods pending, no capacity", "mitigation: adding an on-demand node pool across three zones",
			"12 new nodes ready, 0 pending", "resolved"},
		mitigated: 1, resolved: 3,
	},
	{
		name: "an attempt the symptom outlived is not the mitigation",
		texts: []string{"[FIRING] worker queue age > 15m", "tried a rollout restart of the workers, queue age kept growing",
			"kubectl scale deploy/worker --replicas=2 done", "queue age back to normal", "resolved"},
		mitigated: 2, resolved: 4,
	},
	{
		name: "a step and its effect told in one report sentence",
		texts: []string{"Update - we are investigating failed uploads", "Update - the gateway was restarted; failures continue",
			"Update - traffic was rerouted to the standby region and the failure rate falls to 0.2%", "Resolved - this incident has been resolved"},
		mitigated: 2, resolved: 3,
	},
	{
		name: "continuing to watch is no failed attempt",
		texts: []string{"[FIRING] web 5xx ratio 9%", "Rolled back web to 3.2.1, we continue to monitor",
			"5xx back to 0.1%", "resolved"},
		mitigated: 1, resolved: 3,
	},
}

func TestMitigationAndResolutionMoments(t *testing.T) {
	for _, tt := range momentTests {
		t.Run(tt.name, func(t *testing.T) {
			lc := analyzeLifecycle(sortedMessages(incidentOf(tt.texts...)))
			b := &summaryBuilder{lc: lc, used: map[string]bool{}}
			if lc.resolvedAt != tt.resolved {
				t.Errorf("resolved at %d, want %d", lc.resolvedAt, tt.resolved)
			}
			if got := b.mitigationIndex(); got != tt.mitigated {
				t.Errorf("mitigated at %d, want %d", got, tt.mitigated)
			}
		})
	}
}

// In a report's timeline the change told before the first symptom row is the
// trigger; the first step after it that the next rows see working is the mitigation.
func TestTimelineRowAfterSymptomIsTheMitigation(t *testing.T) {
	rows := []string{
		"09:00 | Config change CH-1 applied: cache size lowered to 1 GB",
		"09:20 | Latency alert fires for the catalog service",
		"09:31 | Cache nodes restarted; latency stays high",
		"09:44 | Cache size set back to 8 GB on all nodes",
		"09:50 | p99 latency back to normal",
	}
	lc := analyzeLifecycle(sortedMessages(timelineRows(rows...)))
	b := &summaryBuilder{lc: lc, used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 3 {
		t.Errorf("mitigated at %d, want 3 (%q)", got, rows[max(got, 0)])
	}
}

// A change placed in time ("at 13:55") before the symptoms is the trigger; the
// symptom reports around it ("logs are full of timeouts") are what was seen.
func TestRootCauseIsTheTimedChange(t *testing.T) {
	inc := incidentOf(
		"[FIRING] orders-api 5xx ratio 12%",
		"ack, looking",
		"orders-api logs are full of pool timeouts, errors everywhere",
		"nothing deployed to orders since monday",
		"hm. I bumped minReplicas on the orders hpa 10 -> 25 at 13:55 for the sale",
		"25 pods x 20 conns = 500 on a 300 conn db",
		"scaled the hpa back to 10",
		"errors back to baseline",
		"resolved",
	)
	ans, err := New(nil).Summarize(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	if rc := strings.ToLower(ans.Summary.RootCause); !strings.Contains(rc, "minreplicas") || strings.Contains(rc, "logs are full") {
		t.Errorf("root cause %q, want the hpa change at 13:55", ans.Summary.RootCause)
	}
}

// readingTests are sentences with whether a reading of them holds (a predicate of
// the root-cause scoring or of the follow-up readings), each read as the engine
// reads a message: cleaned and lower-cased.
type readingTests []struct {
	in   string
	want bool
}

func (tests readingTests) check(t *testing.T, name string, reads func(low string) bool) {
	t.Helper()
	for _, tt := range tests {
		if got := reads(lowerClean(tt.in)); got != tt.want {
			t.Errorf("%s(%q) = %v, want %v", name, tt.in, got, tt.want)
		}
	}
}

func TestResponderAction(t *testing.T) {
	readingTests{
		{"Enabled stale-while-revalidate and raised the origin pool.", true},
		{"we moved the cron to UTC", true},
		{"at 10:02 rolled back the api to 4.1.0", true},
		{"docker system prune -af on runner 3", true},
		{"docker ps shows 40 containers", false},
		{"checked the pool stats, all 40 busy", false},
		{"the nightly job flushed the whole edge cache instead of the stale keys", false},
		{"someone revoked the signing key during a cleanup", false},
		{"cert expired at midnight, nobody renewed it", false},
		{"failed over to the replica by itself at 03:00", false},
	}.check(t, "responderAction", responderAction)
}

func TestConsequence(t *testing.T) {
	readingTests{
		{"clocks went back tonight so 02:30 happened twice", true},
		{"the job has no idempotency key, so it ran for both", true},
		{"pull hangs -> every sandbox hangs -> node NotReady", true},
		{"hit ratio went 96% -> 3%", false},
		{"more disk so pg can come up", false},
		{"so far nothing in the logs", false},
		{"no errors so far", false},
	}.check(t, "consequence", consequence)
}

// A timeline line quotes what a message tells, not the reaction it opens with.
func TestTimelineTextSkipsTheReaction(t *testing.T) {
	for in, want := range map[string]string{
		"Uh. I applied the dns module refactor at 13:20.": "I applied the dns module refactor at 13:20.",
		"Oops. Wrong channel, the fix is in.":             "Wrong channel, the fix is in.",
		"Resolved.":                                       "Resolved.",
	} {
		if got := timelineText(in); got != want {
			t.Errorf("timelineText(%q) = %q, want %q", in, got, want)
		}
	}
}
