package local

import (
	"strings"
	"testing"
)

// Four ways of saying there is no work, read from dev55: a report's paragraph
// that says in its next sentence the idea will not be done, or that ends by
// saying no more work is needed; a reply whose reasons against an idea close
// on a bare "no"; a request to be sent something that exists.
func TestNoWorkSaidFresh55(t *testing.T) {
	readingTests{
		{"We also looked at raising the heap from 2 GB to 4 GB. We are not doing this; with the cache bounded the service uses under 600 MB.", true},
		{"Moving the topic was raised. We will not do this: the topic is shared.", true},
		{"Ravi checked the other backends: they check on their traffic ports, so no further change is needed there.", true},
		{"We will add a second health check on the traffic port.", false},
		{"Raising the heap to 4 GB is not needed; we will bound the cache instead.", false},
	}.check(t, "dropped", dropped)
	readingTests{
		{"pinning would have made today worse, every rotation would need an app release. no", true},
		{"not during exam season, and the review took eight months last time. no.", true},
		{"also keep a small on-demand base permanently. the 10 from today could just stay, no?", false},
		{"i'll add a pinning check to the release pipeline", false},
	}.check(t, "bareRefusal", func(s string) bool { return bareRefusal(lowerClean(s)) })
	readingTests{
		{"gethin can you send me the list of the 118 for the audit file? just today's", true},
		{"@sepp could you share us the rejected card numbers", true},
		{"can you add an alert on the audit file size?", false},
		{"can someone send the customers an apology", false},
	}.check(t, "handOver", func(s string) bool { return handOver(lowerClean(s)) })

	for path, text := range map[string]string{
		"dev55/postmortems/ld-pm-policy-docs-heap-exhaustion.md": "cache bounded the service uses",
		"dev55/postmortems/la-pm-fare-gateway-ping-port.md":      "no further change is needed",
		"dev55/documents/lb-driver-routes-cert-expiry.json":      "pinning would have made today worse",
		"dev55/documents/la-telematics-tsdb-disk-full.json":      "send me the list",
	} {
		found := false
		for _, f := range followUpTexts(t, devDocument(t, path)) {
			if strings.Contains(strings.ToLower(f.Text), strings.ToLower(text)) {
				t.Errorf("%s: follow-up %q, which says there is no work", path, f.Text)
			}
			found = true
		}
		if !found {
			t.Errorf("%s: no follow-up at all; the document has others", path)
		}
	}
}

// Updating a meeting or an audience is telling ("thanks all, i'll update the
// 8am ops call"); writing up what the message named before is that work, and
// paperwork only when it is the incident's own report.
func TestTellAndWriteItUpFresh55(t *testing.T) {
	readingTests{
		{"thanks all, i'll update the 8am ops call", true},
		{"don't know yet, will update in this thread", true},
		{"i'll update the runbook with the failover steps", false},
		{"i'll update the pool config for all regions", false},
	}.check(t, "onlyTells", func(s string) bool { return onlyTells(lowerClean(s)) })
	readingTests{
		{"4) runbook page for 'haproxy backend all down': look at L7TOUT vs L7STS first, curl the app directly, swap the check to /ping. I'll write it up by end of next week", false},
		{"thanks all. I'll write it up tonight", true},
		{"I'll write the postmortem by friday", true},
	}.check(t, "paperwork", func(s string) bool { return paperwork(lowerClean(s)) })

	got := followUpTexts(t, devDocument(t, "dev55/documents/lb-driver-routes-cert-expiry.json"))
	for _, f := range got {
		if strings.Contains(f.Text, "ops call") {
			t.Errorf("follow-up %q, which tells a meeting", f.Text)
		}
	}
	if _, ok := followUpsBySource(t, devDocument(t, "dev55/documents/la-rtpi-health-check-timeout.json"))["1773142330.008104"]; !ok {
		t.Errorf("the runbook page kofi will write up by end of next week is no item")
	}
}
