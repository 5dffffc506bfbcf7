package local

import (
	"strings"
	"testing"
)

// A message that opens by asking for a fact, or for the speaker's leave to tell
// someone something, proposes no work; the questions that propose by asking do.
func TestInfoQuestionProposesNothing(t *testing.T) {
	readingTests{
		{"how many sites? ravi needs to know if the 10:00 settlement run is in trouble", true},
		{"what exactly was visible? privacy needs a list", true},
		{"can i tell the sas station manager its fixed?", true},
		{"can i tell customers its fixed? should they just retry the card?", true},
		{"so why did only the second pod crash?", true},
		{"do we need to report this to patient safety?", true},
		{"do we owe the council a report on this? 312 wrong tickets will hit the local news", true},
		{"do we need an alert on replica lag?", false},
		{"are we required to tell the regulator within 72h?", true},
		{"what about capping the pool per pod so scaling out doesnt multiply db conns?", false},
		{"why don't we page on the dlq depth?", false},
		{"how about a synthetic check on the login flow?", false},
		{"why did nothing alert on this? we need an alert on consumer lag", false},
		{"should we tell support earlier next time?", false},
		{"can someone own the cert inventory?", false},
	}.check(t, "infoQuestion", func(s string) bool { return infoQuestion(lowerClean(s)) })
	// The last two are taken up ("i'll handle the council side", "yes, i'll log
	// it in the incident reporting system"): the answer to whether something is
	// owed is a one-off, not an item the question becomes.
	for path, text := range map[string]string{
		"dev47/documents/tc-scale-relay-cert-expired.json":        "how many sites?",
		"dev53/documents/nc-baggage-mq-disk-alarm.json":           "can i tell the SAS station manager",
		"dev50/documents/qa-handheld-firmware-utc-citations.json": "do we owe the council",
		"dev54/documents/mc-critical-notify-cert-expiry.json":     "do we need to report this",
	} {
		for _, f := range followUpTexts(t, devDocument(t, path)) {
			if strings.Contains(strings.ToLower(f.Text), strings.ToLower(text)) {
				t.Errorf("%s: follow-up %q, a question for a fact or for leave to tell", path, f.Text)
			}
		}
	}
}
