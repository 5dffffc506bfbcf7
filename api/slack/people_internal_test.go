package slack

import (
	"testing"
	"time"
)

// TestNameCacheBounded: the cache keeps at most its size, dropping the least
// recently used name, and forgets names older than its TTL.
func TestNameCacheBounded(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	n := newNames(2, time.Hour)
	n.now = func() time.Time { return now }
	n.put("U1", "one")
	n.put("U2", "two")
	if _, ok := n.get("U1"); !ok { // U1 is now the most recent
		t.Fatal("U1 missing")
	}
	n.put("U3", "three")
	if _, ok := n.get("U2"); ok {
		t.Error("U2, least recently used, still cached over the bound")
	}
	for _, id := range []string{"U1", "U3"} {
		if _, ok := n.get(id); !ok {
			t.Errorf("%s dropped", id)
		}
	}
	if len(n.entries) != 2 || n.lru.Len() != 2 {
		t.Errorf("%d entries, %d in the list; want 2", len(n.entries), n.lru.Len())
	}
	now = now.Add(2 * time.Hour)
	if _, ok := n.get("U1"); ok {
		t.Error("a name older than the TTL is still served")
	}
}
