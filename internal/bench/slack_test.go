package bench

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/internal/dbtest"
)

// TestRunSlackSmall: a bounded run through the real handler, store and river
// workers acknowledges every event, and every event (Slack's retries included)
// gets exactly one reply. No timing is asserted.
func TestRunSlackSmall(t *testing.T) {
	url := dbtest.URL(t)
	schema := testSchema("slack")
	rep, err := RunSlack(context.Background(), SlackConfig{DatabaseURL: url, Schema: schema, Events: 50, Rate: 200, RetryEvery: 5,
		Command: "copilot bench slack --events 50"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Acked != 50 || rep.Refused != 0 {
		t.Fatalf("acked %d refused %d (%v), want 50 and 0", rep.Acked, rep.Refused, rep.FirstErrors)
	}
	if rep.Retries != 10 {
		t.Errorf("retries sent %d, want 10", rep.Retries)
	}
	if rep.Worked != 50 || rep.Lost != 0 || rep.Duplicates != 0 {
		t.Fatalf("worked %d lost %d duplicates %d, want 50, 0, 0", rep.Worked, rep.Lost, rep.Duplicates)
	}
	if rep.Ack.N != 60 {
		t.Errorf("ack samples %d, want 60", rep.Ack.N)
	}
	// Every request passes verify, mask and store; the 50 new events reach the
	// job insert and the commit, the 10 retries stop at the duplicate insert.
	for phase, n := range map[string]int{"verify": 60, "mask": 60, "store": 60, "begin": 60, "insert_event": 60, "insert_job": 50, "commit": 50} {
		if got := rep.Phases[phase].N; got != n {
			t.Errorf("phase %s: %d samples, want %d", phase, got, n)
		}
	}
	if rep.AckPool == nil || rep.AckPool.Acquires != 60 || rep.AckPool.MaxConns != 8 {
		t.Errorf("ack pool %+v, want 60 acquires of 8 reserved connections", rep.AckPool)
	}
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil || !strings.Contains(b.String(), "| 50 | 200 | 10 | 50 | 0 |") ||
		!strings.Contains(b.String(), "| insert_job | 50 |") || !strings.Contains(b.String(), "load average") {
		t.Errorf("table %q (%v)", b.String(), err)
	}
	if schemaExists(t, url, schema) {
		t.Errorf("schema %s left behind", schema)
	}
}

func TestSlackBenchRefusesRemoteTargets(t *testing.T) {
	for _, u := range []string{"http://10.0.0.1:8080", "https://copilot.example.com", "ftp://127.0.0.1"} {
		if _, err := SendSlackEvents(context.Background(), SlackTarget{URL: u}, SlackConfig{Events: 1}, nil); err == nil {
			t.Errorf("%s: accepted", u)
		}
	}
}
