package local

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// An entry the report marks done is still a commitment, listed with its state, but
// not open: nothing is left to file. It is told by the report's own marks (a status
// column, "(done …)", a ticked box, a dash and "done"), whatever the section's name,
// and "Preventative measures" is the same section as "Preventive measures".
func TestReportDoneEntriesAreListedNotOpen(t *testing.T) {
	ans := reportAnswer(t, reportHead+"## Preventative measures\n\n"+
		"- The upload job now writes to a temporary name and renames it when complete (done on 15 March).\n"+
		"- @quinn: delete the leftover partial directories — done 2026-03-03.\n"+
		"- Alert when more than 1% of prices change to zero in one import. Owner: Ana Ruiz, due 2026-03-28.\n")
	byText := map[string]bool{}
	open := 0
	for _, it := range ans.Items {
		if it.Open() {
			open++
			if it.Done {
				t.Errorf("%q is done and open", it.Text)
			}
		}
		byText[it.Text] = it.Done
	}
	var alert, upload bool
	for text, done := range byText {
		switch {
		case strings.HasPrefix(text, "Alert when more than 1%"):
			alert = true
			if done {
				t.Errorf("%q marked done", text)
			}
		case strings.HasPrefix(text, "The upload job now writes"):
			upload = true
			if !done {
				t.Errorf("%q not marked done", text)
			}
		case strings.Contains(text, "partial directories") && !done:
			t.Errorf("%q not marked done", text)
		}
	}
	if !alert || !upload || open != 1 {
		t.Errorf("want the alert open and the upload listed as done, got %d open of %+v", open, ans.Items)
	}
}

// An entry closed by a label that strikes it ("Won't do:", "Removed:") after its
// sentence is no follow-up; the same words inside a sentence are part of the work.
func TestReportEntryStruckByALabel(t *testing.T) {
	open, captured := reportFollowUps(t, reportHead+"## Action items\n\n"+
		"1. Replace the portal's SAML library. Won't do: the library behaved correctly.\n"+
		"2. Restart the app servers when sign-in fails. Removed: the restart did not help.\n"+
		"3. Publish the metadata rollover procedure in the runbook, including which removed: settings to keep. Owner: R. Achterberg.\n")
	if len(captured) != 0 || len(open) != 1 || !strings.HasPrefix(open[0], "Publish the metadata rollover procedure") {
		t.Errorf("open %q captured %q, want only the rollover procedure open", open, captured)
	}
}

// A message its writer labels a lesson states what was learnt; one that also puts
// the work on the team's list is a follow-up.
func TestLessonLabel(t *testing.T) {
	for s, want := range map[string]bool{
		"lesson: rotation scripts that touch two systems owned by two teams need a handshake":                   true,
		"And the bigger lesson, honestly, is that nobody should be doing network calls inside a db transaction": true,
		"lesson for me: customers notice billing emails faster than our monitors do":                            true,
		"Takeaway — the runbook's purge advice would have lost the quotes":                                      true,
		"Learning: we need to replay a day of production traffic against a new limiter config before rollout.":  false,
		"lesson learned, I'll add the handshake to the rotation script by friday":                               false,
		"we should write down the lessons: an alert on replica lag":                                             false,
		"the lesson plan service needs a second replica":                                                        false,
		"note to self: check the delivery side before restarting consumers next time":                           true,
		"note to self: I'll add the delivery check to the consumer runbook by friday":                           false,
	} {
		if got := lesson(strings.ToLower(s)); got != want {
			t.Errorf("lesson(%q) = %v, want %v", s, got, want)
		}
	}
}

// Another party's promise reported to us, a proposal its writer says commits
// nobody, and a one-off refund are no follow-ups of ours.
func TestReportedAndUncommittedLookAlikes(t *testing.T) {
	for s, want := range map[string]bool{
		"the cdn provider has told us they will publish a root cause for their outage next week.": true,
		"the vendor informed us that it will patch the firmware in q3":                            true,
		"we told them we will add a retry budget":                                                 false,
	} {
		if got := othersPromise(s); got != want {
			t.Errorf("othersPromise(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"i would like us to consider whether the feed should move to push, but this is not a commitment at this stage.": true,
		"we should move the feed to push, i'm committing to it by friday":                                               false,
		// A proposal put off in the same breath: the decision is deferred, nobody took it.
		"would a second vendor make sense? not deciding that today.":                              true,
		"maybe we could make it faster, but no owner for now, we look at it again if it happens.": true,
		"we also want a second backup copy in another subscription, owner not decided yet.":       false,
	} {
		if got := notCommitted(s); got != want {
			t.Errorf("notCommitted(%q) = %v, want %v", s, got, want)
		}
	}
	if !fuRegretRE.MatchString("we should have load-tested the heartbeat change with 2k clients.") {
		t.Error("a regret with a hyphenated participle")
	}
	if !paperwork("i need a written timeline by 09:00 tomorrow for the ministry.") {
		t.Error("a written timeline for the ministry is the incident's paperwork")
	}
	if !remedy("what about riders who got charged twice? i'll make sure customer service refunds them.") {
		t.Error("a refund to the riders is a remedy")
	}
	for _, low := range []string{"waive the late-payment fee for the 41 customers with a due date of 18 april.",
		"no-show fees for the 06:00-08:00 slots today are waived, already told billing."} {
		if !remedy(low) {
			t.Errorf("%q: a fee waived is a remedy", low)
		}
	}
	if remedy("add a check that blocks the fee run when the waiver table is empty.") {
		t.Error("a check on the fee run is lasting work")
	}
}

// One issue written twice in a message (its number and its link) is one ticket.
func TestSameIssueOnce(t *testing.T) {
	got := sameIssueOnce([]string{"https://github.com/dustgrid/game-client/issues/4471", "#4471", "acme/infra#12", "#13"})
	if strings.Join(got, " ") != "https://github.com/dustgrid/game-client/issues/4471 acme/infra#12 #13" {
		t.Errorf("sameIssueOnce = %q", got)
	}
}

// A list that a promise introduces ("Going forward we will:") is a to-do list
// wherever it stands in a short report, and its entries end at their separators.
func TestPromisedList(t *testing.T) {
	ans := reportAnswer(t, "# Sign-in problems on 21 November\n\n"+
		"We're sorry. On 21 November, between 18:05 and 19:50, many of you could not sign in.\n\n"+
		"What happened: a routine update replaced the list of return addresses.\n\n"+
		"What we did: at 19:32 we restored the previous configuration.\n\n"+
		"Going forward we will:\n\n"+
		"- check every change to the sign-in configuration against each of our apps before it goes live;\n"+
		"- keep the previous configuration ready to restore in one step;\n"+
		"- alert our engineers as soon as sign-ins from the apps drop.\n\n"+
		"Thank you for listening with us.\n")
	var got []string
	for _, it := range ans.Items {
		got = append(got, it.Text)
	}
	want := []string{
		"Check every change to the sign-in configuration against each of our apps before it goes live.",
		"Keep the previous configuration ready to restore in one step.",
		"Alert our engineers as soon as sign-ins from the apps drop.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("items %q, want %q", got, want)
	}
}

// A tracker bot's "KEY: title" announces the ticket it names, and captures the
// item its title says in other words; a ticket for other work on the same system
// captures nothing. "ticket 4412" in words cites a ticket like "#4412".
func TestCaptureByBotAnnouncementAndNumberInWords(t *testing.T) {
	inc := synthetic("INC-B",
		"bot> ALERT: cap-dispatcher has 0 areas loaded",
		"kwame: rolled back the area config, alerts flowing again",
		"kwame: resolved, thanks all",
		"kwame: follow ups: the dispatcher has to refuse a config with zero areas and keep the old one. I'll write that, by next Thursday",
		"ama: I'll add a reconciliation check that flags an alert area with no recipients, nightly. ticket 4412 in our board",
		"lena: and we should page on a drop in broadcasts per minute",
		"bot> WX-1207: cap-dispatcher: reject area config with zero entries and keep last good",
		"bot> WX-1208: Deploy: clean /tmp on dispatcher hosts before release",
	)
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, it := range ans.Items {
		got[strings.Fields(it.Text)[0]+" "+strings.Fields(it.Text)[1]] = it.TicketKey
	}
	want := map[string]string{"The dispatcher": "WX-1207", "I'll add": "#4412", "And we": ""}
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Errorf("%q: ticket %q (found %v), want %q; all %v", k, g, ok, v, got)
		}
	}
}

// A report is written at once: a later note that files a ticket and says what for
// captures the item it describes, however many paragraphs lie between.
func TestReportTicketNoteFarFromItsItem(t *testing.T) {
	var filler strings.Builder
	for i := range 10 {
		fmt.Fprintf(&filler, "Paragraph %d of the analysis describes the tick table loader in more detail.\n\n", i)
	}
	open, captured := reportFollowUps(t, reportHead+"## Follow-ups\n\n"+
		"- I'll add a pre-open check that compares the loaded tick table with the vendor's checksum summary. By Friday.\n"+
		"- Subscribe the team inbox to the vendor's change feed.\n\n"+
		"## Analysis\n\n"+filler.String()+
		"## Tickets\n\nLinked issue MKTOPS-6127 created: \"Pre-open validation: compare loaded tick table with vendor checksum summary\".\n")
	if len(captured) != 1 || !strings.Contains(captured[0], "[MKTOPS-6127]") || len(open) != 1 || !strings.HasPrefix(open[0], "Subscribe") {
		t.Errorf("open %q captured %q, want the pre-open check captured by MKTOPS-6127", open, captured)
	}
}

// "Actions" alone heads a to-do list; "Actions taken" heads the response's story.
func TestActionsHeading(t *testing.T) {
	for h, want := range map[string]sectionKind{
		"Actions":                     sectionActions,
		"Acciones / Actions":          sectionActions,
		"Actions taken":               sectionNarrative,
		"Actions performed today":     sectionNarrative,
		"Things we decided not to do": sectionSkip,
		"Rejected actions":            sectionSkip,
		"Out of scope":                sectionSkip,
	} {
		if got := kindOfSection(strings.ToLower(h)); got != want {
			t.Errorf("kindOfSection(%q) = %v, want %v", h, got, want)
		}
	}
}

// Hedges and reminders commit nobody; another team's promise on their side is theirs.
func TestHedgesAndOtherTeams(t *testing.T) {
	for s, want := range map[string]bool{
		"that is a marketing decision, we will raise it, no promise.":                                             true,
		"i do not know if we will fix the reload, it is the vendor's library.":                                    true,
		"the old action item \"review mappings yearly\" was never done, quoting it as a reminder, not a new one.": true,
		"we will raise the pool size limit to 50 by friday":                                                       false,
	} {
		if got := notCommitted(s); got != want {
			t.Errorf("notCommitted(%q) = %v, want %v", s, got, want)
		}
	}
	if !othersPromise("network team will add the idle-session timeout to their own firewall checklist, bruno confirmed that on their side.") {
		t.Error("another team's promise on their side is theirs")
	}
	if othersPromise("our team will add the timeout check on our side, and the network team confirmed it on their side") {
		t.Error("our team's promise is ours")
	}
}

// A report's improvements per team ("## Improvements" / "### Support team") are its
// to-do list, and an entry closed by "(name, done date)" there is done.
func TestImprovementsPerTeam(t *testing.T) {
	ans := reportAnswer(t, reportHead+"## Improvements\n\n### Platform team\n\n"+
		"1. Manage storage lifecycle policies only through Terraform (Priya Nair, TMS-940).\n\n### Support team\n\n"+
		"1. Add \"exports return 404\" to the triage guide with the check for soft-deleted blobs (Mei Tanaka, done 2026-11-12).\n")
	var open, done, captured int
	for _, it := range ans.Items {
		switch {
		case it.Captured:
			captured++
		case it.Done:
			done++
		default:
			open++
		}
	}
	if open != 0 || done != 1 || captured != 1 {
		t.Errorf("open %d done %d captured %d, want 0/1/1: %+v", open, done, captured, ans.Items)
	}
}

// A message that files two tickets and takes one of them keeps the one it takes;
// the other captures the item it was filed for.
func TestItemMessageWithTwoTickets(t *testing.T) {
	inc := synthetic("INC-AB",
		"bot> ALERT: 3DS failures above 20% on ferry checkout",
		"ana: rolled the acquirer domain config back, payments going through again",
		"ana: resolved",
		"ana: for next time: I will write a domain change checklist which has all the external configs, for the next sprint",
		"leo: AB#20931 created for the checklist, and AB#20932 for the alert on 3DS failure rate, I take the alert, by tuesday",
	)
	ans, err := New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, it := range ans.Items {
		got[it.Owner] = it.TicketKey
	}
	if got["ana"] != "AB#20931" || got["leo"] != "AB#20932" {
		t.Errorf("tickets by owner %v, want ana AB#20931 and leo AB#20932", got)
	}
}

// "we want a …" proposes as "we need a …" does.
func TestWeWantProposes(t *testing.T) {
	for _, s := range []string{"we want a missed-run alert within 30 minutes of the scheduled time.", "we'd like a canary for the config push"} {
		if !proposalForm(s, true) {
			t.Errorf("proposalForm(%q) = false", s)
		}
	}
	if proposalForm("we want to go home, it is 4am", true) {
		t.Error("a wish about now proposes nothing")
	}
}

// "Done on <day>" after an entry marks it done; "must be done on <day>" gives it
// a deadline.
func TestDoneOnADay(t *testing.T) {
	for _, tt := range []struct {
		low  string
		want bool
	}{
		{"audit the other 30 re-created records done on 2026-05-28, all other targets were correct.", true},
		{"the restore drill was completed on 12 may.", true},
		{"the audit must be done on 2026-06-01.", false},
		{"rotate the keys, to be done on june 3.", false},
	} {
		if got := doneOnDate(tt.low); got != tt.want {
			t.Errorf("doneOnDate(%q) = %v, want %v", tt.low, got, tt.want)
		}
	}
}

// A report's sentence after an idea that says it was turned down drops it.
func TestDroppedBySentenceAfter(t *testing.T) {
	for s, want := range map[string]bool{
		"We also discussed adding more workers for big events. We decided against it: it treats the symptom.":   true,
		"A second cache cluster was proposed as a fallback. The review ruled it out: the fault was our client.": true,
		"We rejected that: it only moves the date. Moving pg_wal back was proposed.":                            false, // nothing before it to turn down
		"Add more workers for big events. We decided to do it next quarter.":                                    false,
	} {
		if got := dropped(s); got != want {
			t.Errorf("dropped(%q) = %v, want %v", s, got, want)
		}
	}
}
