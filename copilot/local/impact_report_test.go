package local_test

import (
	"strings"
	"testing"
)

// TestImpactParagraphAcrossAVoice: in a report's paragraph, the sentence that
// measures how the damage showed stays with the count even when a sentence that
// only voices the damage stands between them.
func TestImpactParagraphAcrossAVoice(t *testing.T) {
	src := `# The reindex that blocked payments

## What happened

At 14:10 the checkout latency graph went vertical. Payment requests were hanging for 20 seconds and then failing. Our support chat filled with people saying the results page stayed blank. Between 14:10 and 14:42 about 3,900 orders failed, around 60% of all attempts in that half hour.

## Why

A reindex job held a lock on the shard map.
`
	sum, _ := summaryAndFollowUps(t, "reindex-lock.md", src)
	imp := sum.Summary.Impact
	if !strings.Contains(imp, "3,900 orders failed") || !strings.Contains(imp, "hanging for 20 seconds") {
		t.Errorf("impact = %q, want the count and how the failure showed", imp)
	}
}
