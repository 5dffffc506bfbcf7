package local

import (
	"strings"
	"testing"
)

// From dev42 (judged on dev43): a check written as "still not in search" reports
// the symptom, not a step; "the new one shows up now, but the old ones still
// don't" is a partial recovery, not a failed step; and a step written with its
// failed result after an arrow did not help.
func TestFresh42NoHelpForms(t *testing.T) {
	for _, s := range []string{
		"saved a test invoice in the demo tenant, still not in search after 5 min",
		"re-sent the delivery webhook from the vendor console -> 'delivery failed'",
		"retried the export => connection refused",
	} {
		if !reportsNoHelp(tagsOf(s)) {
			t.Errorf("%q not read as no help", s)
		}
	}
	for _, s := range []string{
		"test invoice shows up now, but the ones from this morning still doesnt",
		"queue 900 -> 420 -> 80. ok now",
		"still not sure why it started",
	} {
		if reportsNoHelp(tagsOf(s)) {
			t.Errorf("%q read as no help", s)
		}
	}
	// The chat: a restart that did not help, a test that still fails, then the
	// space freed, the block lifted and a partial recovery before the replay.
	if got := mitigationIndexOf(
		"[TRIGGERED] search not returning new documents",
		"restarting the indexer deployment, 3 pods",
		"saved a test doc, still not in search after 3 min",
		"restart did not help",
		"data node at 96%, the old index is still there. deleting the old index now",
		"DELETE old index done. node at 61%",
		"cleared the read_only_allow_delete block on the live index",
		"test doc shows up now, but the henderson doc from this morning still doesnt",
		"replay done, 1,200/1,200 indexed. all found",
	); got != 4 && got != 5 {
		t.Errorf("mitigated at %d, want 4 or 5 (the old index deleted, announced or reported)", got)
	}
}

// A cause told with a word of success ("pod B does SET NX, it succeeds and both
// charge") is the finding, not a step checked done.
func TestFindingWithSuccessWordIsNoStep(t *testing.T) {
	if got := mitigationIndexOf(
		"[FIRING] capture count 3x baseline",
		"restarting the worker to clear its state",
		"restart didn't help, the next batch also got picked twice",
		"redis at maxmemory, evicted_keys climbing, policy allkeys-lru",
		"oh no. so the lock key gets evicted while pod A works the batch, pod B does SET NX, it succeeds and both charge",
		"stop the bleeding first pls",
		"pausing retries: flag retries.enabled=false and scaling the worker to 1",
		"no new captures in the last 7 min",
	); got != 6 {
		t.Errorf("mitigated at %d, want 6 (retries paused)", got)
	}
}

// A review's timeline: a pool raised that did not help, then reverted (the undo
// is written noun first), then an index created with a statement run by name.
// The index is the mitigation, not the revert.
func TestRevertOfFailedTryAndStatementRun(t *testing.T) {
	if !timelineAction(tagMessage(0, timelineRows("21:26 | Joana runs CREATE INDEX CONCURRENTLY ix_a ON lines (week, sku).").Messages[0])) {
		t.Error("a CREATE INDEX run not read as a step")
	}
	if timelineAction(tagMessage(0, timelineRows("21:20 | Joana runs EXPLAIN on the slow query.").Messages[0])) {
		t.Error("an EXPLAIN run read as a step")
	}
	inc := timelineRows(
		"18:22 | Alert: api 5xx rate above 5%.",
		"19:05 | app db pool raised from 20 to 40 per pod. DB CPU goes from 92% to 100%; no improvement.",
		"19:20 | Pool change reverted.",
		"20:14 | Joana confirms the index is missing in prod.",
		"21:26 | Joana runs CREATE INDEX CONCURRENTLY ix_a ON lines (week, sku).",
		"21:41 | Index build finished. DB CPU drops to 31%; the query is back to 5 ms.",
	)
	b := &summaryBuilder{lc: analyzeLifecycle(sortedMessages(inc)), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 4 {
		t.Errorf("mitigated at %d, want 4 (the index created)", got)
	}
	// The same undo written verb first: the row's clock names no part of it.
	inc.Messages[2].Text = "19:20 | Rolled the pool back to 20."
	b = &summaryBuilder{lc: analyzeLifecycle(sortedMessages(inc)), used: map[string]bool{}}
	if got := b.mitigationIndex(); got != 4 {
		t.Errorf("verb first: mitigated at %d, want 4 (the index created)", got)
	}
	// "flipping the acquirer back" names its step after the verb: the noun-first
	// reading does not take "flipping" for what was undone.
	if undonePastRE.MatchString("flipping the acquirer back") {
		t.Error("an undo in the progressive read as noun first")
	}
}

// A report's paragraph that quotes the failure a system returned ("came back with
// HTTP 403 cluster_block_exception … marked the entries as synced anyway") tells
// the damage; its completion word is no step done.
func TestFailureTextIsNoCompletion(t *testing.T) {
	s := summarize(t, reportOf(
		"Summary", "From 02:13 on Sunday until 15:40 on Tuesday, hours recorded in the time system never reached the billing index, so pre-bills showed no new time.",
		"What happened", "Disk on es-3 crossed the flood-stage watermark at 02:13 and the index was made read-only.",
		"What happened", "From then on every bulk request from the sync worker came back with HTTP 403 cluster_block_exception. The worker logged these at WARN and marked the entries as synced anyway.",
		"Recovery", "At 13:10 Dana deleted the old log indices by hand. At 13:55 she removed the read-only block, and indexing resumed at 13:57.",
	))
	if strings.Contains(s.Mitigation, "synced anyway") || s.Mitigation == "" {
		t.Errorf("mitigation %q, want the recovery steps", s.Mitigation)
	}
}

// The amount a step added, told in a clause after it ("extending the data disk
// first, vSphere +500G on hist-db-01"), is part of the step; a check after a
// step is still clipped.
func TestStepAmountClauseKept(t *testing.T) {
	if got := clipTrailingClauses("Extending the data disk first, vSphere +500G on hist-db-01.", isActionClause); !strings.Contains(got, "+500G") {
		t.Errorf("clipped to %q", got)
	}
	if got := clipTrailingClauses("Restarted ci-dispatcher, new pushes trigger again.", isActionClause); strings.Contains(got, "again") {
		t.Errorf("the check kept: %q", got)
	}
}

// "+1" after a step agrees with someone; it is no amount the step added.
func TestPlusOneIsNoStepAmount(t *testing.T) {
	if stepAmountRE.MatchString("+1 from me") || !stepAmountRE.MatchString("scaled out +2 replicas") {
		t.Error("stepAmountRE misreads '+1 from me' or '+2 replicas'")
	}
}
