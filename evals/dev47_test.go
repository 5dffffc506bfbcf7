package evals

import "testing"

// TestDev47Corpus checks the dev set written on 2026-12-06 (thirty-second
// session, at its start) by four helpers who had read neither the engine nor any
// other set (evals/writers/README.md), so that the rules the session takes from
// dev46 are judged on writers they were not tuned on: a ferry operator (a
// configuration key misspelled or renamed and silently ignored, so a default
// applied, in a chat and a postmortem; an expired client certificate for manifest
// uploads), a university's exam platform (an OpenSSL 3 upgrade dropping TLS 1.0
// that a partner API and exam-hall kiosks still needed, in two chats; a deadline
// form converting with the wrong daylight-saving offset), a grain cooperative (an
// amount's unit changed between two systems, cents against dollars, in a chat and
// a postmortem; a hand-renewed certificate expiring at the scale houses) and a
// city transit authority (clients left on the demoted, read-only primary after a
// database failover, in two chats; fare-card readers' client certificates
// expiring). It was committed before the engine was run on it. It loads, is all
// dev, holds its four family pairs, and every labelled ts is a message of its
// incident.
func TestDev47Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev47", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 74, lookAlikes: 152,
	})
}
