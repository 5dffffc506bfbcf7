package transcript

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
)

// actionItemTests give a postmortem and what its action items become: the messages
// of the Action Items section (in order) and the tickets.
var actionItemTests = []struct {
	name     string
	src      string
	section  string // where the items are, "Action Items" unless set
	messages []string
	tickets  []copilot.Ticket
}{
	{
		name: "table read by column: owner, ticket, due, status",
		src: "# Payments outage\n\n## Action items\n\n" +
			"| Action | Owner | Ticket | Due date | Status |\n|---|---|---|---|---|\n" +
			"| Alert on pool saturation | @dana | [PAY-12](https://acme.atlassian.net/browse/PAY-12) | 2024-06-01 | Done |\n" +
			"| Add a canary stage | Lee Park | - | Q3 | in progress |\n" +
			"| Document the failover | | | | |\n",
		section: "Action items",
		messages: []string{
			"Alert on pool saturation\nOwner: @dana\nDue: 2024-06-01\nStatus: done\nTicket: PAY-12 (https://acme.atlassian.net/browse/PAY-12)",
			"Add a canary stage\nOwner: Lee Park\nDue: Q3\nStatus: in progress",
			"Document the failover",
		},
		tickets: []copilot.Ticket{{Key: "PAY-12", Title: "Alert on pool saturation", URL: "https://acme.atlassian.net/browse/PAY-12", Status: "done"}},
	},
	{
		name: "a numbered heading names its section by what follows the number",
		src: "# Review\n\n## 5. What went well\n\nThe DBA was reachable.\n\n## 6. Actions\n\n" +
			"| # | Action | Owner | Ticket | Due | Status |\n|---|---|---|---|---|---|\n" +
			"| 1 | Replace the SQL login with a managed service account | Ana R. | CHG-1301 | 2026-09-15 | Open |\n" +
			"| 2 | Audit SQL logins for password expiry | Marco B. | — | 2026-09-11 | Open |\n",
		section: "Actions",
		messages: []string{
			"Replace the SQL login with a managed service account\nOwner: Ana R.\nDue: 2026-09-15\nTicket: CHG-1301",
			"Audit SQL logins for password expiry\nOwner: Marco B.\nDue: 2026-09-11",
		},
		tickets: []copilot.Ticket{{Key: "CHG-1301", Title: "Replace the SQL login with a managed service account", Status: "open"}},
	},
	{
		name: "a ticket cell holding one key whose project name has parts",
		src: "# X\n\n## Action items\n\n" +
			"| Action | Owner | Ticket |\n|---|---|---|\n" +
			"| Warn tenant admins before a credential expires | Anouk de Vries | BT-DEV-9702 |\n" +
			"| Page on kiosk offline | Marta | see notes |\n",
		section: "Action items",
		messages: []string{
			"Warn tenant admins before a credential expires\nOwner: Anouk de Vries\nTicket: BT-DEV-9702",
			"Page on kiosk offline\nOwner: Marta", // words, not a key
		},
		tickets: []copilot.Ticket{{Key: "BT-DEV-9702", Title: "Warn tenant admins before a credential expires", Status: "open"}},
	},
	{
		name: "synonyms in other order; the item column found by name",
		src: "# X\n\n## Follow-ups\n\n" +
			"| Who | Deadline | Description | Jira |\n|---|---|---|---|\n" +
			"| sam | next sprint | Cap connections per pod | OPS-7 |\n",
		section:  "Follow-ups",
		messages: []string{"Cap connections per pod\nOwner: sam\nDue: next sprint\nTicket: OPS-7"},
		tickets:  []copilot.Ticket{{Key: "OPS-7", Title: "Cap connections per pod", Status: "open"}},
	},
	{
		// The item struck through with its owner cell left as written, and a
		// status a tracker gives an item nobody will do.
		name: "a row whose item is struck through, a withdrawn status",
		src: "# X\n\n## Action items\n\n| # | Action | Owner | Status |\n|---|---|---|---|\n" +
			"| 1 | ~~Replace the regex engine with RE2~~ | Owen Park | |\n" +
			"| 2 | Page on send failures | Gia | Withdrawn |\n",
		section: "Action items",
		messages: []string{
			"Replace the regex engine with RE2\nOwner: Owen Park\nStatus: done",
			"Page on send failures\nOwner: Gia\nStatus: withdrawn",
		},
		tickets: []copilot.Ticket{},
	},
	{
		name: "lists: inline keys, tracker links, task boxes, strikethrough",
		src: "# X\n\n## Action Items\n\n" +
			"- [x] Pin the pool size (PAY-881)\n" +
			"- [ ] Add a probe, see [the issue](https://github.com/acme/infra/issues/42 \"probe\")\n" +
			"- ~~Write a load test~~\n" +
			"- Review limits with **platform**\n" +
			"  - Reach out to teams about limits\n",
		messages: []string{
			"Pin the pool size (PAY-881)\nStatus: done",
			"Add a probe, see the issue (https://github.com/acme/infra/issues/42)",
			"Write a load test\nStatus: done",
			"Review limits with platform",
			"Reach out to teams about limits",
		},
		tickets: []copilot.Ticket{
			{Key: "PAY-881", Title: "Pin the pool size (PAY-881)", Status: "done"},
			{Key: "https://github.com/acme/infra/issues/42", Title: "Add a probe, see the issue (https://github.com/acme/infra/issues/42)", URL: "https://github.com/acme/infra/issues/42", Status: "open"},
		},
	},
	{
		// A list entry closed by a dash and "done" (with a date or not) is done;
		// "done" elsewhere in the entry is part of what to do.
		name: "lists: a trailing \"— done <date>\"",
		src: "# X\n\n## Action Items\n\n" +
			"- @quinn: delete the leftover partial directories — done 2026-05-03.\n" +
			"- Make sure the nightly sweep is done before the sync - owner @halvard\n",
		messages: []string{
			"@quinn: delete the leftover partial directories — done 2026-05-03.\nStatus: done",
			"Make sure the nightly sweep is done before the sync - owner @halvard",
		},
		tickets: []copilot.Ticket{},
	},
	{
		name:     "setext title, then the Action items section",
		src:      "Payments outage\n===============\n\nOverview text.\n\nAction items\n------------\n\n* Add an alert\n<!-- reviewer: check owners -->\n",
		messages: []string{"Add an alert"},
		section:  "Action items",
		tickets:  []copilot.Ticket{},
	},
	{
		// "Actions" alone (a PIR template's heading, or a bilingual one) names the
		// to-do list; "Actions taken" is the response's narrative.
		name: "an Actions heading, bilingual too",
		src: "# X\n\n## Acciones / Actions\n\n| Priority | Action | Owner | Due | Ticket |\n|---|---|---|---|---|\n" +
			"| P2 | Alert when deleted bytes exceed 3x the median | Dana | 2026-05-27 | - |\n",
		section:  "Acciones / Actions",
		messages: []string{"Alert when deleted bytes exceed 3x the median\nPriority: P2\nOwner: Dana\nDue: 2026-05-27"},
		tickets:  []copilot.Ticket{},
	},
	{
		// "done" where the date would be, "won't do" where the ticket would be, and a
		// done note with its who and when in the closing parentheses.
		name: "done and won't-do in other columns",
		src: "# X\n\n## Actions\n\n| Priority | Action | Owner | Due | Ticket |\n|---|---|---|---|---|\n" +
			"| P3 | Enable object versioning on the bucket | Dana | done | PHOTO-765 |\n" +
			"| P3 | Evaluate moving the purge to the storage team | Hannah | - | won't do |\n\n" +
			"- Remove console write access for developers (done by Kwame at 11:30, it is already active)\n",
		section: "Actions",
		messages: []string{
			"Enable object versioning on the bucket\nPriority: P3\nOwner: Dana\nStatus: done\nTicket: PHOTO-765",
			"Evaluate moving the purge to the storage team\nPriority: P3\nOwner: Hannah\nStatus: won't do",
			"Remove console write access for developers (done by Kwame at 11:30, it is already active)\nStatus: done",
		},
		tickets: []copilot.Ticket{{Key: "PHOTO-765", Title: "Enable object versioning on the bucket", Status: "done"}},
	},
	{
		// The day it was finished beside "done" in either column.
		name: "done with its date",
		src: "# X\n\n## Actions\n\n| # | Action | Owner | Due | Status |\n|---|---|---|---|---|\n" +
			"| 1 | Raise the indexer heap to 6 GB | Rafa | Done 3 Feb | |\n" +
			"| 2 | Pin the AP channels | Farah | - | closed on 2026-05-19 |\n" +
			"| 3 | Alert on the deferred list | Priya | 2026-03-31 | |\n",
		section: "Actions",
		messages: []string{
			"Raise the indexer heap to 6 GB\nOwner: Rafa\nStatus: done",
			"Pin the AP channels\nOwner: Farah\nStatus: done",
			"Alert on the deferred list\nOwner: Priya\nDue: 2026-03-31",
		},
		tickets: []copilot.Ticket{},
	},
	{
		name:     "Actions taken: the response, not a to-do list",
		src:      "# X\n\n## Actions taken\n\n- Restarted the pods (OPS-7)\n- Rolled back to 2.3\n",
		section:  "Actions taken",
		messages: []string{"Restarted the pods (OPS-7)", "Rolled back to 2.3"},
		tickets:  []copilot.Ticket{}, // an action item's key would make a ticket
	},
	{
		name:     "no Action items heading: nothing invented",
		src:      "# X\n\n## Summary\n\nWe should alert on pool saturation (see CVE-2021-44228).\n\n- Restarted the pods\n",
		section:  "Action Items",
		messages: nil,
		tickets:  []copilot.Ticket{},
	},
	{
		// The SRE book's table: its Bug column holds a key, or "done" for an item
		// finished during the incident (no ticket needed), or a placeholder.
		name: "bug column: a key, done, or a placeholder",
		src: "# X\n\n## Action Items\n\n" +
			"| Action Item | Type | Priority | Owner | Bug |\n|---|---|---|---|---|\n" +
			"| Power relay-01 back on | mitigate | P0 | jchen | done |\n" +
			"| Lower the TTL before a repoint | prevent | P1 | lwalker | NET-501 |\n" +
			"| Keep retired endpoints forwarding | prevent | P2 | infra | TBD |\n",
		messages: []string{
			"Power relay-01 back on\nType: mitigate\nPriority: P0\nOwner: jchen\nStatus: done",
			"Lower the TTL before a repoint\nType: prevent\nPriority: P1\nOwner: lwalker\nTicket: NET-501",
			"Keep retired endpoints forwarding\nType: prevent\nPriority: P2\nOwner: infra",
		},
		tickets: []copilot.Ticket{{Key: "NET-501", Title: "Lower the TTL before a repoint", Status: "open"}},
	},
	{
		// A CAPA table numbers its rows (CA-1, PA-3) in a column of its own: the
		// numbers look like tracker keys and are not, and the heading is an actions
		// heading.
		name: "CAPA table: the ID column is the report's numbering",
		src: "# X\n\n## Corrective and preventive actions (CAPA)\n\n" +
			"| ID | Action | Owner | Due | Status | Jira |\n|---|---|---|---|---|---|\n" +
			"| PA-1 | Add a policy check on lifecycle rules | Olu | 2026-09-30 | Open | PLAT-7710 |\n" +
			"| PA-3 | Alert on object deletions | Kwame | Q4 | Open | |\n",
		section: "Corrective and preventive actions (CAPA)",
		messages: []string{
			"Add a policy check on lifecycle rules\nOwner: Olu\nDue: 2026-09-30\nTicket: PLAT-7710",
			"Alert on object deletions\nOwner: Kwame\nDue: Q4",
		},
		tickets: []copilot.Ticket{{Key: "PLAT-7710", Title: "Add a policy check on lifecycle rules", Status: "open"}},
	},
	{
		name:     "a reference to another postmortem is not a ticket",
		src:      "# X\n\n## Action Items\n\n- Finish the work from PM2019-009\n",
		messages: []string{"Finish the work from PM2019-009"},
		tickets:  []copilot.Ticket{},
	},
}

func TestActionItems(t *testing.T) {
	for _, tt := range actionItemTests {
		t.Run(tt.name, func(t *testing.T) {
			inc, err := ReadPostmortem("PM2024-001 - X.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			section := tt.section
			if section == "" {
				section = "Action Items"
			}
			var got []string
			for _, m := range inc.Messages {
				if m.UserName == section {
					got = append(got, m.Text)
				}
			}
			if jsonOf(t, got) != jsonOf(t, tt.messages) {
				t.Errorf("messages:\n%s\nwant\n%s", jsonOf(t, got), jsonOf(t, tt.messages))
			}
			if jsonOf(t, inc.Tickets) != jsonOf(t, tt.tickets) {
				t.Errorf("tickets:\n%s\nwant\n%s", jsonOf(t, inc.Tickets), jsonOf(t, tt.tickets))
			}
		})
	}
}

func TestSetextTitle(t *testing.T) {
	src := "Payments outage\n===============\n\nOverview text.\n\nAction items\n------------\n\n- Add an alert\n"
	inc, err := ReadPostmortem("notes/outage.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if inc.Title != "Payments outage" || inc.ID != "outage" {
		t.Errorf("id %q title %q", inc.ID, inc.Title)
	}
	if m := inc.Messages[0]; m.UserName != "Introduction" || m.Text != "Overview text." {
		t.Errorf("first message %+v", m)
	}
}

// TestActionItemFollowUps runs the local engine over a table of action items: the
// rows without a ticket come out uncaptured, with the owner and due of their columns
// and text without pipes or field lines.
func TestActionItemFollowUps(t *testing.T) {
	inc, err := ReadPostmortem("PM2024-001 - X.md", []byte(actionItemTests[0].src))
	if err != nil {
		t.Fatal(err)
	}
	ans, err := local.New(nil).FollowUps(context.Background(), inc)
	if err != nil {
		t.Fatal(err)
	}
	type item struct {
		Text, Owner, Due, Key string
		Captured              bool
	}
	var got []item
	for _, it := range ans.Items {
		got = append(got, item{it.Text, it.Owner, it.Due, it.TicketKey, it.Captured})
	}
	want := []item{
		// The Due column's "Q3" names a quarter, no day: kept as words only, as the
		// dev7 and dev10 labels have "Q4 2026" and "Q3" (duedate.go).
		{Text: "Add a canary stage.", Owner: "Lee Park"},
		{Text: "Document the failover."},
		{Text: "Alert on pool saturation.", Owner: "dana", Due: "2024-06-01", Key: "PAY-12", Captured: true},
	}
	if jsonOf(t, got) != jsonOf(t, want) {
		t.Errorf("follow-ups:\n%s\nwant\n%s", jsonOf(t, got), jsonOf(t, want))
	}
	for _, it := range ans.Items {
		if strings.Contains(it.Text, "|") {
			t.Errorf("pipe in %q", it.Text)
		}
	}
}

// A report's parts named in other words or numbered ("2. Chronology", "7.
// Improvement actions") are read for what they are, and reading them so moves no
// message's ts: labels and links made before still name the same messages. Here the
// only ISO date is a due date in the action table, which set the ts base before the
// table was read as action items; it still does.
func TestRewordedHeadingsKeepTheirTS(t *testing.T) {
	src := "# VAT wizard review\n\n| Field | Value |\n|---|---|\n| Date of incident | Tuesday 20 January 2026 |\n\n" +
		"## 2. Chronology\n\n| Time | Event |\n|---|---|\n| 06:05 | First session errors |\n| 07:10 | Failover reverted |\n\n" +
		"## 7. Improvement actions\n\n| # | Action | Owner | Ticket | Due |\n|---|---|---|---|---|\n" +
		"| 1 | Store the wizard draft server-side | M. de Wit | EFIL-9 | 2026-03-31 |\n" +
		"| 2 | Alert on session errors over 2% | E. Jansen | — | — |\n"
	inc, err := ReadPostmortem("PIR-2026-003.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := inc.Messages[0].TS, "1774915200.000000"; got != want {
		t.Errorf("first ts %s, want %s (the base the reader gave this report before)", got, want)
	}
	var items []string
	for _, m := range inc.Messages {
		if m.UserName == "Improvement actions" {
			items = append(items, m.Text)
		}
	}
	want := []string{
		"Store the wizard draft server-side\nOwner: M. de Wit\nDue: 2026-03-31\nTicket: EFIL-9",
		"Alert on session errors over 2%\nOwner: E. Jansen",
	}
	if strings.Join(items, "|") != strings.Join(want, "|") {
		t.Errorf("action items %q, want %q", items, want)
	}
}
