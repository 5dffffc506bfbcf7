package local

import "testing"

// Cleaning up what a test left behind is a chore of the hours after; removing an
// old thing that still does harm, or cleaning up by building something, is work
// that lasts.
func TestLeftoverCleanupIsNoFollowUp(t *testing.T) {
	for low, want := range map[string]bool{
		"i will clean the old replicaset and the pending pods from my scaling test, they are still in the namespace.": true,
		"i'll delete the temp buckets from yesterday's load test":                                                     true,
		"i'll remove the old cert-expiry cron on bastion, it mails to a dead list":                                    false,
		"i'll add a cleanup job that deletes pending pods from our load tests every night":                            false,
		"i'll add an alert on pending pods":                                                                           false,
	} {
		if got := leftoverOnly(low); got != want {
			t.Errorf("leftoverOnly(%q) = %v, want %v", low, got, want)
		}
	}
}
