package evals

import "testing"

// TestDev44Corpus checks the dev set written on 2026-12-05 (twenty-ninth
// session, at its end) by four helpers who had read neither the engine nor any
// other set (evals/writers/README.md), after the session's rules were written, so
// that the next session's rules are judged on it: a water utility (a TLS-inspecting
// proxy's CA rotated while services bundle the old one, in a chat and a review; two
// telemetry gateways sharing one MQTT client id), a ticketing company (a per-pod
// connection pool times an autoscaler past the database's max_connections, in a
// chat and a postmortem; a queue pass signing key rotated while a cache kept the
// old keys), a freight broker (a local-time cron run twice or skipped on the
// clock-change night, in a chat and a postmortem; a slow external call inside a
// database transaction exhausting the pool) and an expense-card fintech (a
// vendor's 429s after a plan downgrade, made worse by retries without backoff, in
// a chat and a postmortem; an orphaned replication slot filling the ledger's
// disk). It was committed before the engine was run on it. It loads, is all dev,
// holds its four family pairs, and every labelled ts is a message of its incident.
func TestDev44Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev44", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 74, lookAlikes: 144,
	})
}
