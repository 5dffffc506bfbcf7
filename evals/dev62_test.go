package evals

import "testing"

// TestDev62Corpus checks the dev set written on 2026-12-07 (thirty-ninth
// session, at its start) by four helpers who had read neither the engine nor
// any other set (evals/writers/README.md), commissioned before dev61 was read
// so that the readings the session takes from dev60 and dev61 are judged on
// writers they were not tuned on: a podcast hosting platform (a reindex whose
// alias swap pointed live search at an empty or half-built index, in a chat
// and a postmortem; a deploy that held a database connection per auction), a
// parcel locker network (a credential rotated in the secret store while a
// hand-made Kubernetes secret and a cron host kept the old one, in a chat and
// a postmortem; a retired connector's replication slot filling the disk), a
// language-learning app (a memory leak brought in by a dependency upgrade, pods
// OOMKilled in waves, in a chat and a postmortem; a migration's lock queued
// behind an export) and a payroll provider (an SPF record overwritten by a
// vendor's verification record and a DKIM key dropped in a DNS migration, so
// mail failed DMARC, in a chat and a postmortem; a bank-file job scheduled at a
// local time that did not exist on the spring-forward night). It was committed
// before the engine was run on it. It loads, is all dev, holds its four family
// pairs, and every labelled ts is a message of its incident.
func TestDev62Corpus(t *testing.T) {
	checkFollowUpSummaryDevSet(t, "testdata/dev62", devSetCounts{
		incidents: 12, documents: 8, postmortems: 4, pairs: 4, followUps: 76, lookAlikes: 147,
	})
}
