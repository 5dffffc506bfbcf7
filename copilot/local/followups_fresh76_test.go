package local

import (
	"fmt"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Readings from dev76 once dev77 was in place.

// A quoted name ("a zendesk macro for 'speaking temporarily unavailable'") says
// what the thing will say, not when its writer acts: the promise stands. The
// same word said of the writer's own step keeps it a stopgap.
func TestQuotedNameIsNoTiming(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"dana: i'll add a zendesk macro for 'speaking temporarily unavailable' so we're not writing it live next time",
		"rafa: i'll temporarily pin the scoring pods to the old node pool",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
	// Said while the incident still runs.
	inc = chat(
		"ana: speaking exercises failing since 09:55",
		"rafa: scoring vendor cert expired, renewing",
		"rafa: renewed, scores flowing",
		"kofi: watching error rate",
		"dana: i'll add a zendesk macro for 'speaking temporarily unavailable' so we're not writing it live next time",
		"rafa: i'll temporarily pin the scoring pods to the old node pool",
		"ana: resolved",
	)
	wantFollowUpLines(t, inc, followUpsBySource(t, inc), true, false)
	if got := withoutNames(`a macro for 'speaking temporarily unavailable', don't "for now" it`); got != `a macro for  don't   it` {
		t.Errorf("withoutNames = %q", got)
	}
}

// What support staff paste or read out (a help-desk macro, a KB article) is a
// deliverable of its own kind: a ticket that makes one change (refund a batch,
// hold the auto-return) is not the promise to write about it, even where the
// item names the change ("the 'charged twice' macro + refund timeline").
func TestSupportContentIsNotTheChange(t *testing.T) {
	for _, s := range []string{"a care macro for duplicate charges", "a KB article for the contact centre", "into the agent knowledge base"} {
		if deliverables(s) != kindSupport {
			t.Errorf("deliverables(%q) = %b, want the support kind %b", s, deliverables(s), kindSupport)
		}
	}
	for _, tt := range []struct {
		title, item string
		want        bool
	}{
		{"Refund batch for duplicate captures of 2026-04-22 charge run", "i'll put the 'charged twice' macro + refund timeline into the cx playbook this week", true},
		{"missed-bin-verifier: hold auto-return when truck telematics stale > 15 min", "i'll write a KB article for the contact centre on 'tracker says truck didn't come but bin is empty'", true},
		{"Raise fd limit on snapshot hosts", "alert when fd usage passes 70% of the limit, and raise it", false},
		{"Add a KB article on stale tracker positions", "i'll write a KB article on stale tracker positions", false},
	} {
		if got := actionDiffers(tt.title, tt.item, deliverables(tt.item)); got != tt.want {
			t.Errorf("actionDiffers(%q, %q) = %v, want %v", tt.title, tt.item, got, tt.want)
		}
	}
	inc := chat(append(append([]string{}, firefight...),
		"grace: I'll make a care macro for duplicate charges so we're not writing it from scratch at 7am next time",
	)...)
	inc.Tickets = []copilot.Ticket{{Key: "BILL-613", Title: "Refund duplicate charges from 2026-W24 billing run", Status: "done"}}
	it, ok := followUpsBySource(t, inc)[ts(inc, 0)]
	if !ok || it.Captured {
		t.Errorf("the macro: item %v, captured %v by %q, want uncaptured", ok, it.Captured, it.TicketKey)
	}
}

// "👍 adding 'please reload' to the macro" edits a reply macro while the
// incident runs; a dropped-subject "adding" to a runbook still commits.
func TestAddingToTheMacroIsDone(t *testing.T) {
	inc := chat(
		"ana: editor shows media errors since 09:55",
		"mei: batch restore running",
		"mei: top 20 accounts restored by hand",
		"jon: editor cache: anyone who had the page open still sees the error, a reload fixes it. sasha fyi for replies",
		"sasha: 👍 adding 'please reload' to the macro",
		"tomek: also adding 'check gw clock' as step 1 in the telemetry-gap runbook",
		"mei: batch job complete, 0 failed",
		"ana: resolved",
	)
	wantFollowUpLines(t, inc, followUpsBySource(t, inc), false, true, false)
}

// A check someone writes or adds ("i'll write a small parity check that runs
// nightly") is a thing made, not the look of "i'll check"; a sign-off is a
// process gate, so a line added to it is lasting work, whatever verb the line
// itself opens with.
func TestMadeCheckIsLasting(t *testing.T) {
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"tomasz: i'll also write a small parity check (class, param group, extensions, storage) that runs nightly and moans in #collections-platform if primary and replica drift",
		"gwen: I'll add a line to our monthly payroll sign-off: check gov.uk for newly announced bank holidays before the file is cut",
		"priya: i'll check the replica's instance class",
	)
	wantFollowUpLines(t, inc, got, false, true, true, false)
}

// A take-back with its reason beside it: "fair, dropping that one. oskar's
// linter covers it better" in the thread of its speaker's own promise, and
// "thinking about the ansible check again: … dropping that one, the checklist
// covers it" naming the promise made earlier.
func TestTakeBackWithReason(t *testing.T) {
	root := fmt.Sprintf("^%d ", len(firefight)+1)
	inc, got := followUpsOf(t,
		"maya: follow-ups?",
		"kenji: I'll also add a pre-deploy alert that looks in pg_stat_statements for the dropped column, to catch readers we don't know about",
		root+"hollis: 0 right now, and it would also have said 0 yesterday for the monthly report job. false confidence",
		root+"kenji: fair, dropping that one. oskar's linter covers it better",
		"oonagh: and I'll add a check to the learn ansible deploy that the name resolves the same from inside and outside",
		"jens: I'll write the TTL step into the cutover checklist by friday",
		"oonagh: thinking about the ansible check again: the learn deploy never touches DNS so it's the wrong place. dropping that one, the checklist covers it.",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false, false, true, false)
}

// "actually dropping the backoff idea, with the role limit its redundant" in
// the thread of its speaker's "I'll write a backoff into the stmt job", many
// messages later, takes the promise back, as "ok, dropping …" did.
func TestActuallyDroppingTheNamedIdea(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"maya: follow-ups?",
		"jira: created DBA-1190: Point annual statements batch at members read replica",
		"kasia: and an alert at 80% of max_connections on every db, we had zero warning before the portal fell over. by friday",
		"farid: portal should alert on hikari pending threads too, not only 5xx. we'd have seen it 10 min earlier. I'll add it",
		"ines: I'll write a backoff into the stmt job so it slows down when db connections go over 70%",
		"farid: what about pgbouncer in front of members-db so nobody can hog it",
		fmt.Sprintf("^%d ", len(firefight)+1+4)+"kasia: not this quarter. big change for the java apps (prepared statements) and role limits do the job",
		"ines: any change to batch parallelism should go through DBA review. I'll add a db connection budget section to the change template",
		"dele: can the statement emails go out after the run finishes and spread over a week? we told 200k people to log in on the same morning the batch was hammering the db",
		fmt.Sprintf("^%d ", len(firefight)+1+7)+"ruth: +1. dele can you take that with comms",
		fmt.Sprintf("^%d ", len(firefight)+1+7)+"dele: yes, I'll agree a staggered send with comms before next year's run",
		"kasia: I'll check whether any other batch role has no connection limit",
		fmt.Sprintf("^%d ", len(firefight)+1+1)+"kasia: DBA-1191 for the connections alert",
		"farid: and note to self, I was so sure it was my deploy I spent 10 mins rolling back instead of looking at the db",
		fmt.Sprintf("^%d ", len(firefight)+1+10)+"kasia: checked: contrib_batch and payroll_batch already have limits (40 and 20). only stmt_batch was missing one. I'll make a default CONNECTION LIMIT part of the role provisioning module so new batch roles get one",
		fmt.Sprintf("^%d ", len(firefight)+1+3)+"ines: actually dropping the backoff idea, with the role limit its redundant and would just make the run slower",
		"ines: lesson for me: 64 was a number I liked the look of",
	)...)
	botSays(inc, 1)
	got := followUpsBySource(t, inc)
	for k := range inc.Messages {
		if strings.Contains(inc.Messages[k].Text, "write a backoff") {
			if _, ok := got[inc.Messages[k].TS]; ok {
				t.Error("the backoff promise taken back in its thread is still a follow-up")
			}
		}
		if strings.Contains(inc.Messages[k].Text, "default CONNECTION LIMIT") {
			if _, ok := got[inc.Messages[k].TS]; !ok {
				t.Error("the CONNECTION LIMIT promise is lost")
			}
		}
	}
}

// A promise said in full after an idea was turned down is new work even when it
// names the same vendor: "could we not just poll trakvista …?" … "… no" …
// "… i'll put it to them at the contract review on the 30th that they alert us
// when webhooks fail".
func TestPromiseAfterTurnedDownIdea(t *testing.T) {
	inc, got := followUpsOf(t,
		"helen: follow-ups pls",
		"gaz: could we not just poll trakvista every few min instead of waiting for them to push to us?",
		"sam: their api is 1 req/min per fleet and only gives 15 min points, worse than what we've got. no",
		"helen: trakvista knew at 08:49 their deliveries were failing and told nobody till we asked. i'll put it to them at the contract review on the 30th that they alert us when webhooks fail",
	)
	wantFollowUpLines(t, inc, got, false, false, false, true)
}

// "CDC connector decom checklist needs 'drop the replication slot' as an
// explicit step. I'll add it to the data platform decommission page today"
// writes a step down; the done ticket that decommissioned the connector is not
// that work, though the promise's own sentence names no document.
func TestWrittenStepIsNotTheDoneChange(t *testing.T) {
	inc := chat(append(append([]string{}, firefight...),
		"priya: CDC connector decom checklist needs 'drop the replication slot' as an explicit step. I'll add it to the data platform decommission page today",
	)...)
	inc.Tickets = []copilot.Ticket{
		{Key: "OPS-4379", Title: "Decommission Debezium billing CDC connector (analytics warehouse retired)", Status: "done"},
	}
	it, ok := followUpsBySource(t, inc)[ts(inc, 0)]
	if !ok || it.Captured {
		t.Errorf("the checklist step: item %v, captured %v by %q, want uncaptured", ok, it.Captured, it.TicketKey)
	}
	// A title saying most of the step's words is judged the same way.
	inc.Tickets = []copilot.Ticket{{Key: "OPS-4380", Title: "Decommission the CDC connector and drop the replication slot on the data platform", Status: "done"}}
	it, ok = followUpsBySource(t, inc)[ts(inc, 0)]
	if !ok || it.Captured {
		t.Errorf("the checklist step against a wordy title: item %v, captured %v by %q, want uncaptured", ok, it.Captured, it.TicketKey)
	}
}

// "agree w ines, and i'd rather own my own ramps" right after ines turned the
// idea down ("no, that just moves the typo to me") takes her side: it proposes
// nothing. Agreeing with someone's idea still promotes it.
func TestAgreeingWithARefusal(t *testing.T) {
	inc, got := followUpsOf(t,
		"kofi: follow-ups?",
		"leo: honest question, should we just stop PMs editing allocations directly?",
		"ines: no, that just moves the typo to me. the guard is the fix, not who types",
		"priya: agree w ines, and i'd rather own my own ramps",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false)
	lc := analyzeLifecycle(inc.Messages)
	if !agreesWithRefusal(lc, lc.msgs[len(lc.msgs)-1]) {
		t.Error("the agreement with ines's refusal is not read as one")
	}
	if agreesWithRefusal(lc, lc.msgs[len(lc.msgs)-3]) {
		t.Error("leo's question read as agreeing with a refusal")
	}
}

// "can we not just give them paper sheets every day" … "ha no, …" … "fair. i'll
// get a printed set of last weeks rounds kept in both depot offices as a backup
// tho, by friday": conceding the refusal of one's own idea and promising a
// smaller thing is that speaker's own item, not a take of the item before; and
// "i'll raise a case with aws" after it opens a case, it takes nothing.
func TestConcedeThenPromiseOwn(t *testing.T) {
	root := fmt.Sprintf("^%d ", len(firefight))
	inc, got := followUpsOf(t,
		"helen: wrap-up while it's fresh, what do we change",
		root+"priya: and the manifest build should fall back to last week's sheet by itself if it's not done by 05:50, not me pushing it by hand at 6am. ticket incoming",
		root+"gaz: can we not just give them paper sheets every day and forget the tablets",
		root+"priya: ha no, bulky and assisted change daily, paper would be wrong by wednesday",
		root+"gaz: fair. i'll get a printed set of last weeks rounds kept in both depot offices as a backup tho, by friday",
		root+"tomasz: i'll raise a case with aws about why the storage died",
	)
	wantFollowUpLines(t, inc, got, false, true, false, false, true, false)
	if it := got[ts(inc, 4)]; it.Owner != "gaz" || it.Due != "2026-03-06" {
		t.Errorf("the printed set: owner %q due %q, want gaz and the friday", it.Owner, it.Due)
	}
	if it := got[ts(inc, 1)]; it.Owner == "gaz" || it.Due != "" {
		t.Errorf("the manifest fallback: owner %q due %q, want it not gaz's and no date", it.Owner, it.Due)
	}
}

// "thanks all. I'll link this from the weekly ops review" files the incident's
// paperwork; "I'll add a db connection budget section to the change template"
// beside it is work.
func TestLinkingTheIncidentIsPaperwork(t *testing.T) {
	inc, got := followUpsOf(t,
		"kofi: follow-ups?",
		"ines: I'll add a db connection budget section to the change template",
		"ruth: thanks all. I'll link this from the weekly ops review",
	)
	wantFollowUpLines(t, inc, got, false, true, false)
}

// "i'll reply to the top 200 reviews today with the streak restore note"
// answers the people the incident hit, once; a reply macro for next time is
// work.
func TestReplyingToTheAffectedIsComms(t *testing.T) {
	inc, got := followUpsOf(t,
		"kofi: follow-ups?",
		"dana: i'll reply to the top 200 reviews today with the streak restore note",
		"dana: i'll add a zendesk macro for streak restores so we're not writing it live next time",
	)
	wantFollowUpLines(t, inc, got, false, false, true)
}
