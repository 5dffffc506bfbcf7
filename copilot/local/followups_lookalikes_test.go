package local

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/transcript"
)

// lookalikeCase is a conversation after the shared firefight and the lines that
// must be follow-ups (every other line must not be).
type lookalikeCase struct {
	name  string
	lines []string
	items []int
}

func runLookalikes(t *testing.T, cases []lookalikeCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			inc, got := followUpsOf(t, tt.lines...)
			var lines []int
			for i := range tt.lines {
				if _, ok := got[ts(inc, i)]; ok {
					lines = append(lines, i)
				}
			}
			want := append([]int{}, tt.items...)
			sort.Ints(want)
			if len(lines) != len(want) || len(got) != len(want) {
				t.Fatalf("follow-ups at lines %v (%d items), want %v", lines, len(got), want)
			}
			for i := range want {
				if lines[i] != want[i] {
					t.Fatalf("follow-ups at lines %v, want %v", lines, want)
				}
			}
		})
	}
}

// Regrets look back: "should have" with a past participle, regular or not, or
// with a bare verb and its object as some speakers write it, or anchored in the
// past ("since forever", "long ago", "… before"), proposes nothing.
func TestFollowUpRegrets(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"an irregular participle", []string{"carla: we should have kept the old pool setting as a fallback for one release"}, nil},
		{"a bare verb with its object", []string{"carla: we should have test this migration on prod-size data"}, nil},
		{"anchored in the past by a clause-final before", []string{"carla: we should have had a pool alert on that database before"}, nil},
		{"anchored by since forever", []string{"carla: we should have had a pool alert on that database since forever"}, nil},
		{"anchored by long time ago", []string{"carla: we should have put a guard on the pool size long time ago"}, nil},
		{"should have with a noun still proposes", []string{"carla: we should have a pool saturation alert on every database"}, []int{0}},
	})
}

// A commitment complete in its own words after a regret is the follow-up; the
// regret, which proposes nothing by itself, does not take it over.
func TestFollowUpCommitmentAfterRegret(t *testing.T) {
	inc, got := followUpsOf(t,
		"carla: we should have had a wait alert on that pool since forever",
		"dan: I'll add alerting on pool waits, page if pool waits > 0 for 5 min. by fri",
	)
	if _, ok := got[ts(inc, 0)]; ok {
		t.Errorf("the regret is a follow-up: %v", got)
	}
	it, ok := got[ts(inc, 1)]
	if !ok || it.Owner != "dan" || it.Due != "2026-03-06" {
		t.Errorf("the commitment: %+v (found %v), want owner dan due 2026-03-06", it, ok)
	}
}

// An offer made and then said to be not needed, or called off by name ("scratch
// the …"), is no follow-up.
func TestFollowUpCalledOff(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"not needed, by its speaker", []string{
			"dan: I will write a script to replay the failed pool requests from the gateway logs",
			"dan: not needed, the gateway retries them for 72h",
		}, nil},
		{"scratch the named idea", []string{
			"dan: I'll add a pool saturation alert on every database",
			"dan: I'll also add a fallback pool for the reporting jobs",
			"carla: scratch the fallback pool, reporting can wait",
		}, []int{0}},
	})
}

// reportFollowUps runs the engine on a Markdown report and returns the texts of its
// follow-ups, uncaptured and captured.
func reportFollowUps(t *testing.T, src string) (open, captured []string) {
	t.Helper()
	for _, it := range reportAnswer(t, src).Items {
		if it.Captured {
			captured = append(captured, it.Text+" ["+it.TicketKey+"]")
		} else {
			open = append(open, it.Text)
		}
	}
	return open, captured
}

// reportAnswer runs the engine's follow-ups on a Markdown report.
func reportAnswer(t *testing.T, src string) *copilot.FollowUpsAnswer {
	t.Helper()
	inc, err := transcript.ReadPostmortem("PM-2026-001-test.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	return ans
}

const reportHead = "# Pool exhausted\n\nDate: 2026-03-02.\n\n## Summary\n\nThe orders pool ran out of connections for 40 minutes.\n\n" +
	"## Timeline\n\n| Time | Event |\n|---|---|\n| 09:50 | Errors start |\n| 09:55 | Dan: \"I'll check the pool settings the service reads\" |\n| 10:30 | Resolved |\n\n"

// A report's timeline row quotes what someone said then, and a heading in the
// first person future ("What we're changing") holds the to-do list.
func TestFollowUpReportShapes(t *testing.T) {
	src := reportHead + "## What we're changing\n\n" +
		"- Every service gets explicit pool limits, so defaults never decide them (Dan Ek).\n\n" +
		"- Reject requests above the queue bound before they take a connection (Ann Li).\n\n" +
		"- Send a job to a dead-letter queue after 5 failed attempts (Dan Ek, end of March).\n"
	checkReport(t, src, []string{"explicit pool limits", "Reject requests", "dead-letter queue"}, []string{"pool settings the service reads"})
}

// An entry of the action items that reports other work, or says it is no fix for
// this incident, is a note, not an item, and its ticket captures nothing.
func TestFollowUpActionNotes(t *testing.T) {
	src := reportHead + "## Action items\n\n" +
		"- Add explicit pool limits to every service (Dan Ek)\n" +
		"- Add a pool saturation alert per database (Ann Li)\n" +
		"- OPS-411 (pool driver upgrade) was opened the same week; it is routine and not a fix for this.\n" +
		"- Tickets: OPS-412 \"Pool limits per service\" was created on 3 March.\n"
	open, captured := checkReport(t, src, []string{"explicit pool limits", "saturation alert"}, []string{"OPS-411", "Tickets:", "driver upgrade"})
	if len(captured) != 1 || !strings.Contains(captured[0], "explicit pool limits") || len(open) != 1 {
		t.Errorf("captured %v, open %v: want only the pool limits captured (OPS-412)", captured, open)
	}
}

// checkReport asserts the follow-ups of a report: one holding each of want, none
// holding any of not, and nothing else.
func checkReport(t *testing.T, src string, want, not []string) (open, captured []string) {
	t.Helper()
	open, captured = reportFollowUps(t, src)
	all := strings.Join(append(append([]string{}, open...), captured...), "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("no follow-up %q in:\n%s", w, all)
		}
	}
	for _, n := range not {
		if strings.Contains(all, n) {
			t.Errorf("%q is no follow-up:\n%s", n, all)
		}
	}
	if len(open)+len(captured) != len(want) {
		t.Errorf("%d follow-ups, want %d:\n%s", len(open)+len(captured), len(want), all)
	}
	return open, captured
}

// Jokes, reports of what others will do, ideas put off to no time and ideas the
// writer says nobody took up are no follow-ups; the same ideas said plainly are.
func TestFollowUpWishesAndReports(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"irony", []string{"dan: connection pools: the only limit in prod nobody ever monitors 🙃"}, nil},
		{"the same complaint said plainly", []string{"dan: connection pools: the only limit in prod nobody ever monitors"}, []int{0}},
		{"a prediction with no deed", []string{"dan: dates are hard. next incident: february 29th"}, nil},
		{"what a vendor said it will ship", []string{"dan: the driver vendor will add per-pool quotas in their next release, their support said"}, nil},
		{"put off to no time", []string{"dan: might be worth putting a proxy in front of the pool at some point"}, nil},
		{"doubted by its speaker", []string{"dan: maybe we need a pool per tenant for all the jobs, idk"}, nil},
		{"put off, then taken up", []string{
			"dan: might be worth putting a proxy in front of the pool at some point",
			"ana: I'll take that, next sprint",
		}, []int{0}},
		{"nobody took it up", []string{"dan: could we make the pool settings shorter so people read them? nobody had a good answer"}, nil},
		{"the same question unanswered", []string{"dan: could we make the pool settings shorter so people read them?"}, []int{0}},
	})
}

// A report's lessons narrate what went wrong; a complaint there ("it is the
// second time") is no item of its own.
func TestFollowUpReportLessonComplaint(t *testing.T) {
	src := reportHead + "## Action items\n\n- Add a pool saturation alert per database (Ann Li)\n\n" +
		"## Lessons\n\nNobody watches the pool waits; it is the second time this year.\n"
	checkReport(t, src, []string{"saturation alert"}, []string{"second time"})
}

// Commitments made by their grammar after the resolution, whatever they name.
func TestFollowUpCommitmentsByGrammar(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"a team named bare commits", []string{"dan: Payments team will add read-after-write routing to the wallet service"}, []int{0}},
		{"a team takes a change on", []string{"dan: Platform team owns making the gateway default to short keepalives for every route"}, []int{0}},
		{"a first-person commitment with no lasting word", []string{"dan: I'll write a support macro for customers whose codes never arrive"}, []int{0}},
		{"a named participant will make it", []string{
			"ana: Dan will move the issuer into the secret store so it renews by itself",
			"dan: yes, works for me",
		}, []int{0}},
		{"an entry labelled for its speaker", []string{"dan: for me: page if the replica is more than 30s behind. I do it this week"}, []int{0}},
		{"a plan its speaker ends with will do", []string{"dan: page before the disk is full. 80% warn 90% page. will do"}, []int{0}},
		{"a proposal by grammar that someone agrees with", []string{
			"dan: we could cache the geocoder answers, the same addresses come again and again",
			"ana: +1 dan, good idea",
		}, []int{0}},
		{"the same proposal nobody answers waits", []string{"dan: we could cache the geocoder answers, the same addresses come again and again"}, nil},
	})
}

// The fields that close a report's action item give its owner and day when the
// report has no owner or due column: in parentheses or after a dash.
func TestFollowUpEntryFields(t *testing.T) {
	src := reportHead + "## Action items\n\n" +
		"- Add explicit pool limits to every service (Ann Li, by 2026-03-13, OPS-410)\n" +
		"- Add a pool saturation alert per database (Dan Ek, end of March)\n" +
		"- Page when the oldest queued request is older than 5 minutes — Ann Li, 2026-04-24\n" +
		"- Ann Li will enable pool leak detection on every service.\n"
	ans := reportAnswer(t, src)
	want := map[string][2]string{
		"explicit pool limits": {"Ann Li", "2026-03-13"},
		"saturation alert":     {"Dan Ek", "2026-03-31"},
		"oldest queued":        {"Ann Li", "2026-04-24"},
		"leak detection":       {"Ann Li", ""},
	}
	for _, it := range ans.Items {
		for k, w := range want {
			if strings.Contains(it.Text, k) {
				if it.Owner != w[0] || it.Due != w[1] {
					t.Errorf("%q: owner %q due %q, want %q %q", it.Text, it.Owner, it.Due, w[0], w[1])
				}
				delete(want, k)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("no follow-up for %v in %+v", want, ans.Items)
	}
}

// A stopgap ("for now") and a question about one thing to do are no follow-ups,
// whatever they name.
func TestFollowUpStopgapsAndShortQuestions(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"a stopgap", []string{"dan: can we let checkout through without validation for now?"}, nil},
		{"the same change without the stopgap", []string{"dan: can we let checkout through without validation when the validator is down?"}, []int{0}},
		{"a question about one thing", []string{"dan: should we notify the users?"}, nil},
		// "should we…?" deliberates: unanswered, or put off, it decides nothing;
		// taken up, it is the follow-up. "could we…?" asks for the thing.
		{"a deliberation that says what would last", []string{"dan: should we notify the users automatically on every outage?"}, nil},
		{"a deliberation put off", []string{"dan: should we have a redundant gateway in standby?", "ann: budget next year maybe"}, nil},
		{"a deliberation agreed", []string{"dan: should we notify the users automatically on every outage?", "ann: yes, +1, good idea"}, []int{0}},
		{"a deliberation taken on", []string{"dan: should we notify the users automatically on every outage?", "ann: yes, I'll set that up this week"}, []int{0}},
		{"a request that says what would last", []string{"dan: could we notify the users automatically on every outage?"}, []int{0}},
	})
}

// While the fire burns, "I'll <do something>" is a step of the response whatever
// tool it names; one that says what it will prevent is a follow-up.
func TestFollowUpCommitmentDuringIncident(t *testing.T) {
	for _, tt := range []struct {
		line string
		item bool
	}{
		{"ben: I'll re-create the old LB from terraform state and point it at the new pool", false},
		{"ben: I'll add a lint step to the LB terraform so a deleted listener never merges", true},
	} {
		inc := chat("ana: partners time out since 09:50", "ben: the old LB was deleted by the cutover", tt.line,
			"ben: LB back, errors gone", "ana: resolved. 1h35m of timeouts")
		got := followUpsBySource(t, inc)
		if _, ok := got[inc.Messages[2].TS]; ok != tt.item {
			t.Errorf("%q: follow-up %v, want %v (%v)", tt.line, ok, tt.item, got)
		}
	}
}

// An item quotes what it is, not the words that head it ("Action items.",
// "follow-ups please.").
func TestFollowUpQuoteAfterHeader(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"ana: Action items. Dan, please take the pool lint rule that flags connections never returned, across all services.", "Dan, please take the pool lint rule"},
		{"ana: follow-ups please. Dan will move the issuer to the secret store so it renews by itself, end of month ok?", "Dan will move the issuer"},
	} {
		inc, got := followUpsOf(t, tt.line, "dan: yes, end of month works")
		if it, ok := got[ts(inc, 0)]; !ok || !strings.HasPrefix(it.Text, tt.want) {
			t.Errorf("%q quoted %q (found %v), want it to open %q", tt.line, it.Text, ok, tt.want)
		}
	}
}

// The lasting fix reported as done ("permanent: moved …, applied") is no
// follow-up; the same fix still to do is.
func TestFollowUpPermanentFixDone(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"done", []string{"dan: permanent: moved the pool settings into the shared module, PR #421 applied, plan clean"}, nil},
		{"still to do", []string{"dan: permanent: move the pool settings into the shared module, PR #421 still to review"}, []int{0}},
	})
}

// A heading in the first person holds a to-do list only when its verb changes
// something: "What we're still unsure about" holds questions, not items.
func TestFollowUpHeadingVerb(t *testing.T) {
	if kindOfSection("what we're changing") != sectionActions || kindOfSection("what we will do differently") != sectionActions {
		t.Error("a first-person heading of change is no to-do list")
	}
	if kindOfSection("what we're still unsure about") == sectionActions {
		t.Error("a first-person heading of doubt is a to-do list")
	}
}

// A doubled question mark (or one with an exclamation) is disbelief at what a
// statement reports, not a question that proposes; the incident's own customer
// communication, whatever it is called, is paperwork.
func TestFollowUpDisbeliefAndStatusPost(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"a statement with ??", []string{"mia: since 23:25 customers report payment spinning forever and double charges??"}, nil},
		{"a statement with ?!", []string{"mia: the nightly report job ran twice?!"}, nil},
		{"a status page post", []string{"mia: how many users? do we need a status page post"}, nil},
		{"a customer message", []string{"mia: should we send a customer message about the double charges?"}, nil},
		{"a bare question naming something lasting still proposes", []string{"mia: and a pool saturation alert per database too?"}, []int{0}},
		{"a lasting change to the status page still proposes", []string{"mia: we should automate status page posts from the alerting pipeline"}, []int{0}},
	})
}

// A numbered entry continues the list another speaker started ("1) …" then "2) …"),
// the channel writing one list together; a bare "2)" after nothing numbered does not.
func TestFollowUpSharedNumberedList(t *testing.T) {
	runLookalikes(t, []lookalikeCase{
		{"two speakers, one list", []string{
			"carla: followups?",
			"dan: 1) exponential backoff + jitter and honor retry_after. a 429 must never be retried instantly. ONB-611",
			"ann: 2) a rate limiter inside the worker at 80% of the contract quota",
		}, []int{1, 2}},
		{"no list before it", []string{
			"carla: followups?",
			"dan: the vendor calls looked fine after 10:40",
			"ann: 2) a rate limiter inside the worker at 80% of the contract quota",
		}, nil},
	})
}
