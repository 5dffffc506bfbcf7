package text

import "sync"

// Memo remembers what was computed of up to max texts (keys), for work that is
// asked of the same texts again and again: tagging a message for the summary, the
// follow-ups and the runbook; the terms of a chunk line for every search that
// cites it. What it holds is shared, so callers only read it. It is emptied when
// full. A Memo is safe for concurrent use.
type Memo[V any] struct {
	mu  sync.Mutex
	m   map[string]V
	max int
}

// NewMemo returns a Memo that holds at most max keys.
func NewMemo[V any](max int) *Memo[V] {
	return &Memo[V]{m: map[string]V{}, max: max}
}

// Get returns the value remembered for key, or computes it, remembers it and
// returns it.
func (c *Memo[V]) Get(key string, compute func() V) V {
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
