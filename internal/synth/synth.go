// Package synth generates large synthetic incident sets for benchmarks. The text is
// assembled from incident-channel fragments so that chunking, embedding and full-text
// indexing do the work they do on real transcripts; it is never used for quality.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

var (
	services = []string{"checkout-api", "orders", "payments", "search", "auth", "gateway", "inventory", "notifications", "billing", "ledger", "cart", "profile"}
	people   = []string{"maria.k", "dpatel", "sam", "jo", "lee.w", "alex", "priya", "tom.b", "nina", "oncall-bot"}
	symptoms = []string{
		"5xx rate on %s jumped to 14%%", "p99 latency on %s over 4s", "%s pods in CrashLoopBackOff",
		"customers report timeouts on %s", "alert: %s error budget burn 10x", "health checks failing for %s",
		"%s consumer lag growing, 2M messages behind", "%s returning 502 from the ingress",
	}
	causes = []string{
		"FATAL: sorry, too many clients already", "HikariPool-1 - Connection is not available, request timed out after 30000ms",
		"x509: certificate has expired or is not yet valid", "No space left on device on /var/lib/postgresql",
		"OOMKilled, exit code 137", "dial tcp: lookup %s.svc.cluster.local: no such host", "OOM command not allowed when used memory > 'maxmemory'",
		"upstream connect error or disconnect/reset before headers", "CommitFailedException: the group has already rebalanced",
		"429 Too Many Requests from the provider", "node NotReady, PLEG is not healthy", "config push at 10:02 changed the timeout to 0",
	}
	triage = []string{
		"looking", "ack, on it", "I'll grab the logs", "checking the dashboards now", "anyone deployed %s recently?",
		"paging the owner of %s", "seeing the same in eu-west", "it's not the cdn, origin is slow", "grafana link: https://grafana.example.com/d/%s",
	}
	mitigations = []string{
		"rolling back %s to the previous release", "restarting %s pods in batches", "scaled %s from 6 to 12 replicas",
		"raised max_connections and recycled the pool", "failed over to the replica", "deleted old indices, disk at 61%%",
		"renewed the cert and reloaded", "flushed the cache keys with the bad ttl",
	}
	resolutions = []string{"error rate back to baseline", "resolved, graphs normal", "all green, closing", "recovered, monitoring for 30m"}
	followups   = []string{
		"we should add an alert on %s saturation", "action item: runbook for %s failover", "TODO: load test %s before the next sale",
		"can we get a dashboard for %s pool usage?", "next time we need the rollback to be one command", "nothing paged us until customers complained",
	}
)

// Incidents returns n incidents of about msgsPer messages each, deterministically from seed.
func Incidents(n, msgsPer int, seed uint64, idPrefix string) []*copilot.Incident {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*copilot.Incident, n)
	for i := range out {
		svc := services[r.IntN(len(services))]
		start := base.Add(time.Duration(r.IntN(600*24)) * time.Hour)
		cause := causes[r.IntN(len(causes))]
		inc := &copilot.Incident{
			ID: fmt.Sprintf("%s-%06d", idPrefix, i), Title: fmt.Sprintf(symptoms[r.IntN(len(symptoms))], svc),
			Severity: fmt.Sprintf("SEV%d", 1+r.IntN(4)), Status: "resolved", Visibility: copilot.VisibilityPublic,
			Services: []string{svc}, Team: "team-" + svc, StartedAt: start, Source: copilot.SourceDocument,
		}
		if r.IntN(10) == 0 {
			inc.Visibility = copilot.VisibilityPrivate
		}
		t := start
		for j := 0; j < msgsPer; j++ {
			t = t.Add(time.Duration(20+r.IntN(240)) * time.Second)
			var text string
			switch phase := j * 5 / msgsPer; {
			case j == 0:
				text = inc.Title
			case phase <= 1:
				text = pick(r, triage, svc)
				if r.IntN(3) == 0 {
					text += " — seeing `" + strings.ReplaceAll(cause, "%s", svc) + "`"
				}
			case phase == 2:
				text = pick(r, mitigations, svc)
			case phase == 3:
				text = pick(r, resolutions, svc)
			default:
				text = pick(r, followups, svc)
			}
			p := people[r.IntN(len(people))]
			inc.Messages = append(inc.Messages, copilot.Message{TS: copilot.FormatTS(t.Add(time.Duration(j) * time.Microsecond)), User: "U" + p, UserName: p, Text: text})
		}
		inc.ResolvedAt = t
		out[i] = inc
	}
	return out
}

func pick(r *rand.Rand, list []string, svc string) string {
	s := list[r.IntN(len(list))]
	if strings.Contains(s, "%s") {
		return fmt.Sprintf(s, svc)
	}
	return strings.ReplaceAll(s, "%%", "%")
}
