package local

import "testing"

// Naming the next event in a statement tells when a risk strikes; a sentence that
// wants or orders something about it proposes.
func TestNextEventInAStatement(t *testing.T) {
	for low, want := range map[string]bool{
		"only chat-db failed over today, but the others are exposed on their next failover": true,
		"the same expiry hits us again on the next rotation":                                true,
		"before the next failover we pin the dns ttl":                                       false,
		"we should pin the ttl for the next failover":                                       false,
		"pin the ttl before the next release":                                               false,
		"next time, page the db team":                                                       false,
		"nothing about the future here":                                                     false,
	} {
		if got := nextEventOnly(low); got != want {
			t.Errorf("nextEventOnly(%q) = %v, want %v", low, got, want)
		}
	}
	inc, got := followUpsOf(t,
		"kenji: That is the root cause. With networkaddress.cache.ttl=-1 a lookup is cached for the lifetime of the JVM, so the DNS update is invisible to every pod. Only chat-db failed over today, but the others are exposed on their next failover.",
		"jules: mitigated, resolved.",
		"kenji: I'll open a PR for jvm-base to set networkaddress.cache.ttl=30 before the next failover",
	)
	if _, ok := got[ts(inc, 0)]; ok {
		t.Errorf("the root-cause statement is listed as a follow-up")
	}
	if _, ok := got[ts(inc, 2)]; !ok {
		t.Errorf("the promise to fix it before the next failover is missing")
	}
}
