package local

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

func TestLocalRunbook(t *testing.T) {
	pool := loadTestIncident(t, "slack_pool")
	orders := loadTestIncident(t, "doc_pool_orders")
	dns := loadTestIncident(t, "slack_dns")
	current := synthetic("INC-NEW", "bot> [FIRING] ApiErrors: FATAL: sorry, too many clients already")
	runbooks := []copilot.RunbookMatch{{ID: "db/pool", Title: "DB pool exhaustion", Path: "db/pool.md", Score: 0.8}}

	ans, err := New(nil).Runbook(context.Background(), current, []*copilot.Incident{pool, orders, dns, current}, runbooks)
	if err != nil {
		t.Fatal(err)
	}
	if ans.Engine != copilot.EngineLocal || ans.IncidentID != "INC-NEW" {
		t.Errorf("answer header = %q %q", ans.Engine, ans.IncidentID)
	}
	if len(ans.Runbooks) != 1 || ans.Runbooks[0] != runbooks[0] {
		t.Errorf("runbooks not passed through: %+v", ans.Runbooks)
	}
	if n := len(ans.Steps); n == 0 || n > maxRunbookSteps {
		t.Fatalf("%d steps, want 1..%d", n, maxRunbookSteps)
	}
	known := map[string]*copilot.Incident{pool.ID: pool, orders.ID: orders, dns.ID: dns}
	incidentsOf := func(s copilot.RunbookStep) map[string]bool {
		m := map[string]bool{}
		for _, src := range s.Sources {
			m[src.IncidentID] = true
		}
		return m
	}
	prev := 99
	for i, s := range ans.Steps {
		if got := copilot.ValidStepSources(known, s.Sources); len(got) != len(s.Sources) || len(s.Sources) == 0 {
			t.Errorf("step %d %q has invalid sources %+v", i, s.Text, s.Sources)
		}
		if s.Kind != "mitigation" && s.Kind != "diagnostic" {
			t.Errorf("step %q kind %q", s.Text, s.Kind)
		}
		if incidentsOf(s)["INC-NEW"] {
			t.Errorf("step %q comes from the incident itself", s.Text)
		}
		// Steps seen in more incidents rank higher.
		if n := len(incidentsOf(s)); n > prev {
			t.Errorf("step %d %q (%d incidents) ranks below one with %d", i, s.Text, n, prev)
		} else {
			prev = n
		}
		if strings.Contains(s.Text, "no change") {
			t.Errorf("a step that did not help is suggested: %q", s.Text)
		}
	}

	find := func(sub string) *copilot.RunbookStep {
		for i := range ans.Steps {
			if strings.Contains(strings.ToLower(ans.Steps[i].Text), sub) {
				return &ans.Steps[i]
			}
		}
		return nil
	}
	rollback := ans.Steps[0]
	if got := incidentsOf(rollback); len(got) != 2 || got[dns.ID] {
		t.Errorf("the top step %q merges %v, want the rollback of both pool incidents", rollback.Text, got)
	}
	if kill := find("pg_terminate_backend"); kill == nil {
		t.Error("no step for terminating idle sessions")
	} else if got := incidentsOf(*kill); !got[pool.ID] || !got[orders.ID] || kill.Kind != "mitigation" {
		t.Errorf("session kill step = %+v, want a mitigation from both pool incidents", *kill)
	}
	if diag := find("pg_stat_activity"); diag == nil || diag.Kind != "diagnostic" || len(incidentsOf(*diag)) != 2 {
		t.Errorf("pg_stat_activity step = %+v, want a diagnostic from 2 incidents", diag)
	}
	if !strings.Contains(rollback.Text, "check:") {
		t.Errorf("rollback step = %+v, want it with the check that showed it worked", rollback)
	}
	// A DNS incident shares the symptoms (5xx, a deploy) but not the mechanism: it
	// lends no steps to a connection-limit incident.
	for _, s := range ans.Steps {
		if incidentsOf(s)[dns.ID] {
			t.Errorf("step %q comes from the unrelated DNS incident", s.Text)
		}
	}
}

func TestLocalRunbookWithoutHistory(t *testing.T) {
	ans, err := New(nil).Runbook(context.Background(), synthetic("INC-1", "x"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ans.Steps == nil || len(ans.Steps) != 0 || ans.Runbooks == nil {
		t.Errorf("empty runbook = %+v, want empty non-nil lists", ans)
	}
}

// TestRunbookStepsArePeoplesActions: a step is what a responder did, verb first (after
// "we", a command-line tool or a manner word), not an action word in a sentence about
// what the system did; in "pause the backfill cronjob" the action is the pause.
func TestRunbookStepsArePeoplesActions(t *testing.T) {
	cases := []struct {
		text, class string
		step        bool
	}{
		{"helm rollback payments-gateway 211 -n payments", "rollback", true},
		{"we cordoned and drained the three bad nodes", "drain-node", true},
		{"Pause the geo-batch backfill cronjob", "pause", true},
		{"max_client_conn = 2500, reload done", "set-config", true},
		{"feed-api scaled 20 -> 85 pods in the last 15 min for the finals traffic", "", false},
		{"everything renewed since then chains to the new root", "", false},
		{"also someone turned on debug logging in the indexer at 03:20", "", false},
	}
	for _, c := range cases {
		_, class, at := actionSentence(c.text)
		if got := class != "" && at == 0; got != c.step || c.step && class != c.class {
			t.Errorf("%q: class %q, %d words before the action; want step=%v class %q", c.text, class, at, c.step, c.class)
		}
	}
}

// TestSettingChangesAreActions: a setting changed by name is an action, whether set
// through a CLI, edited in a config file or given to a redeploy, and deleting is
// cleaning up.
func TestSettingChangesAreActions(t *testing.T) {
	for _, c := range []struct{ text, class string }{
		{"CONFIG SET maxmemory-policy allkeys-lru on the primary", "set-config"},
		{"changed option httpchk to GET /healthz in haproxy.cfg and reloaded haproxy", "set-config"},
		{"deleting snapshots older than 7 days", "clean"},
		{"redeploying fulfillment-consumer with MAX_POLL_RECORDS=50", "set-config"},
	} {
		if _, class, at := actionSentence(c.text); class != c.class || at != 0 {
			t.Errorf("%q: class %q at %d, want %q at 0", c.text, class, at, c.class)
		}
	}
}

// TestRollbackToAVersionIsAStep: "rolling back to 3.7.4" names what changed (the
// version) though it has only two other words.
func TestRollbackToAVersionIsAStep(t *testing.T) {
	inc := synthetic("INC-RB",
		"bot> [FIRING] KubePodCrashLooping indexer OOMKilled",
		"ben: 3.8.0 went out yesterday, memory climbs until the pod is OOMKilled",
		"li: rolling back to 3.7.4",
		"ben: heap flat at 600MB, no restarts",
		"li: resolved")
	steps, _ := incidentSteps(inc, 0)
	if len(steps) == 0 || steps[0].class != "rollback" || !strings.Contains(steps[0].text, "3.7.4") {
		t.Errorf("steps = %+v, want the rollback to 3.7.4", steps)
	}
}

// TestOwnStepsOnlyOnceOver: given the incident itself among the similar ones, a
// resolved incident's runbook starts with what fixed it, with the check that
// followed; an open incident's own actions are not suggested back to it.
func TestOwnStepsOnlyOnceOver(t *testing.T) {
	texts := []string{
		"bot> [FIRING] KubePodCrashLooping indexer OOMKilled",
		"ben: 3.8.0 went out yesterday, memory climbs until the pod is OOMKilled",
		"li: yes, rolling back to 3.7.4 now, argo sync started",
		"ben: heap flat at 600MB, no restarts",
	}
	open := synthetic("INC-OPEN", texts...)
	done := synthetic("INC-DONE", append(texts, "li: resolved")...)
	ctx := context.Background()

	ans, err := New(nil).Runbook(ctx, open, []*copilot.Incident{open}, nil)
	if err != nil || len(ans.Steps) != 0 {
		t.Errorf("open incident: %+v %v, want no step of its own", ans, err)
	}
	ans, err = New(nil).Runbook(ctx, done, []*copilot.Incident{done}, nil)
	if err != nil || len(ans.Steps) == 0 {
		t.Fatalf("resolved incident: %+v %v, want its rollback", ans, err)
	}
	if got, want := ans.Steps[0].Text, "Roll back to 3.7.4 (check: Heap flat at 600MB, no restarts)."; got != want {
		t.Errorf("first step %q, want %q", got, want)
	}
}

// TestPastedCommandsThatChangeTheSystem: a command pasted to change the system is a
// step quoted as it was run; reads, logged requests and commands holding a secret
// are not.
func TestPastedCommandsThatChangeTheSystem(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"running this:\n```\nexport AWS_PROFILE=prod\naws route53 associate-vpc-with-hosted-zone --hosted-zone-id Z1 --vpc VPCId=vpc-1\n```", "aws route53 associate-vpc-with-hosted-zone --hosted-zone-id Z1 --vpc VPCId=vpc-1"},
		{"```\nPUT products_v7/_settings\n{\"index.blocks.read_only_allow_delete\": null}\n```\nblock cleared", `PUT products_v7/_settings {"index.blocks.read_only_allow_delete": null}`},
		{"KILL 88121 done", "KILL 88121"},
		{"`kubectl -n web scale deploy/api --replicas=12`", "kubectl -n web scale deploy/api --replicas=12"},
		{"```\n$ kubectl -n web get pods\n```", ""},
		{"```\nGET _cat/allocation?v\n```", ""},
		{"`POST https://api.vendor.example/v2/messages -> 429 Too Many Requests`", ""},
		{"certbot renew has failed since october", ""},
		{"```\nmysql> ALTER TABLE stock ADD COLUMN q INT\n```", ""},
	} {
		if got, _ := changeCommand(c.text); got != c.want {
			t.Errorf("%q: command %q, want %q", c.text, got, c.want)
		}
	}
	// The class names the tool and its verb past the flags, so the same command
	// in two incidents merges.
	if _, class := changeCommand("`kubectl -n web scale deploy/api --replicas=12`"); class != "command:kubectl scale" {
		t.Errorf("kubectl scale: class %q, want command:kubectl scale", class)
	}
}

// TestActionClause: the instruction ends where a report of what happened next
// begins; a comma inside brackets does not end it, and "now" goes.
func TestActionClause(t *testing.T) {
	for _, c := range []struct {
		in   string
		min  int
		want string
	}{
		{"rolling back to 2.30.4 now, argo sync started", 2, "rolling back to 2.30.4."},
		{"Yes, rolling back to 2.30.4 now, argo sync started", 2, "Yes, rolling back to 2.30.4."},
		{"UNLINKing devfp:* via SCAN (not KEYS, relax)", 2, "UNLINKing devfp:* via SCAN (not KEYS, relax)"},
		// Cut there, the head would not say what changed.
		{"Roll restart, 3 pods at a time", 3, "Roll restart, 3 pods at a time"},
	} {
		if got := actionClause(c.in, c.min); got != c.want {
			t.Errorf("actionClause(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := imperative("Yes, rolling back to 2.30.4."); got != "Roll back to 2.30.4." {
		t.Errorf("imperative = %q", got)
	}
}

// TestStatementsAreNotSteps: an action word that is the subject of a statement is
// no step; a copula later in a report does not make it one.
func TestStatementsAreNotSteps(t *testing.T) {
	for _, c := range []struct {
		text string
		step bool
	}{
		{"li: restarts are Last State: Terminated, exit 137", false},
		{"li: reissuing tax-service from it is fine as a stopgap", false},
		{"li: rolled back the indexer to 3.7.4, rollout is done", true},
	} {
		inc := synthetic("INC-S", "bot> [FIRING] indexer OOMKilled", c.text, "ben: heap flat at 600MB, no restarts", "li: resolved")
		steps, _ := incidentSteps(inc, 0)
		if got := len(steps) > 0; got != c.step {
			t.Errorf("%q: steps %+v, want a step: %v", c.text, steps, c.step)
		}
	}
}

// TestRunbookLendsNearestOnly: a past incident lends steps only near the top of the
// search, and below the nearest only when it shares a third of the failure
// concepts; the same incident that lends at the top lends nothing fourth.
func TestRunbookLendsNearestOnly(t *testing.T) {
	for _, tc := range []struct {
		want, mech []string
		pos        int
		lends      bool
	}{
		{[]string{"conn-exhaustion", "slow-query"}, []string{"conn-exhaustion", "oom", "disk-full"}, 0, true}, // overlap 0.5, Jaccard 0.25
		{[]string{"conn-exhaustion", "slow-query"}, []string{"conn-exhaustion", "oom", "disk-full"}, 1, false},
		{[]string{"conn-exhaustion", "slow-query"}, []string{"conn-exhaustion", "slow-query", "oom"}, 2, true}, // Jaccard 2/3
		{[]string{"conn-exhaustion", "slow-query"}, []string{"conn-exhaustion", "slow-query"}, lendDepth, false},
		{[]string{"conn-exhaustion", "slow-query", "oom"}, []string{"oom", "dns-failure", "cert-expired"}, 0, false}, // overlap 1/3
	} {
		if got := lends(tc.want, tc.mech, tc.pos); got != tc.lends {
			t.Errorf("lends(%v, %v, %d) = %v, want %v", tc.want, tc.mech, tc.pos, got, tc.lends)
		}
	}

	pool := loadTestIncident(t, "slack_pool")
	dns := loadTestIncident(t, "slack_dns")
	current := synthetic("INC-NEW", "bot> [FIRING] ApiErrors: FATAL: sorry, too many clients already")
	cites := func(similar ...*copilot.Incident) bool {
		t.Helper()
		ans, err := New(nil).Runbook(context.Background(), current, similar, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ans.Steps {
			for _, src := range s.Sources {
				if src.IncidentID == pool.ID {
					return true
				}
			}
		}
		return false
	}
	if !cites(pool) {
		t.Fatalf("the nearest incident of the same failure lends no step")
	}
	quiet := func(id string) *copilot.Incident { return synthetic(id, "alice: looking", "bob: all good now") }
	if cites(dns, quiet("INC-Q1"), quiet("INC-Q2"), pool) {
		t.Errorf("the fourth most similar incident lent a step")
	}
}
