package text_test

import (
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

func TestMemoComputesOnceAndStaysBounded(t *testing.T) {
	m := text.NewMemo[string, int](2)
	calls := 0
	get := func(k string) int {
		return m.Get(k, func() int { calls++; return len(k) })
	}
	first, again := get("abc"), get("abc")
	if first != 3 || again != 3 || calls != 1 {
		t.Errorf("the same key computed %d times, want once", calls)
	}
	get("de")
	get("fghi") // full: emptied, then holds fghi
	if get("fghi") != 4 || calls != 3 {
		t.Errorf("calls = %d after a third key, want 3", calls)
	}
	if get("abc") != 3 || calls != 4 {
		t.Errorf("calls = %d: a key from before the memo was emptied came back remembered", calls)
	}
}
