package failure

import "strings"

// alias is the canonical form of a word. replace marks mere spelling variants
// ("k8s") whose original adds nothing next to the canonical word.
type alias struct {
	canon   string
	replace bool
}

// aliasGroups lists canonical tokens and the words that mean the same to a
// responder. Words are single tokens as the tokenizer produces them.
var aliasGroups = []struct {
	canon   string
	words   []string
	replace bool
}{
	{canon: "http5xx", words: []string{"5xx", "5xxs", "500", "500s", "502", "502s", "503", "503s", "504", "504s"}},
	{canon: "database", words: []string{"db", "dbs", "database", "databases", "postgres", "postgresql", "pg", "psql", "mysql", "mariadb", "rds", "aurora"}},
	{canon: "kubernetes", words: []string{"k8s", "kube", "kubernetes"}, replace: true},
	{canon: "oom", words: []string{"oom", "oomkilled", "oomkill", "ooms", "oomed", "outofmemory", "outofmemoryerror", "enomem"}},
	{canon: "loadbalancer", words: []string{"lb", "lbs", "alb", "elb", "nlb", "loadbalancer", "haproxy"}},
	{canon: "certificate", words: []string{"cert", "certs", "certificate", "certificates"}},
	{canon: "connection", words: []string{"conn", "conns", "connection", "connections"}},
	{canon: "timeout", words: []string{"timeout", "timeouts", "timedout", "etimedout"}},
	{canon: "error", words: []string{"err", "errs", "errors", "errored", "erroring"}},
	{canon: "permission", words: []string{"perm", "perms", "permissions"}},
	{canon: "config", words: []string{"cfg", "conf", "configuration", "configs", "configmap", "configmaps"}},
	{canon: "deploy", words: []string{"deploy", "deploys", "deployed", "deploying", "deployment", "deployments", "rollout", "rollouts", "redeploy", "redeployed"}},
	{canon: "rollback", words: []string{"rollback", "rollbacks", "revert", "reverted", "reverting", "reverts"}},
	{canon: "replication", words: []string{"replica", "replicas", "replicated", "replicating", "replication"}},
	{canon: "production", words: []string{"prod", "production", "prd"}},
	{canon: "service", words: []string{"svc", "svcs", "services"}},
	{canon: "namespace", words: []string{"ns", "namespaces"}},
	{canon: "pod", words: []string{"pods"}, replace: true},
	{canon: "node", words: []string{"nodes"}, replace: true},
	{canon: "host", words: []string{"hosts", "hostname", "hostnames"}},
	{canon: "password", words: []string{"pw", "pwd", "passwd", "passwords"}},
	{canon: "memory", words: []string{"mem", "ram"}},
	{canon: "disk", words: []string{"disks", "volume", "volumes", "pvc", "pvcs", "ebs", "filesystem"}},
	{canon: "queue", words: []string{"queues", "queued", "queueing", "queuing"}},
	{canon: "retry", words: []string{"retries", "retried", "retrying"}},
	{canon: "restart", words: []string{"restarts", "restarted", "restarting", "reboot", "rebooted", "bounced"}},
	{canon: "crash", words: []string{"crashed", "crashes", "crashing"}},
	{canon: "throttle", words: []string{"throttled", "throttling", "throttles"}},
	{canon: "fail", words: []string{"failed", "failing", "fails", "failure", "failures"}},
	{canon: "expire", words: []string{"expired", "expires", "expiry", "expiring", "expiration"}},
	{canon: "exhaust", words: []string{"exhausted", "exhaustion", "exhausting"}},
	{canon: "latency", words: []string{"latencies", "p95", "p99", "p999"}},
	{canon: "message", words: []string{"msg", "msgs", "messages"}},
	{canon: "request", words: []string{"req", "reqs", "requests"}},
	{canon: "limit", words: []string{"limits", "limited", "limiting"}},
	{canon: "evict", words: []string{"evicted", "eviction", "evictions", "evicting"}},
	{canon: "lock", words: []string{"locks", "locked", "locking"}},
	{canon: "deadlock", words: []string{"deadlocks", "deadlocked"}},
	{canon: "rebalance", words: []string{"rebalances", "rebalanced", "rebalancing"}},
	{canon: "unhealthy", words: []string{"unhealthy", "unhealthyhostcount"}},
}

// phraseAliases are multi-word synonyms; the canonical token is attached to the
// phrase's last word.
var phraseAliases = []struct {
	canon  string
	phrase []string
}{
	{"oom", []string{"out", "of", "memory"}},
	{"oom", []string{"oom", "killed"}},
	{"oom", []string{"oom", "killer"}},
	{"loadbalancer", []string{"load", "balancer"}},
	{"loadbalancer", []string{"load", "balancers"}},
	{"timeout", []string{"timed", "out"}},
	{"timeout", []string{"time", "out"}},
	{"rollback", []string{"rolled", "back"}},
	{"rollback", []string{"roll", "back"}},
	{"rollback", []string{"rolling", "back"}},
	{"deploy", []string{"rolled", "out"}},
	{"deploy", []string{"shipped", "to", "production"}},
	{"ratelimit", []string{"rate", "limit"}},
	{"ratelimit", []string{"rate", "limited"}},
	{"ratelimit", []string{"rate", "limiting"}},
	{"ratelimit", []string{"rate", "limits"}},
	{"http5xx", []string{"internal", "server", "error"}},
	{"http5xx", []string{"bad", "gateway"}},
	{"http5xx", []string{"gateway", "timeout"}},
	{"http5xx", []string{"service", "unavailable"}},
}

var (
	wordAliases    = buildWordAliases()
	phraseAliasIdx = buildPhraseAliasIndex()
)

func buildWordAliases() map[string]alias {
	m := make(map[string]alias)
	for _, g := range aliasGroups {
		for _, w := range g.words {
			w = strings.ToLower(w)
			if w == g.canon {
				// The canonical word itself needs no alias.
				continue
			}
			m[w] = alias{canon: g.canon, replace: g.replace}
		}
	}
	return m
}

func buildPhraseAliasIndex() map[string][]int {
	m := make(map[string][]int)
	for i, p := range phraseAliases {
		m[p.phrase[0]] = append(m[p.phrase[0]], i)
	}
	return m
}

// attachPhraseAliases marks the last word of every multi-word synonym.
func attachPhraseAliases(toks []Token) {
	for i := range toks {
		for _, key := range [2]string{toks[i].S, toks[i].Alias} {
			if key == "" {
				continue
			}
			for _, pi := range phraseAliasIdx[key] {
				p := phraseAliases[pi].phrase
				if i+len(p) > len(toks) {
					continue
				}
				ok := true
				for k := 1; k < len(p); k++ {
					if !toks[i+k].Has(p[k]) {
						ok = false
						break
					}
				}
				if ok {
					last := &toks[i+len(p)-1]
					if last.PhraseAlias == "" && !last.Has(phraseAliases[pi].canon) {
						last.PhraseAlias = phraseAliases[pi].canon
					}
				}
			}
		}
	}
}
