package evals

import "testing"

// TestDev71Corpus checks the dev set written on 2026-12-07 (forty-second
// session, after dev70 was committed and before it was read) by four helpers
// who had read neither the engine nor any other set (evals/writers/README.md),
// so that the readings the session takes from dev70 are judged on writers they
// were not tuned on: a container port terminal (an id sequence left behind the
// highest row after a migration or restore, so inserts collide or overwrite
// old records, in a chat and a postmortem; a pinned key rotated by a
// certificate renewal), a university exam platform (a per-IP rate limit
// blocking whole halls behind one shared address, in a chat and a postmortem;
// a sign-on certificate rotation that services had pinned), an event-venue
// marketplace (latitude and longitude swapped by a feed or a GeoJSON reader,
// in a chat and a postmortem; a webhook signing secret rotated out of step)
// and an e-scooter operator (a fixed-size counter wrapping, in a chat and a
// postmortem; a zone polygon drawn the wrong way round). One writer printed
// the first lines of evals/writers/listts/main.go, a header comment saying what
// the command prints, and read no engine code. It was committed before the
// engine was run on it. It loads, is all dev, holds its four family pairs, and
// every labelled ts is a message of its incident.
func TestDev71Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev71", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 74, lookAlikes: 145,
	})
}
