package text

import "sync"

// Memo remembers what was computed for up to max keys, for work that is asked of
// the same input again and again: tagging a message for the summary, the
// follow-ups and the runbook; what the runbook reads of a past incident; the terms
// of a chunk line for every search that cites it. What it holds is shared, so
// callers only read it. It is emptied when full, which is cheap next to keeping an
// LRU. A Memo is safe for concurrent use.
type Memo[K comparable, V any] struct {
	mu  sync.Mutex
	m   map[K]V
	max int
}

// NewMemo returns a Memo that holds at most max keys.
func NewMemo[K comparable, V any](max int) *Memo[K, V] {
	return &Memo[K, V]{m: map[K]V{}, max: max}
}

// Get returns the value remembered for key, or computes it, remembers it and
// returns it.
func (c *Memo[K, V]) Get(key K, compute func() V) V {
	c.mu.Lock()
	v, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	c.mu.Lock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[key] = v
	c.mu.Unlock()
	return v
}
