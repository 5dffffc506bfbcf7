package local

import (
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// wantMitigationOpening checks that the mitigation of inc opens with want (lower case).
func wantMitigationOpening(t *testing.T, inc *copilot.Incident, want string) {
	t.Helper()
	if got := summarize(t, inc).Mitigation; !strings.HasPrefix(strings.ToLower(got), want) {
		t.Errorf("mitigation %q, want it to open with %q", got, want)
	}
}

// mitigatedAt is the index of the message the mitigation rules pick.
func mitigatedAt(t *testing.T, lines ...string) int {
	t.Helper()
	inc := chat(lines...)
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(inc)), used: map[string]bool{}}
	return b.mitigationIndex()
}

// A chat channel opens with the report of what is wrong, even when its words are
// no alert's: a step told after it is a response, not the history of the change,
// though the first alert word comes later still.
func TestChatStepAfterTheOpeningReportIsAResponse(t *testing.T) {
	lines := []string{
		"ana: nightly exports stuck for two hours, 400 files waiting",
		"ben: the scheduler launched every export twice after friday's config push",
		"ben: cancelled the duplicate export runs on worker-3",
		"ana: files arriving again, 40 left",
		"ben: I'll add an alert when an export waits more than an hour",
	}
	if got := mitigatedAt(t, lines...); got != 2 {
		t.Errorf("mitigated at %d, want 2 (the cancelled runs)", got)
	}
}

// An announcement led by "next" or a bare "going to" is the speaker's own step;
// its speaker's next message, however terse or passive, reports it in place.
func TestTerseReportOfAnAnnouncedStep(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		want  int
	}{
		{[]string{"kim: tile server answering 503 for every map request, cache hit ratio 0",
			"kim: the cdn origin shield was removed in the morning change",
			"kim: next: I'll put the origin shield back on the tile distribution",
			"kim: origin shield live on the tile distribution",
			"lee: maps loading for me", "kim: resolved"}, 2},
		{[]string{"raj: settlement files for three banks rejected since 06:00",
			"raj: the signing key of the file gateway expired at midnight",
			"raj: going to switch the gateway to the standby signing key",
			"raj: standby signing key in use on the gateway",
			"raj: banks accepting files again", "raj: resolved"}, 2},
	} {
		if got := mitigatedAt(t, tt.lines...); got != tt.want {
			t.Errorf("%q: mitigated at %d, want %d", tt.lines[2], got, tt.want)
		}
	}
	if !ownStepAnnounced("next i'll drain the queue on broker-2") || !ownStepAnnounced("going to pause the importer for tenant 4") {
		t.Error("an announcement led by 'next' or a bare 'going to' is an own step")
	}
}

// Where the mitigation is quoted from. A plan of two steps in sequence, answered
// by the report of the first, is quoted from the report: it names the step
// taken, the plan also the later one; so is such a plan told in the simple
// present, as a second language does. A step announced in its own words is
// quoted as announced, not borrowed from an earlier message sharing a word with
// it (the symptom told before it).
func TestMitigationQuoteOfAnnouncedSteps(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		want  string
	}{
		{[]string{"mo: builds not starting for any repo since 09:10",
			"mo: the token the runner uses was rotated at 09:00 but the runner caches it at start",
			"mo: next I'll restart the runner manager, then retrigger the queued builds",
			"mo: restarted the runner manager on ci-2, builds picking up again",
			"mo: resolved"}, "restarted the runner manager on ci-2"},
		{[]string{"pd: [FIRING] partner api signature errors 97%",
			"eva: the signing key of the api gateway expired at midnight",
			"eva: I issue a new key now, then I must send the new public key to the partners",
			"eva: new key loaded on api-gateway, public key sent to partners. signatures ok again",
			"eva: resolved"}, "new key loaded on api-gateway"},
		{[]string{"ida: shipment importer: each batch reprocessed 3-4 times since 10:05, duplicates in the ledger",
			"ida: no dedupe on the handler, every redelivery books again",
			"jo: we need to stop it first. ida?",
			"ida: pausing the importer",
			"ida: paused 11:31. no new duplicates",
			"jo: resolved"}, "pausing the importer"},
	} {
		wantMitigationOpening(t, chat(tt.lines...), tt.want)
	}
}

// A report's paragraphs are not turns: a plan ("We will move …") followed by
// another paragraph of the same heading is no step announced and reported.
func TestReportPlanParagraphsAreNoAnnouncedStep(t *testing.T) {
	inc := reportOf(
		"Introduction", "The shop was unreachable for two hours after the registrar put the domain on hold.",
		"Introduction", "We will move our production domains to a registrar account with auto-renew on a monitored card.",
		"Introduction", "We are adding an alert on the expiry and registry status of every domain we own.",
	)
	if got := summarize(t, inc).Mitigation; strings.Contains(got, "We will move") {
		t.Errorf("mitigation %q, want no plan quoted as the step", got)
	}
}

// A report's header field ("Status | Review complete") is no completion report,
// and a timeline row dated before its clock is a row like any other: the step
// after the row where someone reported the symptom is the mitigation.
func TestDatedTimelineRowsAndHeaderFields(t *testing.T) {
	inc := reportOf(
		"Introduction", "Severity | SEV2",
		"Introduction", "Status | Review complete",
		"Summary", "For three hours archived invoices were deleted minutes after upload.",
		"Timeline", "2026-05-04 09:58 | A retention rule meant for the scratch prefix applies to the whole invoices bucket",
		"Timeline", "2026-05-04 11:10 | Accountants report missing invoice PDFs",
		"Timeline", "2026-05-04 12:20 | On-call removes the retention rule from the invoices bucket; deletions stop",
		"Timeline", "2026-05-04 13:45 | Restore from versions completed. Incident resolved",
	)
	if got := summarize(t, inc).Mitigation; !strings.Contains(got, "removes the retention rule") {
		t.Errorf("mitigation %q, want the retention rule removed", got)
	}
}

// Which message the mitigation is, read along the timeline. A message that
// declares the end ("Resolved: …") opens with a participle like a step: it is
// the recovery after the step. "no more 429s" says the signal stopped; of the
// steps before it, one taken before the 429s were first told did not stop them.
func TestMitigationAlongTheTimeline(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		want  int
	}{
		{[]string{"pd: [FIRING] kiosk print queue age > 10m",
			"lu: print-router pool full since the 11:20 deploy, every job waits on the licence call",
			"lu: going to roll back print-router now",
			"lu: rolled back to 3.4.1, waiting jobs dropping",
			"mia: Resolved: all 40 kiosks printing, queue drained."}, 2},
		{[]string{"kai: reminder sms for 30k renewals about to go, the sender shows a big failure rate. pausing the reminder job first",
			"kai: reminder job paused",
			"ola: every send answers `429 too_many_requests` from the sms vendor, we push 90 msg/s and our plan allows 40",
			"ola: cut the sender to 4 threads",
			"ola: no more 429s, ~35 msg/s",
			"kai: numbers: 11,200 sends rejected between 08:00 and 08:40"}, 3},
	} {
		if got := mitigatedAt(t, tt.lines...); got != tt.want {
			t.Errorf("%q: mitigated at %d, want %d", tt.lines[tt.want], got, tt.want)
		}
	}
}

// A prose report tells the damage before any alert word, then the step in an
// irregular past after its doer and the recovery after it: that sentence is the
// mitigation, not the finding before it in the same paragraph.
func TestProseReportStepInAnIrregularPast(t *testing.T) {
	inc := reportOf(
		"Introduction", "On Monday the booking site was unreachable for most visitors for 90 minutes, from 09:10 to 10:40 UTC.",
		"Introduction", "Our TLS certificate was revoked by the issuer at 09:10 because the account's validation contact had been removed.",
		"Introduction", "At 09:30 our on-call engineer found the revocation notice from the issuer in the certificate transparency log and in the issuer's account portal. We paid the overdue invoice with a company card at 09:45 and the issuer reinstated the certificate at 10:05. Browsers picked the certificate back up within minutes and by 10:40 bookings were back to normal.",
		"Introduction", "We are adding an alert on the status of every certificate we own.",
	)
	wantMitigationOpening(t, inc, "we paid the overdue invoice")
}
