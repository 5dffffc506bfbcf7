package local

import "testing"

// In a wrap-up thread, a promise said in full after an idea was turned down is
// new work: it does not take the refused idea over and vanish with it. A
// fallback that names the refused idea's words ("then I'll at least make the
// alert fire sooner") stays that idea's.
func TestPromiseAfterARefusalInAThread(t *testing.T) {
	lines := []string{
		"ingrid: wrap-up in thread pls, action items there",
		"emre: maybe we also run IAM access analyzer in the pipeline for all buckets?",
		"ingrid: - not now, OPS-512 covers what bit us\n- analyzer was too noisy when we tried it in 2025",
		"ingrid: - I'll also put 'cdn 403 on dock config' into the dock runbook: revert policy -> invalidate /bundles/* -> cfg_refresh",
	}
	inc, _ := followUpsOf(t, lines...)
	root := ts(inc, 0)
	for i := 1; i < len(lines); i++ {
		inc.Messages[len(firefight)+i].ThreadTS = root
	}
	got := followUpsBySource(t, inc)
	if it, ok := got[ts(inc, 3)]; !ok || it.Owner != "ingrid" {
		t.Errorf("ingrid's runbook promise: %+v (found %v), want an item owned by ingrid", it, ok)
	}
	if it, ok := got[ts(inc, 1)]; ok {
		t.Errorf("the refused analyzer idea is an item: %+v", it)
	}
}
