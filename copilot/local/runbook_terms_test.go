package local

import (
	"context"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// kinshipIncidents: a settlement queue stuck behind a poison message, and past
// incidents the search could return for it: the nearest shares the failure concept
// (a queue backlog) and the generic words but not the mechanism, the second is the
// same failure told in other words, the others are unrelated.
func kinshipIncidents() (query *copilot.Incident, past []*copilot.Incident) {
	query = synthetic("INC-Q",
		"bot> [FIRING] SettlementQueueBacklog: settlement-queue depth 48k and growing",
		"ana: consumers are up but the queue backlog keeps growing, acks stopped at 09:58",
		"ben: settlement-consumer logs show the same message redelivered, deserialization error on payload schema v7",
		"ana: so one poison message is blocking the ordered partition, every retry nacks it back to the head",
		"ben: who publishes schema v7? the ledger-export team shipped a producer change this morning",
		"ana: impact: merchant payouts delayed, settlement reports stale since 09:58")
	nearest := synthetic("INC-A",
		"bot> [FIRING] EmailQueueBacklog: email-sender queue depth 90k",
		"cai: the marketing blast went out at 08:00, the queue backlog is just volume",
		"cai: consumers healthy, each worker at 100% cpu, no errors",
		"dan: scaled email-sender workers from 10 to 40 replicas",
		"cai: queue draining, 20k left",
		"dan: resolved, backlog cleared")
	same := synthetic("INC-B",
		"bot> [FIRING] SettlementQueueBacklog: settlement-queue depth 12k",
		"eve: queue backlog again, consumer stuck on one message, deserialization error, unknown field in the payload schema",
		"fay: a poison message from the ledger-export producer; redelivered forever, it blocks the ordered partition",
		"fay: moved the poison message to the dead-letter queue with the admin tool",
		"eve: acks flowing again, queue draining, payouts catching up",
		"fay: resolved")
	other1 := synthetic("INC-C",
		"bot> [FIRING] ApiLatency: checkout p99 4s",
		"gus: dns lookups for the payments host time out, servfail from the resolver",
		"gus: restarted coredns pods",
		"hal: resolved")
	other2 := synthetic("INC-D",
		"bot> [FIRING] CertExpiry: partner gateway certificate expired",
		"ida: x509: certificate has expired for the partner gateway",
		"ida: renewed the certificate and reloaded the gateway",
		"jon: resolved")
	return query, []*copilot.Incident{nearest, same, other1, other2}
}

func TestKinshipPrefersTheIncidentSayingTheQuerysRareWords(t *testing.T) {
	query, past := kinshipIncidents()
	kin := kinship(query, past)
	if len(kin) != len(past) {
		t.Fatalf("kinship = %v, want one score per past incident", kin)
	}
	for i, k := range kin {
		if i != 1 && k >= kin[1] {
			t.Errorf("%s scores %.3f, not below the same failure told otherwise (%.3f)", past[i].ID, k, kin[1])
		}
	}
	if kin[0] >= nearBestKinship*kin[1] {
		t.Errorf("the backlog of another cause scores %.3f, within reach of the same failure (%.3f)", kin[0], kin[1])
	}
	// An incident that is only its alert gives no ground to compare on.
	if got := kinship(synthetic("INC-NEW", "bot> [FIRING] SettlementQueueBacklog"), past); got != nil {
		t.Errorf("kinship of a one-line incident = %v, want nil", got)
	}
}

func TestRunbookLendsOnlyFromTheKinIncident(t *testing.T) {
	query, past := kinshipIncidents()
	ans, err := New(nil).Runbook(context.Background(), query, past, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ans.Steps) == 0 {
		t.Fatal("no steps: the poison-message incident should lend its fix")
	}
	for _, s := range ans.Steps {
		for _, src := range s.Sources {
			if src.IncidentID != "INC-B" {
				t.Errorf("step %q comes from %s, not from the incident of the same failure", s.Text, src.IncidentID)
			}
		}
	}
}
