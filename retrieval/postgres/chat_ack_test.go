package postgres_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// TestAckConnsServeAcceptOnly: after ReserveAckConns, AcceptChatEvent takes its
// connections from the reserved pool, already open, while the store's pool stays
// free for everything else; each phase of the acceptance is reported; a repeated
// event id is still stored once.
func TestAckConnsServeAcceptOnly(t *testing.T) {
	var (
		mu     sync.Mutex
		phases = map[string]int{}
	)
	s := newStoreWith(t, postgres.Options{MaxConns: 4, Redact: redact.String, RedactVersion: redact.Version,
		ObserveAck: func(phase string, d time.Duration) {
			mu.Lock()
			defer mu.Unlock()
			if d < 0 {
				t.Errorf("phase %s took %v", phase, d)
			}
			phases[phase]++
		}})
	ctx := context.Background()
	if err := s.ReserveAckConns(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if err := s.ReserveAckConns(ctx, 5); err != nil { // a second call changes nothing
		t.Fatal(err)
	}
	_, acks := s.PoolStat()
	if acks.MaxConns != 3 || acks.TotalConns != 3 {
		t.Fatalf("reserved pool: max %d, open %d; want 3 and 3 open before any event", acks.MaxConns, acks.TotalConns)
	}
	main0, acks0 := s.PoolStat()
	for i, id := range []string{"Ev1", "Ev2", "Ev1"} {
		ok, err := s.AcceptChatEvent(ctx, copilot.ChatEvent{ID: id, Kind: copilot.ChatKindEvent, Channel: "C1", Payload: []byte(`{"type":"message"}`)})
		if err != nil {
			t.Fatal(err)
		}
		if want := i < 2; ok != want {
			t.Errorf("event %d (%s) accepted %v, want %v", i, id, ok, want)
		}
	}
	main1, acks1 := s.PoolStat()
	if n := acks1.AcquireCount - acks0.AcquireCount; n != 3 {
		t.Errorf("reserved pool lent %d connections for 3 events, want 3", n)
	}
	if n := main1.AcquireCount - main0.AcquireCount; n != 0 {
		t.Errorf("the store's pool lent %d connections to acknowledgements, want 0", n)
	}
	if acks1.TotalConns != 3 {
		t.Errorf("reserved pool has %d connections, want 3", acks1.TotalConns)
	}
	mu.Lock()
	defer mu.Unlock()
	want := map[string]int{"begin": 3, "insert_event": 3, "insert_job": 2, "commit": 2}
	for p, n := range want {
		if phases[p] != n {
			t.Errorf("phase %s observed %d times, want %d (all: %v)", p, phases[p], n, phases)
		}
	}
	if _, err := s.ChatEvent(ctx, "Ev2"); err != nil {
		t.Errorf("Ev2 not stored: %v", err)
	}
}
